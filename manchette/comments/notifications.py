"""Comment notifications: readers' subscriptions to an article's comments, and their digests.

A subscription is active once its address is proven (a signed-in reader, a proven browser,
or the guest's confirmation link). Published comments are queued per subscription and sent
as one digest per subscriber once the oldest waited `notify_delay()`. Every digest carries a
one-click unsubscribe link (`manchette.accounts.proof`).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Count, Min, Q
from django.utils import timezone

from manchette.accounts import proof
from manchette.comments.models import (
    Comment,
    CommentStatus,
    PendingNotification,
    Subscription,
    SubscriptionKind,
)
from manchette.core.ratelimit import hit

logger = logging.getLogger(__name__)


def subscribe(*, article, email, kind, user=None, confirmed=False, browser_key=""):
    """The subscription, confirmed at once for a proven address; else it waits for the
    confirmation of a comment from the browser `browser_key`, the last one that asked."""
    browser_key = "" if confirmed else browser_key
    sub, created = Subscription.objects.get_or_create(
        article=article,
        email=email.lower(),
        kind=kind,
        defaults={"user": user, "confirmed": confirmed, "browser_key": browser_key},
    )
    if not created and confirmed and not sub.confirmed:
        sub.confirmed = True
        sub.browser_key = ""
        sub.save(update_fields=["confirmed", "browser_key"])
    elif not created and not sub.confirmed and sub.browser_key != browser_key:
        sub.browser_key = browser_key
        sub.save(update_fields=["browser_key"])
    return sub


def unsubscribe_token(subscription):
    return proof.issue("comment-unsubscribe", subscription.email, s=subscription.pk)


def unsubscribe_url(subscription):
    return proof.link("comments:unsubscribe", unsubscribe_token(subscription))


def subscription_for(found, request=None):
    """The subscription a proof names (None once it is gone: unsubscribing twice is fine)."""
    try:
        return proof.named(Subscription.objects.select_related("article"), found, "s")
    except proof.InvalidProof:
        return None


def unsubscribe(subscription):
    PendingNotification.objects.filter(subscription=subscription).delete()
    subscription.delete()


def queue_notifications(comment):
    """Queues the comment for the next digest of everyone subscribed to it (never its author)."""
    comment = Comment.objects.select_related("reply_to__user", "user").get(pk=comment.pk)
    if comment.status != CommentStatus.PUBLISHED:
        return 0
    author = comment.email
    subs = Q(kind=SubscriptionKind.FOLLOW_UPS)
    if comment.reply_to_id and comment.reply_to.email and comment.reply_to.email != author:
        subs |= Q(kind=SubscriptionKind.REPLIES, email=comment.reply_to.email)
    targets = (
        Subscription.objects.filter(article_id=comment.article_id, confirmed=True)
        .filter(subs)
        .exclude(email=author)
    )
    rows = [PendingNotification(subscription=s, comment=comment) for s in targets]
    PendingNotification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def notify_delay():
    return timedelta(seconds=settings.COMMENTS_NOTIFY_DELAY_SECONDS)


def send_due_notifications(now=None):
    """Sends one digest per subscriber whose oldest queued comment waited the delay.

    Called from the worker clock. A burst of comments in the delay becomes one email. Each
    digest's rows are deleted right after its email left, so a crash resends at most one.
    """
    from manchette.core.mail import send_templated_email

    now = now or timezone.now()
    due = (
        Subscription.objects.annotate(first=Min("pending__created_at"), n=Count("pending"))
        .filter(n__gt=0, first__lte=now - notify_delay())
        .select_related("article")
    )
    sent = 0
    connection = None
    for subscription in due:
        rows = list(
            PendingNotification.objects.filter(subscription=subscription)
            .select_related("comment")
            .order_by("comment__created_at")
        )
        comments = [r.comment for r in rows if r.comment.status == CommentStatus.PUBLISHED]
        if comments:
            if not hit("comment-notify-email", subscription.email, "20/h"):
                continue
            connection = connection or get_connection()
            article = subscription.article
            try:
                send_templated_email(
                    subscription.email,
                    "comment_notification",
                    {
                        "article": article,
                        "article_url": settings.SITE_URL + article.url,
                        "comments": comments,
                        "count": len(comments),
                        "subscription": subscription,
                        "unsubscribe_url": unsubscribe_url(subscription),
                    },
                    unsubscribe_url=unsubscribe_url(subscription),
                    connection=connection,
                )
            except Exception:
                logger.exception("Comment digest to subscription %s failed", subscription.pk)
                continue
            sent += 1
        PendingNotification.objects.filter(pk__in=[r.pk for r in rows]).delete()
    return sent
