import re

import pytest
from django.core import mail

from manchette.comments.models import Comment, CommentStatus, GuestEmail
from manchette.comments.tests.helpers import confirm_by_post, post_data, post_json, stamp
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def confirm_link(message):
    return re.search(r"https?://[^/\s]+(/commentaires/confirmer/[^\s]+/)", message.body).group(1)


def test_guest_first_comment_waits_for_email_confirmation(client):
    article = ArticleFactory()
    response = post_json(client, post_data(article))
    assert response.status_code == 201
    assert response.json()["outcome"] == "confirmation"
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.awaiting_confirmation
    assert len(mail.outbox) == 1
    assert "Confirmez votre commentaire" in mail.outbox[0].subject
    assert "Un avis mesuré" not in client.get(article.url).content.decode()


def test_confirmation_link_publishes_and_remembers_the_guest(client):
    article = ArticleFactory()
    post_json(client, post_data(article))
    link = confirm_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200 and "Un avis mesuré" in page.content.decode()
    assert Comment.objects.get().status == CommentStatus.PENDING  # a GET changes nothing
    response = client.post(link)
    assert response.status_code == 200
    assert Comment.objects.get().status == CommentStatus.PUBLISHED
    assert GuestEmail.objects.get(email="jeanne@example.org").confirmed_at
    page = client.get(article.url).content.decode()
    assert "Un avis mesuré sur cet article." in page
    assert "jeanne@example.org" not in page
    # The same browser and address now post directly.
    response = post_json(client, post_data(article, body="Un second avis."))
    assert response.json()["outcome"] == "published"
    assert len(mail.outbox) == 1


def test_confirmed_address_from_another_browser_still_needs_the_link(client, django_user_model):
    from django.test import Client

    article = ArticleFactory()
    post_json(client, post_data(article))
    confirm_by_post(client, confirm_link(mail.outbox[0]))
    other = Client()
    assert post_json(other, post_data(article, body="Autre")).json()["outcome"] == "confirmation"


def test_bad_confirmation_link_is_refused_without_error(client):
    assert client.get("/commentaires/confirmer/nimporte-quoi/").status_code == 400


def test_no_js_post_without_token_shows_the_form_again_with_text_kept(client):
    from django.test import Client

    article = ArticleFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/commentaires/poster/",
        {
            "article": article.pk,
            "body": "Mon texte précieux",
            "name": "Paul",
            "email": "p@example.org",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon texte précieux" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert not Comment.objects.exists()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = strict.post(
        "/commentaires/poster/",
        {
            "csrfmiddlewaretoken": token,
            "article": article.pk,
            "body": "Mon texte précieux",
            "name": "Paul",
            "email": "p@example.org",
            "ts": stamp(),
        },
    )
    assert response.status_code == 200
    assert "lien que nous venons de vous envoyer" in response.content.decode()
    assert Comment.objects.get().body == "Mon texte précieux"


def test_posting_too_fast_is_asked_again(client):
    article = ArticleFactory()
    response = post_json(client, post_data(article, ts=stamp(seconds_ago=0)))
    assert response.status_code == 400
    assert "rapide" in response.json()["error"]
    assert not Comment.objects.exists()


def test_honeypot_stores_nothing(client):
    article = ArticleFactory()
    response = post_json(client, post_data(article, site_web="http://spam.example"))
    assert response.status_code == 200
    assert not Comment.objects.exists()
    assert not mail.outbox


def test_missing_name_or_email_gets_a_french_message(client):
    article = ArticleFactory()
    response = post_json(client, post_data(article, name=""))
    assert response.status_code == 400 and "nom" in response.json()["error"]
    response = post_json(client, post_data(article, email="pas-une-adresse"))
    assert response.status_code == 400 and "email" in response.json()["errors"]


def test_guest_cookie_is_set_only_when_posting(client):
    article = ArticleFactory()
    response = client.get(article.url)
    assert not response.cookies
    response = post_json(client, post_data(article))
    # The one anonymous reader cookie (votes, reports, reactions) names the guest's browser
    # too: no other reader cookie.
    assert set(response.cookies) == {"manchette_lecteur"}
    # The cookie is a random key: it names neither the address nor the name typed.
    value = response.cookies["manchette_lecteur"].value
    assert "jeanne" not in value.lower() and "example" not in value
