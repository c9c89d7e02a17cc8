"""The moderators' digest: an e-mail, at most every COMMENTS_MODERATION_DIGEST_HOURS, saying
what waits for them (held and reported comments), sent by the worker's clock, never on a
request. Off when the setting is 0."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.urls import reverse

from manchette.comments.counters import count_waiting, moderation_counts
from manchette.comments.models import Comment
from manchette.core.turns import take_turn

logger = logging.getLogger("manchette.comments")
TURN = "comments:moderation-digest"
LISTED = 10  # comments named in the e-mail, per tab; the counts say how many in all


def moderators():
    """Active accounts with an address that may moderate (the comments permission)."""
    return (
        get_user_model()
        .objects.with_perm(
            "comments.change_comment",
            include_superusers=True,
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True)
        .exclude(email="")
    )


def send_moderation_digest(now=None):
    """Sends the digest to every moderator when something waits and the last one went out at
    least COMMENTS_MODERATION_DIGEST_HOURS ago. Returns how many e-mails were sent."""
    hours = settings.COMMENTS_MODERATION_DIGEST_HOURS
    # The cached counts first: most ticks nothing waits, and they cost no query then.
    if hours <= 0 or not any(moderation_counts().values()):
        return 0
    if not take_turn(TURN, hours * 3600, now):
        return 0
    counts = count_waiting()
    if not any(counts.values()):
        return 0
    queue_url = settings.SITE_URL + reverse("comments_admin:queue")
    context = {
        **counts,
        "queue_url": queue_url,
        "reported_url": queue_url + "?etat=signales",
        "waiting_comments": _listed(Comment.objects.queue()),
        "reported_comments": _listed(Comment.objects.reported()),
    }
    from manchette.core.mail import send_templated_email

    sent = 0
    connection = get_connection()
    for user in moderators():
        try:
            send_templated_email(
                user.email,
                "moderation_digest",
                {**context, "moderator": user},
                connection=connection,
            )
        except Exception:  # one address refused must not stop the others
            logger.exception("Moderation digest to user %s failed", user.pk)
            continue
        sent += 1
    return sent


def _listed(comments):
    """The oldest first, each with the address of its page in the admin."""
    listed = list(comments.select_related("article").order_by("created_at")[:LISTED])
    for comment in listed:
        comment.admin_url = settings.SITE_URL + reverse("comments_admin:detail", args=[comment.pk])
    return listed
