"""Accounts that reach the admin sign in with their password only, in short sessions, and the
admin's password forms are rate limited per address and per account."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from manchette.accounts.policy import ADMIN_SESSION_MARK
from manchette.accounts.tests.links import bound_token

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def make_account(kind, email="redaction@example.org"):
    User = get_user_model()
    user = User.objects.create_user(f"compte-{kind}", email, PASSWORD)
    if kind == "superuser":
        user.is_superuser = user.is_staff = True
    elif kind == "staff":
        user.is_staff = True
    elif kind == "editor-group":
        group = Group.objects.create(name="Rédaction")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
    user.save()
    return user


ADMIN_KINDS = ["superuser", "staff", "editor-group"]


@pytest.mark.parametrize("kind", ADMIN_KINDS)
def test_an_admin_account_gets_no_signin_link_and_the_page_says_the_same(client, smtp_sink, kind):
    make_account(kind)
    admin_answer = client.post("/compte/connexion/", {"email": "Redaction@example.org"})
    reader_answer = client.post("/compte/connexion/", {"email": "lecteur@example.org"})
    assert admin_answer.status_code == reader_answer.status_code == 200
    assert admin_answer.content.replace(b"Redaction@", b"X@") == reader_answer.content.replace(
        b"lecteur@", b"X@"
    )
    admin_mail, reader_mail = (m["message"] for m in smtp_sink.messages)
    text = admin_mail.get_body(("plain",)).get_content()
    assert "/compte/connexion/" not in text and "mot de passe" in text
    assert "http://127.0.0.1:8000/admin/login/" in text
    assert "/compte/connexion/" in reader_mail.get_body(("plain",)).get_content()


@pytest.mark.parametrize("kind", ADMIN_KINDS)
def test_a_link_made_for_an_admin_account_signs_no_one_in(client, kind):
    user = make_account(kind)
    # A link as the browser would get it (or one forged with the key): only the policy refuses.
    token = bound_token(client, user.email)
    assert client.post(f"/compte/connexion/{token}/").status_code == 400
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_reader_link_still_signs_in(client):
    client.post(f"/compte/connexion/{bound_token(client)}/")
    assert client.get("/compte/").status_code == 200


@pytest.mark.parametrize("remember", [False, True])
def test_admin_sessions_are_short_and_readers_keep_theirs(client, settings, remember):
    settings.ADMIN_SESSION_SECONDS = 3 * 3600
    make_account("superuser")
    form = {"username": "compte-superuser", "password": PASSWORD}
    response = client.post("/admin/login/", {**form, "remember": "on"} if remember else form)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert 3 * 3600 - 60 < client.session.get_expiry_age() <= 3 * 3600
    assert 3 * 3600 - 60 < client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] <= 3 * 3600

    # Once the time is up, the session is closed and the password asked for again.
    session = client.session
    session[ADMIN_SESSION_MARK] = time.time() - 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    reader = Client()
    reader.post(f"/compte/connexion/{bound_token(reader)}/")
    assert reader.session.get_expiry_age() == settings.SESSION_COOKIE_AGE > 3 * 3600


def test_a_reader_session_does_not_open_the_admin_once_the_account_is_promoted(client):
    client.post(f"/compte/connexion/{bound_token(client)}/")
    user = get_user_model().objects.get(email="lecteur@example.org")
    user.is_superuser = user.is_staff = True
    user.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/compte/").status_code == 302  # signed out


def attempt(username, address, typed="faux"):
    return Client(REMOTE_ADDR=address).post(
        "/admin/login/", {"username": username, "password": typed}
    )


def test_admin_login_is_limited_per_account_with_a_french_message(settings):
    settings.ADMIN_LOGIN_ACCOUNT_RATE = "3/h"
    make_account("superuser")
    codes = [attempt("compte-superuser", f"203.0.113.{i}").status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = attempt("compte-superuser", "203.0.113.99", typed=PASSWORD)
    assert limited.status_code == 429  # even with the right password, from a new address
    assert "Trop de tentatives" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    assert attempt("quelquun-dautre", "203.0.113.99").status_code == 200


def test_admin_login_is_limited_per_address(settings):
    settings.ADMIN_LOGIN_RATE = "3/h"
    codes = [attempt(f"compte-{i}", "198.51.100.7").status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]
    assert attempt("compte-9", "198.51.100.8").status_code == 200


def test_admin_password_reset_is_limited_per_address_and_per_account(settings, smtp_sink):
    settings.ADMIN_PASSWORD_RESET_ACCOUNT_RATE = "2/h"
    settings.ADMIN_PASSWORD_RESET_RATE = "4/h"
    make_account("superuser")

    def reset(email, address):
        return Client(REMOTE_ADDR=address).post("/admin/password_reset/", {"email": email})

    codes = [reset("redaction@example.org", f"192.0.2.{i}").status_code for i in range(3)]
    assert codes == [302, 302, 429]
    assert len(smtp_sink.messages) == 2
    codes = [reset(f"autre{i}@example.org", "192.0.2.50").status_code for i in range(5)]
    assert codes == [302, 302, 302, 302, 429]
    assert "Trop de tentatives" in reset("x@example.org", "192.0.2.50").content.decode()


def test_a_burst_of_password_resets_sends_no_more_mail_than_the_sign_in_link(smtp_sink):
    """With the shipped rates, one address asking for ten accounts' resets at once gets mail
    sent for five at most, as the sign-in link (5 an hour per address)."""
    User = get_user_model()
    for n in range(10):
        User.objects.create_user(f"compte-{n}", f"redaction{n}@example.org", PASSWORD)
    client = Client(REMOTE_ADDR="192.0.2.77")
    codes = [
        client.post("/admin/password_reset/", {"email": f"redaction{n}@example.org"}).status_code
        for n in range(10)
    ]
    assert codes == [302] * 5 + [429] * 5
    assert len(smtp_sink.messages) == 5


def test_get_of_the_admin_login_is_never_limited(settings):
    settings.ADMIN_LOGIN_RATE = "1/h"
    for _ in range(3):
        assert Client().get("/admin/login/").status_code == 200
    assert re.search(r"Mot de passe", Client().get("/admin/login/").content.decode())
