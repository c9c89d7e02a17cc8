"""`?page=` and `?avant=` name only pages that exist: the others are 404 and never fill the
page cache."""

import re
import secrets

import pytest
from django.core.cache import cache

from manchette.news.factories import ArticleFactory, AuthorFactory, SectionFactory, paragraph
from manchette.topics import linking
from manchette.topics.factories import TopicFactory

pytestmark = pytest.mark.django_db


def page_entries():
    """How many pages the page cache holds (Redis or the in-memory cache)."""
    if hasattr(cache, "keys"):
        return len(cache.keys("pc:entry:*"))
    return sum(":pc:entry:" in key for key in cache._cache)


@pytest.fixture
def listings():
    """A section, an author and a topic with two pages of articles each, and a search."""
    section = SectionFactory(title="France", slug="france")
    author = AuthorFactory(title="Léa Martin")
    TopicFactory(name="Lyon")
    for n in range(14):
        article = ArticleFactory(
            parent=section,
            title=f"Dépêche {n}",
            hours_ago=n + 1,
            authors=[author],
            body=[paragraph(f"Reportage numéro {n} à Lyon.")],
        )
        linking.link_article(article, with_suggestions=False)
    return [section.url, author.url, "/sujets/lyon/"]


def second_page(client, path):
    """The address of a listing's second page, as its first page links to it."""
    match = re.search(r'rel="next" href="(\?avant=\d+)"', client.get(path).content.decode())
    return path + match[1]


def test_random_page_numbers_and_cursors_are_404_and_create_no_cache_entry(client, listings):
    before = page_entries()
    seconds = [second_page(client, path) for path in listings]
    for url in seconds:
        assert client.get(url)["X-Page-Cache"] == "miss"  # a page that exists
    stored = page_entries()
    assert stored == before + 2 * len(listings)
    for path in listings:
        for value in (str(secrets.randbelow(10**9) + 3), "abc", "0", "-1", "02", "2.0", ""):
            for name in ("page", "avant"):
                response = client.get(path, {name: value})
                assert response.status_code == 404, (path, name, value)
                assert "X-Page-Cache" not in response
        # An old page number that exists is a redirect, never a page of its own.
        moved = client.get(path, {"page": "2"})
        assert moved.status_code == 301 and "X-Page-Cache" not in moved
    search = client.get("/recherche/", {"q": "Lyon", "page": "999"})
    assert search.status_code == 404
    assert page_entries() == stored


def test_page_one_is_the_address_without_it(client, listings):
    before = page_entries()
    for path in listings:
        first = client.get(path)
        assert first["X-Page-Cache"] == "miss"
        page_one = client.get(path + "?page=1")
        assert page_one["X-Page-Cache"] == "hit" and page_one.content == first.content
        second = client.get(second_page(client, path)).content.decode()
        assert 'rel="prev" href="./"' in second and "?page=" not in second
    assert page_entries() == before + 2 * len(listings)


def test_pages_that_do_not_paginate_keep_no_page_variants(client, listings):
    article = ArticleFactory(title="Sans pagination")
    for path in ("/", article.url):
        assert client.get(path)["X-Page-Cache"] == "miss"
        stored = page_entries()
        for _ in range(3):
            response = client.get(path, {"page": str(secrets.randbelow(10**9) + 2)})
            assert response.status_code == 200 and "X-Page-Cache" not in response
        assert page_entries() == stored
