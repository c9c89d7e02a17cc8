"""`manage.py check --deploy` warns when production settings would bring back a known hole:
readers sharing one address behind the unix socket, absolute URLs off SITE_URL, media served
inline by the app. Run as the operator does: the production settings, a fresh process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = {  # `make check-deploy`: the shipped environment's values
    "ALLOWED_HOSTS": "example.org",
    "SITE_URL": "https://example.org",
    "TRUSTED_PROXIES": "unix,127.0.0.1,::1",
}


def check_deploy(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "GUNICORN_BIND",
            "SERVE_MEDIA",
        }
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "manchette.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            **SHIPPED,
            **env,
        },
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_the_shipped_production_settings_pass():
    code, output = check_deploy()
    assert code == 0, output


def test_settings_that_reproduce_a_known_hole_are_warned_about():
    code, output = check_deploy(
        TRUSTED_PROXIES="127.0.0.1,::1,nginx",
        SITE_URL="http://localhost",
        SERVE_MEDIA="true",
    )
    assert code == 1
    for warning in ("W001", "W002", "W003", "W005", "W006"):
        assert f"manchette.{warning}" in output, output
    # Over TCP (nginx on another host), the socket entry is not needed.
    code, output = check_deploy(TRUSTED_PROXIES="10.0.0.5", GUNICORN_BIND="0.0.0.0:8000")
    assert code == 0, output
    code, output = check_deploy(SITE_URL="https://example.org:8443")
    assert "manchette.W004" in output


def test_the_shipped_worker_unit_lets_a_dead_workers_task_be_taken_back_at_once():
    """A worker's claims name it `host:pid` (core/leases.py): a unit that named it otherwise
    would leave a task of a worker that died waiting TASK_LEASE_SECONDS instead."""
    from manchette.core.leases import process_is_dead, worker_id

    unit = (ROOT / "deploy/systemd/manchette-worker@.service").read_text()
    start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))

    assert start.split()[-2:] == ["manage.py", "worker"]
    host = worker_id().rpartition(":")[0]
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert process_is_dead(f"{host}:{dead}")
