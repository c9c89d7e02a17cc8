"""A test-only task: appends one line per run to a file, to count runs across processes."""

import os

from django_tasks import task


@task()
def record_run(log_path, marker):
    # One short write in append mode: lines from concurrent processes never interleave.
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{marker} {os.getpid()}\n")
    return marker


@task()
def stall_on_first_run(folder):
    """The first run writes `started` and waits to be killed; a later run writes `done`."""
    from pathlib import Path

    folder = Path(folder)
    if not (folder / "started").exists():
        (folder / "started").write_text(str(os.getpid()))
        import time

        time.sleep(600)
    (folder / "done").write_text(str(os.getpid()))
    return "done"
