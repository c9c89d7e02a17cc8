from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client

from manchette.accounts import proof
from manchette.newsletter import scheduling, subscriptions
from manchette.newsletter.models import (
    ConsentRecord,
    Subscriber,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
)
from manchette.newsletter.tests.conftest import link_to, local_path

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/newsletter/inscription/"


def signup(client, email="lecteur@exemple.fr", lists=None, source="page"):
    data = {"email": email, "source": source, "choose_lists": "1"}
    if lists is not None:
        data["lists"] = [lst.pk for lst in lists]
    return client.post(SUBSCRIBE, data)


def confirm_link(message):
    return local_path(link_to(message, "/newsletter/confirmer/"))


def test_sign_up_sends_only_the_confirmation_email(client, morning_list):
    response = signup(client, lists=[morning_list])
    assert response.status_code == 200
    assert "Vérifiez vos e-mails" in response.content.decode()
    assert len(mail.outbox) == 1
    assert "Confirmez votre inscription" in mail.outbox[0].subject
    subscriber = Subscriber.objects.get(email="lecteur@exemple.fr")
    assert subscriber.status == SubscriberStatus.PENDING
    assert Subscription.objects.get(subscriber=subscriber).status == SubscriptionStatus.PENDING


def test_pending_subscriber_gets_no_issue(client, morning_list):
    from manchette.newsletter.factories import NewsletterIssueFactory

    signup(client, lists=[morning_list])
    mail.outbox.clear()
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    issue.refresh_from_db()
    assert issue.status == "sent"
    assert issue.sent_count == 0
    assert mail.outbox == []


def test_confirmation_link_asks_then_activates_and_stores_the_consent(client, morning_list):
    signup(client, "  Lecteur@Exemple.FR ", lists=[morning_list], source="article")
    link = confirm_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "Je confirme mon inscription" in page.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lecteur@exemple.fr"
    assert subscriber.status == SubscriberStatus.PENDING  # a GET (mail scanners) confirms nothing

    done = client.post(link)
    assert "Votre inscription est confirmée" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert Subscription.objects.get().status == SubscriptionStatus.ACTIVE
    consent = ConsentRecord.objects.get()
    assert consent.source == "article"
    assert consent.text == subscriptions.consent_text([morning_list])
    assert "La lettre du matin" in consent.text
    assert len(consent.ip_hash) == 32 and "127.0.0.1" not in consent.ip_hash
    assert consent.confirmed_at is not None and consent.confirmed_ip_hash


def test_clicking_the_link_twice_is_harmless(client, morning_list):
    signup(client, lists=[morning_list])
    link = confirm_link(mail.outbox[0])
    client.post(link)
    again = client.post(link)
    assert again.status_code == 200
    assert "Votre inscription est confirmée" in again.content.decode()
    assert Subscription.objects.count() == 1


def test_same_response_for_new_known_and_active_addresses(client, morning_list):
    from manchette.newsletter.factories import SubscriberFactory

    SubscriberFactory(email="deja@exemple.fr", lists=[morning_list])
    new = signup(client, "nouveau@exemple.fr", lists=[morning_list])
    known = signup(client, "deja@exemple.fr", lists=[morning_list])
    mask = lambda response, email: response.content.decode().replace(email, "X")  # noqa: E731
    assert new.status_code == known.status_code == 200
    assert mask(new, "nouveau@exemple.fr") == mask(known, "deja@exemple.fr")


def test_signing_up_twice_sends_two_confirmations_and_keeps_one_subscription(client, morning_list):
    signup(client, lists=[morning_list])
    signup(client, lists=[morning_list])
    assert len(mail.outbox) == 2
    assert Subscriber.objects.count() == 1
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize("tamper", ["forged", "garbage", "unknown"])
def test_forged_links_get_a_clear_french_message(client, morning_list, tamper):
    signup(client, lists=[morning_list])
    link = confirm_link(mail.outbox[0])
    if tamper == "forged":
        link = link[:-3] + "abc/"
    elif tamper == "garbage":
        link = "/newsletter/confirmer/n-importe-quoi/"
    else:
        token = proof.issue("newsletter-confirm", "lecteur@exemple.fr", c=999999)
        link = f"/newsletter/confirmer/{token}/"
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "Ce lien n’est pas valable" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_expired_link_says_so(client, morning_list, settings):
    signup(client, lists=[morning_list])
    link = confirm_link(mail.outbox[0])
    later = signing.time.time() + settings.NEWSLETTER_CONFIRM_MAX_AGE + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(link)
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_invalid_email_is_explained_and_kept(client, morning_list):
    response = signup(client, "pas-une-adresse", lists=[morning_list])
    assert response.status_code == 400
    body = response.content.decode()
    assert "n’est pas valide" in body
    assert 'value="pas-une-adresse"' in body
    assert mail.outbox == []


def test_no_list_chosen_is_explained(client, morning_list):
    response = signup(client, lists=[])
    assert response.status_code == 400
    assert "Choisissez au moins une lettre" in response.content.decode()


def test_subscribe_form_needs_csrf_and_falls_back_to_a_confirmation_form(morning_list):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SUBSCRIBE, {"email": "lecteur@exemple.fr", "source": "footer"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "confirmez votre inscription" in body
    assert 'value="lecteur@exemple.fr"' in body
    assert "csrfmiddlewaretoken" in body
    assert Subscriber.objects.count() == 0 and mail.outbox == []
    # The reader confirms the re-displayed form: now it goes through.
    token = body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(
        SUBSCRIBE,
        {
            "email": "lecteur@exemple.fr",
            "source": "footer",
            "choose_lists": "1",
            "lists": [morning_list.pk],
            "csrfmiddlewaretoken": token,
        },
    )
    assert "Vérifiez vos e-mails" in response.content.decode()
    assert ConsentRecord.objects.get().source == "footer"
    assert len(mail.outbox) == 1


def test_token_endpoint_gives_a_csrf_token_that_works(morning_list):
    client = Client(enforce_csrf_checks=True)
    token = client.get("/newsletter/jeton/").json()["csrfToken"]
    response = client.post(
        SUBSCRIBE, {"email": "a@exemple.fr", "source": "article", "csrfmiddlewaretoken": token}
    )
    assert "Vérifiez vos e-mails" in response.content.decode()
    # The one-field box subscribes to the lists offered by default.
    assert list(ConsentRecord.objects.get().lists.all()) == [morning_list]
