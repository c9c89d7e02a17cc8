"""Readers following a topic: request, confirmation through a signed link, unfollowing."""

from django.db import transaction
from django.utils import timezone

from manchette.accounts import proof
from manchette.topics.models import TopicFollow


def follow_confirm_url(follow):
    return proof.link(
        "topics:follow-confirm", proof.issue("topic-confirm", follow.email, f=follow.pk)
    )


def follow_for(found, request=None):
    """The follow a confirmation proof names, or InvalidProof (gone, or another address)."""
    return proof.named(TopicFollow.objects.select_related("topic"), found, "f")


def request_follow(topic, email):
    """Records a follow request and sends, from a task, the confirmation link.

    Answers the same whatever the address's state, so nobody learns who follows what.
    """
    from manchette.topics.tasks import send_follow_confirmation_task

    email = email.strip().lower()
    with transaction.atomic():
        follow, _created = TopicFollow.objects.get_or_create(topic=topic, email=email)
        follow_id = follow.pk
        transaction.on_commit(lambda: send_follow_confirmation_task.enqueue(follow_id))
    return follow


def confirm_follow(follow):
    if not follow.confirmed:
        follow.confirmed = True
        follow.confirmed_at = timezone.now()
        follow.save(update_fields=["confirmed", "confirmed_at"])
    return follow


def unfollow_url(follows):
    """The one-click link stopping one follow, or all the follows of a digest (one address)."""
    follows = list(follows)
    ids = sorted(f.pk for f in follows)
    return proof.link("topics:unfollow", proof.issue("topic-unsubscribe", follows[0].email, f=ids))


def follows_for(found, request=None):
    """The follows an unsubscribe proof names that still exist (none once they are gone)."""
    ids = found.data.get("f")
    ids = [i for i in (ids if isinstance(ids, list) else [ids]) if isinstance(i, int)]
    return list(
        TopicFollow.objects.select_related("topic")
        .filter(pk__in=ids, email=found.email)
        .order_by("topic__name", "pk")
    )


def unfollow_all(follows):
    TopicFollow.objects.filter(pk__in=[f.pk for f in follows]).delete()


def french_list(names):
    """ "Lyon", "Lyon et Paris", "Lyon, Marseille et Paris"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " et " + names[-1]
