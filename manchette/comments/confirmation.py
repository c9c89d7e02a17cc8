"""A guest proves their address: the emailed link, and what its confirmation publishes."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from manchette.accounts import proof
from manchette.comments.common import announce_published
from manchette.comments.models import Comment, CommentStatus, GuestEmail, Subscription


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
    rule holds them for the moderators, and activates the subscriptions that browser asked for
    on their articles.
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
            email=email,
            confirmed=False,
            article_id__in=articles,
            browser_key=comment.browser_key,
        ).update(confirmed=True, browser_key="")
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
        announce_published(comment)
