"""Readers' votes and reports on comments: every write to them goes through here.

A reader is an account or the anonymous reader cookie (manchette.accounts.readers). Since a
cookie costs nothing to drop, anonymous readers also count per network bucket: at most
PER_NETWORK anonymous votes on one comment from one network, and one anonymous report per
network toward the threshold that sends a comment back to moderation, where a signed-in
reader's report weighs two.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from manchette.accounts.readers import create_capped
from manchette.comments.common import CommentError, comment_settings, purge_thread
from manchette.comments.counters import forget_moderation_counts
from manchette.comments.models import (
    Comment,
    CommentReport,
    CommentStatus,
    CommentVote,
    HoldReason,
    ModerationAction,
    ReportReason,
    ReportWeight,
)
from manchette.comments.moderation import log_action
from manchette.core.transactions import reader_write


def vote(comment, reader, value):
    """The reader's vote: the same vote again withdraws it, the other one replaces it.

    Returns the reader's vote now (1, -1, or 0 when withdrawn), or None when a concurrent first
    vote of the same reader won. Raises NetworkFull when the reader is anonymous and their
    network already has its PER_NETWORK votes on this comment. The counters move in the same
    transaction, so they always equal the votes.
    """
    value = 1 if int(value) > 0 else -1
    with reader_write():
        existing = (
            CommentVote.objects.select_for_update()
            .filter(comment=comment, voter=reader.voter)
            .first()
        )
        if existing is None:
            try:
                create_capped(
                    CommentVote, reader, {"comment": comment}, {"voter": reader.voter}, value=value
                )
            except IntegrityError:
                return None
            up, down = (1, 0) if value > 0 else (0, 1)
            mine = value
        elif existing.value == value:
            existing.delete()
            up, down = (-1, 0) if value > 0 else (0, -1)
            mine = 0
        else:
            existing.value = value
            existing.save(update_fields=["value"])
            up, down = (1, -1) if value > 0 else (-1, 1)
            mine = value
        _count(comment.pk, up, down)
    comment.refresh_from_db(fields=["upvotes", "downvotes", "score"])
    return mine


def _count(comment_id, up, down):
    Comment.objects.filter(pk=comment_id).update(
        upvotes=F("upvotes") + up, downvotes=F("downvotes") + down, score=F("score") + up - down
    )


def withdraw_votes(votes):
    """Removes votes (a reader's, on erasure) and takes them off their comments' counters."""
    with transaction.atomic():
        for existing in votes.select_for_update():
            existing.delete()
            _count(existing.comment_id, *((-1, 0) if existing.value > 0 else (0, -1)))


def _report_weight(comment, reader):
    if not reader.is_anonymous:
        return ReportWeight.ACCOUNT
    if not reader.network:
        return ReportWeight.ANONYMOUS
    counted = CommentReport.objects.filter(
        comment=comment, network=reader.network, weight=ReportWeight.ANONYMOUS
    ).exists()
    return ReportWeight.SETTLED if counted else ReportWeight.ANONYMOUS


def _record_report(comment, reader, reason, detail):
    """The report row, or None when this reader already reported the comment."""
    weight = _report_weight(comment, reader)
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return CommentReport.objects.create(
                    comment=comment,
                    reporter=reader.voter,
                    network=reader.network if reader.is_anonymous else "",
                    weight=weight,
                    reason=reason,
                    detail=(detail or "")[:300],
                )
        except IntegrityError:
            if CommentReport.objects.filter(comment=comment, reporter=reader.voter).exists():
                return None
            # A concurrent anonymous report from the same network was counted first.
            weight = ReportWeight.SETTLED
    return None


def report(comment, reader, reason, detail=""):
    """Records a report (once per reader); at the threshold the comment goes back to the queue.

    The threshold counts weights: a signed-in reader's report 2, an anonymous one 1, and
    anonymous reports from one network once. Returns False when the reader had already
    reported the comment.
    """
    if reason not in ReportReason.values:
        raise CommentError(_("Choisissez un motif de signalement."), "reason")
    with transaction.atomic():
        if _record_report(comment, reader, reason, detail) is None:
            return False
        Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
        forget_moderation_counts()
        comment.refresh_from_db(fields=["report_count", "status"])
        threshold = comment_settings().report_threshold
        if (
            threshold
            and comment.status == CommentStatus.PUBLISHED
            and not comment.is_newsroom
            and _weight_of_reports(comment) >= threshold
        ):
            comment.status = CommentStatus.PENDING
            comment.held_reason = HoldReason.REPORTS
            comment.held_detail = _("%(n)d signalements") % {"n": comment.report_count}
            comment.save(update_fields=["status", "held_reason", "held_detail"])
            log_action(ModerationAction.HOLD, comment=comment, reason=comment.held_detail)
            purge_thread(comment.article)
    return True


def _weight_of_reports(comment):
    return CommentReport.objects.filter(comment=comment).aggregate(w=Sum("weight"))["w"] or 0
