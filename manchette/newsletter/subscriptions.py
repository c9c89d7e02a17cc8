"""Readers' subscriptions: sign-up with double opt-in, confirmation, unsubscribing, preferences.

Every change records the consent it rests on (ConsentRecord); emails leave from tasks.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.core.outbox import enqueue_with_data
from manchette.newsletter.content import site_identity
from manchette.newsletter.models import (
    ConsentRecord,
    Delivery,
    NewsletterIssue,
    Subscriber,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
    normalise_email,
)
from manchette.newsletter.tasks import send_confirmation_email, send_preferences_link


def consent_text(lists, site_name=None):
    """The exact sentence a reader agrees to when signing up (stored as proof of consent)."""
    site_name = site_name or site_identity()["site_name"]
    names = ", ".join(f"« {lst.name} »" for lst in lists)
    return _(
        "J’accepte de recevoir par e-mail %(lists)s de %(site)s. Je peux me désinscrire à tout "
        "moment par le lien présent dans chaque envoi."
    ) % {"lists": names, "site": site_name}


def subscribe(email, lists, *, source, text, ip_hash):
    """Records a sign-up request and its consent, and emails the confirmation link.

    Nothing else is ever sent to the address before the link is clicked. The outcome is the
    same whether or not the address is known (the caller shows one message for every case).
    """
    email = normalise_email(email)
    lists = list(lists)
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=email)
        consent = ConsentRecord.objects.create(
            subscriber=subscriber, source=source[:40], text=text, ip_hash=ip_hash
        )
        consent.lists.set(lists)
        for newsletter_list in lists:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter_list=newsletter_list
            )
            if not created and subscription.status == SubscriptionStatus.UNSUBSCRIBED:
                Subscription.objects.filter(pk=subscription.pk).update(
                    status=SubscriptionStatus.PENDING
                )
        enqueue_with_data(send_confirmation_email, consent.pk)
    return consent


def confirm_subscription(consent, *, ip_hash):
    """Activates the lists of a sign-up (the POST of its signed link's page). Clicking twice
    changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        claimed = ConsentRecord.objects.filter(pk=consent.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, confirmed_ip_hash=ip_hash
        )
        if not claimed:
            return consent.subscriber
        Subscriber.objects.filter(pk=consent.subscriber_id).update(
            status=SubscriberStatus.ACTIVE, bounce_count=0
        )
        Subscriber.objects.filter(pk=consent.subscriber_id, confirmed_at__isnull=True).update(
            confirmed_at=now
        )
        Subscription.objects.filter(
            subscriber_id=consent.subscriber_id,
            newsletter_list__in=consent.lists.all(),
        ).exclude(status=SubscriptionStatus.ACTIVE).update(
            status=SubscriptionStatus.ACTIVE, confirmed_at=now, unsubscribed_at=None
        )
    consent.subscriber.refresh_from_db()
    return consent.subscriber


def _refresh_subscriber_status(subscriber_id):
    has_active = Subscription.objects.filter(
        subscriber_id=subscriber_id, status=SubscriptionStatus.ACTIVE
    ).exists()
    if not has_active:
        Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.ACTIVE).update(
            status=SubscriberStatus.UNSUBSCRIBED
        )


def unsubscribe(subscriber, newsletter_list, issue_id=None):
    """Unsubscribes from the list of the email the signed link came in. Idempotent.

    Counted on the issue the link came from (admin statistics).
    """
    now = timezone.now()
    with transaction.atomic():
        Subscription.objects.filter(subscriber=subscriber, newsletter_list=newsletter_list).exclude(
            status=SubscriptionStatus.UNSUBSCRIBED
        ).update(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=now)
        if issue_id and Delivery.objects.filter(
            issue_id=issue_id, subscriber=subscriber, unsubscribed_at__isnull=True
        ).update(unsubscribed_at=now):
            NewsletterIssue.objects.filter(pk=issue_id).update(
                unsubscribed_count=F("unsubscribed_count") + 1
            )
        _refresh_subscriber_status(subscriber.pk)
    return subscriber, newsletter_list


def update_preferences(subscriber, lists, *, ip_hash):
    """Sets the subscriber's lists from the preferences page reached by a signed link.

    The link proves the reader controls the address, so lists added there are active at once;
    the choice is recorded as consent like a sign-up.
    """
    lists = list(lists)
    now = timezone.now()
    with transaction.atomic():
        current = Subscription.objects.filter(subscriber=subscriber)
        current.exclude(newsletter_list__in=lists).exclude(
            status=SubscriptionStatus.UNSUBSCRIBED
        ).update(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=now)
        added = []
        for newsletter_list in lists:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter_list=newsletter_list,
                defaults={"status": SubscriptionStatus.ACTIVE, "confirmed_at": now},
            )
            if created or subscription.status != SubscriptionStatus.ACTIVE:
                added.append(newsletter_list)
                if not created:
                    Subscription.objects.filter(pk=subscription.pk).update(
                        status=SubscriptionStatus.ACTIVE, confirmed_at=now, unsubscribed_at=None
                    )
        if added:
            consent = ConsentRecord.objects.create(
                subscriber=subscriber,
                source="preferences",
                text=consent_text(added),
                ip_hash=ip_hash,
                confirmed_at=now,
                confirmed_ip_hash=ip_hash,
            )
            consent.lists.set(added)
            Subscriber.objects.filter(pk=subscriber.pk).exclude(
                status=SubscriberStatus.ACTIVE
            ).update(status=SubscriberStatus.ACTIVE, bounce_count=0)
        _refresh_subscriber_status(subscriber.pk)
    subscriber.refresh_from_db()
    return subscriber


def request_preferences_link(email):
    """Emails a fresh preferences link to a confirmed address; silently nothing otherwise."""
    subscriber = Subscriber.objects.filter(
        email=normalise_email(email), confirmed_at__isnull=False
    ).first()
    if subscriber is not None:
        enqueue_with_data(send_preferences_link, subscriber.pk)
