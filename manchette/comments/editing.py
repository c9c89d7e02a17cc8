"""What an author may do to their own comment: edit it within the window, or delete it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.comments import text as comment_text
from manchette.comments.common import CommentError, comment_settings, purge_thread
from manchette.comments.holding import find_word
from manchette.comments.models import CommentStatus, HoldReason
from manchette.comments.posting import clean_body


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
    if find_word(body, rules.word_list(rules.banned_words)):
        raise CommentError(_("Ce texte contient un terme interdit par notre charte."), "body")
    comment.body = body
    comment.body_html = comment_text.render(body)
    comment.edited_at = timezone.now()
    fields = ["body", "body_html", "edited_at"]
    if not comment.is_newsroom and comment.status == CommentStatus.PUBLISHED:
        word = find_word(body, rules.word_list(rules.suspect_words))
        links = comment_text.count_links(body)
        if word or links > rules.max_links:
            comment.status = CommentStatus.PENDING
            comment.held_reason = HoldReason.EDITED
            comment.held_detail = word or _("%(n)d liens") % {"n": links}
            fields += ["status", "held_reason", "held_detail"]
    with transaction.atomic():
        comment.save(update_fields=fields)
        purge_thread(comment.article)
    return comment


def delete_comment(comment):
    """The author removes their comment; replies keep their place under « Commentaire supprimé »."""
    with transaction.atomic():
        comment.status = CommentStatus.DELETED
        comment.body = ""
        comment.body_html = ""
        comment.featured = comment.pinned = False
        comment.save(update_fields=["status", "body", "body_html", "featured", "pinned"])
        purge_thread(comment.article)
    return comment
