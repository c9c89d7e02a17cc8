"""A task queued with its data exists exactly when the data does, whatever the backend."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from manchette.core.outbox import enqueue_with_data
from tests.integration.tasks_probe import record_run

pytestmark = pytest.mark.django_db(transaction=True)
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Abandoned(Exception):
    pass


def test_database_tasks_are_written_in_the_transaction_and_rolled_back_with_it(settings, tmp_path):
    settings.TASKS = DATABASE
    with pytest.raises(Abandoned), transaction.atomic():
        enqueue_with_data(record_run, str(tmp_path / "log"), "abandoned")
        assert DBTaskResult.objects.count() == 1  # in the transaction: no second commit
        raise Abandoned
    assert DBTaskResult.objects.count() == 0

    with transaction.atomic():
        enqueue_with_data(record_run, str(tmp_path / "log"), "kept")
    assert list(DBTaskResult.objects.values_list("args_kwargs", flat=True)) == [
        {"args": [str(tmp_path / "log"), "kept"], "kwargs": {}}
    ]


def test_other_backends_get_the_task_only_once_the_data_is_committed(settings, tmp_path):
    settings.TASKS = IMMEDIATE
    log = tmp_path / "log"
    with pytest.raises(Abandoned), transaction.atomic():
        enqueue_with_data(record_run, str(log), "abandoned")
        raise Abandoned
    assert not log.exists()

    with transaction.atomic():
        enqueue_with_data(record_run, str(log), "kept")
        assert not log.exists()  # not before the commit
    assert log.read_text().split()[0] == "kept"
    assert DBTaskResult.objects.count() == 0
