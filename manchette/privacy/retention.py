"""How long personal data is kept: the daily job the worker's clock runs (`apply_retention`).

Durations come from the settings (environment variables, see `.env.example`):

- PRIVACY_UNCONFIRMED_DAYS (7): requests nobody confirmed are forgotten: newsletter sign-ups
  and their consent records, comments awaiting their e-mail confirmation, guest addresses never
  confirmed, comment notifications and topic follows never confirmed. Every confirmation link
  has expired by then (they live 7 days); so comments older than that lose the posting
  browser's key they kept for their confirmation.
- PRIVACY_NETWORK_HASH_DAYS (365): hashed network addresses are cleared from comments and
  consent records (they serve the burst rule and the proof of a sign-up, not forever), and
  the network buckets (with their slots) from votes, reports and reactions
  (`accounts.readers.forget_networks`).
- PRIVACY_PROVEN_BROWSER_DAYS (365; the reader cookie lives 400 days at most): the record that a
  browser proved an address (`accounts.ProvenBrowser`) is deleted; the reader proves it again.
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


def days(name):
    """A duration from the settings (their defaults live in settings/base.py only)."""
    return timedelta(days=int(getattr(settings, name)))


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


def forget_browser_keys(before):
    """A comment keeps its posting browser's key only to publish that browser's comments on
    confirmation: the link lives 7 days, so an older comment (awaiting or not) has no use for
    it. Those still awaiting and pending are deleted by `forget_unconfirmed` anyway."""
    from manchette.comments.models import Comment

    old = Comment.objects.filter(created_at__lt=before).exclude(browser_key="")
    return {"comment_browser_keys": old.update(browser_key="")}


def clear_network_hashes(before):
    from manchette.accounts.readers import forget_networks
    from manchette.comments.models import Comment, CommentReport, CommentVote
    from manchette.newsletter.models import ConsentRecord
    from manchette.reactions.models import Reaction

    consents = ConsentRecord.objects.filter(created_at__lt=before).filter(
        ~Q(ip_hash="") | ~Q(confirmed_ip_hash="")
    )
    old = Q(created_at__lt=before)
    return {
        "comment_hashes": Comment.objects.filter(old)
        .exclude(client_hash="")
        .update(client_hash=""),
        "consent_hashes": consents.update(ip_hash="", confirmed_ip_hash=""),
        # The rows still count; they no longer hold one of their network's slots.
        "vote_networks": forget_networks(CommentVote.objects.filter(old)),
        "report_networks": forget_networks(CommentReport.objects.filter(old)),
        "reaction_networks": forget_networks(Reaction.objects.filter(old)),
    }


def forget_proven_browsers(before):
    """A browser's proof lasts as long as its cookie could (a year): past that, the reader
    proves their address again, and the row naming it goes."""
    from manchette.accounts.models import ProvenBrowser

    return {"proven_browsers": ProvenBrowser.objects.filter(proven_at__lt=before).delete()[0]}


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
        counts.update(forget_browser_keys(now - days("PRIVACY_UNCONFIRMED_DAYS")))
        counts.update(forget_proven_browsers(now - days("PRIVACY_PROVEN_BROWSER_DAYS")))
        counts.update(clear_network_hashes(now - days("PRIVACY_NETWORK_HASH_DAYS")))
        counts.update(clear_logs(now - days("PRIVACY_LOG_DAYS")))
    return counts
