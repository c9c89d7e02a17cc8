"""Tasks whose worker died are handed back: a claim is a lease.

django-tasks' database backend marks a task `RUNNING` when a worker claims it and nothing
ever changes that if the worker dies mid-task (kill -9, a crash, the memory killer, the
machine restarting): the task stayed `RUNNING` forever and never ran. Each worker names
itself `host:pid` (`worker_id`), so a claim made on this machine is known to be lost as soon
as its process is gone; a claim made elsewhere (or under another name) is lost once it is
older than TASK_LEASE_SECONDS. A lost task is queued again, and marked failed once it lost
its worker TASK_MAX_ATTEMPTS times (a task that kills its worker must not do so forever).

What the dead worker was doing when it died may have been done already (an e-mail sent but
not yet marked): it is done again. At most the one message in flight is sent twice.

Workers reclaim at start and on every tick of the clock (`reclaim_tasks`); the admin's
dashboard lists the tasks taken back (`taken_back`).
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The worker running a task died before finishing it (the task's failure)."""


WORKER_LOST = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
TAKEN_BACK = "WorkerLost: taken back from worker "


def worker_id():
    """This process's name as a claimer: `host:pid` (under django-tasks' 64 characters)."""
    return f"{socket.gethostname()[:48]}:{os.getpid()}"


def process_is_dead(claimer):
    """True if `claimer` (`host:pid`) names a process of this machine that is gone."""
    host, _sep, pid = claimer.rpartition(":")
    if host != socket.gethostname()[:48] or not pid.isdigit():
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


def _lost(claimer, started_at, now):
    host, _sep, pid = claimer.rpartition(":")
    if host == socket.gethostname()[:48] and pid.isdigit():
        return process_is_dead(claimer)
    return started_at is None or started_at < now - timedelta(seconds=settings.TASK_LEASE_SECONDS)


def reclaim_tasks(now=None):
    """Queues again the tasks whose worker is gone, or marks them failed after
    TASK_MAX_ATTEMPTS claims. Returns (queued again, failed)."""
    now = now or timezone.now()
    queued = failed = 0
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    for row in running.only("id", "task_path", "started_at", "worker_ids"):
        claimer = row.worker_ids[-1] if row.worker_ids else ""
        if not _lost(claimer, row.started_at, now):
            continue
        # Only if it is still the same claim: the worker may have finished it meanwhile.
        same_claim = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        if len(row.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
            failed += same_claim.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=(
                    f"WorkerLost: the worker running this task died {len(row.worker_ids)}"
                    f" times ({', '.join(row.worker_ids)}); it is not run again."
                ),
                return_value=None,
            )
            logger.warning("Task %s (%s) failed: its worker died.", row.pk, row.task_path)
        elif same_claim.update(
            status=TaskResultStatus.READY,
            # Said until it runs again (django-tasks empties it when the task finishes).
            traceback=f"{TAKEN_BACK}{claimer or '?'}, which is gone; queued again.",
        ):
            queued += 1
            logger.warning(
                "Task %s (%s) taken back from worker %s, which is gone: queued again.",
                row.pk,
                row.task_path,
                claimer or "?",
            )
    return queued, failed


def taken_back(days=7, limit=20):
    """The tasks that lost a worker in the last `days`, newest first: queued again (waiting,
    or claimed more than once since), failed for it, or `RUNNING` for longer than a lease."""
    since = timezone.now() - timedelta(days=days)
    overdue = timezone.now() - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    return list(
        DBTaskResult.objects.filter(enqueued_at__gte=since)
        .filter(
            Q(worker_ids__1__isnull=False)
            | Q(status=TaskResultStatus.READY, traceback__startswith=TAKEN_BACK)
            | Q(exception_class_path=WORKER_LOST)
            | Q(status=TaskResultStatus.RUNNING, started_at__lt=overdue)
        )
        .order_by("-enqueued_at")[:limit]
    )
