"""A script cannot stuff the counts: limits per client address and per reader token."""

import pytest
from django.test import Client
from django.urls import reverse

from manchette.accounts.readers import READER_COOKIE
from manchette.reactions.models import Reaction

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
FRENCH_LIMIT = "Trop de tentatives en peu de temps"


def post(client, article, kind="instructif", ip="203.0.113.5", **extra):
    return client.post(
        reverse("reactions:react", args=[article.pk]), {"kind": kind}, REMOTE_ADDR=ip, **extra
    )


def test_too_many_reactions_from_one_address_get_a_french_429(client, article, settings):
    settings.REACTIONS_REACT_RATE = "3/m"
    for _ in range(3):
        assert post(client, article, **JSON).status_code == 200
    limited = post(client, article, **JSON)
    assert limited.status_code == 429
    assert FRENCH_LIMIT in limited.json()["error"]
    assert limited["Retry-After"]
    # The plain form gets the French page.
    page = post(client, article)
    assert page.status_code == 429 and FRENCH_LIMIT in page.content.decode()
    # Another reader at another address is not limited.
    assert post(Client(), article, ip="198.51.100.7", **JSON).status_code == 200


def test_one_token_is_limited_whatever_the_address(article, settings):
    settings.REACTIONS_REACT_RATE = "3/m"
    client = Client()
    post(client, article, ip="203.0.113.1", **JSON)  # issues the token
    assert client.cookies[READER_COOKIE].value
    for ip in ("203.0.113.2", "203.0.113.3", "203.0.113.4"):
        assert post(client, article, ip=ip, **JSON).status_code == 200
    assert post(client, article, ip="203.0.113.5", **JSON).status_code == 429


def test_new_readers_from_one_address_are_limited(article, settings):
    settings.READER_NEW_IDENTITY_RATE = "2/h"
    # A script dropping its cookie to vote again and again: a new token each time.
    for _ in range(2):
        assert post(Client(), article, **JSON).status_code == 200
    stuffed = post(Client(), article, **JSON)
    assert stuffed.status_code == 429 and FRENCH_LIMIT in stuffed.json()["error"]
    assert Reaction.objects.count() == 2


def test_state_endpoint_is_rate_limited_too(client, article, settings):
    settings.REACTIONS_STATE_RATE = "2/m"
    url = reverse("reactions:state", args=[article.pk])
    assert client.get(url, **JSON).status_code == 200
    assert client.get(url, **JSON).status_code == 200
    response = client.get(url, **JSON)
    assert response.status_code == 429 and FRENCH_LIMIT in response.json()["error"]
