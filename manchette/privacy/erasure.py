"""Erasing a reader's data (RGPD art. 17), in one transaction.

What goes: the accounts, subscriptions (newsletter with its consent records, comment
notifications, topic follows), the guest address, the browsers that proved the address
(`accounts.proof.forget_address`), votes (taken off the scores, with their network bucket and
slot), reactions (taken off the counters, idem), the worker's record of e-mails sent to the
address. Comments are deleted or kept under « Lecteur anonyme » (no address, network hash nor
browser key), as the reader chooses; a deleted comment that has replies stays as
« Commentaire supprimé » (with no author) so the thread holds.

What stays, without the address or the name: the moderators' log (what was done, when, by
which moderator; the reasons typed are scrubbed of the address and names), reports the
reader made (moderation evidence about someone else's comment, no longer tied to anyone).
One exception: an exclusion still running keeps the address it bans until it ends (the
newsroom's legitimate interest in its charter); it is then no longer tied to an account.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from manchette.core.caching.purge import purge_paths

ERASED = "[effacé]"


def anonymous_name():
    return _("Lecteur anonyme")


class ErasureRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Erasure:
    owner: object
    keep_comments: bool
    names: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def scrub(self, text):
        """The text without the address nor any of the reader's names (any case)."""
        # Longest first: the full name goes whole, not as « [effacé] [effacé] ».
        for needle in sorted([self.owner.email, *self.names], key=len, reverse=True):
            if needle:
                text = re.sub(re.escape(needle), ERASED, text or "", flags=re.IGNORECASE)
        return text


def check_erasable(owner):
    for user in owner.users:
        if user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
            raise ErasureRefused(
                _(
                    "Ce compte donne accès à l’administration du site : demandez sa suppression "
                    "à un administrateur."
                )
            )


def _comments(erasure):
    from manchette.comments import text as comment_text
    from manchette.comments.models import Comment, CommentStatus, ModerationLog

    mine = erasure.owner.comments()
    article_urls = {c.article.url for c in mine.select_related("article") if c.article.url}
    for log in ModerationLog.objects.filter(Q(comment__in=mine) | _log_mentions(erasure)):
        if erasure.scrub(log.reason) != log.reason:
            ModerationLog.objects.filter(pk=log.pk).update(reason=erasure.scrub(log.reason))
    anonymous = {
        "author_name": anonymous_name(),
        "guest_email": "",
        "user": None,
        "client_hash": "",
        "browser_key": "",
        "held_detail": "",
    }
    if erasure.keep_comments:
        for comment in mine:
            body = erasure.scrub(comment.body)
            Comment.objects.filter(pk=comment.pk).update(
                **anonymous,
                body=body,
                body_html=comment_text.render(body) if body != comment.body else comment.body_html,
                moderation_reason=erasure.scrub(comment.moderation_reason),
            )
        erasure.counts["comments_anonymised"] = len(mine)
    else:
        has_replies = Exists(Comment.objects.filter(parent_id=OuterRef("pk")))
        kept = list(mine.filter(has_replies).values_list("pk", flat=True))
        husks = Comment.objects.filter(pk__in=kept).update(
            **anonymous,
            status=CommentStatus.DELETED,
            body="",
            body_html="",
            moderation_reason="",
            featured=False,
            pinned=False,
            awaiting_confirmation=False,
        )
        _total, by_model = mine.exclude(pk__in=kept).delete()
        erasure.counts["comments_deleted"] = husks + by_model.get("comments.Comment", 0)
    return article_urls


def _log_mentions(erasure):
    return Q(reason__icontains=erasure.owner.email) if erasure.owner.email else Q(pk__in=[])


def _votes_reports_reactions(erasure):
    from manchette.comments.models import CommentReport, CommentVote
    from manchette.comments.votes import withdraw_votes
    from manchette.reactions.models import Reaction
    from manchette.reactions.services import withdraw_all

    votes = CommentVote.objects.filter(voter__in=erasure.owner.identities)
    erasure.counts["votes"] = votes.count()
    withdraw_votes(votes)  # off the scores; their network bucket and slot go with them
    reports = CommentReport.objects.filter(reporter__in=erasure.owner.identities)
    for report in reports:
        report.reporter = f"x:{get_random_string(24)}"
        report.detail = erasure.scrub(report.detail)
        report.network = ""  # an account's report has none; never keep one tied to it
        report.save(update_fields=["reporter", "detail", "network"])
    reactions = Reaction.objects.filter(user__in=erasure.owner.user_ids)
    erasure.counts["reactions"] = reactions.count()
    withdraw_all(reactions)


def _proven_browsers(erasure):
    """Every browser that proved the address forgets it (they would have to prove it again)."""
    from manchette.accounts import proof

    if erasure.owner.email:
        erasure.counts["proven_browsers"] = proof.forget_address(erasure.owner.email)


def _subscriptions(erasure):
    from manchette.comments.models import GuestEmail, Subscription
    from manchette.newsletter.models import Subscriber
    from manchette.topics.models import TopicFollow

    owner = erasure.owner
    by_address = owner.by_address("email")
    erasure.counts["comment_subscriptions"] = Subscription.objects.filter(
        owner.by_address_or_user("email")
    ).delete()[0]
    GuestEmail.objects.filter(by_address).delete()
    erasure.counts["newsletter"] = Subscriber.objects.filter(by_address).delete()[0]
    erasure.counts["topic_follows"] = TopicFollow.objects.filter(by_address).delete()[0]


def _bans(erasure):
    """A running exclusion outlives the account (by address); an ended one goes."""
    from manchette.comments.models import Ban

    owner = erasure.owner
    bans = Ban.objects.filter(owner.by_address_or_user("email"))
    running = bans.active()
    for ban in running:
        ban.email = ban.email or owner.email
        ban.reason = erasure.scrub(ban.reason)
        if ban.email:
            ban.user = None
        ban.save()
    bans.exclude(pk__in=running.values("pk")).delete()


def _accounts(erasure):
    from manchette.privacy.export import emails_naming

    emails_naming(erasure.owner).finished().delete()
    for user in erasure.owner.users:
        user.delete()


def erase(owner, *, keep_comments):
    """Erases everything held about `owner`; returns what was done, by kind."""
    check_erasable(owner)
    erasure = Erasure(owner=owner, keep_comments=keep_comments, names=owner.names())
    with transaction.atomic():
        article_urls = _comments(erasure)
        _votes_reports_reactions(erasure)
        _subscriptions(erasure)
        _proven_browsers(erasure)
        _bans(erasure)
        _accounts(erasure)
        # Only the threads changed; each page is purged now and again after the commit.
        purge_paths(sorted(article_urls), only="comments")
    return erasure.counts
