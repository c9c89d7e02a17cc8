"""Everything the site holds about a reader, as one JSON document (RGPD art. 15 and 20).

Each section reads through `Owner`, the same lookups the erasure uses. Times are ISO 8601;
labels of states are given in French next to their code.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

SIGNIN_TASK = "manchette.accounts.tasks.send_signin_link"


def _account(user):
    return {
        "username": user.username,
        "email": user.email,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def _comments(owner):
    rows = owner.comments().select_related("article").order_by("created_at", "pk")
    return [
        {
            "id": c.pk,
            "article": c.article.title,
            "article_url": settings.SITE_URL + c.article.url if c.article.url else "",
            "in_reply_to": c.parent_id,
            "author_name": c.author_name,
            "posted_as": "account" if c.user_id else "guest",
            "guest_email": c.guest_email,
            "body": c.body,
            "status": c.status,
            "status_label": str(c.get_status_display()),
            "awaiting_email_confirmation": c.awaiting_confirmation,
            "held_reason": str(c.get_held_reason_display()) if c.held_reason else "",
            "moderation_reason": c.moderation_reason,
            "score": c.score,
            "network_address_hash": c.client_hash,
            "browser_key": c.browser_key,
            "created_at": c.created_at,
            "published_at": c.published_at,
            "edited_at": c.edited_at,
        }
        for c in rows
    ]


def _network(row):
    """An anonymous row's network bucket (hashed) and slot; an account's rows have none."""
    found = {"network_address_hash": row.network}
    if hasattr(row, "slot"):
        found["network_slot"] = row.slot
    return found


def _votes_and_reports(owner):
    from manchette.comments.models import CommentReport, CommentVote

    votes = CommentVote.objects.filter(voter__in=owner.identities).order_by("created_at")
    reports = CommentReport.objects.filter(reporter__in=owner.identities).order_by("created_at")
    return {
        "comment_votes": [
            {"comment": v.comment_id, "value": v.value, **_network(v), "created_at": v.created_at}
            for v in votes
        ],
        "comment_reports": [
            {
                "comment": r.comment_id,
                "reason": str(r.get_reason_display()),
                "detail": r.detail,
                "weight": str(r.get_weight_display()),
                **_network(r),
                "created_at": r.created_at,
            }
            for r in reports
        ],
    }


def _reactions(owner):
    from manchette.reactions.models import Reaction

    rows = Reaction.objects.filter(user__in=owner.user_ids).select_related("article", "kind")
    return [
        {
            "article": r.article.title,
            "reaction": r.kind.label,
            **_network(r),
            "created_at": r.created_at,
            "updated_at": r.updated_at,
        }
        for r in rows.order_by("created_at")
    ]


def _comment_notifications(owner):
    from manchette.comments.models import GuestEmail, Subscription

    subs = Subscription.objects.filter(owner.by_address_or_user("email")).select_related("article")
    guest = GuestEmail.objects.filter(owner.by_address("email")).first()
    return {
        "guest_address": (
            {
                "email": guest.email,
                "created_at": guest.created_at,
                "confirmed_at": guest.confirmed_at,
            }
            if guest
            else None
        ),
        "comment_subscriptions": [
            {
                "article": s.article.title,
                "kind": str(s.get_kind_display()),
                "email": s.email,
                "confirmed": s.confirmed,
                "created_at": s.created_at,
            }
            for s in subs.order_by("created_at")
        ],
    }


def _newsletter(owner):
    from manchette.newsletter.models import Subscriber

    subscriber = Subscriber.objects.filter(owner.by_address("email")).first()
    if subscriber is None:
        return None
    subscriptions = subscriber.subscriptions.select_related("newsletter_list")
    consents = subscriber.consents.prefetch_related("lists").order_by("created_at")
    deliveries = subscriber.deliveries.select_related("issue").order_by("pk")
    return {
        "email": subscriber.email,
        "status": str(subscriber.get_status_display()),
        "created_at": subscriber.created_at,
        "confirmed_at": subscriber.confirmed_at,
        "bounce_count": subscriber.bounce_count,
        "subscriptions": [
            {
                "list": s.newsletter_list.name,
                "status": str(s.get_status_display()),
                "created_at": s.created_at,
                "confirmed_at": s.confirmed_at,
                "unsubscribed_at": s.unsubscribed_at,
            }
            for s in subscriptions
        ],
        "consent_records": [
            {
                "form": c.source,
                "lists": [lst.name for lst in c.lists.all()],
                "text_accepted": c.text,
                "requested_at": c.created_at,
                "network_address_hash": c.ip_hash,
                "confirmed_at": c.confirmed_at,
                "confirmed_network_address_hash": c.confirmed_ip_hash,
            }
            for c in consents
        ],
        "issues_sent": [
            {"subject": d.issue.subject, "state": d.state, "sent_at": d.sent_at} for d in deliveries
        ],
    }


def _topic_follows(owner):
    from manchette.topics.models import TopicFollow

    rows = TopicFollow.objects.filter(owner.by_address("email")).select_related("topic")
    return [
        {
            "topic": f.topic.name,
            "email": f.email,
            "confirmed": f.confirmed,
            "created_at": f.created_at,
            "confirmed_at": f.confirmed_at,
        }
        for f in rows.order_by("created_at")
    ]


def _proven_browsers(owner):
    """The browsers that proved the address (the POST of an e-mailed confirmation page), by
    the hash of the random nonce their cookie holds."""
    from manchette.accounts.models import ProvenBrowser

    rows = ProvenBrowser.objects.filter(owner.by_address("email")).order_by("proven_at", "pk")
    return [{"browser_key": b.nonce_hash, "name": b.name, "proven_at": b.proven_at} for b in rows]


def _bans(owner):
    from manchette.comments.models import Ban

    rows = Ban.objects.filter(owner.by_address_or_user("email")).order_by("created_at")
    return [{"reason": b.reason, "until": b.until, "created_at": b.created_at} for b in rows]


def emails_naming(owner):
    """The worker's record of e-mails it sent to the address (sign-in links, confirmations
    whose arguments carry it), kept PRIVACY_LOG_DAYS (see retention.py)."""
    from django_tasks_db.models import DBTaskResult

    if not owner.email:
        return DBTaskResult.objects.none()
    quoted = json.dumps(owner.email)  # as the address is written inside the JSON arguments
    return DBTaskResult.objects.annotate(arguments=Cast("args_kwargs", TextField())).filter(
        arguments__contains=quoted
    )


def _sign_in(owner):
    requests = emails_naming(owner).filter(task_path=SIGNIN_TASK).order_by("enqueued_at")
    return {
        "last_login": max((u.last_login for u in owner.users if u.last_login), default=None),
        "sign_in_links_sent": [{"requested_at": t.enqueued_at} for t in requests],
        "note": _(
            "Aucun journal de connexion n’est tenu : seule la dernière connexion est gardée."
        ),
    }


def collect(owner):
    """The whole document, as plain data."""
    return {
        "generated_at": timezone.now(),
        "email": owner.email,
        "accounts": [_account(u) for u in owner.users],
        "sign_in": _sign_in(owner),
        "comments": _comments(owner),
        **_votes_and_reports(owner),
        "reactions": _reactions(owner),
        **_comment_notifications(owner),
        "newsletter": _newsletter(owner),
        "topic_follows": _topic_follows(owner),
        "proven_browsers": _proven_browsers(owner),
        "comment_bans": _bans(owner),
    }


def as_json(owner):
    return json.dumps(collect(owner), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
