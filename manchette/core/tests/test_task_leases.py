"""Tasks left `RUNNING` by a worker that died are handed back, and the admin is told."""

import socket
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from manchette.core.leases import WORKER_LOST, reclaim_tasks, worker_id
from tests.integration.tasks_probe import record_run

pytestmark = pytest.mark.django_db
HOST = socket.gethostname()


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.TASK_LEASE_SECONDS = 3600


def dead_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def running(claimer, started_minutes_ago=1, attempts=()):
    result = record_run.enqueue("/dev/null", "probe")
    row = DBTaskResult.objects.get(pk=result.id)
    row.worker_ids = list(attempts)
    row.claim(claimer)
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago)
    )
    return row


def status(row):
    row.refresh_from_db()
    return row.status


def test_a_task_whose_worker_process_died_is_queued_again():
    lost = running(f"{HOST}:{dead_pid()}")
    alive = running(worker_id())  # this very process, running it still
    assert reclaim_tasks() == (1, 0)
    assert status(lost) == TaskResultStatus.READY
    assert status(alive) == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.ready().filter(pk=lost.pk).exists()


def test_a_task_claimed_elsewhere_is_queued_again_once_its_lease_is_over():
    recent = running("autre-machine:1234", started_minutes_ago=30)
    old = running("autre-machine:1234", started_minutes_ago=61)
    anonymous = running("Rd6GJPQ83QIdVxlRTxUtuZNhgdf6vcKo", started_minutes_ago=90)
    assert reclaim_tasks() == (2, 0)
    assert status(recent) == TaskResultStatus.RUNNING
    assert status(old) == TaskResultStatus.READY
    assert status(anonymous) == TaskResultStatus.READY


def test_a_task_that_lost_its_worker_three_times_is_marked_failed():
    claimer = f"{HOST}:{dead_pid()}"
    row = running(claimer, attempts=[claimer, claimer])
    assert reclaim_tasks() == (0, 1)
    assert status(row) == TaskResultStatus.FAILED
    assert row.exception_class_path == WORKER_LOST
    assert "worker" in row.traceback and row.finished_at is not None


def test_the_admin_dashboard_lists_the_tasks_taken_back(client, django_user_model):
    from django.apps import apps
    from django.contrib.auth.models import Group

    from manchette.core.site_structure import create_roles

    create_roles(apps)

    claimer = f"{HOST}:{dead_pid()}"
    running(claimer)
    running(claimer, attempts=[claimer, claimer])
    stuck = running("autre-machine:1234", started_minutes_ago=120)
    DBTaskResult.objects.filter(pk=stuck.pk).update(worker_ids=[])  # claimed by no one known
    reclaim_tasks()

    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    page = client.get("/admin/").content.decode()
    assert "Tâches reprises après l’arrêt d’un worker" in page
    assert "remise en file" in page and "abandonnée après 3 tentatives" in page
    assert "peut avoir été envoyé deux fois" in page

    editor = django_user_model.objects.create_user("redac", "redac@example.org", "x")
    editor.groups.add(Group.objects.get(name="Journalistes"))
    client.force_login(editor)
    assert "Tâches reprises" not in client.get("/admin/").content.decode()
