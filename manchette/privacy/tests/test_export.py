"""« Mes données »: a reader downloads everything the site holds about their address."""

import json

import pytest

from manchette.privacy.tests.conftest import BROWSER_KEY, EMAIL, NAME

pytestmark = pytest.mark.django_db


def download(client):
    response = client.get("/compte/donnees/telecharger/")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_export_holds_one_of_everything(client, reader_data):
    client.force_login(reader_data.user)
    response, data = download(client)
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-')
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    assert data["email"] == EMAIL
    assert [a["display_name"] for a in data["accounts"]] == [NAME]
    assert "last_login" in data["sign_in"] and data["sign_in"]["last_login"]
    assert len(data["sign_in"]["sign_in_links_sent"]) == 1
    by_id = {c["id"]: c for c in data["comments"]}
    assert set(by_id) == {
        reader_data.own_comment.pk,
        reader_data.guest_comment.pk,
        reader_data.awaiting_comment.pk,
    }
    assert by_id[reader_data.own_comment.pk]["posted_as"] == "account"
    assert by_id[reader_data.guest_comment.pk]["posted_as"] == "guest"
    assert by_id[reader_data.awaiting_comment.pk]["status_label"] == "Rejeté"
    assert by_id[reader_data.awaiting_comment.pk]["moderation_reason"].startswith("Doublon")
    assert by_id[reader_data.own_comment.pk]["network_address_hash"] == "h-own"
    assert by_id[reader_data.awaiting_comment.pk]["browser_key"] == BROWSER_KEY
    # An account's votes, reports and reactions hold no network bucket nor slot (only an
    # anonymous reader's do): the export says so rather than leaving the fields out.
    assert [
        (v["comment"], v["value"], v["network_address_hash"], v["network_slot"])
        for v in data["comment_votes"]
    ] == [(reader_data.someone_elses.pk, 1, "", None)]
    assert [
        (r["reason"], r["weight"], r["network_address_hash"]) for r in data["comment_reports"]
    ] == [("Insulte ou harcèlement", "lecteur connecté", "")]
    assert [
        (r["article"], r["network_address_hash"], r["network_slot"]) for r in data["reactions"]
    ] == [("Un article lu de près", "", None)]
    assert [(b["browser_key"], b["name"]) for b in data["proven_browsers"]] == [
        (BROWSER_KEY, "Zéphyrine Q.")
    ]
    assert data["proven_browsers"][0]["proven_at"]
    assert data["guest_address"]["email"] == EMAIL
    assert [s["kind"] for s in data["comment_subscriptions"]] == ["des réponses à mes commentaires"]
    consent = data["newsletter"]["consent_records"][0]
    assert consent["form"] == "encadré" and consent["network_address_hash"] == "ip-zq"
    assert consent["text_accepted"].startswith("J’accepte de recevoir")
    assert [s["list"] for s in data["newsletter"]["subscriptions"]] == [consent["lists"][0]]
    assert [(f["topic"], f["confirmed"]) for f in data["topic_follows"]] == [("Bretagne", True)]


def test_the_export_holds_nothing_of_another_reader(client, reader_data, django_user_model):
    other = django_user_model.objects.create_user("autre", "autre@example.org")
    client.force_login(other)
    _response, data = download(client)
    assert EMAIL not in json.dumps(data) and NAME not in json.dumps(data, ensure_ascii=False)
    assert data["comments"] == data["comment_votes"] == data["topic_follows"] == []
    assert data["proven_browsers"] == []


def test_an_account_without_an_address_gets_only_its_own(client, reader_data, django_user_model):
    """An empty address must not match every comment that has no guest address."""
    nobody = django_user_model.objects.create_user("sans-adresse", "")
    client.force_login(nobody)
    _response, data = download(client)
    assert data["comments"] == [] and data["newsletter"] is None


def test_the_page_needs_a_proven_address(client):
    response = client.get("/compte/donnees/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/donnees/lien/")
    assert client.get("/compte/donnees/telecharger/").status_code == 302


def test_the_page_sums_it_up_and_the_account_page_links_to_it(client, reader_data):
    client.force_login(reader_data.user)
    assert "/compte/donnees/" in client.get("/compte/").content.decode()
    response = client.get("/compte/donnees/")
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "3 commentaires" in html and "1 sujet suivi" in html and EMAIL in html
    assert "1 navigateur reconnu pour cette adresse" in html
