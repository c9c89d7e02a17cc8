"""Real processes for the integration tests: gunicorn app processes and task workers.

They run on the test database (committed data: the tests are transactional) and the test
process's Redis database, with tests.integration.settings_integration.
"""

import copy
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import boto3
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
READY_SECONDS = 60
MOTO = str(Path(sys.executable).with_name("moto_server"))
BUCKET = "manchette-medias"


def pytest_collection_modifyitems(config, items):
    # The default-install tests share one migrated database (made once per test process).
    if config.pluginmanager.hasplugin("xdist"):
        for item in items:
            if "template" in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group("sqlite-site"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of the database this test runs on (the test database, not DATABASE_URL's)."""
    from django.db import connection

    d = connection.settings_dict
    auth = quote(d["USER"] or "")
    if d.get("PASSWORD"):
        auth += ":" + quote(d["PASSWORD"])
    return f"postgres://{auth}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


class Processes:
    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.started = []

    def env(self, **extra):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.integration.settings_integration",
            "DATABASE_URL": database_url(),
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
            **extra,
        }

    def start(self, name, argv, **env):
        log_path = self.tmp_path / f"{name}.log"
        log = open(log_path, "w")  # noqa: SIM115 (closed in stop_all)
        process = subprocess.Popen(
            argv, cwd=ROOT, env=self.env(**env), stdout=log, stderr=subprocess.STDOUT
        )
        self.started.append((process, log))
        process.log_path = log_path
        return process

    def app(self, name, port=None, **env):
        """A gunicorn app process (one sync worker); returns its base URL once it answers."""
        port = port or free_port()
        process = self.start(
            name,
            [GUNICORN, "manchette.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            **env,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"{name} exited:\n{process.log_path.read_text()[-3000:]}")
            try:
                requests.get(base + "/robots.txt", timeout=30)
                break
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.1)
        else:
            pytest.fail(f"{name} did not answer within {READY_SECONDS} s")
        return base, process

    def worker(self, name, **env):
        return self.start(
            name,
            [
                sys.executable,
                "manage.py",
                "worker",
                "--no-clock",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "--worker-id",
                name,
            ],
            **env,
        )

    def stop_all(self):
        for process, _log in self.started:
            if process.poll() is None:
                process.terminate()
        for process, log in self.started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


class PrivateRedis:
    """A redis-server of the test's own (Debian's binary), on a free port, that the test may
    stop and start again: a real restart, which the machine's shared Redis cannot be put
    through. Like the production one, it keeps nothing on disk."""

    def __init__(self, tmp_path):
        self.binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(self.binary).exists():
            pytest.fail("redis-server is needed (apt-get install -y redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log_path = tmp_path / f"redis-{self.port}.log"
        self.process = None

    def start(self):
        argv = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        argv += ["--save", "", "--appendonly", "no", "--dir", str(self.log_path.parent)]
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_path.read_text()[-2000:]
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        pytest.fail(f"redis-server did not listen within {READY_SECONDS} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None


class S3Server:
    """moto's S3 API server (`moto[server]`) on a free port of 127.0.0.1, with one bucket."""

    keys = {"MEDIA_STORAGE_ACCESS_KEY_ID": "test", "MEDIA_STORAGE_SECRET_ACCESS_KEY": "test"}

    def __init__(self, processes):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = processes.start("moto", [MOTO, "-H", "127.0.0.1", "-p", str(self.port)])
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.log_path.read_text()[-2000:]
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            time.sleep(0.1)
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )
        self.client.create_bucket(Bucket=BUCKET)
        self.url = f"s3://{BUCKET}?endpoint_url={self.endpoint}&region=us-east-1&acl=public-read"

    def env(self):
        return {"MEDIA_STORAGE_URL": self.url, **self.keys}

    def configure(self, settings):
        """Point a test's settings at the bucket, as MEDIA_STORAGE_URL does."""
        from manchette.settings.base import object_storage_settings

        storage, media_url = object_storage_settings(self.url, "test", "test", 300)
        settings.STORAGES = {**settings.STORAGES, "default": storage}
        settings.MEDIA_URL = media_url
        settings.MEDIA_STORAGE_URL = self.url
        settings.MEDIA_STORAGE_ACCESS_KEY_ID = settings.MEDIA_STORAGE_SECRET_ACCESS_KEY = "test"


@pytest.fixture
def s3_server(processes):
    return S3Server(processes)


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def processes(tmp_path):
    group = Processes(tmp_path)
    yield group
    group.stop_all()


def shipped_environment():
    """The variables of deploy/systemd/manchette.env.example that shape how requests reach the
    app (the proxies it believes, its purge endpoint): the shipped deployment's values."""
    values = {}
    example = ROOT / "deploy" / "systemd" / "manchette.env.example"
    for line in example.read_text().splitlines():
        name, _, value = line.partition("=")
        if name in {"TRUSTED_PROXIES", "FRONTEND_CACHE_PURGE_URL"}:
            values[name] = value
    return values


class ProxiedApp:
    """gunicorn with deploy/gunicorn.conf.py on a unix socket, behind Debian's nginx with the
    shipped deploy/nginx config on 127.0.0.1: the production request path, for real."""

    def __init__(self, processes):
        from bench import nginx_conf

        if not shutil.which("nginx") or not Path(nginx_conf.PURGE_MODULE).exists():
            pytest.fail(
                "nginx and its purge module are needed (apt-get install -y nginx-light"
                " libnginx-mod-http-cache-purge)"
            )
        # A short directory: a unix socket's path is limited to 107 bytes.
        self.dir = Path(tempfile.mkdtemp(prefix="mch-"))
        (self.dir / "var").mkdir()
        self.socket = self.dir / "gunicorn.sock"
        self.port, purge_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.purge_url = f"http://127.0.0.1:{purge_port}"
        shipped = shipped_environment()
        # Keys of their own in the shared Redis: rate-limit counters of earlier runs (kept an
        # hour) never count, and the test process joins them with `share_cache`.
        self.key_prefix = f"proxied-{uuid.uuid4().hex[:12]}"
        self.app = processes.start(
            "gunicorn-socket",
            [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "manchette.wsgi"],
            GUNICORN_BIND=f"unix:{self.socket}",
            WEB_CONCURRENCY="1",
            GUNICORN_PRELOAD="false",
            TRUSTED_PROXIES=shipped["TRUSTED_PROXIES"],
            SITE_URL=self.base,
            CACHE_KEY_PREFIX=self.key_prefix,
        )
        conf = nginx_conf.render(
            self.dir,
            var=self.dir / "var",
            app=f"unix:{self.socket}",
            proxy_port=self.port,
            purge_port=purge_port,
            workers=2,
        )
        self.nginx = processes.start(
            "nginx", ["nginx", "-c", str(conf), "-p", str(self.dir), "-e", "stderr"]
        )
        self.wait_until_served()

    def wait_until_served(self):
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            for process in (self.app, self.nginx):
                if process.poll() is not None:
                    pytest.fail(f"exited:\n{process.log_path.read_text()[-3000:]}")
            try:
                if requests.get(self.base + "/robots.txt", timeout=30).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.1)
        pytest.fail(f"nginx + gunicorn did not answer within {READY_SECONDS} s")

    def share_cache(self, settings):
        """The test process's cache becomes the app's (its purges reach the app's pages)."""
        caches = copy.deepcopy(settings.CACHES)
        caches["default"]["KEY_PREFIX"] = self.key_prefix
        settings.CACHES = caches

    def frontend_cache(self):
        """WAGTAILFRONTENDCACHE for the test process, as the shipped environment sets it."""
        return {
            "default": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": self.purge_url,
            }
        }

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def proxied_app(processes):
    stack = ProxiedApp(processes)
    yield stack
    processes.stop_all()
    stack.close()
