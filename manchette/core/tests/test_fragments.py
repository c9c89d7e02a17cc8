"""Rendered fragments of pages: reused across purges that do not concern them, never stale."""

import pytest
from django.template import engines
from django.test import RequestFactory

from manchette.comments import moderation
from manchette.comments.factories import CommentFactory
from manchette.core.caching import versions as page_cache
from manchette.core.caching.purge import purge_paths, purge_site
from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.topics import linking
from manchette.topics.models import ArticleLinking

pytestmark = pytest.mark.django_db

TEMPLATE = engines["django"].from_string(
    '{% load manchette %}{% fragment "demo" scope "/p/" %}{{ value }}{% endfragment %}'
)


def render(value, scope="content", preview=False):
    request = RequestFactory().get("/p/")
    if preview:
        request.is_preview = True
    return TEMPLATE.render({"value": value, "scope": scope}, request)


def test_a_fragment_is_rendered_once_then_served_from_the_cache():
    assert render("première") == "première"
    assert render("seconde") == "première"


def test_a_purge_of_another_scope_keeps_the_fragment_and_its_own_scope_drops_it():
    render("première")
    purge_paths(["/p/"], only="comments")
    assert render("seconde") == "première"
    purge_paths(["/p/"])
    assert render("troisième") == "troisième"


def test_the_comments_scope_follows_its_own_purges():
    render("première", scope="comments")
    purge_paths(["/p/"], only="comments")
    assert render("seconde", scope="comments") == "seconde"


def test_site_wide_changes_drop_every_fragment():
    render("première")
    purge_site()
    assert render("seconde") == "seconde"


def test_previews_neither_read_nor_store_fragments():
    assert render("brouillon", preview=True) == "brouillon"
    assert render("en ligne") == "en ligne"
    assert render("autre brouillon", preview=True) == "autre brouillon"


def test_a_new_release_never_serves_what_the_previous_one_rendered(settings):
    render("ancienne version")
    settings.RELEASE = "2"
    page_cache.release_token.cache_clear()
    try:
        assert render("nouvelle version") == "nouvelle version"
    finally:
        page_cache.release_token.cache_clear()


def test_fragments_can_be_turned_off(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    render("première")
    assert render("seconde") == "seconde"


def test_an_unknown_scope_is_refused():
    with pytest.raises(ValueError):
        purge_paths(["/p/"], only="tout")


@pytest.fixture
def article():
    section = SectionFactory(title="Monde", slug="monde")
    return ArticleFactory(parent=section, title="Sommet du climat")


def link_topic_without_purge(article, name):
    """What the topics task stores, written directly so that nothing is purged."""
    ArticleLinking.objects.update_or_create(
        article_id=article.pk,
        defaults={
            "topics_json": [{"slug": "sujet", "name": name}],
            "body_fingerprint": linking.body_fingerprint(article),
        },
    )


def test_a_new_comment_renders_the_thread_afresh_and_reuses_the_article_fragment(
    client, article, django_capture_on_commit_callbacks
):
    assert "Un avis en attente" not in client.get(article.url).content.decode()
    link_topic_without_purge(article, "Sujet ajouté sans purge")
    held = CommentFactory(article=article, pending=True, body_html="<p>Un avis en attente</p>")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_comment(held)

    page = client.get(article.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Un avis en attente" in page.content.decode()
    # The article's fragment was not purged by the comment: the topic is not shown yet…
    assert "Sujet ajouté sans purge" not in page.content.decode()
    # …and is once the article's own cache scope is purged (as the topics task does).
    purge_paths([article.url])
    assert "Sujet ajouté sans purge" in client.get(article.url).content.decode()


def test_a_new_revision_replaces_the_cached_article_fragment(client, article):
    client.get(article.url)
    article.title = "Sommet du climat : accord trouvé"
    article.save_revision().publish()
    assert "accord trouvé" in client.get(article.url).content.decode()


def test_a_deleted_live_article_is_gone_at_once(client, article):
    # Wagtail unpublishes a live page before deleting it: the purge comes from there.
    url = article.url
    assert client.get(url).status_code == 200
    article.delete()
    assert client.get(url).status_code == 404


def test_a_page_cache_miss_with_warm_fragments_costs_no_query(
    client, article, django_assert_num_queries
):
    CommentFactory(article=article)
    client.get(article.url)
    purge_paths([article.url], only="path")
    with django_assert_num_queries(0):
        assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_a_publication_in_the_rubrique_reaches_the_a_lire_aussi_of_its_older_articles(client):
    section = SectionFactory(title="Sciences", slug="sciences")
    oldest = ArticleFactory(parent=section, title="La plus ancienne", hours_ago=100)
    for n in range(6):
        ArticleFactory(parent=section, title=f"Article intermédiaire {n}", hours_ago=50 - n)
    assert "Découverte du jour" not in client.get(oldest.url).content.decode()
    ArticleFactory(parent=section, title="Découverte du jour").save_revision().publish()
    # The older article's page is not purged (only the rubrique's latest are): when its
    # page-cache entry ends, its "À lire aussi" must not come from an older fragment.
    purge_paths([oldest.url], only="path")
    assert "Découverte du jour" in client.get(oldest.url).content.decode()


def test_with_fragments_off_the_served_page_is_neither_pickled_nor_kept(
    client, article, settings, monkeypatch
):
    import pickle
    from types import SimpleNamespace

    from manchette.core import views

    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0

    def refused(*args, **kwargs):
        raise AssertionError("pickled for nothing")

    monkeypatch.setattr(views, "pickle", SimpleNamespace(dumps=refused, loads=pickle.loads))
    assert client.get(article.url).status_code == 200
    # On again: kept, and served from what was kept.
    settings.FRAGMENT_CACHE_SECONDS = 3600
    monkeypatch.setattr(views, "pickle", pickle)
    assert client.get(article.url).status_code == 200
    monkeypatch.setattr(views, "find_live_page", refused)
    assert client.get(article.url).status_code == 200
