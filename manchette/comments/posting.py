"""Posting a comment: the newsroom's rules for the text, the author and the place in the
thread, then one transaction that stores the comment in exactly one state.

The form (`forms.CommentForm`) has already refused robots and malformed input; what is left
here are the rules that read the newsroom's settings or the database. The rules about the
author's history and the text's content live in `holding`.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.comments import text as comment_text
from manchette.comments.common import (
    CommentError,
    announce_published,
    comment_settings,
    is_newsroom,
)
from manchette.comments.holding import hold_decision, posting_facts
from manchette.comments.models import (
    Ban,
    Comment,
    CommentStatus,
    ModerationAction,
    Premoderation,
    SubscriptionKind,
    max_depth,
)
from manchette.comments.moderation import log_action
from manchette.comments.notifications import subscribe
from manchette.core.outbox import enqueue_with_data
from manchette.core.ratelimit import hit
from manchette.core.transactions import reader_write


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


@dataclass
class Author:
    """Who posts: an account (`user`), or a guest known by the address they typed."""

    user: object  # the signed-in account, or None for a guest
    email: str  # lower case; a signed-in author's is their account's
    browser_key: str  # a guest's posting browser (`accounts.proof.browser_key`)
    name: str = ""  # known once the rules checked it (`_author_name`)

    @property
    def signed_in(self):
        return self.user is not None


def clean_body(body, rules):
    """The comment's text normalised, or a CommentError if it is empty or longer than the
    newsroom allows (`CommentSettings.max_length`, which an editor may change at any time)."""
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
    body = clean_body(body, rules)
    if not rules.enabled:
        raise CommentError(_("Les commentaires sont fermés pour cet article."))
    author = _author(user, email, browser_key)
    # One query for every rule below (closed article, bans, confirmed guest, holding rules).
    facts = posting_facts(
        article_id=article.pk,
        email=author.email,
        user_id=author.user.pk if author.signed_in else None,
        client_hash=client_hash,
        body=body,
        rules=rules,
        browser_key=author.browser_key,
    )
    if facts.closed:
        raise CommentError(_("Les commentaires sont fermés pour cet article."))
    author.name = _author_name(author, name)
    if facts.maybe_banned:
        _refuse_banned(author)
    reply_to = _replied_comment(article, parent_id)
    newsroom = author.signed_in and is_newsroom(author.user)
    status, reason, detail = hold_decision(
        body=body,
        email=author.email,
        client_hash=client_hash,
        newsroom=newsroom,
        rules=rules,
        facts=facts,
    )
    trusted_address = author.signed_in or facts.confirmed
    awaiting = _awaits_confirmation(status, trusted_address, rules)
    if awaiting and status == CommentStatus.PUBLISHED:
        status = CommentStatus.PENDING
    comment = Comment(
        article=article,
        user=author.user,
        author_name=author.name,
        guest_email="" if author.signed_in else author.email,
        is_newsroom=newsroom,
        body=body,
        body_html=comment_text.render(body),
        status=status,
        awaiting_confirmation=awaiting,
        held_reason=reason,
        held_detail=str(detail)[:200],
        client_hash=client_hash,
        browser_key=author.browser_key if awaiting else "",
    )
    place_in_thread(comment, reply_to)
    _store(comment, author, notify, trusted_address, log_reason=f"{reason}: {detail}")
    return PostResult(comment, _outcome(status, awaiting))


def _author(user, email, browser_key):
    if user is not None and user.is_authenticated:
        return Author(user=user, email=user.email.lower(), browser_key="")
    return Author(user=None, email=(email or "").strip().lower(), browser_key=browser_key or "")


def _author_name(author, name):
    """The name the comment is signed with (an account's display name first), at most 80
    characters; a guest must give a name and an address."""
    if author.signed_in:
        name = (author.user.display_name or name or "").strip()
        if not name:
            raise CommentError(_("Indiquez le nom sous lequel vous commentez."), "name")
    else:
        name = " ".join((name or "").split())
        if not name:
            raise CommentError(_("Indiquez votre nom."), "name")
        if not author.email:
            raise CommentError(
                _("Indiquez votre adresse e-mail (elle ne sera pas affichée)."), "email"
            )
    return name[:80]


def _refuse_banned(author):
    """Raises the refusal of an active ban or suspension (most authors have no ban row at
    all: the facts query tells, and only the others come here to learn if it still runs)."""
    ban = Ban.objects.matching(email=author.email, user=author.user).first()
    if ban is None:
        return
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


def _replied_comment(article, parent_id):
    """The published comment of `article` the reader answers (None for a new thread)."""
    if not parent_id:
        return None
    reply_to = (
        Comment.objects.filter(pk=parent_id, article_id=article.pk)
        .filter(status=CommentStatus.PUBLISHED)
        .select_related("parent")
        .first()
    )
    if reply_to is None:
        raise CommentError(_("Le commentaire auquel vous répondez n’est plus disponible."))
    return reply_to


def place_in_thread(comment, reply_to):
    """Hangs a reply under the comment it answers, or under its nearest ancestor when that
    one is already `max_depth()` deep (the reply still names whom it answers)."""
    if reply_to is None:
        return
    parent = reply_to
    while parent.depth >= max_depth() and parent.parent_id:
        parent = parent.parent
    comment.parent = parent
    comment.thread_id = parent.thread_id or parent.pk
    comment.reply_to = reply_to
    comment.depth = parent.depth + 1


def _awaits_confirmation(status, trusted_address, rules):
    """A guest whose address is not proven waits for the emailed link (unless rejected, or
    the newsroom asked for no premoderation at all)."""
    return (
        not trusted_address
        and status != CommentStatus.REJECTED
        and rules.premoderation != Premoderation.NONE
    )


def _store(comment, author, notify, trusted_address, *, log_reason):
    """Saves the comment with everything that goes with it, in one transaction: the log of a
    rejection, the subscriptions asked for, the purge and notifications of a published
    comment, and the confirmation email a guest needs (at most 3 an hour per address)."""
    kinds = {kind for kind in notify or () if kind in SubscriptionKind.values}
    with reader_write():
        if comment.status == CommentStatus.REJECTED:
            comment.moderation_reason = _("il contient un terme interdit par notre charte.")
        if comment.status == CommentStatus.PUBLISHED:
            comment.published_at = timezone.now()
        comment.save()
        if comment.status == CommentStatus.REJECTED:
            log_action(ModerationAction.REJECT, comment=comment, reason=log_reason)
        for kind in kinds if author.email else ():
            subscribe(
                article=comment.article,
                email=author.email,
                kind=kind,
                user=author.user,
                confirmed=bool(trusted_address),
                browser_key=author.browser_key,
            )
        if comment.status == CommentStatus.PUBLISHED:
            announce_published(comment)
        needs_link = (
            not trusted_address
            and comment.status != CommentStatus.REJECTED
            and (comment.awaiting_confirmation or kinds)
        )
        if needs_link and hit("comment-confirm-email", author.email, "3/h"):
            from manchette.comments.tasks import send_confirmation

            enqueue_with_data(send_confirmation, comment.pk)


def _outcome(status, awaiting):
    if status == CommentStatus.REJECTED:
        return "rejected"
    if awaiting:
        return "confirmation"
    if status == CommentStatus.PENDING:
        return "held"
    return "published"
