"""Topic pages and feeds are kept as fragments, like a rubrique's listing: a page-cache miss
reads no query, and every change to what they show replaces them at once."""

import pytest
from wagtail.models import PageViewRestriction

from manchette.core.caching.purge import purge_paths
from manchette.news.factories import ArticleFactory, SectionFactory, paragraph
from manchette.topics import linking
from manchette.topics.factories import TopicFactory

pytestmark = pytest.mark.django_db

TOPIC_PAGES = ["/sujets/lyon/", "/sujets/lyon/flux/"]
FEEDS = ["/flux/", "/flux/atom/", "/flux/monde/", "/flux/monde/atom/"]
EVERY_LISTING = TOPIC_PAGES + FEEDS


@pytest.fixture(params=["page cache on", "page cache off"])
def page_cache(request, settings):
    """With the page cache off, what a reader gets comes from the fragments alone (an
    editor's view, a page whose entry expired)."""
    if request.param == "page cache off":
        settings.PAGE_CACHE_SECONDS = 0
    return request.param


@pytest.fixture
def lyon(db):
    return TopicFactory(name="Lyon")


@pytest.fixture
def section(db):
    return SectionFactory(title="Monde", slug="monde")


def about_lyon(section, title, hours_ago=1):
    article = ArticleFactory(
        parent=section,
        title=title,
        body=[paragraph("Les halles de Lyon rouvrent.")],
        hours_ago=hours_ago,
    )
    linking.link_article(article, with_suggestions=False, purge=False)
    return article


def shown(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def warm(client, urls, title):
    for url in urls:
        assert title in shown(client, url), url


def test_a_page_cache_miss_of_a_topic_page_or_feed_reads_no_query(
    client, lyon, section, django_assert_num_queries
):
    for n in range(3):
        about_lyon(section, f"Reportage {n}", hours_ago=n + 1)
    for url in EVERY_LISTING:
        first = shown(client, url)
        purge_paths([url], only="path")  # the page's entry ends; its fragments stay
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert response.content.decode() == first, url


def test_a_feed_from_its_fragment_has_the_headers_of_the_feed_written_afresh(client, lyon, section):
    about_lyon(section, "Reportage")
    for url in EVERY_LISTING:
        first = client.get(url)
        purge_paths([url], only="path")
        again = client.get(url)
        for header in ("Content-Type", "Last-Modified", "Cache-Control", "X-Accel-Expires"):
            assert again.get(header) == first.get(header), (url, header)


def test_a_topic_pages_second_page_is_kept_apart_from_the_first(client, lyon, section):
    articles = [about_lyon(section, f"Reportage {n}", hours_ago=n + 1) for n in range(13)]
    first = shown(client, "/sujets/lyon/")
    second = shown(client, f"/sujets/lyon/?avant={articles[11].pk}")
    assert articles[12].title in second and articles[12].title not in first
    assert client.get("/sujets/lyon/?avant=999999").status_code == 404


def test_a_new_article_reaches_the_topic_pages_and_feeds_at_once(
    client, page_cache, lyon, section, django_capture_on_commit_callbacks
):
    about_lyon(section, "Premier reportage", hours_ago=5)
    warm(client, EVERY_LISTING, "Premier reportage")
    article = ArticleFactory(
        parent=section, title="Second reportage", body=[paragraph("Lyon, encore.")]
    )
    article.save_revision().publish()
    for url in FEEDS:
        assert "Second reportage" in shown(client, url), url
    # The topics are the linking task's (the worker's), which purges them when it commits.
    with django_capture_on_commit_callbacks(execute=True):
        linking.link_article(article, with_suggestions=False)
    for url in TOPIC_PAGES:
        assert "Second reportage" in shown(client, url), url


def test_an_edited_article_is_shown_as_edited_at_once(client, page_cache, lyon, section):
    article = about_lyon(section, "Titre provisoire")
    warm(client, EVERY_LISTING, "Titre provisoire")
    article.title = "Titre définitif"
    article.save_revision().publish()  # before the linking task runs again, or commits
    for url in EVERY_LISTING:
        html = shown(client, url)
        assert "Titre définitif" in html and "Titre provisoire" not in html, url


def test_an_unpublished_article_leaves_them_at_once(client, page_cache, lyon, section):
    about_lyon(section, "Reportage maintenu", hours_ago=5)
    article = about_lyon(section, "Reportage retiré")
    warm(client, EVERY_LISTING, "Reportage retiré")
    article.unpublish()
    for url in EVERY_LISTING:
        html = shown(client, url)
        assert "Reportage retiré" not in html and "Reportage maintenu" in html, url


@pytest.mark.parametrize("on", ["article", "section"])
def test_a_restricted_article_leaves_them_at_once(client, page_cache, lyon, section, on):
    about_lyon(section, "Reportage public", hours_ago=5)
    parent = section if on == "article" else SectionFactory(title="Coulisses", slug="coulisses")
    article = about_lyon(parent, "Enquête confidentielle")
    feed = f"/flux/{parent.slug}/"
    urls = [*TOPIC_PAGES, "/flux/", "/flux/atom/", feed]
    warm(client, urls, "Enquête confidentielle")
    PageViewRestriction.objects.create(
        page=article if on == "article" else parent, restriction_type="password", password="x"
    )
    for url in urls:
        response = client.get(url)
        if url == "/flux/coulisses/":
            assert response.status_code == 404  # a private rubrique has no feed
            continue
        assert response.status_code == 200, url
        assert "Enquête confidentielle" not in response.content.decode(), url
        assert "Reportage public" in response.content.decode() or url == feed, url


def test_a_renamed_topic_is_shown_under_its_new_name_at_once(client, page_cache, lyon, section):
    about_lyon(section, "Reportage")
    warm(client, TOPIC_PAGES, "Lyon")
    lyon.name = "Lyon Métropole"
    lyon.description = "La métropole."
    lyon.save()
    for url in TOPIC_PAGES:
        assert "Lyon Métropole" in shown(client, url), url
    assert "La métropole." in shown(client, "/sujets/lyon/")


def test_a_topic_no_longer_confirmed_or_deleted_has_no_page_at_once(client, lyon, section):
    about_lyon(section, "Reportage")
    warm(client, TOPIC_PAGES, "Reportage")
    lyon.confirmed = False
    lyon.save()
    for url in TOPIC_PAGES:
        assert client.get(url).status_code == 404, url
    lyon.confirmed = True
    lyon.save()
    warm(client, TOPIC_PAGES, "Reportage")
    lyon.delete()
    for url in TOPIC_PAGES:
        assert client.get(url).status_code == 404, url
