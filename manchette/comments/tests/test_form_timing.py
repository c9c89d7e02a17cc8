"""The comment form is timed from when it was shown: the page script asks for a signed stamp
when the form comes into view (no cookie), and a form sent too soon is answered with how long
to wait, so the script can send it again by itself instead of refusing a person."""

import pytest

from manchette.comments.models import Comment
from manchette.comments.tests.helpers import post_data, post_json, stamp
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_stamp_endpoint_sets_no_cookie_and_is_never_stored(client):
    response = client.get("/commentaires/horodatage/")
    assert response.status_code == 200
    assert response.json()["ts"]
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_a_stamp_taken_when_the_form_was_shown_passes_once_the_minimum_is_over(client, settings):
    settings.COMMENTS_MIN_FILL_SECONDS = 3
    article = ArticleFactory()
    response = post_json(client, post_data(article, ts=stamp(seconds_ago=4)))
    assert response.status_code == 201, response.content
    assert Comment.objects.count() == 1


def test_a_form_sent_too_soon_says_how_long_to_wait_and_stores_nothing(client, settings):
    settings.COMMENTS_MIN_FILL_SECONDS = 5
    article = ArticleFactory()
    response = post_json(client, post_data(article, ts=stamp(seconds_ago=1)))
    assert response.status_code == 400
    assert 1 <= response.json()["retry_after"] <= 4
    assert not Comment.objects.exists()


def test_a_form_shown_again_keeps_when_the_reader_first_saw_it(client, settings):
    """Without JavaScript: a reader who forgot their name fixes it and sends at once."""
    settings.COMMENTS_MIN_FILL_SECONDS = 3
    article = ArticleFactory()
    first_seen = stamp(seconds_ago=10)
    again = client.post("/commentaires/poster/", post_data(article, name="", ts=first_seen))
    assert again.status_code == 400
    assert f'name="ts" value="{first_seen}"' in again.content.decode()
    done = client.post("/commentaires/poster/", post_data(article, ts=first_seen))
    assert done.status_code == 200 and "très rapide" not in done.content.decode()
    assert Comment.objects.count() == 1
