"""Every public page has a query budget, constant in the number of things it shows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.core.caching.purge import purge_paths
from manchette.news.factories import ArticleFactory, AuthorFactory, FlashFactory, SectionFactory

pytestmark = pytest.mark.django_db

# A page cache miss with every cache empty (after a restart), and the usual miss (the page
# was purged; the site-wide parts, flash, menu, settings, are still cached). A cache hit
# costs no query (core/tests/test_page_cache.py).
COLD_BUDGETS = {
    "home": 19,
    "section": 15,
    "article": 23,
    "author": 18,
    "authors": 13,
    # +1 with every cache empty: whether the site has a private page; +1 since decision 0010:
    # the full-text engine ranks the candidates in a query of its own.
    "search": 13,
    "feed": 8,  # the same
    "sitemap": 5,  # the index
    "sitemap_file": 12,
    "news_sitemap": 5,
}
MISS_BUDGETS = {
    "home": 11,
    "section": 7,
    "article": 12,
    "author": 9,
    "authors": 5,
    "search": 6,  # the matches, their rank, the ten results with authors and pictures
    "feed": 4,
    "sitemap": 9,
    "sitemap_file": 9,
    "news_sitemap": 1,
}


# The article page after a purge that concerns part of it only: a new comment (the thread is
# rendered afresh, the article's fragment comes from the cache), and the end of the page's
# lifetime in the page cache (every fragment comes from the cache, no query at all).
ARTICLE_PARTIAL_BUDGETS = {"comments": 4, "path": 0}


def count_queries(client, url, cold=True, only=None):
    """Queries of one cache miss: `cold` also empties the caches of site-wide parts; `only`
    purges one cache scope of the page (see core/caching/)."""
    client.get(url)  # image renditions are created on the first view only
    if cold:
        cache.clear()
    else:
        purge_paths([url], only=only)
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
        "sitemap_file": "/sitemap-1.xml",
        "news_sitemap": "/sitemap-news.xml",
    }


@pytest.mark.parametrize("cold", [True, False], ids=["cold", "miss"])
def test_page_query_counts_stay_within_budget_and_do_not_grow_with_content(client, cold):
    budgets = COLD_BUDGETS if cold else MISS_BUDGETS
    small = {k: count_queries(client, u, cold) for k, u in urls(*build_site(1)).items()}
    large = {k: count_queries(client, u, cold) for k, u in urls(*build_site(4)).items()}
    for page, budget in budgets.items():
        assert small[page] <= budget, (page, small[page])
        assert large[page] == small[page], (page, small[page], large[page])


@pytest.mark.parametrize("only", ["comments", "path"])
def test_article_partial_purge_reuses_the_cached_fragments(client, only):
    small = count_queries(client, build_site(1)[2].url, cold=False, only=only)
    large = count_queries(client, build_site(4)[2].url, cold=False, only=only)
    assert small <= ARTICLE_PARTIAL_BUDGETS[only], small
    assert large == small
