"""« Vos données »: a guest proves their address with the e-mailed sign-in link."""

import json
import re

import pytest
from django.contrib.auth import get_user_model

from manchette.comments.factories import CommentFactory
from manchette.privacy.tests.conftest import EMAIL

pytestmark = pytest.mark.django_db

LINK_PAGE = "/compte/donnees/lien/"


def emailed_link(message):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"https?://[^/\s]+(/compte/connexion/\S+)", text).group(1)


def test_a_guest_reaches_their_data_through_the_emailed_link(client, smtp_sink):
    mine = CommentFactory(guest_email=EMAIL, author_name="Invitée")
    CommentFactory(guest_email="quelqu.un@example.org")
    response = client.post(LINK_PAGE, {"email": EMAIL.upper()})
    assert response.status_code == 200 and "Si l’adresse" in response.content.decode()
    [sent] = smtp_sink.messages
    assert sent["to"] == [EMAIL]
    link = emailed_link(sent["message"])

    # A mail scanner's GET shows a button and proves nothing.
    assert client.get(link).status_code == 200
    assert client.get("/compte/donnees/").status_code == 302
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == "/compte/donnees/"
    assert "1 commentaire" in client.get("/compte/donnees/").content.decode()
    data = json.loads(client.get("/compte/donnees/telecharger/").content)
    assert [c["id"] for c in data["comments"]] == [mine.pk]
    # The link works once.
    client.post("/compte/deconnexion/")
    assert client.post(link).status_code == 400


def test_same_answer_whether_or_not_the_address_is_known(client, smtp_sink):
    CommentFactory(guest_email="connue@example.org")
    known = client.post(LINK_PAGE, {"email": "connue@example.org"}).content
    unknown = client.post(LINK_PAGE, {"email": "inconnue@example.org"}).content
    assert known.replace(b"connue@", b"X@") == unknown.replace(b"inconnue@", b"X@")
    assert len(smtp_sink.messages) == 2  # whoever asks gets the link, nobody learns who is known
    assert not get_user_model().objects.exists()  # no account before the link is followed


def test_bad_address_gets_a_french_message(client):
    response = client.post(LINK_PAGE, {"email": "pas-une-adresse"})
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in response.content.decode()


def test_link_requests_are_rate_limited(client):
    codes = [client.post(LINK_PAGE, {"email": EMAIL}).status_code for _ in range(6)]
    assert codes[:5] == [200] * 5 and codes[5] == 429


def test_a_signed_in_reader_goes_straight_to_their_data(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("r", "r@example.org"))
    response = client.get(LINK_PAGE)
    assert response.status_code == 302 and response["Location"] == "/compte/donnees/"


def test_every_page_links_to_vos_donnees(client):
    from manchette.news.factories import ArticleFactory

    html = client.get(ArticleFactory().url).content.decode()
    assert f'<a href="{LINK_PAGE}">Vos données</a>' in html
