"""Signing in sets two hints (the page's script shows the reader's name; editors skip the
shared cache); signing out, or a session that ended, takes them away."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-42"


def sign_in(client, **extra):
    get_user_model().objects.create_user("camille", "camille@example.org", PASSWORD, **extra)
    return client.post("/admin/login/", {"username": "camille", "password": PASSWORD})


def test_a_reader_gets_the_name_hint_readable_by_the_page_script(client):
    answer = sign_in(client)
    hint = answer.cookies["manchette_connecte"]
    assert hint.value == "1" and not hint["httponly"] and hint["samesite"] == "Lax"
    assert "manchette_redaction" not in answer.cookies
    state = client.get("/compte/etat/")
    assert state.json() == {"signed_in": True, "name": "camille@example.org"}
    assert "no-store" in state["Cache-Control"]


def test_an_editor_gets_both_hints_and_sign_out_deletes_them(client):
    answer = sign_in(client, is_staff=True, is_superuser=True)
    assert answer.cookies["manchette_redaction"]["httponly"]
    out = client.post("/admin/logout/")
    assert out.cookies["manchette_connecte"]["max-age"] == 0
    assert out.cookies["manchette_redaction"]["max-age"] == 0
    assert client.get("/compte/etat/").json() == {"signed_in": False}


def test_hints_left_after_the_session_ended_are_deleted(client):
    client.cookies["manchette_connecte"] = "1"
    client.cookies["manchette_redaction"] = "1"
    answer = client.get("/compte/etat/")
    assert answer.json() == {"signed_in": False}
    assert answer.cookies["manchette_connecte"]["max-age"] == 0
    assert answer.cookies["manchette_redaction"]["max-age"] == 0
