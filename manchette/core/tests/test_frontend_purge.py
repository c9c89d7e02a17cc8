"""nginx (or a CDN) is told once per path a change shows on, after the change is committed."""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import PageViewRestriction

from manchette.core.caching.purge import purge_paths
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def purge_endpoint(settings):
    """A real HTTP endpoint on 127.0.0.1 recording the PURGE requests it gets."""
    received = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received[self.path] += 1
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield received
    server.shutdown()
    server.server_close()


def test_a_purge_in_a_transaction_reaches_nginx_once_after_commit(
    purge_endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purge_paths(["/une-page/", "/flux/"])
        # The app's page cache is purged at once; nginx only when the change is committed.
        assert purge_endpoint == {}
    assert purge_endpoint == {"/une-page/": 1, "/flux/": 1}


def test_unpublishing_purges_each_path_it_showed_on_once(
    purge_endpoint, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Un article purgé une fois")
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert purge_endpoint[article.url] == 1, purge_endpoint
    assert purge_endpoint["/"] == 1 and purge_endpoint["/flux/"] == 1
    assert set(purge_endpoint.values()) == {1}


def test_a_view_restriction_purges_each_page_it_covers_once(
    purge_endpoint, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Une enquête bientôt réservée")
    other = ArticleFactory(parent=article.section)
    elsewhere = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=article.section, restriction_type="login")
    assert purge_endpoint == {article.section.url: 1, article.url: 1, other.url: 1}
    assert elsewhere.url not in purge_endpoint


@pytest.fixture
def app_purges(monkeypatch):
    """Counts, per path, the page-cache purges made (each writes the path's versions)."""
    from manchette.core.caching import purge

    counted = Counter()
    real = purge.cache.set_many

    def set_many(values, *args, **kwargs):
        for key in values:
            counted[key] += 1
        return real(values, *args, **kwargs)

    monkeypatch.setattr(purge.cache, "set_many", set_many)
    return counted


def test_publishing_an_article_purges_its_page_once_before_linking(
    purge_endpoint, app_purges, django_capture_on_commit_callbacks, monkeypatch
):
    """The publish signal's own purge; topic linking, which runs after it in the worker and
    changes the page again, purges it once more when it is done."""
    from manchette.core.caching.versions import path_version_key

    monkeypatch.setattr("manchette.topics.editing.schedule_article_linking", lambda a: None)
    article = ArticleFactory(title="Un article publié une fois")
    app_purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert purge_endpoint[article.url] == 1, purge_endpoint
    # At once and again on commit (see `_now_and_after_commit`), never more.
    assert app_purges[path_version_key(article.url)] == 2, app_purges
