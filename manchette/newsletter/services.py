"""Every write of the newsletter: sign-up with double opt-in, preferences, issues and sending.

Sending is resumable: each (issue, subscriber) has a Delivery row. A sender claims a batch
(`select_for_update(skip_locked=True)` on PostgreSQL, so several workers share an issue),
sends it over one SMTP connection and marks each row `sent` as soon as the server accepted
that message. A worker killed mid-batch leaves its rows `sending`; they are handed back when
the worker is known dead (same host, process gone) or its claim is older than
NEWSLETTER_CLAIM_TIMEOUT (claims are refreshed while a batch is being sent).
"""

import logging
import os
import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from manchette.accounts import proof
from manchette.core.templatetags.manchette import date_fr
from manchette.core.turns import take_turn
from manchette.newsletter.emails import RenderedIssue, absolute, confirm_url, site_identity
from manchette.newsletter.models import (
    ConsentRecord,
    Delivery,
    DeliveryState,
    IssueStatus,
    ListKind,
    NewsletterIssue,
    NewsletterIssueItem,
    NewsletterList,
    Subscriber,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
    normalise_email,
)

logger = logging.getLogger(__name__)

DELIVERY_CHUNK = 2000
DIGEST_MAX_ARTICLES = 15


# A forged, altered or expired signed link (`expired` says which).
InvalidLink = proof.InvalidProof


def consent_text(lists, site_name=None):
    """The exact sentence a reader agrees to when signing up (stored as proof of consent)."""
    site_name = site_name or site_identity()["site_name"]
    names = ", ".join(f"« {lst.name} »" for lst in lists)
    return _(
        "J’accepte de recevoir par email %(lists)s de %(site)s. Je peux me désinscrire à tout "
        "moment par le lien présent dans chaque envoi."
    ) % {"lists": names, "site": site_name}


# Signed links ---------------------------------------------------------------------------------


def unsubscribe_url(subscriber, list_id, issue_id=None):
    token = proof.issue(
        "newsletter-unsubscribe", subscriber.email, s=subscriber.pk, l=list_id, i=issue_id
    )
    return absolute(reverse("newsletter:unsubscribe", args=[token]))


def preferences_url(subscriber):
    """The preferences page's own link: only ever emailed to the subscriber on request (or
    shown once an address is confirmed), never in an issue that may be forwarded."""
    token = proof.issue("newsletter-preferences", subscriber.email, s=subscriber.pk)
    return absolute(reverse("newsletter:preferences", args=[token]))


def _subscriber(found):
    return proof.named(Subscriber.objects.all(), found, "s")


def subscriber_from_preferences_token(token):
    max_age = settings.NEWSLETTER_PREFERENCES_MAX_AGE
    return _subscriber(proof.read("newsletter-preferences", token, max_age))


def unsubscribe_target(found, request=None):
    """(subscriber, list, issue id) an unsubscribe proof names, or InvalidLink."""
    newsletter_list = NewsletterList.objects.filter(pk=found.data.get("l")).first()
    if newsletter_list is None:
        raise InvalidLink()
    issue_id = found.data.get("i")
    return _subscriber(found), newsletter_list, issue_id if isinstance(issue_id, int) else None


# Readers --------------------------------------------------------------------------------------


def subscribe(email, lists, *, source, text, ip_hash):
    """Records a sign-up request and its consent, and emails the confirmation link.

    Nothing else is ever sent to the address before the link is clicked. The outcome is the
    same whether or not the address is known (the caller shows one message for every case).
    """
    from manchette.newsletter.tasks import send_confirmation_email

    email = normalise_email(email)
    lists = list(lists)
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=email)
        consent = ConsentRecord.objects.create(
            subscriber=subscriber, source=source[:40], text=text, ip_hash=ip_hash
        )
        consent.lists.set(lists)
        for newsletter_list in lists:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter_list=newsletter_list
            )
            if not created and subscription.status == SubscriptionStatus.UNSUBSCRIBED:
                Subscription.objects.filter(pk=subscription.pk).update(
                    status=SubscriptionStatus.PENDING
                )
        transaction.on_commit(lambda: send_confirmation_email.enqueue(consent.pk))
    return consent


def confirmation_token(consent):
    return proof.issue("newsletter-confirm", consent.subscriber.email, c=consent.pk)


def confirmation_context(consent):
    return {
        **site_identity(),
        "confirm_url": confirm_url(confirmation_token(consent)),
        "lists": list(consent.lists.all()),
        "max_age_days": settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400,
    }


def consent_for(found, request=None):
    consents = ConsentRecord.objects.select_related("subscriber")
    return proof.named(consents, found, "c", email_field="subscriber__email")


def consent_from_token(token):
    return consent_for(proof.read("newsletter-confirm", token, settings.NEWSLETTER_CONFIRM_MAX_AGE))


def confirm_subscription(consent, *, ip_hash):
    """Activates the lists of a sign-up (the POST of its signed link's page). Clicking twice
    changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        claimed = ConsentRecord.objects.filter(pk=consent.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, confirmed_ip_hash=ip_hash
        )
        if not claimed:
            return consent.subscriber
        Subscriber.objects.filter(pk=consent.subscriber_id).update(
            status=SubscriberStatus.ACTIVE, bounce_count=0
        )
        Subscriber.objects.filter(pk=consent.subscriber_id, confirmed_at__isnull=True).update(
            confirmed_at=now
        )
        Subscription.objects.filter(
            subscriber_id=consent.subscriber_id,
            newsletter_list__in=consent.lists.all(),
        ).exclude(status=SubscriptionStatus.ACTIVE).update(
            status=SubscriptionStatus.ACTIVE, confirmed_at=now, unsubscribed_at=None
        )
    consent.subscriber.refresh_from_db()
    return consent.subscriber


def _refresh_subscriber_status(subscriber_id):
    has_active = Subscription.objects.filter(
        subscriber_id=subscriber_id, status=SubscriptionStatus.ACTIVE
    ).exists()
    if not has_active:
        Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.ACTIVE).update(
            status=SubscriberStatus.UNSUBSCRIBED
        )


def unsubscribe(subscriber, newsletter_list, issue_id=None):
    """Unsubscribes from the list of the email the signed link came in. Idempotent.

    Counted on the issue the link came from (admin statistics).
    """
    now = timezone.now()
    with transaction.atomic():
        Subscription.objects.filter(subscriber=subscriber, newsletter_list=newsletter_list).exclude(
            status=SubscriptionStatus.UNSUBSCRIBED
        ).update(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=now)
        if issue_id and Delivery.objects.filter(
            issue_id=issue_id, subscriber=subscriber, unsubscribed_at__isnull=True
        ).update(unsubscribed_at=now):
            NewsletterIssue.objects.filter(pk=issue_id).update(
                unsubscribed_count=F("unsubscribed_count") + 1
            )
        _refresh_subscriber_status(subscriber.pk)
    return subscriber, newsletter_list


def update_preferences(subscriber, lists, *, ip_hash):
    """Sets the subscriber's lists from the preferences page reached by a signed link.

    The link proves the reader controls the address, so lists added there are active at once;
    the choice is recorded as consent like a sign-up.
    """
    lists = list(lists)
    now = timezone.now()
    with transaction.atomic():
        current = Subscription.objects.filter(subscriber=subscriber)
        current.exclude(newsletter_list__in=lists).exclude(
            status=SubscriptionStatus.UNSUBSCRIBED
        ).update(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=now)
        added = []
        for newsletter_list in lists:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter_list=newsletter_list,
                defaults={"status": SubscriptionStatus.ACTIVE, "confirmed_at": now},
            )
            if created or subscription.status != SubscriptionStatus.ACTIVE:
                added.append(newsletter_list)
                if not created:
                    Subscription.objects.filter(pk=subscription.pk).update(
                        status=SubscriptionStatus.ACTIVE, confirmed_at=now, unsubscribed_at=None
                    )
        if added:
            consent = ConsentRecord.objects.create(
                subscriber=subscriber,
                source="preferences",
                text=consent_text(added),
                ip_hash=ip_hash,
                confirmed_at=now,
                confirmed_ip_hash=ip_hash,
            )
            consent.lists.set(added)
            Subscriber.objects.filter(pk=subscriber.pk).exclude(
                status=SubscriberStatus.ACTIVE
            ).update(status=SubscriberStatus.ACTIVE, bounce_count=0)
        _refresh_subscriber_status(subscriber.pk)
    subscriber.refresh_from_db()
    return subscriber


def request_preferences_link(email):
    """Emails a fresh preferences link to a confirmed address; silently nothing otherwise."""
    from manchette.newsletter.tasks import send_preferences_link

    subscriber = Subscriber.objects.filter(
        email=normalise_email(email), confirmed_at__isnull=False
    ).first()
    if subscriber is not None:
        transaction.on_commit(lambda: send_preferences_link.enqueue(subscriber.pk))


# Editors --------------------------------------------------------------------------------------


def send_test(issue, email):
    """Sends the issue, marked [TEST], to one address (the editor's) right now."""
    subscriber = Subscriber.objects.filter(email=normalise_email(email)).first()
    if subscriber is None:
        subscriber = Subscriber(pk=0, email=normalise_email(email))
    message = RenderedIssue(issue).message(subscriber, test=True)
    return message.send()


def _kick(issue_id):
    from manchette.newsletter.tasks import send_issue_task

    take_turn(f"newsletter:kick:{issue_id}", 0)  # no resume kick for a claim timeout
    send_issue_task.enqueue(issue_id)
    # Extra senders share the issue's batches (useful on PostgreSQL with several workers).
    for _i in range(max(0, settings.NEWSLETTER_PARALLEL_SENDERS - 1)):
        send_issue_task.enqueue(issue_id)


def send_now(issue):
    """Queues the issue for sending by the worker. False if it was already sent or sending."""
    queued = NewsletterIssue.objects.filter(
        pk=issue.pk, status__in=[IssueStatus.DRAFT, IssueStatus.SCHEDULED]
    ).update(status=IssueStatus.QUEUED)
    if queued:
        transaction.on_commit(lambda: _kick(issue.pk))
    issue.refresh_from_db()
    return bool(queued)


def schedule(issue, when):
    """The worker's clock will send the issue at `when`."""
    updated = NewsletterIssue.objects.filter(
        pk=issue.pk, status__in=[IssueStatus.DRAFT, IssueStatus.SCHEDULED]
    ).update(status=IssueStatus.SCHEDULED, scheduled_at=when)
    issue.refresh_from_db()
    return bool(updated)


def unschedule(issue):
    updated = NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SCHEDULED).update(
        status=IssueStatus.DRAFT
    )
    issue.refresh_from_db()
    return bool(updated)


def digest_articles(newsletter_list, now):
    from manchette.news.models import ArticlePage

    days = 7 if newsletter_list.kind == ListKind.WEEKLY else 1
    articles = ArticlePage.objects.visible().filter(
        first_published_at__gte=now - timedelta(days=days), first_published_at__lte=now
    )
    if newsletter_list.section_id:
        articles = articles.filter(section_id=newsletter_list.section_id)
    # Editors' picks first, then the newest.
    return list(articles.order_by("-featured", "-first_published_at", "-pk")[:DIGEST_MAX_ARTICLES])


def digest_is_due(newsletter_list, now):
    if not newsletter_list.active or newsletter_list.send_time is None:
        return False
    if newsletter_list.kind not in (ListKind.DAILY, ListKind.WEEKLY):
        return False
    local = timezone.localtime(now)
    if newsletter_list.kind == ListKind.WEEKLY and local.weekday() != newsletter_list.send_weekday:
        return False
    return (
        local.time() >= newsletter_list.send_time
        and newsletter_list.last_auto_issue_on != local.date()
    )


def create_digest_issue(newsletter_list, now=None):
    """Composes and queues the automatic letter of the day, once per day (None if nothing new)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    with transaction.atomic():
        claimed = (
            NewsletterList.objects.filter(pk=newsletter_list.pk)
            .exclude(last_auto_issue_on=today)
            .update(last_auto_issue_on=today)
        )
        if not claimed:
            return None
        articles = digest_articles(newsletter_list, now)
        if not articles:
            return None
        issue = NewsletterIssue.objects.create(
            newsletter_list=newsletter_list,
            subject=f"{newsletter_list.name} — {date_fr(now, 'court')}",
            intro="",
            status=IssueStatus.QUEUED,
            automatic=True,
        )
        NewsletterIssueItem.objects.bulk_create(
            [
                NewsletterIssueItem(issue=issue, article=article, sort_order=i)
                for i, article in enumerate(articles)
            ]
        )
        transaction.on_commit(lambda: _kick(issue.pk))
    return issue


def send_flash_alert(flash, now=None):
    """Sends a live flash of priority « alerte » to the Alertes list, once per flash."""
    from manchette.news.models import ArticlePage, FlashPriority, FlashStatus

    now = now or timezone.now()
    is_live = (
        flash.status == FlashStatus.PUBLISHED
        and flash.starts_at <= now
        and (flash.ends_at is None or flash.ends_at > now)
    )
    if flash.priority != FlashPriority.ALERTE or not is_live:
        return None
    alerts = NewsletterList.objects.filter(kind=ListKind.ALERTS, active=True).first()
    if alerts is None or NewsletterIssue.objects.filter(flash=flash).exists():
        return None
    try:
        with transaction.atomic():
            issue = NewsletterIssue.objects.create(
                newsletter_list=alerts,
                subject=_("Alerte : %(text)s") % {"text": flash.text},
                intro=flash.text,
                flash=flash,
                status=IssueStatus.QUEUED,
                automatic=True,
            )
            if flash.link_page_id:
                article = ArticlePage.objects.visible().filter(pk=flash.link_page_id).first()
                if article is not None:
                    NewsletterIssueItem.objects.create(issue=issue, article=article)
    except IntegrityError:  # another process sent this flash first
        return None
    transaction.on_commit(lambda: _kick(issue.pk))
    return issue


def run_due_sends(now=None):
    """The worker's clock: scheduled issues, automatic letters, alerts, resuming sends."""
    from manchette.news.models import Flash, FlashPriority

    now = now or timezone.now()
    for issue in NewsletterIssue.objects.due(now):
        queued = NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SCHEDULED).update(
            status=IssueStatus.QUEUED
        )
        if queued:
            _kick(issue.pk)
    for newsletter_list in NewsletterList.objects.filter(active=True, send_time__isnull=False):
        if digest_is_due(newsletter_list, now):
            create_digest_issue(newsletter_list, now)
    recent_alerts = Flash.objects.live(now).filter(
        priority=FlashPriority.ALERTE,
        newsletter_issue__isnull=True,
        starts_at__gte=now - timedelta(days=1),
    )
    for flash in recent_alerts:
        send_flash_alert(flash, now)
    # Resume issues whose sender died: each unfinished issue is kicked at most once per
    # claim timeout; a sender with nothing to claim simply returns.
    for issue_id in NewsletterIssue.objects.unfinished().values_list("pk", flat=True):
        if take_turn(f"newsletter:kick:{issue_id}", settings.NEWSLETTER_KICK_SECONDS):
            from manchette.newsletter.tasks import send_issue_task

            send_issue_task.enqueue(issue_id)


# Sending --------------------------------------------------------------------------------------


def worker_id():
    return f"{socket.gethostname()}:{os.getpid()}"


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


def _pid_is_dead(claimer):
    host, _sep, pid = claimer.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    pid = int(pid)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    # A zombie (killed, not yet reaped by its parent) is dead too.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def release_orphans(issue_id, now=None):
    """Hands back the rows of senders that died mid-batch. Returns how many."""
    now = now or timezone.now()
    sending = Delivery.objects.filter(issue_id=issue_id, state=DeliveryState.SENDING)
    released = sending.filter(
        claimed_at__lt=now - timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT)
    ).update(state=DeliveryState.PENDING, claimed_by="")
    for claimer in set(sending.values_list("claimed_by", flat=True).distinct()):
        if claimer and _pid_is_dead(claimer):
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
            message = rendered.message(delivery.subscriber)
            try:
                connection.send_messages([message])
            except Exception as exc:
                if _connection_lost(exc):
                    # The connection is gone: this message may be retried, the rest go back.
                    _temporary_failure(delivery, exc, timezone.now())
                    _release(batch[index + 1 :], timezone.now(), _backoff(1))
                    return sent
                if not isinstance(exc, smtplib.SMTPException):
                    raise
                code = smtp_code(exc)
                if code is not None and 500 <= code < 600:
                    _permanent_failure(delivery, exc)
                else:
                    _temporary_failure(delivery, exc, timezone.now())
                continue
            Delivery.objects.filter(pk=delivery.pk).update(
                state=DeliveryState.SENT, sent_at=timezone.now(), last_error=""
            )
            if delivery.subscriber.bounce_count:
                Subscriber.objects.filter(pk=delivery.subscriber_id).update(bounce_count=0)
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
