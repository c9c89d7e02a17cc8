"""Readers following a topic: request, confirmation, unfollowing (links: follow_links)."""

from django.db import transaction
from django.utils import timezone

from manchette.core.outbox import enqueue_with_data
from manchette.topics.models import TopicFollow
from manchette.topics.tasks import send_follow_confirmation_task


def request_follow(topic, email):
    """Records a follow request and sends, from a task, the confirmation link.

    Answers the same whatever the address's state, so nobody learns who follows what.
    """
    email = email.strip().lower()
    with transaction.atomic():
        follow, _created = TopicFollow.objects.get_or_create(topic=topic, email=email)
        follow_id = follow.pk
        enqueue_with_data(send_follow_confirmation_task, follow_id)
    return follow


def confirm_follow(follow):
    if not follow.confirmed:
        follow.confirmed = True
        follow.confirmed_at = timezone.now()
        follow.save(update_fields=["confirmed", "confirmed_at"])
    return follow


def unfollow_all(follows):
    TopicFollow.objects.filter(pk__in=[f.pk for f in follows]).delete()
