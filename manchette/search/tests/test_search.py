import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manchette.core.frenchtext import normalise
from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.search.services import query_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(db):
    section = SectionFactory(title="France", slug="france")
    return {
        "elections": ArticleFactory(
            parent=section,
            title="Élections municipales : la participation en hausse",
            standfirst="Les électeurs se sont déplacés en nombre.",
        ),
        "body_only": ArticleFactory(
            parent=section,
            title="Un dimanche à la campagne",
            standfirst="Reportage.",
            body=[("paragraph", "<p>On y parlait surtout de l’élection du maire.</p>")],
        ),
        "unrelated": ArticleFactory(
            parent=section, title="Le marché des vins de Bourgogne", standfirst="Vendanges."
        ),
    }


def titles(response):
    return [a.title for a in response.context["results"]]


def test_finds_words_regardless_of_accents_case_and_plural(client, articles):
    for query in ("élection", "Élections", "election", "ELECTIONS"):
        found = titles(client.get("/recherche/", {"q": query}))
        assert articles["elections"].title in found, query
        assert articles["unrelated"].title not in found, query


def test_headline_matches_rank_above_body_matches(client, articles):
    found = titles(client.get("/recherche/", {"q": "élection"}))
    assert found.index(articles["elections"].title) < found.index(articles["body_only"].title)


def test_every_word_must_match(client, articles):
    assert titles(client.get("/recherche/", {"q": "élection maire"})) == [
        articles["body_only"].title
    ]


def test_results_are_paginated(client, db):
    section = SectionFactory()
    for n in range(13):
        ArticleFactory(parent=section, title=f"Budget de la commune numéro {n}")
    first = client.get("/recherche/", {"q": "budget"})
    second = client.get("/recherche/", {"q": "budget", "page": 2})
    assert len(titles(first)) == 10 and len(titles(second)) == 3
    assert "13 résultats" in first.content.decode()
    assert "q=budget" in first.content.decode()


def test_no_result_and_empty_query_give_a_french_message(client, articles):
    assert (
        "Aucun article ne correspond" in client.get("/recherche/", {"q": "zzzz"}).content.decode()
    )
    assert client.get("/recherche/").status_code == 200


def test_drafts_are_never_found(client, db):
    ArticleFactory(title="Scoop embargo", draft=True)
    assert titles(client.get("/recherche/", {"q": "embargo"})) == []


def test_query_is_escaped_in_the_page(client, db):
    html = client.get("/recherche/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_normalisation_strips_accents_and_plurals():
    assert normalise("Élections ÉCONOMIQUES, hôpitaux") == ["election", "economique", "hopital"]
    assert query_terms("l’élection de l’élection") == ["election", "de"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_query_gives_a_page_never_an_error(client, query):
    # (A page number that names no page is a 404: manchette/core/tests/test_page_numbers.py.)
    response = client.get("/recherche/", {"q": query, "page": "1"})
    assert response.status_code == 200


def test_results_show_their_section_date_and_byline(client, db):
    from manchette.news.factories import AuthorFactory

    authors = [AuthorFactory(title="Jeanne Martin"), AuthorFactory(title="Paul Durand")]
    ArticleFactory(parent=SectionFactory(title="Économie"), title="Budget voté", authors=authors)
    html = client.get("/recherche/", {"q": "budget"}).content.decode()
    assert '<p class="teaser__section">Économie</p>' in html
    assert '<a href="/economie/budget-vote/"><mark>Budget</mark> voté</a>' in html
    assert "</time> · Jeanne Martin, Paul Durand</p>" in html
