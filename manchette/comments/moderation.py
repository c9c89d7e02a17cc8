"""The moderators' actions: approve, reject, mark as spam, dismiss reports, feature, pin, close
an article's comments, ban an author and lift a ban; each one written to the moderation log
with who did it and why."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.comments.common import purge_thread
from manchette.comments.counters import forget_moderation_counts
from manchette.comments.models import (
    ArticleCommentSettings,
    Ban,
    Comment,
    CommentReport,
    CommentStatus,
    HoldReason,
    ModerationAction,
    ModerationLog,
    ReportWeight,
)
from manchette.comments.notifications import queue_notifications


def settle_reports(comment):
    """A moderator kept the comment: its reports so far no longer count toward the threshold."""
    CommentReport.objects.filter(comment=comment).exclude(weight=ReportWeight.SETTLED).update(
        weight=ReportWeight.SETTLED
    )


def log_action(action, *, comment=None, article=None, actor=None, reason=""):
    """One line of the moderation log (`actor` None or anonymous: the system did it)."""
    ModerationLog.objects.create(
        comment=comment,
        article=article or (comment.article if comment else None),
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason[:300],
    )


def _set_status(comment, status, actor, action, reason=""):
    was_published = comment.status == CommentStatus.PUBLISHED
    comment.status = status
    comment.awaiting_confirmation = False
    fields = ["status", "awaiting_confirmation"]
    if status != CommentStatus.PUBLISHED:
        comment.moderation_reason = reason[:300]
        fields.append("moderation_reason")
    with transaction.atomic():
        if status == CommentStatus.PUBLISHED and not was_published:
            first_time = comment.published_at is None
            comment.published_at = comment.published_at or timezone.now()
            comment.moderation_reason = ""
            comment.save(update_fields=[*fields, "published_at", "moderation_reason"])
            purge_thread(comment.article)
            if first_time:
                transaction.on_commit(lambda: queue_notifications(comment))
        else:
            comment.save(update_fields=fields)
            if was_published or status == CommentStatus.PUBLISHED:
                purge_thread(comment.article)
        log_action(action, comment=comment, actor=actor, reason=reason)
    return comment


def approve_comment(comment, actor=None, reason=""):
    """Publishes a held comment: the article page is purged and subscribers are queued."""

    comment.report_count = 0
    Comment.objects.filter(pk=comment.pk).update(report_count=0)
    settle_reports(comment)
    return _set_status(comment, CommentStatus.PUBLISHED, actor, ModerationAction.APPROVE, reason)


def reject_comment(comment, actor=None, reason=""):
    return _set_status(comment, CommentStatus.REJECTED, actor, ModerationAction.REJECT, reason)


def mark_spam(comment, actor=None, reason=""):
    return _set_status(comment, CommentStatus.SPAM, actor, ModerationAction.SPAM, reason)


def dismiss_reports(comment, actor=None, reason=""):
    """« Classer sans suite »: the comment stays as it is (back in the thread if the reports
    alone had taken it out) and its reports are closed: they leave the « Signalés » tab and no
    longer count toward sending it back to moderation."""

    with transaction.atomic():
        comment.report_count = 0
        Comment.objects.filter(pk=comment.pk).update(report_count=0)
        settle_reports(comment)
        held_by_reports = (
            comment.status == CommentStatus.PENDING and comment.held_reason == HoldReason.REPORTS
        )
        if held_by_reports:
            _set_status(comment, CommentStatus.PUBLISHED, actor, ModerationAction.DISMISS, reason)
        else:
            forget_moderation_counts()
            log_action(ModerationAction.DISMISS, comment=comment, actor=actor, reason=reason)
    return comment


def set_featured(comment, featured, actor=None):
    comment.featured = bool(featured)
    with transaction.atomic():
        comment.save(update_fields=["featured"])
        log_action(
            ModerationAction.FEATURE if featured else ModerationAction.UNFEATURE,
            comment=comment,
            actor=actor,
        )
        purge_thread(comment.article)


def set_pinned(comment, pinned, actor=None):
    comment.pinned = bool(pinned)
    with transaction.atomic():
        comment.save(update_fields=["pinned"])
        log_action(
            ModerationAction.PIN if pinned else ModerationAction.UNPIN, comment=comment, actor=actor
        )
        purge_thread(comment.article)


def set_comments_closed(article, closed, actor=None, reason=""):
    with transaction.atomic():
        ArticleCommentSettings.objects.update_or_create(
            article=article, defaults={"closed": bool(closed), "changed_at": timezone.now()}
        )
        log_action(
            ModerationAction.CLOSE if closed else ModerationAction.OPEN,
            article=article,
            actor=actor,
            reason=reason,
        )
        purge_thread(article)


def ban_author(comment, actor=None, reason="", days=None):
    """Bans (days=None) or suspends the comment's author, by account or by address."""
    until = timezone.now() + timedelta(days=int(days)) if days else None
    with transaction.atomic():
        ban = Ban.objects.create(
            email="" if comment.user_id else comment.guest_email,
            user=comment.user if comment.user_id else None,
            reason=reason or _("Non-respect de la charte"),
            until=until,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        log_action(ModerationAction.BAN, comment=comment, actor=actor, reason=ban.reason)
    return ban


def lift_ban(ban, actor=None, reason=""):
    """Ends a ban or suspension now; the row stays, as the record of what was decided."""
    with transaction.atomic():
        ban.until = timezone.now()
        ban.save(update_fields=["until"])
        log_action(ModerationAction.UNBAN, actor=actor, reason=reason or str(ban))
    return ban
