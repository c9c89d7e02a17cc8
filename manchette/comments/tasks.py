"""Emails about comments, sent by the worker (never in a request)."""

from django.conf import settings
from django_tasks import task

from manchette.comments.models import Comment
from manchette.core.mail import send_templated_email


@task()
def send_confirmation(comment_id):
    """The guest's confirmation link: publishes the comment and activates subscriptions."""
    from manchette.comments.confirmation import confirmation_url

    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or not comment.guest_email:
        return
    send_templated_email(
        comment.guest_email,
        "comment_confirm",
        {
            "comment": comment,
            "article": comment.article,
            "article_url": settings.SITE_URL + comment.article.url,
            "confirm_url": confirmation_url(comment),
        },
    )
