"""A search page costs the same number of queries whatever the number of results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.news.factories import ArticleFactory, AuthorFactory, SectionFactory
from manchette.search.tests.helpers import search

pytestmark = pytest.mark.django_db


def queries(client, query, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = search(client, query, **params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def articles(count, word, section):
    author = AuthorFactory()
    for n in range(count):
        ArticleFactory(
            parent=section, title=f"{word} numéro {n}", authors=[author], with_image=n % 2 == 0
        )


def test_results_page_costs_the_same_with_2_and_10_results(client, db):
    section = SectionFactory(slug="france")
    articles(2, "Budget", section)
    articles(25, "Climat", section)
    client.get("/recherche/", {"q": "pluie"})  # site settings, menus: warm the caches
    one = queries(client, "budget")
    ten = queries(client, "climat")
    assert one == ten
    assert queries(client, "climat", tri="date", rubrique="france") <= ten
    assert ten <= 3  # the matches with their ranks, the page's rows, their bylines


def test_a_repeated_search_reads_its_answer_from_the_cache_until_a_publication(
    client, db, django_capture_on_commit_callbacks
):
    section = SectionFactory(slug="france")
    articles(3, "Climat", section)
    client.get("/recherche/", {"q": "pluie"})  # site settings, menus: warm the caches
    with django_capture_on_commit_callbacks(execute=True):  # as each request's commit
        first = queries(client, "climat")
    again = queries(client, "climat")
    assert again == first - 1  # the matches and their ranks are not read again

    newer = ArticleFactory(parent=section, title="Climat : un article de plus", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        newer.save_revision().publish()
    response = search(client, "climat")
    assert newer.pk in [article.pk for article in response.context["results"]]
    assert response.context["results"].paginator.count == 4


def test_no_result_page_has_a_bounded_cost(client, db):
    section = SectionFactory()
    articles(3, "Canicule", section)
    client.get("/recherche/", {"q": "zzz"})  # renditions of the latest articles' pictures
    short = queries(client, "caniclue")
    long = queries(client, "caniclue marseile bordaux toulouze lile nante rennse brets")
    assert short <= 12
    assert long <= short + 14  # at most two lookups per misspelt word, eight words at most
