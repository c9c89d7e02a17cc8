import re

import pytest
from django.core import mail
from django.test import Client

from manchette.newsletter import links, scheduling
from manchette.newsletter.factories import (
    NewsletterIssueFactory,
    NewsletterListFactory,
    SubscriberFactory,
)
from manchette.newsletter.models import (
    ConsentRecord,
    Delivery,
    NewsletterList,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
)
from manchette.newsletter.tests.conftest import link_to, local_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_issue(morning_list):
    subscriber = SubscriberFactory(email="lecteur@exemple.fr", lists=[morning_list])
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    issue.refresh_from_db()
    return issue, subscriber, mail.outbox[-1]


def test_every_issue_email_has_rfc8058_headers_and_both_links(sent_issue):
    _issue, _subscriber, message = sent_issue
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://") and "/newsletter/desinscription/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0].content
    assert "/newsletter/desinscription/" in html and "/newsletter/preferences/" in html
    # Issues get forwarded: their preferences link is the page that emails the subscriber a
    # link of its own, never a signed link to the subscriber's preferences.
    assert re.search(r"/newsletter/preferences/\s", message.body)
    assert not re.search(r"/newsletter/preferences/[^\s/]+/", message.body + html)


def preferences_link(client, email="lecteur@exemple.fr"):
    """The preferences link as a subscriber gets it: asked for by address, then emailed."""
    before = len(mail.outbox)
    client.post("/newsletter/preferences/", {"email": email})
    assert len(mail.outbox) == before + 1
    return local_path(link_to(mail.outbox[-1], "/newsletter/preferences/"))


def test_an_unsubscribe_link_never_opens_the_preferences(sent_issue):
    _issue, _subscriber, message = sent_issue
    url = local_path(link_to(message, "/newsletter/desinscription/"))
    token = url.rstrip("/").rsplit("/", 1)[1]
    client = Client()
    assert client.get(f"/newsletter/preferences/{token}/").status_code == 400
    response = client.post(f"/newsletter/preferences/{token}/", {"unsubscribe_all": "1"})
    assert response.status_code == 400
    done = client.post(url).content.decode()
    assert "Vous êtes désinscrit" in done
    assert not re.search(r"/newsletter/preferences/[^\s/\"]+/", done)


def test_one_click_post_without_csrf_unsubscribes_and_is_counted(sent_issue):
    issue, subscriber, message = sent_issue
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        local_path(url),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Vous êtes désinscrit" in response.content.decode()
    subscription = Subscription.objects.get(subscriber=subscriber)
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    issue.refresh_from_db()
    assert issue.unsubscribed_count == 1
    assert Delivery.objects.get(issue=issue).unsubscribed_at is not None
    # Twice: still fine, counted once.
    client.post(
        local_path(url),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    issue.refresh_from_db()
    assert issue.unsubscribed_count == 1


def test_get_on_the_unsubscribe_link_only_asks(sent_issue):
    _issue, subscriber, message = sent_issue
    url = local_path(link_to(message, "/newsletter/desinscription/"))
    response = Client().get(url)
    assert "Me désinscrire" in response.content.decode()
    assert Subscription.objects.get(subscriber=subscriber).status == SubscriptionStatus.ACTIVE


def test_forged_unsubscribe_link_is_explained(client):
    for response in (
        client.get("/newsletter/desinscription/faux:jeton/"),
        client.post("/newsletter/desinscription/faux:jeton/"),
    ):
        assert response.status_code == 400
        assert "Ce lien n’est pas valable" in response.content.decode()


def test_preferences_page_by_signed_link_chooses_lists(sent_issue):
    _issue, subscriber, _message = sent_issue
    weekly = NewsletterList.objects.get(slug="lettre-de-la-semaine")
    client = Client()
    url = preferences_link(client)
    page = client.get(url)
    assert page.status_code == 200
    assert "lecteur@exemple.fr" in page.content.decode()
    response = client.post(url, {"lists": [weekly.pk]})
    assert "Vos choix sont enregistrés" in response.content.decode()
    statuses = dict(
        Subscription.objects.filter(subscriber=subscriber).values_list(
            "newsletter_list__slug", "status"
        )
    )
    assert statuses == {"lettre-du-matin": "unsubscribed", "lettre-de-la-semaine": "active"}
    consent = ConsentRecord.objects.filter(source="preferences").get()
    assert list(consent.lists.all()) == [weekly]

    client.post(url, {"unsubscribe_all": "1"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert not Subscription.objects.filter(subscriber=subscriber, status="active").exists()


def test_inactive_lists_are_not_offered_on_the_preferences_page(sent_issue):
    _issue, _subscriber, _message = sent_issue
    NewsletterListFactory(name="Lettre fermée", active=False)
    client = Client()
    page = client.get(preferences_link(client))
    assert "Lettre fermée" not in page.content.decode()


def test_expired_preferences_link_offers_a_new_one_without_enumeration(client, settings):
    settings.NEWSLETTER_PREFERENCES_MAX_AGE = -1
    subscriber = SubscriberFactory(email="connu@exemple.fr")
    response = client.get(local_path(links.preferences_url(subscriber)))
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()

    known = client.post("/newsletter/preferences/", {"email": "connu@exemple.fr"})
    unknown = client.post("/newsletter/preferences/", {"email": "inconnu@exemple.fr"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [["connu@exemple.fr"]]
