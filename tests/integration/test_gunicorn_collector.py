"""The shipped gunicorn config freezes what the app loaded out of the garbage collector, in
the worker that serves, whether the app is preloaded by the master or loaded by the worker."""

import os
import subprocess
import time

import pytest
import requests

from tests.integration.conftest import GUNICORN, ROOT, free_port

# A stand-in app: it loads a large module graph (as Django does) and tells, on each request,
# how many objects its worker keeps out of the collector's reach.
APP = """
import gc
import email.mime.multipart, http.server, xml.dom.minidom, decimal, json, logging.handlers

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(gc.get_freeze_count()).encode()]
"""


@pytest.mark.parametrize("preload", ["true", "false"])
def test_workers_start_with_the_loaded_objects_frozen(tmp_path, preload):
    (tmp_path / "probe_app.py").write_text(APP)
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_PRELOAD": preload,
    }
    process = subprocess.Popen(
        [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "probe_app:application"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                frozen = int(requests.get(f"http://127.0.0.1:{port}/", timeout=5).text)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(15)
    # Without the hooks nothing is frozen; with them, every object loaded so far is.
    assert frozen > 10_000
