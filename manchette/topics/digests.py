"""Follow digests: queueing what is new for each follower and sending one email per address.

A confirmed follower of a topic is told, by one email per address and per digest, about the
articles first published recently that mention the topics they follow. A row per
(follow, article) makes queueing idempotent; the rows of a digest turn `sent` in the
transaction its email leaves in. Old articles relinked later are never "new".
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, F, Min, OuterRef, Q
from django.utils import timezone

from manchette.core.turns import release_turn, take_turn
from manchette.core.visibility import visible_q
from manchette.topics.follow_links import unfollow_url
from manchette.topics.models import (
    ArticleTopic,
    NotificationState,
    TopicFollow,
    TopicNotification,
)

logger = logging.getLogger(__name__)


def french_list(names):
    """ "Lyon", "Lyon et Paris", "Lyon, Marseille et Paris"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " et " + names[-1]


def digest_minutes():
    return settings.TOPICS_DIGEST_MINUTES


def news_max_age():
    return timedelta(hours=settings.TOPICS_DIGEST_MAX_AGE_HOURS)


def queue_follow_notifications(*, article_ids=None, now=None):
    """Queues a row for every confirmed follower of every confirmed topic that a live article,
    first published within news_max_age() (and after the follow was confirmed), mentions.

    Idempotent: a (follow, article) pair is queued once, ever. Returns the rows queued.
    """
    now = now or timezone.now()
    mentions = ArticleTopic.objects.filter(
        visible_q("article__"),
        article__first_published_at__gte=now - news_max_age(),
        article__first_published_at__lte=now,
        topic__confirmed=True,
        topic__follows__confirmed=True,
        topic__follows__confirmed_at__lte=F("article__first_published_at"),
    )
    if article_ids is not None:
        mentions = mentions.filter(article_id__in=list(article_ids))
    # The annotation reuses the filtered join to the follows (an OuterRef through the relation
    # would join the follows again, unfiltered).
    mentions = mentions.annotate(follow_id=F("topic__follows__id"))
    already = TopicNotification.objects.filter(
        follow_id=OuterRef("follow_id"), article_id=OuterRef("article_id")
    )
    pairs = set(mentions.filter(~Exists(already)).values_list("follow_id", "article_id"))
    rows = [
        TopicNotification(follow_id=follow_id, article_id=article_id, created_at=now)
        for follow_id, article_id in sorted(pairs)
    ]
    TopicNotification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def drop_stale_notifications():
    """Pending rows whose article is no longer live, or no longer mentions the followed
    (confirmed) topic, are dropped: nobody is told about them."""
    mention = ArticleTopic.objects.filter(
        article_id=OuterRef("article_id"), topic_id=OuterRef("follow__topic_id")
    )
    stale = TopicNotification.objects.pending().filter(
        ~visible_q("article__") | Q(follow__topic__confirmed=False) | ~Exists(mention)
    )
    stale_ids = list(stale.values_list("pk", flat=True))
    return TopicNotification.objects.filter(pk__in=stale_ids).delete()[0]


def due_digest_addresses(now):
    """Addresses whose oldest pending row has waited digest_minutes(): a burst is one email,
    and an address gets at most one digest every digest_minutes()."""
    return list(
        TopicNotification.objects.pending()
        .filter(follow__confirmed=True)
        .values("follow__email")
        .annotate(first=Min("created_at"))
        .filter(first__lte=now - timedelta(minutes=digest_minutes()))
        .order_by("follow__email")
        .values_list("follow__email", flat=True)
    )


def build_follow_digest(email, rows):
    """The digest message for `email`: its rows' articles, newest first, with their topics."""
    from manchette.core.mail import build_templated_email

    entries = {}
    follows = {}
    for row in rows:
        follows[row.follow_id] = row.follow
        entry = entries.setdefault(
            row.article_id,
            {
                "article": row.article,
                "url": settings.SITE_URL + row.article.url,
                "topics": [],
            },
        )
        entry["topics"].append(row.follow.topic)
    articles = sorted(
        entries.values(),
        key=lambda e: (e["article"].first_published_at, e["article"].pk),
        reverse=True,
    )
    for entry in articles:
        entry["topics"].sort(key=lambda t: t.name.lower())
        entry["topic_names"] = french_list(t.name for t in entry["topics"])
    topics = [
        {
            "topic": follow.topic,
            "url": settings.SITE_URL + follow.topic.get_absolute_url(),
            "unfollow_url": unfollow_url([follow]),
        }
        for follow in sorted(follows.values(), key=lambda f: f.topic.name.lower())
    ]
    # One click stops every digest this address gets: all its confirmed follows.
    every_follow = list(TopicFollow.objects.filter(email=email, confirmed=True).order_by("pk"))
    unsubscribe = unfollow_url(every_follow or list(follows.values()))
    return build_templated_email(
        email,
        "topic_new_articles",
        {
            "articles": articles,
            "count": len(articles),
            "topics": topics,
            "topic_names": french_list(t["topic"].name for t in topics),
            "unsubscribe_url": unsubscribe,
        },
        unsubscribe_url=unsubscribe,
    )


def send_follow_digests(now=None):
    """Queues what is new, then sends every due digest over one SMTP connection.

    Each address's rows are locked, its email sent, then the rows marked sent, in one
    transaction: a worker killed mid-run leaves the unsent rows pending for the next run, and
    a concurrent run skips rows another holds. Returns the number of emails sent.
    """
    now = now or timezone.now()
    if not take_turn("topics:follow-digests", 600):
        return 0  # another run is sending
    connection = None
    sent = 0
    try:
        queue_follow_notifications(now=now)
        drop_stale_notifications()
        for email in due_digest_addresses(now):
            try:
                with transaction.atomic():
                    rows = list(
                        TopicNotification.objects.pending()
                        .filter(
                            visible_q("article__"),
                            follow__email=email,
                            follow__confirmed=True,
                            follow__topic__confirmed=True,
                        )
                        .select_related("follow__topic", "article")
                        .select_for_update(skip_locked=True, of=("self",))
                        .order_by("pk")
                    )
                    if not rows:
                        continue
                    message = build_follow_digest(email, rows)
                    if connection is None:
                        connection = get_connection()
                        connection.open()
                    message.connection = connection
                    message.send()
                    TopicNotification.objects.filter(pk__in=[r.pk for r in rows]).update(
                        state=NotificationState.SENT, sent_at=timezone.now()
                    )
            except Exception:
                logger.exception("Topic digest to %s failed; its rows stay pending", email)
                if connection is not None:
                    connection.close()  # a broken connection is reopened for the next one
                    connection = None
                continue
            sent += 1
        prune_sent_notifications(now)
    finally:
        if connection is not None:
            connection.close()
        release_turn("topics:follow-digests")
    return sent


def prune_sent_notifications(now):
    """Sent rows are kept while their article could still be queued (so it never is again)."""
    cutoff = now - news_max_age() - timedelta(days=7)
    return TopicNotification.objects.filter(
        state=NotificationState.SENT, created_at__lt=cutoff, article__first_published_at__lt=cutoff
    ).delete()[0]


def drop_article_notifications(article_id):
    """An unpublished article is dropped from the digests not sent yet."""
    return TopicNotification.objects.pending().filter(article_id=article_id).delete()[0]
