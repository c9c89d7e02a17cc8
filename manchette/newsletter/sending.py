"""Sending an issue: the claim/lease engine, retries and bounces.

Sending is resumable: each (issue, subscriber) has a Delivery row. A sender claims a batch
(`select_for_update(skip_locked=True)` on PostgreSQL, so several workers share an issue),
sends it over one SMTP connection and marks each row `sent` as soon as the server accepted
that message. A worker killed mid-batch leaves its rows `sending`; they are handed back when
the worker is known dead (same host, process gone) or its claim is older than
NEWSLETTER_CLAIM_TIMEOUT (claims are refreshed while a batch is being sent).
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from manchette.core.leases import process_is_dead, worker_id
from manchette.newsletter.emails import RenderedIssue
from manchette.newsletter.models import (
    Delivery,
    DeliveryState,
    IssueStatus,
    NewsletterIssue,
    Subscriber,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
    normalise_email,
)

logger = logging.getLogger(__name__)

DELIVERY_CHUNK = 2000


def send_test(issue, email):
    """Sends the issue, marked [TEST], to one address (the editor's) right now."""
    subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
    if subscriber is None:
        subscriber = Subscriber(pk=0, email=normalise_email(email))
    message = RenderedIssue(issue).message(subscriber, test=True)
    return message.send()


def prepare_deliveries(issue_id):
    """Turns a queued issue into one pending Delivery per active subscriber of its list.

    One transaction, in chunks (memory does not grow with the list): a worker killed here
    leaves the issue queued, and the next attempt starts again.
    """
    now = timezone.now()
    with transaction.atomic():
        started = NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.QUEUED).update(
            status=IssueStatus.SENDING, sending_started_at=now
        )
        if not started:
            return False
        list_id = NewsletterIssue.objects.filter(pk=issue_id).values_list(
            "newsletter_list_id", flat=True
        )[0]
        recipients = (
            Subscription.objects.filter(
                newsletter_list_id=list_id,
                status=SubscriptionStatus.ACTIVE,
                subscriber__status=SubscriberStatus.ACTIVE,
            )
            .order_by("subscriber_id")
            .values_list("subscriber_id", flat=True)
        )
        last = 0
        while True:
            chunk = list(recipients.filter(subscriber_id__gt=last)[:DELIVERY_CHUNK])
            if not chunk:
                break
            Delivery.objects.bulk_create(
                [Delivery(issue_id=issue_id, subscriber_id=s, next_attempt_at=now) for s in chunk],
                ignore_conflicts=True,
            )
            last = chunk[-1]
    return True


def release_orphans(issue_id, now=None):
    """Hands back the rows of senders that died mid-batch. Returns how many."""
    now = now or timezone.now()
    sending = Delivery.objects.filter(issue_id=issue_id, state=DeliveryState.SENDING)
    released = sending.filter(
        claimed_at__lt=now - timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT)
    ).update(state=DeliveryState.PENDING, claimed_by="")
    for claimer in set(sending.values_list("claimed_by", flat=True).distinct()):
        if claimer and process_is_dead(claimer):
            released += sending.filter(claimed_by=claimer).update(
                state=DeliveryState.PENDING, claimed_by=""
            )
    return released


def claim_batch(issue_id, claimer, size=None):
    """Claims up to `size` pending rows; concurrent senders never get the same row."""
    size = size or settings.NEWSLETTER_BATCH_SIZE
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(issue_id=issue_id, state=DeliveryState.PENDING, next_attempt_at__lte=now)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if ids:
            Delivery.objects.filter(pk__in=ids).update(
                state=DeliveryState.SENDING, claimed_at=now, claimed_by=claimer
            )
    if not ids:
        return []
    return list(
        Delivery.objects.filter(pk__in=ids)
        .select_related("subscriber")
        .only("id", "attempts", "subscriber__id", "subscriber__email", "subscriber__bounce_count")
        .order_by("pk")
    )


def smtp_code(exc):
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        return codes[0] if codes else None
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code
    return None


def _connection_lost(exc):
    # SMTPException is an OSError too: only a socket-level error or a disconnection counts.
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def _backoff(attempts):
    return timedelta(seconds=settings.NEWSLETTER_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1))


def _temporary_failure(delivery, error, now):
    attempts = delivery.attempts + 1
    if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        state, next_attempt = DeliveryState.FAILED, now
    else:
        state, next_attempt = DeliveryState.PENDING, now + _backoff(attempts)
    Delivery.objects.filter(pk=delivery.pk).update(
        state=state,
        attempts=attempts,
        next_attempt_at=next_attempt,
        claimed_by="",
        last_error=str(error)[:300],
    )


def _permanent_failure(delivery, error):
    Delivery.objects.filter(pk=delivery.pk).update(
        state=DeliveryState.FAILED,
        attempts=delivery.attempts + 1,
        claimed_by="",
        last_error=str(error)[:300],
    )
    Subscriber.objects.filter(pk=delivery.subscriber_id).update(bounce_count=F("bounce_count") + 1)
    Subscriber.objects.filter(
        pk=delivery.subscriber_id, bounce_count__gte=settings.NEWSLETTER_BOUNCE_LIMIT
    ).update(status=SubscriberStatus.BOUNCING)


def _release(deliveries, now, delay=None):
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries], state=DeliveryState.SENDING).update(
        state=DeliveryState.PENDING,
        claimed_by="",
        next_attempt_at=now + (delay or timedelta(0)),
    )


def send_batch(issue, batch, rendered, claimer):
    """Sends a claimed batch over one SMTP connection; each row is marked as soon as it is done."""
    now = timezone.now()
    still_subscribed = set(
        Subscription.objects.filter(
            newsletter_list_id=issue.newsletter_list_id,
            status=SubscriptionStatus.ACTIVE,
            subscriber__status=SubscriberStatus.ACTIVE,
            subscriber_id__in=[d.subscriber_id for d in batch],
        ).values_list("subscriber_id", flat=True)
    )
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as exc:
        logger.warning("Newsletter %s: SMTP connection failed: %s", issue.pk, exc)
        _release(batch, now, _backoff(1))
        return 0
    sent = 0
    heartbeat_every = max(1, settings.NEWSLETTER_CLAIM_TIMEOUT // 4)
    last_heartbeat = timezone.now()
    try:
        for index, delivery in enumerate(batch):
            if delivery.subscriber_id not in still_subscribed:
                Delivery.objects.filter(pk=delivery.pk).update(
                    state=DeliveryState.SKIPPED, claimed_by=""
                )
                continue
            outcome = _send_one(connection, delivery, rendered)
            if outcome is None:
                # The connection is gone: this message may be retried, the rest go back.
                _release(batch[index + 1 :], timezone.now(), _backoff(1))
                return sent
            if not outcome:
                continue
            sent += 1
            if (timezone.now() - last_heartbeat).total_seconds() >= heartbeat_every:
                last_heartbeat = timezone.now()
                Delivery.objects.filter(
                    pk__in=[d.pk for d in batch[index + 1 :]],
                    state=DeliveryState.SENDING,
                    claimed_by=claimer,
                ).update(claimed_at=last_heartbeat)
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide the real outcome
            logger.debug("SMTP close failed", exc_info=True)
    return sent


def _send_one(connection, delivery, rendered):
    """Sends one delivery's message and records the outcome on its row.

    True when sent, False when it failed (to be retried or not), None when the connection is
    lost (the row is marked for a retry; the caller hands back the rest of the batch).
    """
    message = rendered.message(delivery.subscriber)
    try:
        connection.send_messages([message])
    except Exception as exc:
        if _connection_lost(exc):
            _temporary_failure(delivery, exc, timezone.now())
            return None
        if not isinstance(exc, smtplib.SMTPException):
            raise
        code = smtp_code(exc)
        if code is not None and 500 <= code < 600:
            _permanent_failure(delivery, exc)
        else:
            _temporary_failure(delivery, exc, timezone.now())
        return False
    Delivery.objects.filter(pk=delivery.pk).update(
        state=DeliveryState.SENT, sent_at=timezone.now(), last_error=""
    )
    if delivery.subscriber.bounce_count:
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(bounce_count=0)
    return True


def finish_issue(issue_id):
    """Marks the issue sent, with its counts, once no row is left to send."""
    deliveries = Delivery.objects.filter(issue_id=issue_id)
    if deliveries.filter(state__in=[DeliveryState.PENDING, DeliveryState.SENDING]).exists():
        return False
    return bool(
        NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).update(
            status=IssueStatus.SENT,
            sent_at=timezone.now(),
            sent_count=deliveries.filter(state=DeliveryState.SENT).count(),
            failed_count=deliveries.filter(state=DeliveryState.FAILED).count(),
        )
    )


def send_issue(issue_id, claimer=None):
    """Sends what is left of an issue, batch after batch; safe to run in several workers at once.

    Returns the number of emails this call sent.
    """
    claimer = claimer or worker_id()
    prepare_deliveries(issue_id)
    issue = (
        NewsletterIssue.objects.select_related("newsletter_list", "flash")
        .filter(pk=issue_id, status=IssueStatus.SENDING)
        .first()
    )
    if issue is None:
        return 0
    release_orphans(issue_id)
    rendered = None
    sent = 0
    while True:
        batch = claim_batch(issue_id, claimer)
        if not batch:
            break
        rendered = rendered or RenderedIssue(issue)
        sent += send_batch(issue, batch, rendered, claimer)
    finish_issue(issue_id)
    return sent


def next_retry_at(issue_id):
    """When the next pending row may be tried (rows another live sender holds are its own)."""
    return (
        Delivery.objects.filter(issue_id=issue_id, state=DeliveryState.PENDING)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
