"""Background work of the newsletter: every email is sent from here, never from a request."""

import logging

from django.utils import timezone
from django_tasks import task

from manchette.core.mail import send_templated_email
from manchette.newsletter.content import site_identity
from manchette.newsletter.links import confirmation_context, preferences_url
from manchette.newsletter.models import ConsentRecord, NewsletterIssue, Subscriber
from manchette.newsletter.sending import next_retry_at, send_issue, send_test

logger = logging.getLogger(__name__)


@task()
def send_confirmation_email(consent_id):
    consent = ConsentRecord.objects.select_related("subscriber").filter(pk=consent_id).first()
    if consent is None or consent.confirmed_at is not None:
        return
    send_templated_email(
        consent.subscriber.email, "newsletter_confirm", confirmation_context(consent)
    )


@task()
def send_preferences_link(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    send_templated_email(
        subscriber.email,
        "newsletter_preferences",
        {**site_identity(), "preferences_url": preferences_url(subscriber)},
    )


@task()
def send_issue_task(issue_id):
    """Sends an issue's remaining deliveries; comes back later for retries when it can."""
    sent = send_issue(issue_id)
    if not NewsletterIssue.objects.filter(pk=issue_id, status="sending").exists():
        return sent
    retry_at = next_retry_at(issue_id)
    if retry_at is not None and send_issue_task.get_backend().supports_defer:
        send_issue_task.using(run_after=max(retry_at, timezone.now())).enqueue(issue_id)
    # Otherwise the worker's clock (run_due_sends) resumes the issue.
    return sent


@task()
def send_test_issue(issue_id, email):
    issue = NewsletterIssue.objects.select_related("newsletter_list").filter(pk=issue_id).first()
    if issue is not None:
        send_test(issue, email)


@task()
def send_flash_alert_task(flash_id):
    from manchette.news.models import Flash
    from manchette.newsletter.scheduling import send_flash_alert

    flash = Flash.objects.filter(pk=flash_id).first()
    if flash is not None:
        send_flash_alert(flash)
