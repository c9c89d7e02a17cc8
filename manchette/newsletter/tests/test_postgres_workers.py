"""Real worker processes on PostgreSQL: killed mid-send and resumed, and sharing one issue."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from manchette.newsletter import scheduling
from manchette.newsletter.factories import NewsletterIssueFactory
from manchette.newsletter.models import (
    Delivery,
    DeliveryState,
    IssueStatus,
    NewsletterIssue,
    Subscriber,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
)

ROOT = Path(__file__).resolve().parents[3]
DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def create_subscribers(newsletter_list, count):
    Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"abonne{i}@exemple.fr", status=SubscriberStatus.ACTIVE)
            for i in range(count)
        ]
    )
    Subscription.objects.bulk_create(
        [
            Subscription(
                subscriber=s, newsletter_list=newsletter_list, status=SubscriptionStatus.ACTIVE
            )
            for s in Subscriber.objects.all()
        ]
    )


def start_worker(sink, command="db_worker", **env):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.newsletter.tests.worker_settings",
        "DATABASE_URL": url,
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        **{k: str(v) for k, v in env.items()},
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            command,
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_until_sent(issue, deadline=120):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if NewsletterIssue.objects.filter(pk=issue.pk, status=IssueStatus.SENT).exists():
            return True
        time.sleep(0.2)  # polling the database for an outcome, not timing an assertion
    return False


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_worker_killed_mid_send_is_resumed_without_loss_or_duplicate(
    controlled_sink, morning_list, settings
):
    settings.TASKS = DB_BACKEND
    settings.NEWSLETTER_PARALLEL_SENDERS = 1
    # The clock re-kicks an unfinished issue soon (the cache may be Redis, shared with the
    # workers, where the first kick's marker stays).
    settings.NEWSLETTER_KICK_SECONDS = 3
    create_subscribers(morning_list, 60)
    controlled_sink.delay = 0.15
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)  # enqueues the send task in the database

    first = start_worker(controlled_sink)
    try:
        # Kill while the worker waits for the server's answer to its 26th message.
        assert controlled_sink.wait_for(lambda s: s.started >= 26, timeout=90)
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        stop(first)
    delivered_before = len(controlled_sink.messages)
    assert 0 < delivered_before < 60
    assert Delivery.objects.filter(issue=issue, state=DeliveryState.SENDING).exists()

    # The project's worker (db_worker + clock): its clock resumes the interrupted issue.
    second = start_worker(controlled_sink, command="worker", NEWSLETTER_KICK_SECONDS=3)
    try:
        assert wait_until_sent(issue)
    finally:
        stop(second)
    received = Counter(m["to"][0] for m in controlled_sink.messages)
    assert len(received) == 60
    assert set(received.values()) == {1}
    issue.refresh_from_db()
    assert issue.sent_count == 60 and issue.failed_count == 0


def test_two_workers_share_one_issue_without_sending_twice(controlled_sink, morning_list, settings):
    settings.TASKS = DB_BACKEND
    settings.NEWSLETTER_PARALLEL_SENDERS = 2
    create_subscribers(morning_list, 300)
    controlled_sink.delay = 0.01
    issue = NewsletterIssueFactory(newsletter_list=morning_list)
    scheduling.send_now(issue)
    workers = [
        start_worker(controlled_sink, NEWSLETTER_BATCH_SIZE=10, NEWSLETTER_PARALLEL_SENDERS=2)
        for _ in range(2)
    ]
    try:
        assert wait_until_sent(issue)
    finally:
        for worker in workers:
            stop(worker)
    received = Counter(m["to"][0] for m in controlled_sink.messages)
    assert len(received) == 300 and set(received.values()) == {1}
    senders = set(
        Delivery.objects.filter(issue=issue).values_list("claimed_by", flat=True).distinct()
    )
    assert len(senders) == 2  # both workers took batches
