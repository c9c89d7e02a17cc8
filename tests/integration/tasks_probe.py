"""A test-only task: appends one line per run to a file, to count runs across processes."""

import os

from django_tasks import task


@task()
def record_run(log_path, marker):
    # One short write in append mode: lines from concurrent processes never interleave.
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{marker} {os.getpid()}\n")
    return marker
