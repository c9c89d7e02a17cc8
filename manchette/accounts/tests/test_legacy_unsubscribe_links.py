"""Unsubscribe links sent before the proof module (their own salts and payloads) still work:
an issue or a notification already in a mailbox must always let its reader leave."""

import pytest
from django.core import signing

from manchette.comments.factories import SubscriptionFactory
from manchette.comments.models import Subscription
from manchette.newsletter.factories import SubscriberFactory
from manchette.newsletter.models import NewsletterList, SubscriptionStatus

pytestmark = pytest.mark.django_db

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def test_an_old_newsletter_unsubscribe_link_still_unsubscribes_in_one_click(client):
    morning = NewsletterList.objects.get(slug="lettre-du-matin")
    subscriber = SubscriberFactory(lists=[morning])
    token = signing.dumps(
        {"s": subscriber.pk, "l": morning.pk, "i": None}, salt="manchette.newsletter.unsubscribe"
    )
    assert client.get(f"/newsletter/desinscription/{token}/").status_code == 200
    assert subscriber.subscriptions.get().status == SubscriptionStatus.ACTIVE  # GET: nothing
    response = client.post(f"/newsletter/desinscription/{token}/", ONE_CLICK)
    assert response.status_code == 200
    assert subscriber.subscriptions.get().status == SubscriptionStatus.UNSUBSCRIBED


def test_an_old_comment_notification_link_still_unsubscribes(client):
    subscription = SubscriptionFactory()
    token = signing.dumps(subscription.pk, salt="comments.unsubscribe")
    client.post(f"/commentaires/desabonnement/{token}/", ONE_CLICK)
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_an_old_salt_opens_nothing_but_its_own_unsubscribe():
    from manchette.accounts import proof

    token = signing.dumps(7, salt="comments.unsubscribe")
    with pytest.raises(proof.InvalidProof):
        proof.read("comment-confirm", token)
    forged = signing.dumps(7, salt="another.salt")
    with pytest.raises(proof.InvalidProof):
        proof.read("comment-unsubscribe", forged)
