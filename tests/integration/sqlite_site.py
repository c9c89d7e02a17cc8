"""A default install of the site, for real: its own var/ folder with a SQLite database, run
with the development settings as `make run` does, in processes of its own."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.integration.conftest import ROOT, free_port

READY_SECONDS = 120
# What the machine's environment may point elsewhere (a PostgreSQL, a Redis, a site address).
NOT_INHERITED = ("DATABASE_URL", "REDIS_URL", "SITE_URL", "PORT", "MEDIA_ROOT", "STATIC_ROOT")


def site_env(var_dir, **extra):
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="manchette.settings.dev",
        VAR_DIR=str(var_dir),
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
        PY=sys.executable,
        **extra,
    )
    return env


def manage(var_dir, *args, check=True, **extra):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=site_env(var_dir, **extra),
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def migrated_template(tmp_path_factory):
    """A var/ folder with a migrated database, made once and copied for each site."""
    template = tmp_path_factory.mktemp("migrated-var")
    manage(template, "migrate", "--noinput")
    return template


def copy_var(template, var_dir):
    shutil.copytree(template, var_dir, dirs_exist_ok=True)
    return var_dir


def children(pid):
    """The pids of the processes whose parent is `pid`, with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found[int(entry.name)] = cmdline
    return found


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    pytest.fail(f"{what}: not within {seconds} s")


def answers(base, path="/robots.txt"):
    try:
        return requests.get(base + path, timeout=30).status_code == 200
    except (requests.ConnectionError, requests.Timeout):
        return False


class ServedSite:
    """scripts/serve.sh (`make run` without its set-up steps) on a free port."""

    def __init__(self, var_dir, log_path, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "serve.sh")],
            cwd=ROOT,
            env=site_env(var_dir, PORT=str(self.port), WORKERS="1", **env),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as a terminal gives it
        )

    def wait_until_served(self):
        def up():
            assert self.process.poll() is None, self.log_text()
            return answers(self.base)

        wait_for(up, READY_SECONDS, f"the site did not answer\n{self.log_text()}")

    def log_text(self):
        return self.log_path.read_text()

    def worker_pid(self):
        found = [
            pid for pid, cmd in children(self.process.pid).items() if "manage.py worker" in cmd
        ]
        return found[0] if len(found) == 1 else None

    def interrupt(self):
        """Ctrl-C in the terminal: SIGINT to the whole process group."""
        os.killpg(self.process.pid, signal.SIGINT)

    def stop(self):
        if self.process.poll() is None:
            with_suppressed = self.process.pid
            try:
                os.killpg(with_suppressed, signal.SIGTERM)
                self.process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(with_suppressed, signal.SIGKILL)
                self.process.wait()
        self.log.close()
