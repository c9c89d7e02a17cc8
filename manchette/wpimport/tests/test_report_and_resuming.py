"""What the import tells (report, exit codes, progress bar), what it leaves alone (one purge,
no per-item indexing), and a run stopped half-way taken up again."""

import io
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from manchette.comments.models import Comment
from manchette.core.caching.versions import SITE_VERSION_KEY, scope_key
from manchette.news.models import ArticlePage
from manchette.topics.models import Topic, TopicAlias
from manchette.wpimport.models import ImportedItem

from . import wxr_builder as w
from .conftest import run_import, sample_elements

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_report_counts_every_kind_and_outcome(export, uploads, tmp_path):
    report = tmp_path / "report.json"
    code, out = run_import(export, uploads=uploads, extra=["--report", str(report)])
    assert code == 0, out
    data = json.loads(report.read_text())
    assert data["exit_code"] == 0
    post = data["kinds"]["post"]
    assert (post["read"], post["created"], post["skipped"]) == (9, 8, 1)
    assert post["skipped_reasons"] == {"corbeille": 1}
    assert data["kinds"]["comment"]["skipped_reasons"] == {"note éditoriale (jamais publique)": 1}
    assert data["comments_by_status"] == {"published": 5, "pending": 1, "spam": 1, "rejected": 2}
    assert data["media"] == {"found": 1, "missing": 1}
    assert data["missing_media"] == [{"id": 51, "file": "2024/03/absente.jpg"}]
    assert data["redirects"]["created"] > 20
    dropped = data["html_dropped"]
    assert dropped["<script>"] == {"count": 1, "samples": [101]}
    assert dropped["attribut on*"]["samples"] == [101]
    assert dropped["lien javascript:"]["count"] == 1
    assert dropped["shortcode [contact-form-7]"]["samples"] == [102]
    assert dropped["bloc acme/countdown"]["count"] == 1
    assert data["kinds"]["page"]["created"] == 1
    assert data["pages_not_imported"] == []
    assert data["duration_seconds"] >= 0 and data["peak_memory_mb"] > 0
    assert "Durée" in out and "link_topics" in out


def test_a_post_that_fails_is_reported_with_exit_1_and_the_rest_goes_in(tmp_path):
    broken = w.item(7, "Cassé", "<p>x</p>").replace("<wp:post_id>7<", "<wp:post_id>sept<")
    path = tmp_path / "export.xml"
    path.write_text(w.document(broken, w.item(8, "Entier", "<p>y</p>")), encoding="utf-8")
    code, out = run_import(path)
    assert code == 1
    assert "Échec : post sept" in out
    assert list(ArticlePage.objects.values_list("slug", flat=True)) == ["article-8"]


def test_a_progress_bar_on_a_terminal_only(export):
    terminal = Terminal()
    call_command("import_wordpress", str(export), stdout=terminal)
    assert "Passe 1/2 [" in terminal.getvalue() and "Passe 2/2 [" in terminal.getvalue()
    assert "100 %" in terminal.getvalue()
    _code, out = run_import(export)  # not a terminal: no bar
    assert "Passe" not in out


def test_the_page_cache_is_purged_once_at_the_end_not_per_article(export):
    cache.clear()
    run_import(export)
    assert cache.get(SITE_VERSION_KEY)  # the one purge of the whole site
    for page in ArticlePage.objects.all():
        assert cache.get(scope_key("path", page.url)) is None, page.url


def test_the_admin_search_index_is_filled_at_the_end_and_caught_up_after_a_stop(export):
    run_import(export)
    articles = ArticlePage.objects.all()
    assert IndexEntry.objects.filter(object_id__in=[str(a.pk) for a in articles]).count() == 8
    assert [t.name for t in get_search_backend().search("Budget", Topic)] == ["Budget"]
    # A run stopped before its end left its articles unindexed: the next run indexes them.
    IndexEntry.objects.all().delete()
    code, _out = run_import(export)
    assert code == 0
    assert IndexEntry.objects.filter(object_id__in=[str(a.pk) for a in articles]).count() == 8
    assert [a.slug for a in ArticlePage.objects.search("budget")][:1] == ["article-gutenberg"]


def test_a_run_stopped_half_way_is_simply_run_again(tmp_path, export):
    text = w.document(*sample_elements())
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("<wp:post_id>104</wp:post_id>")], encoding="utf-8")
    code, _out = run_import(cut)
    assert code == 2  # cut short: what came before the cut is in
    assert ArticlePage.objects.count() == 3
    comments_before = set(Comment.objects.values_list("pk", flat=True))
    code, out = run_import(export)
    assert code == 0, out
    assert ArticlePage.objects.count() == 8
    assert set(Comment.objects.values_list("pk", flat=True)) == comments_before
    counts = [m.objects.count() for m in (ArticlePage, Comment, Revision, Redirect, TopicAlias)]
    items = ImportedItem.objects.count()
    code, _out = run_import(export)
    assert code == 0
    assert [m.objects.count() for m in (ArticlePage, Comment, Revision, Redirect, TopicAlias)] == (
        counts
    )
    assert ImportedItem.objects.count() == items
