"""A worker killed in the middle of a task (kill -9) leaves no task `RUNNING` forever: the
next worker takes it back and runs it, on the default install (SQLite)."""

import signal
import sqlite3
import subprocess
import sys

import pytest

from tests.integration.conftest import ROOT
from tests.integration.sqlite_site import copy_var, manage, migrated_template, site_env, wait_for


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    return migrated_template(tmp_path_factory)


def start_worker(var_dir, log_path):
    log = open(log_path, "a")  # noqa: SIM115 (the process owns it until it ends)
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--no-clock", "--no-reload", "--interval", "0.1"],
        cwd=ROOT,
        env=site_env(var_dir),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def task_status(var_dir):
    with sqlite3.connect(var_dir / "manchette.sqlite3", timeout=30) as db:
        rows = db.execute("SELECT status FROM django_tasks_database_dbtaskresult").fetchall()
    return [status for (status,) in rows]


def test_a_task_of_a_killed_worker_is_run_by_the_next_one(template, tmp_path):
    var_dir = copy_var(template, tmp_path / "var")
    folder = tmp_path / "probe"
    folder.mkdir()
    enqueue = (
        "from tests.integration.tasks_probe import stall_on_first_run;"
        f"stall_on_first_run.enqueue({str(folder)!r})"
    )
    manage(var_dir, "shell", "-c", enqueue)
    log_path = tmp_path / "worker.log"
    first = start_worker(var_dir, log_path)
    try:
        wait_for(lambda: (folder / "started").exists(), 120, "the task did not start")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert task_status(var_dir) == ["RUNNING"]

        second = start_worker(var_dir, log_path)
        try:
            wait_for(lambda: task_status(var_dir) == ["SUCCESSFUL"], 120, log_path.read_text())
        finally:
            second.terminate()
            second.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert (folder / "done").read_text() != (folder / "started").read_text()
    assert "taken back" in log_path.read_text()
