"""What WordPress writes in an export, read as it means it: older WXR versions, GMT dates,
the chapô made from the first paragraph when a post has no excerpt."""

import pytest

from manchette.news.models import ArticlePage

from . import wxr_builder as w
from .conftest import run_import

pytestmark = pytest.mark.django_db

LONG = " ".join(["Le conseil municipal a longuement débattu du budget de la commune."] * 8)


def test_an_export_in_wxr_1_0_is_read_as_1_2(tmp_path):
    text = w.document(
        w.category(1, "politique", "Politique"),
        w.item(10, "Ancien", "<p>x</p>", categories=[("politique", "Politique")]),
    )
    text = text.replace("export/1.2/", "export/1.0/").replace(">1.2<", ">1.0<")
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    code, out = run_import(path)
    assert code == 0, out
    assert ArticlePage.objects.get(slug="article-10").section.slug == "politique"


def test_the_gmt_dates_are_used_and_the_chapo_is_cut_on_a_word(tmp_path):
    item = w.item(10, "Le budget", f"<p>{LONG}</p>", date="2024-07-01 10:30:00")
    item = item.replace(  # Paris in summer: two hours ahead of GMT
        "<wp:post_date_gmt><![CDATA[2024-07-01 10:30:00]]>",
        "<wp:post_date_gmt><![CDATA[2024-07-01 08:30:00]]>",
    )
    path = tmp_path / "export.xml"
    path.write_text(w.document(item), encoding="utf-8")
    code, out = run_import(path)
    assert code == 0, out
    page = ArticlePage.objects.get(slug="article-10")
    assert page.first_published_at.isoformat() == "2024-07-01T08:30:00+00:00"
    assert page.standfirst.endswith("…") and len(page.standfirst) <= 301
    assert LONG.startswith(page.standfirst.removesuffix("…"))
    assert LONG[len(page.standfirst) - 1] == " "  # cut between two words
