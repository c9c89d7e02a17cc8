"""`make run` (scripts/serve.sh) keeps the site up when its worker dies, derives SITE_URL
from PORT, and stops everything on Ctrl-C."""

import os
import signal

import pytest

from tests.integration.sqlite_site import (
    ServedSite,
    answers,
    children,
    copy_var,
    migrated_template,
    wait_for,
)


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    return migrated_template(tmp_path_factory)


@pytest.fixture
def served(template, tmp_path):
    site = ServedSite(copy_var(template, tmp_path / "var"), tmp_path / "serve.log")
    yield site
    site.stop()


def test_a_killed_worker_is_restarted_and_the_site_stays_up(served):
    served.wait_until_served()
    first = wait_for(served.worker_pid, 60, "no worker started")

    os.kill(first, signal.SIGKILL)

    def restarted():
        assert served.process.poll() is None, f"serve.sh stopped:\n{served.log_text()}"
        pid = served.worker_pid()
        return pid if pid not in (None, first) else None

    second = wait_for(restarted, 60, f"the worker was not restarted\n{served.log_text()}")
    assert second != first
    assert "Le worker s’est arrêté" in served.log_text()
    assert answers(served.base, "/")
    assert served.process.poll() is None


def test_the_site_url_follows_the_port(served):
    import requests

    served.wait_until_served()
    robots = requests.get(served.base + "/robots.txt", timeout=30).text
    assert f"Sitemap: {served.base}/sitemap.xml" in robots


def test_ctrl_c_stops_the_site_and_its_worker(served):
    served.wait_until_served()
    worker = wait_for(served.worker_pid, 60, "no worker started")
    started = set(children(served.process.pid)) | {worker}

    served.interrupt()

    served.process.wait(timeout=60)
    assert "Manchette arrêté." in served.log_text()

    def all_gone():
        alive = []
        for pid in started:
            try:
                os.kill(pid, 0)
                alive.append(pid)
            except ProcessLookupError:
                pass
        return not alive

    wait_for(all_gone, 30, "processes left running after Ctrl-C")
