from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.newsletter import scheduling, sending
from manchette.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from manchette.newsletter.models import (
    Delivery,
    DeliveryState,
    IssueStatus,
    Subscriber,
    SubscriberStatus,
    Subscription,
)

pytestmark = pytest.mark.django_db


def subscribers(newsletter_list, count):
    return [SubscriberFactory(lists=[newsletter_list]) for _ in range(count)]


def test_each_batch_goes_over_one_smtp_connection(controlled_sink, morning_list, settings):
    settings.NEWSLETTER_BATCH_SIZE = 4
    people = subscribers(morning_list, 10)
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert issue.sent_count == 10 and issue.failed_count == 0
    assert controlled_sink.sessions == 3  # 4 + 4 + 2
    assert sorted(m["to"][0] for m in controlled_sink.messages) == sorted(p.email for p in people)


def test_sending_again_sends_nothing_twice(controlled_sink, morning_list):
    subscribers(morning_list, 3)
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    assert scheduling.send_now(issue) is False
    sending.send_issue(issue.pk)
    sending.prepare_deliveries(issue.pk)
    assert len(controlled_sink.messages) == 3
    assert Delivery.objects.filter(issue=issue).count() == 3


def test_rows_of_a_dead_sender_are_resumed_exactly_once(controlled_sink, morning_list):
    people = subscribers(morning_list, 5)
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    issue.status = IssueStatus.QUEUED
    issue.save()
    sending.prepare_deliveries(issue.pk)
    # A sender on this host claimed three rows, sent one, then died (its pid is gone).
    batch = sending.claim_batch(issue.pk, "ailleurs:1", size=3)
    Delivery.objects.filter(pk=batch[0].pk).update(state=DeliveryState.SENT)
    assert sending.release_orphans(issue.pk) == 0  # another host: only the timeout frees it
    Delivery.objects.filter(issue=issue, state="sending").update(claimed_by=f"{_host()}:999999")
    sending.send_issue(issue.pk)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert sorted(m["to"][0] for m in controlled_sink.messages) == sorted(
        p.email for p in people if p.pk != batch[0].subscriber_id
    )


def _host():
    import socket

    return socket.gethostname()


def test_stale_claims_are_released_after_the_timeout(morning_list, settings):
    subscribers(morning_list, 2)
    issue = NewsletterIssueFactory(newsletter_list=morning_list, status=IssueStatus.QUEUED)
    sending.prepare_deliveries(issue.pk)
    sending.claim_batch(issue.pk, "autre-machine:42")
    assert sending.release_orphans(issue.pk) == 0
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT + 1)
    assert sending.release_orphans(issue.pk, now=later) == 2


def test_temporary_failure_is_retried_with_backoff(controlled_sink, morning_list):
    person = SubscriberFactory(email="plein@exemple.fr", lists=[morning_list])
    other = SubscriberFactory(lists=[morning_list])
    controlled_sink.codes[person.email] = ["451 4.2.2 Mailbox full, try later"]
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    delivery = Delivery.objects.get(issue=issue, subscriber=person)
    assert delivery.state == DeliveryState.PENDING
    assert delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=30)
    assert [m["to"] for m in controlled_sink.messages] == [[other.email]]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING

    # Not before its time...
    sending.send_issue(issue.pk)
    assert len(controlled_sink.messages) == 1
    # ...then the retry goes through, and the issue is done.
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    sending.send_issue(issue.pk)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_count == 2
    assert Subscriber.objects.get(pk=person.pk).status == SubscriberStatus.ACTIVE


def test_temporary_failures_give_up_after_max_attempts(controlled_sink, morning_list, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    person = SubscriberFactory(lists=[morning_list])
    controlled_sink.codes[person.email] = ["451 later"] * 5
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    Delivery.objects.filter(issue=issue).update(next_attempt_at=timezone.now())
    sending.send_issue(issue.pk)
    issue.refresh_from_db()
    assert Delivery.objects.get(issue=issue).state == DeliveryState.FAILED
    assert issue.status == IssueStatus.SENT and issue.failed_count == 1


def test_permanent_failures_mark_the_address_bouncing_after_n(
    controlled_sink, morning_list, settings
):
    settings.NEWSLETTER_BOUNCE_LIMIT = 2
    person = SubscriberFactory(email="inexistant@exemple.fr", lists=[morning_list])
    controlled_sink.codes[person.email] = ["550 5.1.1 No such user"] * 3
    first = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(first)
    delivery = Delivery.objects.get(issue=first)
    assert delivery.state == DeliveryState.FAILED and delivery.attempts == 1
    assert "550" in delivery.last_error
    person.refresh_from_db()
    assert person.bounce_count == 1 and person.status == SubscriberStatus.ACTIVE

    scheduling.send_now(NewsletterIssueFactory(newsletter_list=morning_list))
    person.refresh_from_db()
    assert person.bounce_count == 2 and person.status == SubscriberStatus.BOUNCING
    # A bouncing address is left out of the next issue.
    third = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(third)
    assert not Delivery.objects.filter(issue=third).exists()


def test_a_reader_who_unsubscribes_mid_send_is_skipped(controlled_sink, morning_list):
    person, other = subscribers(morning_list, 2)
    issue = NewsletterIssueFactory(newsletter_list=morning_list, status=IssueStatus.QUEUED)
    sending.prepare_deliveries(issue.pk)
    Subscription.objects.filter(subscriber=person).update(status="unsubscribed")
    sending.send_issue(issue.pk)
    assert [m["to"] for m in controlled_sink.messages] == [[other.email]]
    assert Delivery.objects.get(subscriber=person).state == DeliveryState.SKIPPED


def test_smtp_server_down_puts_the_batch_back(morning_list, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    subscribers(morning_list, 2)
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    states = set(Delivery.objects.filter(issue=issue).values_list("state", flat=True))
    assert states == {DeliveryState.PENDING}
    assert Delivery.objects.filter(next_attempt_at__gt=timezone.now()).count() == 2


def test_preparing_deliveries_reads_subscribers_in_chunks(morning_list, monkeypatch):
    monkeypatch.setattr(sending, "DELIVERY_CHUNK", 3)
    subscribers(morning_list, 7)
    issue = NewsletterIssueFactory(newsletter_list=morning_list, status=IssueStatus.QUEUED)
    sending.prepare_deliveries(issue.pk)
    assert Delivery.objects.filter(issue=issue).count() == 7
