"""The signed links of topic follows (confirm, unfollow) and the follows they name."""

from manchette.accounts import proof
from manchette.topics.models import TopicFollow


def follow_confirm_url(follow):
    return proof.link(
        "topics:follow-confirm", proof.issue("topic-confirm", follow.email, f=follow.pk)
    )


def follow_for(found, request=None):
    """The follow a confirmation proof names, or InvalidProof (gone, or another address)."""
    return proof.named(TopicFollow.objects.select_related("topic"), found, "f")


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
