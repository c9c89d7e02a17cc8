"""Rubrique, dates and order: what a reader narrows a search to."""

from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.search.tests.helpers import search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(db):
    france = SectionFactory(title="France", slug="france")
    monde = SectionFactory(title="Monde", slug="monde")
    return {
        "old_headline": ArticleFactory(
            parent=france, title="Budget : le vote approche", hours_ago=24 * 40
        ),
        "new_body": ArticleFactory(
            parent=monde,
            title="Les marchés en Asie",
            standfirst="Le budget chinois pèse sur les marchés.",
            hours_ago=2,
        ),
    }


def test_relevance_puts_a_headline_match_first_and_date_puts_newest_first(client, articles):
    assert titles(search(client, "budget")) == [
        "Budget : le vote approche",
        "Les marchés en Asie",
    ]
    assert titles(search(client, "budget", tri="date")) == [
        "Les marchés en Asie",
        "Budget : le vote approche",
    ]


def test_rubrique_filter_keeps_only_that_section(client, articles):
    assert titles(search(client, "budget", rubrique="monde")) == ["Les marchés en Asie"]
    html = search(client, "budget", rubrique="monde").content.decode()
    assert '<option value="monde" selected>Monde</option>' in html


def test_date_range_keeps_articles_published_within_it(client, articles):
    today = timezone.localdate()
    recent = search(client, "budget", du=(today - timedelta(days=7)).isoformat())
    assert titles(recent) == ["Les marchés en Asie"]
    old = search(client, "budget", au=(today - timedelta(days=30)).isoformat())
    assert titles(old) == ["Budget : le vote approche"]
    same_day = search(client, "budget", du=today.isoformat(), au=today.isoformat())
    assert titles(same_day) in (["Les marchés en Asie"], [])  # 2 h ago may be yesterday


@pytest.mark.parametrize(
    "params",
    [
        {"du": "demain"},
        {"du": "2026-02-30"},
        {"du": "0001-01-01"},
        {"au": "9999-12-31"},
        {"rubrique": "n-existe-pas"},
        {"tri": "aleatoire"},
        {"du": "2026-05-01", "au": "2026-04-01"},
        {"rubrique": "\x00"},
        {"du": "2026-01-01\x00"},
    ],
)
def test_a_filter_that_does_not_validate_is_said_and_left_out(client, articles, params):
    response = search(client, "budget", **params)
    assert len(titles(response)) == 2
    assert "Certains filtres n’ont pas été appliqués" in response.content.decode()


def test_filters_are_kept_across_pages(client, db):
    section = SectionFactory(title="Régions", slug="regions")
    for n in range(12):
        ArticleFactory(parent=section, title=f"Budget régional numéro {n}")
    response = search(client, "budget", rubrique="regions", tri="date")
    html = response.content.decode()
    assert "?page=2&amp;q=budget&amp;rubrique=regions&amp;tri=date" in html
    second = client.get("/recherche/", {"page": 2, "q": "budget", "rubrique": "regions"})
    assert len(titles(second)) == 2
