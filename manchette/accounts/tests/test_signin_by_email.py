import re

import pytest
from django.contrib.auth import get_user_model

from manchette.accounts import services
from manchette.accounts.tests.links import bound_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def link_from(message):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"https?://[^/\s]+(/compte/connexion/[^\s]+)", text).group(1)


def test_signin_link_over_smtp_creates_the_account_and_works_once(client, smtp_sink):
    response = client.post("/compte/connexion/", {"email": "Nouvelle@Example.org"})
    assert response.status_code == 200
    assert "Si l’adresse" in response.content.decode()
    link = link_from(smtp_sink.messages[0]["message"])
    assert client.get(link).status_code == 200  # a button, so mail scanners sign no one in
    assert not get_user_model().objects.exists()
    response = client.post(link)
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == "nouvelle@example.org" and not user.has_usable_password()
    assert client.get("/compte/").status_code == 200
    client.post("/compte/deconnexion/")
    assert client.post(link).status_code == 400  # used


def test_same_answer_whether_or_not_the_account_exists(client, django_user_model):
    django_user_model.objects.create_user("a", "connu@example.org")
    known = client.post("/compte/connexion/", {"email": "connu@example.org"}).content
    unknown = client.post("/compte/connexion/", {"email": "inconnu@example.org"}).content
    assert known.replace(b"connu@", b"X@") == unknown.replace(b"inconnu@", b"X@")


def test_next_must_stay_on_the_site(client):
    token = bound_token(client)
    response = client.post(f"/compte/connexion/{token}/?next=https://evil.example/")
    assert response["Location"] == "/compte/"


def test_the_link_works_only_in_the_browser_that_asked_for_it(client, smtp_sink):
    from django.test import Client

    client.post("/compte/connexion/", {"email": "lecteur@example.org"})
    link = link_from(smtp_sink.messages[0]["message"])
    phone = Client()
    page = phone.get(link)
    assert page.status_code == 400
    assert "navigateur où vous l’avez demandé" in page.content.decode()
    assert phone.post(link).status_code == 400
    assert not get_user_model().objects.exists()
    assert "_auth_user_id" not in phone.session
    # The browser that asked signs in with the same link.
    assert client.post(link).status_code == 302
    assert get_user_model().objects.get().email == "lecteur@example.org"


def test_a_link_for_another_purpose_does_not_sign_in(client):
    from manchette.accounts import proof

    token = proof.issue("newsletter-unsubscribe", "lecteur@example.org", s=1, l=1, i=None)
    assert client.post(f"/compte/connexion/{token}/").status_code == 400
    assert not get_user_model().objects.exists()


def test_address_is_unique_in_any_case_but_staff_may_have_none(django_user_model):
    from django.db import IntegrityError, transaction

    django_user_model.objects.create_user("a", "Lecteur@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        django_user_model.objects.create_user("b", "lecteur@example.ORG")
    django_user_model.objects.create_user("staff1", "")
    django_user_model.objects.create_user("staff2", "")
    assert django_user_model.objects.filter(email="").count() == 2


def test_a_first_use_that_loses_the_race_signs_in_the_winners_account(django_user_model):
    """The check-then-create of a first use, interleaved: the other use created the account
    between this one's look-up and its insert (the threads test on PostgreSQL does it for
    real). The insert fails on the unique address and the winner's account is used."""
    from unittest import mock

    from manchette.accounts import proof

    winner = django_user_model.objects.create_user("gagnant", "course@example.org")
    found = proof.Proof(email="course@example.org", data={"l": ""})
    real_find = services.find_user
    calls = []

    def find_user_missing_once(email):
        calls.append(email)
        return None if len(calls) == 1 else real_find(email)

    with mock.patch.object(services, "find_user", find_user_missing_once):
        assert services.user_for_proof(found) == winner
    assert django_user_model.objects.count() == 1


def test_signin_requests_are_rate_limited(client):
    codes = [
        client.post("/compte/connexion/", {"email": "x@example.org"}).status_code for _ in range(7)
    ]
    assert codes[-1] == 429


def test_signed_in_journalist_comments_with_the_newsroom_badge(client, django_user_model):
    from django.contrib.auth.models import Group

    from manchette.comments.models import Comment, CommentStatus
    from manchette.comments.tests.helpers import stamp
    from manchette.news.factories import ArticleFactory

    user = django_user_model.objects.create_user("j", "j@example.org", display_name="Camille J.")
    user.groups.add(Group.objects.get_or_create(name="Journalistes")[0])
    client.force_login(user)
    article = ArticleFactory()
    response = client.post(
        "/commentaires/poster/",
        {"article": article.pk, "body": "Précision de la rédaction", "ts": stamp()},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["outcome"] == "published"
    comment = Comment.objects.get()
    assert comment.is_newsroom and comment.author_name == "Camille J."
    assert comment.status == CommentStatus.PUBLISHED
    client.logout()
    html = client.get(article.url).content.decode()
    assert "Camille J." in html and "Rédaction</span>" in html and "j@example.org" not in html
