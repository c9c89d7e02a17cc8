"""Every write to comments: validate, write in one transaction, side effects on commit."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.accounts import proof
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
    Premoderation,
    Subscription,
    SubscriptionKind,
    max_depth,
)
from manchette.comments.notifications import (  # noqa: F401 (importable from here as before)
    notify_delay,
    queue_notifications,
    send_due_notifications,
    subscribe,
    subscription_for,
    unsubscribe,
    unsubscribe_token,
    unsubscribe_url,
)
from manchette.core.caching.purge import purge_paths
from manchette.core.ratelimit import hit

logger = logging.getLogger(__name__)

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
    confirmed: bool = False  # this browser proved the guest's address (proof.ProvenBrowser)
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
        SELECT 1 FROM accounts_provenbrowser
        WHERE nonce_hash = %(browser_key)s AND email = %(email)s
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
    browser_key="",
    now=None,
):
    """The facts for a new comment (`PostingFacts`) in a single query.

    `hold`: the holding-rule statistics are wanted (only those `rules` switch on);
    `browser_key`: the posting browser's key (`proof.browser_key`), to learn whether that
    browser proved the guest's address.
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
        "want_confirmed": bool(browser_key and email),
        "browser_key": browser_key or "",
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
    browser_key="",
):
    """Posts a comment through every rule and returns what became of it.

    Guarantees: a banned author, a closed article, a too long text or an unknown parent raise
    CommentError (nothing written); otherwise the comment is stored in exactly one state,
    the article page is purged if it was published, subscribers are queued, and a guest
    whose address this browser (`browser_key`) has not proven gets one confirmation email
    (rate limited). The comment keeps the browser's key until it is confirmed, so that the
    confirmation publishes the comments of that browser only.
    """
    rules = comment_settings()
    signed_in = user is not None and user.is_authenticated
    body = clean_body(body, rules)
    if not rules.enabled:
        raise CommentError(_("Les commentaires sont fermés pour cet article."))
    email = user.email.lower() if signed_in else (email or "").strip().lower()
    browser_key = "" if signed_in else (browser_key or "")
    # One query for every rule below (closed article, bans, confirmed guest, holding rules).
    facts = posting_facts(
        article_id=article.pk,
        email=email,
        user_id=user.pk if signed_in else None,
        client_hash=client_hash,
        body=body,
        rules=rules,
        browser_key=browser_key,
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
    trusted_address = signed_in or facts.confirmed
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
        browser_key=browser_key if awaiting else "",
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
    return proof.issue("comment-confirm", comment.guest_email, c=comment.pk)


def confirmation_url(comment):
    return proof.link("comments:confirm", confirmation_token(comment))


def comment_for_confirmation(found, request=None):
    """The guest comment a confirmation proof names, or InvalidProof (gone, other address)."""
    guest_comments = Comment.objects.select_related("article").filter(user__isnull=True)
    comment = proof.named(guest_comments, found, "c", email_field="guest_email")
    if comment.status == CommentStatus.DELETED or not comment.article.live:
        raise proof.InvalidProof()
    return comment


def confirm_guest(comment):
    """The guest proved their address for `comment` (the POST of its confirmation page).

    Publishes that comment and the others awaiting the same address that were posted from the
    same browser (never everything awaiting the address: anyone can type an address), unless a
    rule holds them for the moderators, and activates the subscriptions asked for with them.
    Confirming twice is fine. Refreshes `comment`; returns whether this confirmation changed
    anything (a replayed link changes nothing, and must prove no browser).
    """
    email = comment.guest_email
    same_browser = Q(pk=comment.pk)
    if comment.browser_key:
        same_browser |= Q(browser_key=comment.browser_key)
    with transaction.atomic():
        guest, _created = GuestEmail.objects.get_or_create(email=email)
        if guest.confirmed_at is None:
            guest.confirmed_at = timezone.now()
            guest.save(update_fields=["confirmed_at"])
        waiting = list(
            Comment.objects.filter(same_browser, guest_email=email, awaiting_confirmation=True)
            .select_related("article")
            .select_for_update(of=("self",))
        )
        articles = {comment.article_id} | {c.article_id for c in waiting}
        subscribed = Subscription.objects.filter(
            email=email, confirmed=False, article_id__in=articles
        ).update(confirmed=True)
        for waiting_comment in waiting:
            _publish_confirmed(waiting_comment)
    comment.refresh_from_db()
    return bool(waiting or subscribed)


def _publish_confirmed(comment):
    comment.awaiting_confirmation = False
    comment.browser_key = ""  # only needed until the confirmation
    fields = ["awaiting_confirmation", "browser_key"]
    if comment.status == CommentStatus.PENDING and not comment.held_reason:
        comment.status = CommentStatus.PUBLISHED
        comment.published_at = timezone.now()
        fields += ["status", "published_at"]
    comment.save(update_fields=fields)
    if comment.status == CommentStatus.PUBLISHED:
        _after_publish(comment)


def _after_publish(comment):
    _purge(comment.article)
    transaction.on_commit(lambda: queue_notifications(comment))


# ----------------------------------------------------------------------------- readers' own


def can_manage(comment, *, user=None, proven=()):
    """The author: signed in, or a browser that proved the guest's address (`proven`: the
    addresses `proof.proven_addresses` gives; typing an address proves nothing)."""
    if user is not None and user.is_authenticated and comment.user_id:
        return comment.user_id == user.pk
    return bool(not comment.user_id and comment.guest_email and comment.guest_email in proven)


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
