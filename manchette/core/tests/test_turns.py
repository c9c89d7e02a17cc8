"""Periodic jobs take their turn in the database: a Redis outage does not stop them
(decision 0007). The cache is pointed at a closed port, as in the clock's own test."""

from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.core.turns import release_turn, take_turn
from manchette.newsletter import scheduling
from manchette.newsletter.factories import NewsletterIssueFactory
from manchette.newsletter.models import IssueStatus
from manchette.topics import digests
from manchette.topics.factories import TopicFactory
from manchette.topics.tests.test_follow_notifications import follower, publish  # noqa: F401

pytestmark = pytest.mark.django_db


def test_one_caller_takes_a_turn_until_it_is_released_or_due_again():
    now = timezone.now()
    assert take_turn("job", 60, now) is True
    assert take_turn("job", 60, now + timedelta(seconds=30)) is False
    assert take_turn("job", 60, now + timedelta(seconds=60)) is True
    release_turn("job")
    assert take_turn("job", 60, now + timedelta(seconds=61)) is True
    assert take_turn("other", 60, now + timedelta(seconds=61)) is True


def test_topic_digests_go_out_while_redis_is_down(smtp_sink, publish, redis_down):  # noqa: F811
    lyon = TopicFactory(name="Lyon")
    follower("lea@example.org", lyon)
    publish("Le maire de Lyon inaugure un pont.", title="Un pont neuf sur le Rhône")

    later = timezone.now() + timedelta(minutes=31)
    assert digests.send_follow_digests(now=later) == 1
    assert [m["to"] for m in smtp_sink.messages] == [["lea@example.org"]]
    # The turn was given back: the next run is not locked out for ten minutes.
    publish("Lyon ouvre une nouvelle ligne de tram.", title="Un tram pour Lyon")
    assert digests.send_follow_digests(now=later + timedelta(minutes=31)) == 1


def test_unfinished_newsletters_are_resumed_while_redis_is_down(settings, redis_down):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    from manchette.newsletter.tasks import send_issue_task

    def kicks():
        return [r.args for r in default_task_backend.results if r.task == send_issue_task]

    issue = NewsletterIssueFactory(status=IssueStatus.SENDING)
    scheduling.run_due_sends()
    assert kicks() == [[issue.pk]]
    scheduling.run_due_sends()  # kicked once per claim timeout, not on every tick
    assert kicks() == [[issue.pk]]
