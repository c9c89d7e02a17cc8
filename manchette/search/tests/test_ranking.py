"""Relevance: each term weighs by where it is found (headline, chapô, body), newest first among
equals, the same order on SQLite and PostgreSQL."""

import pytest

from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.search.services import NO_FILTERS, SORT_RELEVANCE, ranked
from manchette.search.tests.helpers import search, titles

pytestmark = pytest.mark.django_db


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def body_with(*sentences):
    filler = " ".join(["Une phrase de remplissage sans rapport avec le sujet."] * 30)
    return [paragraph(f"{filler} {sentence}") for sentence in sentences]


@pytest.fixture
def section(db):
    return SectionFactory()


def test_one_word_in_the_headline_beats_both_words_side_by_side_in_the_body(client, section):
    ArticleFactory(
        parent=section,
        title="Pollution : les riverains inquiets",
        body=body_with("La préfecture a été saisie."),
        hours_ago=48,
    )
    ArticleFactory(
        parent=section,
        title="Conseil municipal de mardi",
        body=body_with("Un élu parle de pollution et de préfecture au conseil."),
        hours_ago=1,
    )
    assert titles(search(client, "pollution préfecture")) == [
        "Pollution : les riverains inquiets",
        "Conseil municipal de mardi",
    ]


def test_headline_then_chapo_then_body_whatever_the_repetitions(client, section):
    ArticleFactory(
        parent=section,
        title="Sécheresse dans le Sud",
        standfirst="Les agriculteurs attendent.",
        hours_ago=30,
    )
    ArticleFactory(
        parent=section,
        title="Les agriculteurs attendent",
        standfirst="La sécheresse dure.",
        hours_ago=20,
    )
    ArticleFactory(
        parent=section,
        title="Un été difficile",
        standfirst="Reportage.",
        body=body_with(*["La sécheresse, encore la sécheresse."] * 3),
        hours_ago=10,
    )
    assert titles(search(client, "secheresses")) == [
        "Sécheresse dans le Sud",
        "Les agriculteurs attendent",
        "Un été difficile",
    ]


def test_equal_relevance_lists_the_newest_first(client, section):
    for hours in (5, 50, 1, 20):
        ArticleFactory(parent=section, title=f"Inondations, épisode {hours}", hours_ago=hours)
    assert titles(search(client, "inondation")) == [
        "Inondations, épisode 1",
        "Inondations, épisode 5",
        "Inondations, épisode 20",
        "Inondations, épisode 50",
    ]


def test_a_term_counts_where_a_word_starts_with_it_not_inside_a_word(client, section):
    ArticleFactory(
        parent=section,
        title="Le déport des crédits",
        body=body_with("Le port de commerce."),
        hours_ago=1,
    )
    ArticleFactory(parent=section, title="Le port de Sète", hours_ago=5)
    assert titles(search(client, "port")) == ["Le port de Sète", "Le déport des crédits"]


def test_ranking_reads_only_the_newest_candidates(section, monkeypatch):
    monkeypatch.setattr("manchette.search.services.MAX_CANDIDATES", 2)
    old = ArticleFactory(parent=section, title="Grève des trains", hours_ago=30)
    body = [
        ArticleFactory(parent=section, body=body_with("Une grève."), hours_ago=h) for h in (1, 2)
    ]
    ids = ranked(["greve"], NO_FILTERS, SORT_RELEVANCE)
    assert ids == [body[0].pk, body[1].pk]
    assert old.pk not in ids


def test_a_published_edit_of_the_headline_changes_the_ranking(client, section):
    moved = ArticleFactory(
        parent=section, title="Un été difficile", body=body_with("La canicule."), hours_ago=1
    )
    ArticleFactory(parent=section, title="Canicule dans le Sud", hours_ago=5)
    assert titles(search(client, "canicule")) == ["Canicule dans le Sud", "Un été difficile"]

    moved.title = "Canicule : un été difficile"
    moved.save_revision().publish()
    assert titles(search(client, "canicule")) == [moved.title, "Canicule dans le Sud"]

    moved.standfirst = "La canicule dure."
    moved.title = "Un été difficile"
    moved.save_revision().publish()
    assert titles(search(client, "canicule")) == ["Canicule dans le Sud", "Un été difficile"]
