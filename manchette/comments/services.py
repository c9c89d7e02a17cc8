"""Every write to comments: validate, write in one transaction, side effects on commit."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.comments import text as comment_text
from manchette.comments.models import (
    ArticleCommentSettings,
    Ban,
    Comment,
    CommentSettings,
    CommentStatus,
    GuestEmail,
    HoldReason,
    ModerationAction,
    ModerationLog,
    PendingNotification,
    Premoderation,
    Subscription,
    SubscriptionKind,
    max_depth,
)
from manchette.core.cache import purge_paths
from manchette.core.ratelimit import hit

logger = logging.getLogger(__name__)

CONFIRM_SALT = "comments.confirm"
UNSUBSCRIBE_SALT = "comments.unsubscribe"
CONFIRM_MAX_AGE = 7 * 86400
NEWSROOM_GROUPS = ("Journalistes", "Éditeurs")
BURST_WINDOW = timedelta(minutes=10)


class CommentError(Exception):
    """A refusal to show the reader, in French; nothing they typed is lost."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class PostResult:
    comment: Comment
    outcome: str  # published | confirmation | held | rejected

    @property
    def message(self):
        return {
            "published": _("Merci ! Votre commentaire est publié."),
            "confirmation": _(
                "Merci ! Pour publier votre commentaire, cliquez sur le lien que nous venons "
                "de vous envoyer par e-mail."
            ),
            "held": _("Merci ! Votre commentaire sera publié après relecture par la rédaction."),
            "rejected": _("Votre commentaire n’a pas été publié : %(reason)s")
            % {"reason": self.comment.moderation_reason},
        }[self.outcome]


def comment_settings():
    return CommentSettings.cached()


def comments_closed(article):
    return ArticleCommentSettings.objects.filter(article_id=article.pk, closed=True).exists()


def is_newsroom(user):
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name__in=NEWSROOM_GROUPS).exists()


def is_moderator(user):
    return bool(user and user.is_authenticated and user.has_perm("comments.change_comment"))


def guest_confirmed(email):
    return GuestEmail.objects.filter(email=email.lower(), confirmed_at__isnull=False).exists()


def _purge(article):
    # Only the thread changed: the article's other cached fragments stay.
    transaction.on_commit(lambda: purge_paths([article.url], only="comments"))


def _log(action, *, comment=None, article=None, actor=None, reason=""):
    ModerationLog.objects.create(
        comment=comment,
        article=article or (comment.article if comment else None),
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason[:300],
    )


# ----------------------------------------------------------------------------- holding rules


def _find_word(body, words):
    lowered = body.lower()
    for word in words:
        if word and word in lowered:
            return word
    return None


@dataclass
class PostingFacts:
    """What the database says about a new comment, read in one query (see `posting_facts`)."""

    closed: bool = False
    maybe_banned: bool = False  # a ban names this address or account (active or expired)
    confirmed: bool = False  # the guest's address was confirmed by its emailed link
    repeated: bool = False  # the same text from this author or address in the last day
    recent: int = 0  # comments from this address in the last BURST_WINDOW
    history: int = 0  # the author's last comments (5 at most)…
    history_bad: int = 0  # …and how many of them were rejected or marked as spam


# The author's last five comments: the last five by address and the last five by account,
# each read in index order, then merged (one OR would sort all of the author's comments).
_LAST_COMMENTS = """
    SELECT status, created_at FROM (
        SELECT status, created_at FROM comments_comment
        WHERE guest_email = %(email)s
        ORDER BY created_at DESC LIMIT 5
    ) by_address
    UNION ALL
    SELECT status, created_at FROM (
        SELECT status, created_at FROM comments_comment
        WHERE user_id IN (SELECT id FROM author_accounts) AND guest_email <> %(email)s
        ORDER BY created_at DESC LIMIT 5
    ) by_account
    ORDER BY created_at DESC LIMIT 5
"""

# Every fact a new comment's rules need, in one statement: each Django query costs more to
# build than to run, and a post used to need up to seven. No value is ever put in the text
# (only bound parameters), and each subquery reads an index, so the cost stays flat as
# comments and bans pile up. The author is Comment.objects.by_email(): a guest address, or an
# account's (any case). `test_posting_cost.py` checks every fact against the ORM.
POSTING_FACTS_SQL = """
WITH author_accounts AS (
    SELECT id FROM accounts_user WHERE %(email)s <> '' AND LOWER(email) = %(email)s
),
-- Named once, read twice below: PostgreSQL plans it once (and computes it at most once).
last_comments AS (LAST_COMMENTS)
SELECT
    EXISTS (
        SELECT 1 FROM comments_articlecommentsettings
        WHERE article_id = %(article_id)s AND closed = %(true)s
    ),
    EXISTS (
        SELECT 1 FROM comments_ban
        WHERE (email = %(email)s AND %(email)s <> '') OR user_id = %(user_id)s
    ),
    CASE WHEN %(want_confirmed)s THEN EXISTS (
        SELECT 1 FROM comments_guestemail
        WHERE email = %(email)s AND confirmed_at IS NOT NULL
    ) ELSE %(false)s END,
    CASE WHEN %(want_repeated)s THEN (
        EXISTS (
            SELECT 1 FROM comments_comment
            WHERE client_hash = %(client_hash)s AND created_at >= %(day_ago)s
            AND body = %(body)s
        )
        OR EXISTS (
            SELECT 1 FROM comments_comment
            WHERE guest_email = %(email)s AND %(email)s <> '' AND created_at >= %(day_ago)s
            AND body = %(body)s
        )
        OR EXISTS (
            SELECT 1 FROM comments_comment
            WHERE user_id IN (SELECT id FROM author_accounts) AND created_at >= %(day_ago)s
            AND body = %(body)s
        )
    ) ELSE %(false)s END,
    CASE WHEN %(want_burst)s THEN (
        SELECT COUNT(*) FROM comments_comment
        WHERE client_hash = %(client_hash)s AND created_at >= %(burst_since)s
    ) ELSE 0 END,
    CASE WHEN %(want_history)s THEN (SELECT COUNT(*) FROM last_comments) ELSE 0 END,
    CASE WHEN %(want_history)s THEN (
        SELECT COUNT(*) FROM last_comments WHERE status IN (%(rejected)s, %(spam)s)
    ) ELSE 0 END
""".replace("LAST_COMMENTS", _LAST_COMMENTS)


def posting_facts(
    *,
    article_id,
    email,
    user_id=None,
    client_hash="",
    body="",
    rules,
    hold=True,
    confirmed=False,
    now=None,
):
    """The facts for a new comment (`PostingFacts`) in a single query.

    `hold`: the holding-rule statistics are wanted (only those `rules` switch on);
    `confirmed`: whether the guest's address is confirmed is wanted.
    """
    email = (email or "").strip().lower()
    now = now or timezone.now()
    created_at = Comment._meta.get_field("created_at")
    params = {
        "article_id": article_id,
        "email": email,
        "user_id": user_id,
        "client_hash": client_hash or "",
        "body": body,
        "day_ago": created_at.get_db_prep_value(now - timedelta(days=1), connection),
        "burst_since": created_at.get_db_prep_value(now - BURST_WINDOW, connection),
        "want_confirmed": bool(confirmed and email),
        "want_repeated": bool(hold and rules.hold_repeated),
        "want_burst": bool(hold and client_hash and rules.burst_count),
        "want_history": bool(hold and rules.hold_bad_history and email),
        "rejected": CommentStatus.REJECTED.value,
        "spam": CommentStatus.SPAM.value,
        "true": True,
        "false": False,
    }
    with connection.cursor() as cursor:
        cursor.execute(POSTING_FACTS_SQL, params)
        closed, banned, confirmed_, repeated, recent, history, bad = cursor.fetchone()
    return PostingFacts(
        closed=bool(closed),
        maybe_banned=bool(banned),
        confirmed=bool(confirmed_),
        repeated=bool(repeated),
        recent=int(recent),
        history=int(history),
        history_bad=int(bad),
    )


def hold_decision(*, body, email, client_hash, user, newsroom, rules, facts):
    """(status, hold reason, detail) for a new comment, before the email-confirmation step."""
    word = _find_word(body, rules.word_list(rules.banned_words))
    if word:
        return CommentStatus.REJECTED, HoldReason.BANNED_WORD, word
    if newsroom:
        return CommentStatus.PUBLISHED, HoldReason.NONE, ""
    word = _find_word(body, rules.word_list(rules.suspect_words))
    if word:
        return CommentStatus.PENDING, HoldReason.SUSPECT_WORD, word
    links = comment_text.count_links(body)
    if links > rules.max_links:
        return CommentStatus.PENDING, HoldReason.LINKS, _("%(n)d liens") % {"n": links}
    if rules.hold_repeated and facts.repeated:
        return CommentStatus.PENDING, HoldReason.REPEATED, ""
    recent = facts.recent
    if client_hash and rules.burst_count and recent >= rules.burst_count:
        return CommentStatus.PENDING, HoldReason.BURST, _("%(n)d en 10 min") % {"n": recent}
    if rules.hold_bad_history and email:
        bad, count = facts.history_bad, facts.history
        if count >= 3 and bad * 2 > count:
            return CommentStatus.PENDING, HoldReason.HISTORY, f"{bad}/{count}"
    if rules.premoderation == Premoderation.ALL:
        return CommentStatus.PENDING, HoldReason.PREMODERATION, ""
    return CommentStatus.PUBLISHED, HoldReason.NONE, ""


# ----------------------------------------------------------------------------- posting


def clean_body(body, rules):
    """The comment's text normalised, or a CommentError if it is empty or too long."""
    body = comment_text.normalise(body)
    if not body:
        raise CommentError(_("Le commentaire est vide."), "body")
    if len(body) > rules.max_length:
        raise CommentError(
            _("Le commentaire dépasse %(n)d caractères.") % {"n": rules.max_length}, "body"
        )
    return body


def post_comment(
    *,
    article,
    body,
    name="",
    email="",
    user=None,
    parent_id=None,
    notify=(),
    client_hash="",
    remembered_email="",
):
    """Posts a comment through every rule and returns what became of it.

    Guarantees: a banned author, a closed article, a too long text or an unknown parent raise
    CommentError (nothing written); otherwise the comment is stored in exactly one state,
    the article page is purged if it was published, subscribers are queued, and a guest
    whose address this browser has not confirmed gets one confirmation email (rate limited).
    """
    rules = comment_settings()
    signed_in = user is not None and user.is_authenticated
    body = clean_body(body, rules)
    if not rules.enabled:
        raise CommentError(_("Les commentaires sont fermés pour cet article."))
    email = user.email.lower() if signed_in else (email or "").strip().lower()
    remembered = not signed_in and bool(remembered_email) and remembered_email.lower() == email
    # One query for every rule below (closed article, bans, confirmed guest, holding rules).
    facts = posting_facts(
        article_id=article.pk,
        email=email,
        user_id=user.pk if signed_in else None,
        client_hash=client_hash,
        body=body,
        rules=rules,
        confirmed=remembered,
    )
    if facts.closed:
        raise CommentError(_("Les commentaires sont fermés pour cet article."))
    if signed_in:
        name = (user.display_name or name or "").strip()
        if not name:
            raise CommentError(_("Indiquez le nom sous lequel vous commentez."), "name")
    else:
        name = " ".join((name or "").split())
        if not name:
            raise CommentError(_("Indiquez votre nom."), "name")
        if not email:
            raise CommentError(
                _("Indiquez votre adresse e-mail (elle ne sera pas affichée)."), "email"
            )
    name = name[:80]
    # Most authors have no ban row at all: the full check (still active?) only for the others.
    ban = None
    if facts.maybe_banned:
        ban = Ban.objects.matching(email=email, user=user if signed_in else None).first()
    if ban is not None:
        if ban.until:
            raise CommentError(
                _("Vous ne pouvez pas commenter jusqu’au %(date)s. Motif : %(reason)s")
                % {
                    "date": timezone.localtime(ban.until).strftime("%d/%m/%Y %H:%M"),
                    "reason": ban.reason,
                }
            )
        raise CommentError(
            _("Vous ne pouvez plus commenter. Motif : %(reason)s") % {"reason": ban.reason}
        )

    parent = reply_to = None
    if parent_id:
        reply_to = (
            Comment.objects.filter(pk=parent_id, article_id=article.pk)
            .filter(Q(status=CommentStatus.PUBLISHED))
            .select_related("parent")
            .first()
        )
        if reply_to is None:
            raise CommentError(_("Le commentaire auquel vous répondez n’est plus disponible."))
        parent = reply_to
        while parent.depth >= max_depth() and parent.parent_id:
            parent = parent.parent

    newsroom = signed_in and is_newsroom(user)
    status, reason, detail = hold_decision(
        body=body,
        email=email,
        client_hash=client_hash,
        user=user,
        newsroom=newsroom,
        rules=rules,
        facts=facts,
    )
    trusted_address = signed_in or (remembered and facts.confirmed)
    awaiting = False
    if (
        not trusted_address
        and status != CommentStatus.REJECTED
        and rules.premoderation != Premoderation.NONE
    ):
        awaiting = True
        if status == CommentStatus.PUBLISHED:
            status = CommentStatus.PENDING

    comment = Comment(
        article=article,
        parent=parent,
        thread_id=(parent.thread_id or parent.pk) if parent else None,
        reply_to=reply_to,
        depth=(parent.depth + 1) if parent else 0,
        user=user if signed_in else None,
        author_name=name,
        guest_email="" if signed_in else email,
        is_newsroom=newsroom,
        body=body,
        body_html=comment_text.render(body),
        status=status,
        awaiting_confirmation=awaiting,
        held_reason=reason,
        held_detail=str(detail)[:200],
        client_hash=client_hash,
    )
    if status == CommentStatus.REJECTED:
        comment.moderation_reason = _("il contient un terme interdit par notre charte.")
    with transaction.atomic():
        if status == CommentStatus.PUBLISHED:
            comment.published_at = timezone.now()
        comment.save()
        if status == CommentStatus.REJECTED:
            _log(ModerationAction.REJECT, comment=comment, reason=f"{reason}: {detail}")
        for kind in set(notify or ()) if email else ():
            if kind in SubscriptionKind.values:
                subscribe(
                    article=article,
                    email=email,
                    kind=kind,
                    user=user if signed_in else None,
                    confirmed=bool(trusted_address),
                )
        if status == CommentStatus.PUBLISHED:
            _after_publish(comment)
        needs_link = (
            not trusted_address
            and status != CommentStatus.REJECTED
            and (awaiting or any(k in SubscriptionKind.values for k in notify or ()))
        )
        if needs_link and hit("comment-confirm-email", email, "3/h"):
            from manchette.comments.tasks import send_confirmation

            transaction.on_commit(lambda: send_confirmation.enqueue(comment.pk))
    if status == CommentStatus.REJECTED:
        outcome = "rejected"
    elif awaiting:
        outcome = "confirmation"
    elif status == CommentStatus.PENDING:
        outcome = "held"
    else:
        outcome = "published"
    return PostResult(comment, outcome)


def confirmation_token(comment):
    return signing.dumps({"c": comment.pk, "e": comment.email}, salt=CONFIRM_SALT, compress=True)


def confirmation_url(comment):
    return settings.SITE_URL + reverse("comments:confirm", args=[confirmation_token(comment)])


def confirm_guest(token):
    """Confirms the address in a signed link; returns the comment it was sent for, or None.

    Confirming publishes that address's comments that only waited for it (comments held by a
    rule stay in the moderators' queue) and activates its subscriptions. Clicking twice is fine.
    """
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        email, comment_id = str(data["e"]).lower(), int(data["c"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    with transaction.atomic():
        guest, _created = GuestEmail.objects.get_or_create(email=email)
        if guest.confirmed_at is None:
            guest.confirmed_at = timezone.now()
            guest.save(update_fields=["confirmed_at"])
        Subscription.objects.filter(email=email, confirmed=False).update(confirmed=True)
        waiting = list(
            Comment.objects.filter(guest_email=email, awaiting_confirmation=True).select_related(
                "article"
            )
        )
        for comment in waiting:
            comment.awaiting_confirmation = False
            fields = ["awaiting_confirmation"]
            if comment.status == CommentStatus.PENDING and not comment.held_reason:
                comment.status = CommentStatus.PUBLISHED
                comment.published_at = timezone.now()
                fields += ["status", "published_at"]
            comment.save(update_fields=fields)
            if comment.status == CommentStatus.PUBLISHED:
                _after_publish(comment)
    return Comment.objects.select_related("article").filter(pk=comment_id).first()


def _after_publish(comment):
    _purge(comment.article)
    transaction.on_commit(lambda: queue_notifications(comment))


# ----------------------------------------------------------------------------- readers' own


def can_manage(comment, *, user=None, remembered_email=""):
    """The author (signed in, or the browser that posted as this guest)."""
    if user is not None and user.is_authenticated and comment.user_id:
        return comment.user_id == user.pk
    return bool(
        not comment.user_id
        and remembered_email
        and comment.guest_email
        and remembered_email.lower() == comment.guest_email
    )


def edit_comment(comment, body):
    """Changes the text within the edit window; the holding rules run again on the new text."""
    rules = comment_settings()
    if not comment.can_be_edited():
        raise CommentError(_("Le délai de modification de 15 minutes est dépassé."))
    body = clean_body(body, rules)
    if _find_word(body, rules.word_list(rules.banned_words)):
        raise CommentError(_("Ce texte contient un terme interdit par notre charte."), "body")
    comment.body = body
    comment.body_html = comment_text.render(body)
    comment.edited_at = timezone.now()
    fields = ["body", "body_html", "edited_at"]
    if not comment.is_newsroom and comment.status == CommentStatus.PUBLISHED:
        word = _find_word(body, rules.word_list(rules.suspect_words))
        links = comment_text.count_links(body)
        if word or links > rules.max_links:
            comment.status = CommentStatus.PENDING
            comment.held_reason = HoldReason.EDITED
            comment.held_detail = word or _("%(n)d liens") % {"n": links}
            fields += ["status", "held_reason", "held_detail"]
    with transaction.atomic():
        comment.save(update_fields=fields)
        _purge(comment.article)
    return comment


def delete_comment(comment):
    """The author removes their comment; replies keep their place under « Commentaire supprimé »."""
    with transaction.atomic():
        comment.status = CommentStatus.DELETED
        comment.body = ""
        comment.body_html = ""
        comment.featured = comment.pinned = False
        comment.save(update_fields=["status", "body", "body_html", "featured", "pinned"])
        _purge(comment.article)
    return comment


# ----------------------------------------------------------------------------- moderation


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
            _purge(comment.article)
            if first_time:
                transaction.on_commit(lambda: queue_notifications(comment))
        else:
            comment.save(update_fields=fields)
            if was_published or status == CommentStatus.PUBLISHED:
                _purge(comment.article)
        _log(action, comment=comment, actor=actor, reason=reason)
    return comment


def approve_comment(comment, actor=None, reason=""):
    """Publishes a held comment: the article page is purged and subscribers are queued."""
    from manchette.comments.votes import settle_reports  # (votes imports this module)

    comment.report_count = 0
    Comment.objects.filter(pk=comment.pk).update(report_count=0)
    settle_reports(comment)
    return _set_status(comment, CommentStatus.PUBLISHED, actor, ModerationAction.APPROVE, reason)


def reject_comment(comment, actor=None, reason=""):
    return _set_status(comment, CommentStatus.REJECTED, actor, ModerationAction.REJECT, reason)


def mark_spam(comment, actor=None, reason=""):
    return _set_status(comment, CommentStatus.SPAM, actor, ModerationAction.SPAM, reason)


def set_featured(comment, featured, actor=None):
    comment.featured = bool(featured)
    with transaction.atomic():
        comment.save(update_fields=["featured"])
        _log(
            ModerationAction.FEATURE if featured else ModerationAction.UNFEATURE,
            comment=comment,
            actor=actor,
        )
        _purge(comment.article)


def set_pinned(comment, pinned, actor=None):
    comment.pinned = bool(pinned)
    with transaction.atomic():
        comment.save(update_fields=["pinned"])
        _log(
            ModerationAction.PIN if pinned else ModerationAction.UNPIN, comment=comment, actor=actor
        )
        _purge(comment.article)


def set_comments_closed(article, closed, actor=None, reason=""):
    with transaction.atomic():
        ArticleCommentSettings.objects.update_or_create(
            article=article, defaults={"closed": bool(closed), "changed_at": timezone.now()}
        )
        _log(
            ModerationAction.CLOSE if closed else ModerationAction.OPEN,
            article=article,
            actor=actor,
            reason=reason,
        )
        _purge(article)


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
        _log(ModerationAction.BAN, comment=comment, actor=actor, reason=ban.reason)
    return ban


# ----------------------------------------------------------------------------- notifications


def subscribe(*, article, email, kind, user=None, confirmed=False):
    sub, created = Subscription.objects.get_or_create(
        article=article,
        email=email.lower(),
        kind=kind,
        defaults={"user": user, "confirmed": confirmed},
    )
    if not created and confirmed and not sub.confirmed:
        sub.confirmed = True
        sub.save(update_fields=["confirmed"])
    return sub


def unsubscribe_token(subscription):
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(subscription):
    return settings.SITE_URL + reverse(
        "comments:unsubscribe", args=[unsubscribe_token(subscription)]
    )


def subscription_from_token(token):
    try:
        pk = int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return Subscription.objects.select_related("article").filter(pk=pk).first()


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
