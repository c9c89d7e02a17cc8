"""A flash goes to the Alertes list only when its editor chose so, and the worker sends it:
saving the flash in the admin only queues the task."""

import pytest
from django_tasks_db.models import DBTaskResult

from manchette.news.models import Flash, FlashPriority
from manchette.newsletter.factories import SubscriberFactory
from manchette.newsletter.models import NewsletterIssue, NewsletterList
from manchette.newsletter.tasks import send_flash_alert_task, send_issue_task

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redac", "redac@example.org", "x")
    client.force_login(user)
    return user


def flash_form(text, **extra):
    return {
        "text": text,
        "priority": FlashPriority.URGENT,
        "link_url": "",
        "starts_at": "2020-01-01 08:00",
        "ends_at": "",
        "duration": "",
        "status": "published",
        **extra,
    }


def test_an_alert_flash_saved_in_the_admin_is_sent_by_the_worker(
    client, editor, settings, smtp_sink, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    alerts = NewsletterList.objects.get(slug="alertes")
    reader = SubscriberFactory(lists=[alerts])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/snippets/news/flash/add/",
            flash_form("Séisme dans les Alpes", send_alert="on"),
        )
    assert response.status_code == 302
    flash = Flash.objects.get()
    assert flash.send_alert and flash.is_live
    assert not NewsletterIssue.objects.exists() and smtp_sink.messages == []  # only queued

    queued = DBTaskResult.objects.filter(task_path__startswith="manchette.")
    assert list(queued.values_list("task_path", "args_kwargs")) == [
        ("manchette.newsletter.tasks.send_flash_alert_task", {"args": [flash.pk], "kwargs": {}})
    ]

    # What the worker runs (its process closes the test's database connection).
    with django_capture_on_commit_callbacks(execute=True):
        send_flash_alert_task.call(flash.pk)
    issue = NewsletterIssue.objects.get(flash=flash)
    assert issue.newsletter_list == alerts
    send_issue_task.call(issue.pk)
    assert [m["to"] for m in smtp_sink.messages] == [[reader.email]]


def test_a_flash_not_marked_for_the_alertes_list_sends_nothing(client, editor, smtp_sink):
    SubscriberFactory(lists=[NewsletterList.objects.get(slug="alertes")])
    response = client.post(
        "/admin/snippets/news/flash/add/",
        flash_form("Séisme dans les Alpes", priority=FlashPriority.ALERTE, duration="30"),
    )
    assert response.status_code == 302
    flash = Flash.objects.get()
    assert (flash.ends_at - flash.starts_at).total_seconds() == 30 * 60
    assert not NewsletterIssue.objects.exists() and smtp_sink.messages == []
