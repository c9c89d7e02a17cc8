"""Test-suite wide fixtures and rules.

- PostgreSQL tests run when DATABASE_URL points at PostgreSQL, Redis tests when REDIS_URL is
  set; otherwise they are deselected, not skipped.
- In CI (CI=true) any skipped test fails the run: a browser, PostgreSQL or Redis test that
  could not run is a failure, not a pass.
"""

import contextlib
import os
import socket

import pytest
from django.conf import settings


def pytest_collection_modifyitems(config, items):
    vendor = settings.DATABASES["default"]["ENGINE"]
    wanted = {
        "postgres": "postgresql" in vendor,
        "redis": bool(os.environ.get("REDIS_URL")),
    }
    kept, deselected = [], []
    for item in items:
        if any(item.get_closest_marker(marker) and not ok for marker, ok in wanted.items()):
            deselected.append(item)
        else:
            kept.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI", "").lower() != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"CI: {skipped} test(s) skipped — a skipped test fails the run in CI.")
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    from django.core.cache import cache

    from manchette.core.caching.versions import forget_local_copies

    cache.clear()
    forget_local_copies()
    yield
    cache.clear()
    forget_local_copies()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SinkHandler:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(
            {"from": envelope.mail_from, "to": envelope.rcpt_tos, "message": message}
        )
        return "250 Message accepted for delivery"


@contextlib.contextmanager
def running_smtp_sink(handler, settings):
    """Serves `handler` as an SMTP server on 127.0.0.1 and sends Django's mail to it."""
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    handler.port = port
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on 127.0.0.1; Django's mail goes to it over SMTP."""
    with running_smtp_sink(SinkHandler(), settings) as handler:
        yield handler
