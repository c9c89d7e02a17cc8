"""Whatever a reader types, the search answers a page: the engine's own syntax never
reaches it (run on SQLite and on PostgreSQL)."""

import pytest

from manchette.news.factories import ArticleFactory
from manchette.search.tests.helpers import search, titles

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    '"',
    '"budget',
    "budget*",
    "*",
    "NEAR(budget vote)",
    "budget NEAR vote",
    "budget AND OR NOT vote",
    "-budget",
    "budget -vote",
    "title:budget",
    "budget:*",
    "budget & | ! ( ) <-> :*",
    "'budget'",
    "^budget",
    "{budget}",
    "budget\\",
    "%_",
    "\x00budget",
    "bud\u0301get",
    "ＢＵＤＧＥＴ",
    "ﬁnances",
    "🗳️ budget",
    "budget " * 500,
    "a" * 5000,
    " ".join(f"mot{n}" for n in range(200)),
]


@pytest.fixture
def article(db):
    return ArticleFactory(title="Budget : le vote approche")


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_answer_a_page(client, article, query):
    for sort in ("pertinence", "date"):
        response = search(client, query, tri=sort)
        assert response.status_code == 200


@pytest.mark.parametrize("query", ['"budget"', "budget*", "-budget", "budget:", "(budget)"])
def test_syntax_characters_are_read_as_plain_words(client, article, query):
    assert titles(search(client, query)) == [article.title]


def test_a_full_width_or_decomposed_word_is_the_same_word(client, article):
    assert titles(search(client, "ＢＵＤＧＥＴ")) == [article.title]
    assert titles(search(client, "bu\u0301dget")) == [article.title]


def test_a_very_long_query_is_cut_not_refused(client, article):
    response = search(client, "budget " * 500)
    assert titles(response) == [article.title]
    assert len(response.context["query"]) == 200


def test_bytes_that_are_not_utf8_answer_a_page(client, article):
    response = client.get("/recherche/?q=budget%ED%A0%80%FF&du=%FF")
    assert response.status_code == 200
