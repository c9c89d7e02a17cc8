"""How long personal data is kept: the daily job the worker's clock runs (`apply_retention`).

Durations come from the settings (environment variables, see `.env.example`):

- PRIVACY_UNCONFIRMED_DAYS (7): requests nobody confirmed are forgotten: newsletter sign-ups
  and their consent records, comments awaiting their e-mail confirmation, guest addresses never
  confirmed, comment notifications and topic follows never confirmed. Every confirmation link
  has expired by then (they live 7 days).
- PRIVACY_NETWORK_HASH_DAYS (365): hashed network addresses are cleared from comments and
  consent records (they serve the burst rule and the proof of a sign-up, not forever).
- PRIVACY_LOG_DAYS (30): the worker's record of finished jobs (the e-mails it sent, among
  them every sign-in link with its address) and expired sessions are deleted. There is no
  sign-in log table, and sign-in tokens are stateless (signed, 30 minutes): nothing else to
  clear.
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

DEFAULTS = {
    "PRIVACY_UNCONFIRMED_DAYS": 7,
    "PRIVACY_NETWORK_HASH_DAYS": 365,
    "PRIVACY_LOG_DAYS": 30,
}


def days(name):
    return timedelta(days=int(getattr(settings, name, DEFAULTS[name])))


def forget_unconfirmed(before):
    from manchette.comments.models import Comment, CommentStatus, GuestEmail
    from manchette.comments.models import Subscription as CommentSubscription
    from manchette.newsletter.models import (
        ConsentRecord,
        Subscriber,
        SubscriberStatus,
        Subscription,
        SubscriptionStatus,
    )
    from manchette.topics.models import TopicFollow

    old = Q(created_at__lt=before)
    # Never shown (no reply can hang under them), so deleted outright.
    waiting = Comment.objects.filter(old, awaiting_confirmation=True, status=CommentStatus.PENDING)
    return {
        "comments": waiting.delete()[0],
        "guest_addresses": GuestEmail.objects.filter(old, confirmed_at__isnull=True).delete()[0],
        "comment_subscriptions": CommentSubscription.objects.filter(old, confirmed=False).delete()[
            0
        ],
        "newsletter_subscriptions": Subscription.objects.filter(
            old, status=SubscriptionStatus.PENDING
        ).delete()[0],
        "consent_records": ConsentRecord.objects.filter(old, confirmed_at__isnull=True).delete()[0],
        # A sign-up nobody confirmed, with nothing else left under the address.
        "subscribers": Subscriber.objects.filter(
            old, status=SubscriberStatus.PENDING, subscriptions__isnull=True
        ).delete()[0],
        "topic_follows": TopicFollow.objects.filter(old, confirmed=False).delete()[0],
    }


def clear_network_hashes(before):
    from manchette.comments.models import Comment
    from manchette.newsletter.models import ConsentRecord

    consents = ConsentRecord.objects.filter(created_at__lt=before).filter(
        ~Q(ip_hash="") | ~Q(confirmed_ip_hash="")
    )
    return {
        "comment_hashes": Comment.objects.filter(created_at__lt=before)
        .exclude(client_hash="")
        .update(client_hash=""),
        "consent_hashes": consents.update(ip_hash="", confirmed_ip_hash=""),
    }


def clear_logs(before):
    from django_tasks_db.models import DBTaskResult

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return {
        "task_results": DBTaskResult.objects.finished().filter(finished_at__lt=before).delete()[0]
    }


def apply_retention(now=None):
    """Runs every rule; returns how many rows each changed. Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        counts = forget_unconfirmed(now - days("PRIVACY_UNCONFIRMED_DAYS"))
        counts.update(clear_network_hashes(now - days("PRIVACY_NETWORK_HASH_DAYS")))
        counts.update(clear_logs(now - days("PRIVACY_LOG_DAYS")))
    return counts
