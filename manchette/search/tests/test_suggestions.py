"""A search that finds nothing offers a corrected query, topics and something to read."""

import pytest
from wagtail.models import PageViewRestriction

from manchette.news.factories import ArticleFactory
from manchette.search.suggestions import distance
from manchette.search.tests.helpers import search
from manchette.topics.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(db):
    return [
        ArticleFactory(title="Marseille sous la canicule", hours_ago=3),
        ArticleFactory(title="Le port de Marseille s’agrandit", hours_ago=5),
    ]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Marseile", "marseille"),
        ("caniclue", "canicule"),
        ("canicule Marseile", "canicule marseille"),
    ],
)
def test_a_misspelt_word_gets_a_did_you_mean_link(client, articles, typed, suggested):
    html = search(client, typed).content.decode()
    assert "Aucun article ne correspond" in html
    assert f'Vouliez-vous dire : <a href="?q={suggested.replace(" ", "+")}">{suggested}</a>' in html
    assert client.get("/recherche/", {"q": suggested}).context["results"].paginator.count


def test_the_suggestion_keeps_the_filters(client, articles):
    html = search(client, "caniclue", tri="date").content.decode()
    assert 'href="?q=canicule&amp;tri=date"' in html


def test_a_word_met_only_in_a_draft_is_never_suggested(client, articles):
    ArticleFactory(title="Embargo sur Zanzibar", draft=True)
    html = search(client, "Zanzibra").content.decode()
    assert "Vouliez-vous dire" not in html
    assert "zanzibar" not in html.lower()


def test_no_result_offers_close_topics_and_the_latest_articles(client, articles):
    TopicFactory(name="Marseille", slug="marseille")
    TopicFactory(name="Toulouse", slug="toulouse")
    TopicFactory(name="Marsan", slug="marsan", confirmed=False)
    response = search(client, "Marseile")
    html = response.content.decode()
    assert [t.name for t in response.context["topics"]] == ["Marseille"]
    assert 'href="/sujets/marseille/"' in html or "Marseille</a>" in html
    assert [a.title for a in response.context["latest"]] == [a.title for a in articles]
    assert "À lire en ce moment" in html


def test_a_query_with_nothing_close_still_offers_something_to_read(client, articles):
    response = search(client, "xylophone")
    assert response.context["suggestion"] is None
    assert len(response.context["latest"]) == 2


def test_a_restricted_article_is_neither_suggested_nor_offered_once_restricted(client, articles):
    # Asked once before the restriction: the page's queries (compiled once per process) must
    # see it at once all the same.
    assert search(client, "Marseile").context["suggestion"]
    restricted = ArticleFactory(title="Embargo sur Zanzibar", hours_ago=1)
    assert search(client, "Zanzibra").context["suggestion"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    response = search(client, "Zanzibra")
    assert response.context["suggestion"] is None
    assert [a.title for a in response.context["latest"]] == [a.title for a in articles]
    assert "zanzibar" not in response.content.decode().lower()


def test_edit_distance_counts_a_swap_as_one():
    assert distance("caniclue", "canicule", 2) == 1
    assert distance("marseile", "marseille", 2) == 1
    assert distance("abc", "xyzabc", 2) == 3


def test_matches_are_found_whatever_the_words_length_and_misspelt_words_are_not(db):
    from manchette.search.services import has_matches

    ArticleFactory(title="Les vendanges précoces en Bourgogne")
    ArticleFactory(title="Un scoop sous embargo", draft=True)
    assert has_matches(["vendange", "bourgogne"]) and has_matches(["ve"]) and has_matches(["en"])
    assert not has_matches(["vendnage"])  # no indexed word starts with it
    assert not has_matches(["vendange", "zzz"])
    assert not has_matches(["embargo"])  # only in a draft
