"""Listings and sitemaps that stay cheap on a 200,000-article archive: sitemaps split by
Google's limits under an index, listing pages read without counting the archive."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.news import sitemaps
from manchette.news.factories import ArticleFactory
from manchette.news.signals import article_paths

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(response):
    return [e.text for e in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_the_sitemap_is_an_index_of_files_of_at_most_the_limit(client, section, monkeypatch):
    monkeypatch.setattr(sitemaps, "SITEMAP_MAX_URLS", 3)
    articles = [ArticleFactory(parent=section, title=f"Archive {n}") for n in range(6)]

    index = client.get("/sitemap.xml")

    assert index.status_code == 200
    assert ET.fromstring(index.content).tag == f"{SITEMAP}sitemapindex"
    # The home page, the section and six articles (the factory's author index and authors
    # too): every public page once, in files of three.
    files = locations(index)
    assert files[0] == "http://127.0.0.1:8000/sitemap-1.xml"
    listed = []
    for url in files:
        part = client.get(url.removeprefix("http://127.0.0.1:8000"))
        assert part.status_code == 200
        assert len(locations(part)) <= 3
        listed += locations(part)
    assert len(listed) == len(set(listed))
    assert all(any(loc.endswith(a.url) for loc in listed) for a in articles)
    assert len(files) == -(-len(listed) // 3)
    assert client.get(f"/sitemap-{len(files) + 1}.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


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
    assert response.status_code == 200
    return [q["sql"].upper() for q in queries.captured_queries]


def test_listing_pages_never_count_the_archive(client, section, author):
    for n in range(14):
        ArticleFactory(parent=section, authors=[author], hours_ago=n, title=f"Dépêche {n:02d}")

    for url in (section.url, section.url + "?page=2", author.url):
        sql = sql_of(client, url)
        assert not [q for q in sql if "COUNT(" in q], url

    first = client.get(section.url).content.decode()
    second = client.get(section.url + "?page=2").content.decode()
    assert 'rel="next" href="?page=2"' in first and 'rel="prev"' not in first
    assert 'rel="prev" href="./"' in second and 'rel="next"' not in second
    assert "Page 2" in second
    assert "Dépêche 12" in second and "Dépêche 13" in second and "Dépêche 11" not in second
    assert client.get(section.url + "?page=3").status_code == 404


def test_a_listing_of_one_page_shows_no_pagination(client, section):
    ArticleFactory(parent=section)
    assert 'class="pagination"' not in client.get(section.url).content.decode()
