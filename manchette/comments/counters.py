"""What waits for the moderators: the held and the reported comments, counted in one query
and kept in the shared cache, so that the admin menu can show them on every admin page.

Every change to a comment forgets the counts (a save or delete through the signals, the
counters moved by `update()` where that happens); the cached copy's lifetime only bounds a
write that bypassed both."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q

from manchette.comments.models import Comment, CommentStatus

COUNTS_KEY = "comments:moderation-counts:1"
COUNTS_SECONDS = 300

WAITING = Q(status=CommentStatus.PENDING, awaiting_confirmation=False)
REPORTED = Q(report_count__gt=0) & ~Q(status=CommentStatus.DELETED)


def counted_for_moderators(comment):
    """Whether the comment counts in `count_waiting` (WAITING or REPORTED, in Python)."""
    waiting = comment.status == CommentStatus.PENDING and not comment.awaiting_confirmation
    reported = comment.report_count > 0 and comment.status != CommentStatus.DELETED
    return waiting or reported


def count_waiting():
    """{"pending": …, "reported": …} read from the database, in one query (the digest's)."""
    return Comment.objects.aggregate(
        pending=Count("pk", filter=WAITING), reported=Count("pk", filter=REPORTED)
    )


def moderation_counts():
    """The same counts, from the cache when it has them (the admin menu's)."""
    counts = cache.get(COUNTS_KEY)
    if counts is None:
        counts = count_waiting()
        cache.set(COUNTS_KEY, counts, COUNTS_SECONDS)
    return counts


def forget_moderation_counts():
    """Drops the cached counts now and after the commit: a read between the two would cache
    the old figures again."""
    cache.delete(COUNTS_KEY)
    transaction.on_commit(lambda: cache.delete(COUNTS_KEY))
