"""Every public page has a query budget, constant in the number of things it shows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.news.factories import ArticleFactory, AuthorFactory, FlashFactory, SectionFactory

pytestmark = pytest.mark.django_db

# Cache misses; a cache hit costs no query (see core/tests/test_page_cache.py).
BUDGETS = {
    "home": 21,
    "section": 19,
    "article": 31,
    "author": 23,
    "authors": 17,
    "search": 13,
    "feed": 10,
    "sitemap": 15,
    "news_sitemap": 8,
}


def count_queries(client, url):
    client.get(url)  # image renditions are created on the first view only
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def build_site(size):
    """`size` sections, authors and flashes, each section with `size` * 3 articles."""
    authors = [AuthorFactory(with_photo=True) for _ in range(size)]
    sections = [SectionFactory() for _ in range(size)]
    for _ in range(size):
        FlashFactory()
    articles = [
        ArticleFactory(parent=section, with_image=True, authors=authors, hours_ago=n)
        for section in sections
        for n in range(size * 3)
    ]
    return sections[0], authors[0], articles[0]


def urls(section, author, article):
    return {
        "home": "/",
        "section": section.url,
        "article": article.url,
        "author": author.url,
        "authors": "/auteurs/",
        "search": "/recherche/?q=article",
        "feed": "/flux/",
        "sitemap": "/sitemap.xml",
        "news_sitemap": "/sitemap-news.xml",
    }


def test_page_query_counts_stay_within_budget_and_do_not_grow_with_content(client):
    small = {k: count_queries(client, u) for k, u in urls(*build_site(1)).items()}
    large = {k: count_queries(client, u) for k, u in urls(*build_site(4)).items()}
    for page, budget in BUDGETS.items():
        assert small[page] <= budget, (page, small[page])
        assert large[page] == small[page], (page, small[page], large[page])
