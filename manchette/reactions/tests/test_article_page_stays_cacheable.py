"""The article page is the same cached HTML for everyone, before and after reactions."""

import pytest
from django.core.cache import cache

from manchette.reactions.factories import ReactionFactory

pytestmark = pytest.mark.django_db


def test_cached_article_holds_no_per_reader_state(client, article, kinds):
    html = client.get(article.url).content.decode()
    assert 'id="reactions"' in html
    assert "csrfmiddlewaretoken" not in html
    assert "aria-pressed" not in html
    assert "reactions--revealed" not in html
    assert "js/reactions.js" in html and "css/reactions.css" in html


def test_article_stays_cached_after_a_reaction_and_sets_no_cookie(client, article):
    client.get(article.url)  # the first page view also creates the site settings
    client.get(article.url)
    first = client.get(article.url)
    assert first["X-Page-Cache"] == "hit" and not first.cookies
    client.post(f"/reactions/{article.pk}/reagir/", {"kind": "instructif"})
    reacted = client.post(f"/reactions/{article.pk}/reagir/", {"kind": "instructif"})
    assert reacted.status_code == 302  # the test client does not enforce CSRF
    assert client.cookies.get("manchette_lecteur")
    again = client.get(article.url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content


def test_article_page_costs_the_same_with_0_or_200_reactions(
    client, article, kinds, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(article.url)  # creates the site settings once
    cache.clear()
    with CaptureQueriesContext(connection) as empty:
        assert client.get(article.url)["X-Page-Cache"] == "miss"
    slugs = list(kinds)
    for i in range(200):
        ReactionFactory(article=article, kind=kinds[slugs[i % len(slugs)]])
    cache.clear()
    with django_assert_num_queries(len(empty.captured_queries)):
        assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_editing_the_set_of_kinds_refreshes_the_cached_articles(
    client, article, kinds, django_capture_on_commit_callbacks
):
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        kinds["agacant"].label = "Exaspérant"
        kinds["agacant"].save()
    html = client.get(article.url).content.decode()
    assert "Exaspérant" in html
