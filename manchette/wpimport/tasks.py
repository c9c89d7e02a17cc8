"""The import started from the admin, run by the worker."""

import time
from pathlib import Path

from django_tasks import task

from .importer import Importer
from .models import ImportRun, RunStatus

PROGRESS_EVERY_SECONDS = 2


@task()
def run_import_task(run_id):
    run = ImportRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).first()
    if run is None:
        return
    ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    last = {"at": 0.0}

    def progress(number, path, fraction):
        now = time.monotonic()
        if now - last["at"] >= PROGRESS_EVERY_SECONDS:
            last["at"] = now
            done = int((number - 1 + fraction) * 50)  # two passes, half each
            ImportRun.objects.filter(pk=run.pk).update(progress=min(done, 99))

    try:
        report = Importer([run.path], progress=progress).run(dry_run=run.dry_run)
    except Exception:
        ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED)
        raise
    finally:
        Path(run.path).unlink(missing_ok=True)  # the export holds personal data
    ImportRun.objects.filter(pk=run.pk).update(
        status=RunStatus.DONE,
        progress=100,
        report=report.as_dict(),
        lines="\n".join(report.lines()),
        exit_code=report.exit_code,
    )
