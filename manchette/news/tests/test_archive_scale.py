"""Listings and sitemaps that stay cheap on a 200,000-article archive: sitemaps split by
Google's limits under an index, listing pages read without counting the archive."""

import re
from datetime import timedelta

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from manchette.core.caching.purge import purge_site
from manchette.news import sitemaps
from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.news.signals import article_paths

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(response):
    return [e.text for e in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_the_sitemap_is_an_index_of_files_of_at_most_the_limit(client, section, monkeypatch):
    monkeypatch.setattr(sitemaps, "SITEMAP_MAX_URLS", 3)
    articles = [ArticleFactory(parent=section, title=f"Archive {n}") for n in range(6)]
    articles[2].unpublish()

    index = client.get("/sitemap.xml")

    assert index.status_code == 200
    assert ET.fromstring(index.content).tag == f"{SITEMAP}sitemapindex"
    # The home page, the section and the articles (the factory's author index and authors
    # too): every public page once, in files of three page ids each.
    files = locations(index)
    assert files[0] == "http://127.0.0.1:8000/sitemap-1.xml"
    listed = []
    for url in files:
        part = client.get(url.removeprefix("http://127.0.0.1:8000"))
        assert part.status_code == 200
        assert len(locations(part)) <= 3
        listed += locations(part)
    assert len(listed) == len(set(listed))
    live = [a for n, a in enumerate(articles) if n != 2]
    assert all(any(loc.endswith(a.url) for loc in listed) for a in live)
    assert not any(loc.endswith(articles[2].url) for loc in listed)
    assert "http://localhost/" in listed  # the home page, at the Site's address
    assert len(files) == -(-Page.objects.order_by("-pk").first().pk // 3)
    assert client.get(f"/sitemap-{len(files) + 1}.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_a_sitemap_file_gives_each_page_its_last_publication_date(client, section):
    article = ArticleFactory(parent=section, hours_ago=24 * 400)

    content = client.get("/sitemap-1.xml").content.decode()

    day = timezone.localdate(article.last_published_at).isoformat()
    assert f"<loc>http://localhost{article.url}</loc><lastmod>{day}</lastmod>" in content


def test_a_sitemap_file_reads_as_many_queries_for_many_pages(client, section, monkeypatch):
    """A file of the sitemap is read as columns, not as pages: the same queries for 1 page
    as for 40 (Wagtail's sitemap made each page an object, with its own URL work)."""
    # One file for every id (PostgreSQL's ids go on growing from test to test).
    monkeypatch.setattr(sitemaps, "SITEMAP_MAX_URLS", 10**9)
    ArticleFactory(parent=section)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/sitemap-1.xml").status_code == 200
    for n in range(40):
        ArticleFactory(parent=section, title=f"Dépêche {n}")
    purge_site()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/sitemap-1.xml")
    assert len(locations(response)) > 40
    assert len(many) == len(few)
    assert not [q for q in many.captured_queries if "COUNT(" in q["sql"].upper()]


def test_publishing_purges_every_file_of_the_sitemap(section, monkeypatch):
    monkeypatch.setattr(sitemaps, "SITEMAP_MAX_URLS", 2)
    article = ArticleFactory(parent=section)
    ArticleFactory(parent=section)

    paths = article_paths(article)

    files = sitemaps.sitemap_files()
    assert files >= 2
    assert {"/sitemap.xml", *(f"/sitemap-{n}.xml" for n in range(1, files + 1))} <= set(paths)


def test_the_news_sitemap_keeps_two_days_and_a_thousand_urls(client, section, monkeypatch):
    monkeypatch.setattr(sitemaps, "NEWS_SITEMAP_MAX_URLS", 2)
    for hours in (1, 2, 3):
        ArticleFactory(parent=section, title=f"Il y a {hours} h", hours_ago=hours)
    ArticleFactory(parent=section, title="Il y a trois jours", hours_ago=72)

    content = client.get("/sitemap-news.xml").content.decode()

    assert "Il y a 1 h" in content and "Il y a 2 h" in content
    assert "Il y a 3 h" not in content and "trois jours" not in content
    assert timedelta(hours=sitemaps.NEWS_SITEMAP_HOURS) == timedelta(days=2)


def sql_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"].upper() for q in queries.captured_queries]


def next_link(response):
    match = re.search(r'rel="next" href="\?avant=(\d+)"', response.content.decode())
    return f"?avant={match[1]}" if match else None


@pytest.fixture
def fourteen(section, author):
    """Fourteen articles by one author, the newest first: two pages of twelve."""
    return [
        ArticleFactory(parent=section, authors=[author], hours_ago=n, title=f"Dépêche {n:02d}")
        for n in range(14)
    ]


def test_listing_pages_seek_and_never_count_or_skip_the_archive(client, section, author, fourteen):
    first = client.get(section.url)
    link = next_link(first)
    assert link == f"?avant={fourteen[11].pk}"  # older than the page's last article

    for url in (section.url, section.url + link, author.url, author.url + link):
        sql = sql_of(client, url)
        assert not [q for q in sql if "COUNT(" in q or "OFFSET" in q], url

    second = client.get(section.url + link).content.decode()
    assert 'rel="prev" href="./"' in second and 'rel="next"' not in second
    assert "Dépêche 12" in second and "Dépêche 13" in second and "Dépêche 11" not in second
    assert 'rel="prev"' not in first.content.decode()
    assert "Articles plus anciens" in first.content.decode()


def test_every_page_of_a_deep_listing_costs_the_same_queries(client, section):
    for n in range(12 * 5):
        ArticleFactory(parent=section, hours_ago=n, title=f"Archive {n:02d}")
    counts, url, pages = [], section.url, []
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
        pages.append(response.content.decode())
        link = next_link(response)
        url = section.url + link if link else None
    assert len(pages) == 5
    assert len(set(counts[1:])) == 1  # page 2 costs what page 5 does
    assert all(f"Archive {12 * 4 + n:02d}" in pages[4] for n in range(12))
    # Going back: each page links to the one before, the second to the listing itself.
    assert f'rel="prev" href="?avant={pages and _last_pk(section, 24)}"' in pages[3]
    assert 'rel="prev" href="./"' in pages[1]


def _last_pk(section, shown):
    """The id of the `shown`-th newest article of the rubrique (1-based)."""
    from manchette.news.models import ArticlePage

    return ArticlePage.objects.listing().filter(section=section)[shown - 1].pk


def test_a_page_address_stays_valid_when_its_article_is_unpublished(client, section, fourteen):
    link = next_link(client.get(section.url))
    fourteen[11].unpublish()
    page = client.get(section.url + link)
    assert page.status_code == 200
    assert "Dépêche 12" in page.content.decode() and "Dépêche 11" not in page.content.decode()


@pytest.mark.parametrize("value", ["abc", "0", "012", "-1", "", "99999999999999999999999"])
def test_a_cursor_that_names_no_article_of_the_listing_is_a_404(client, section, value):
    other = SectionFactory(title="Sports", slug="sports")
    elsewhere = ArticleFactory(parent=other)
    ArticleFactory(parent=section)
    assert client.get(section.url, {"avant": value}).status_code == 404
    assert client.get(section.url, {"avant": str(elsewhere.pk)}).status_code == 404
    assert client.get(section.url, {"avant": "1", "page": "2"}).status_code == 404


def test_a_restricted_article_is_no_place_to_start_a_listing_page(client, section, fourteen):
    secret = fourteen[6]
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    answer = client.get(section.url, {"avant": str(secret.pk)})
    assert answer.status_code == 404
    assert secret.title not in answer.content.decode()
    # The public articles around it still page as before.
    assert client.get(section.url, {"avant": str(fourteen[5].pk)}).status_code == 200


def test_old_page_numbers_redirect_to_the_same_articles(client, section, author, fourteen):
    for listing in (section.url, author.url):
        moved = client.get(listing + "?page=2")
        assert moved.status_code == 301
        assert moved["Location"] == f"{listing}?avant={fourteen[11].pk}"
        assert client.get(listing + "?page=1").status_code == 200
        assert client.get(listing + "?page=3").status_code == 404
        assert client.get(listing + "?page=02").status_code == 404


def test_a_listing_of_one_page_shows_no_pagination(client, section):
    ArticleFactory(parent=section)
    assert 'class="pagination"' not in client.get(section.url).content.decode()
