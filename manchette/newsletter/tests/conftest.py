import asyncio
import email
import email.policy
import re
import threading

import pytest

from conftest import running_smtp_sink


def links_in(message):
    """Every http(s) link of the text part of an email (locmem or one read from a sink)."""
    if hasattr(message, "get_body"):
        body = message.get_body(preferencelist=("plain",)).get_content()
    else:
        body = message.body
    return re.findall(r"https?://\S+", body)


def link_to(message, fragment):
    return next(url for url in links_in(message) if fragment in url)


def local_path(url):
    from urllib.parse import urlsplit

    return urlsplit(url).path


class ControlledSink:
    """An aiosmtpd handler whose answers are scripted per recipient, and optionally slow.

    `codes[address]` is a list of replies used in turn ("451 ..." or "550 ..."); `delay` slows
    every message down; `started` counts messages whose DATA began (an event-based hook for
    killing a sender mid-message). A message whose client vanished during the delay is not
    delivered, as a real server would not deliver a message it never acknowledged.
    """

    def __init__(self, delay=0.0, codes=None):
        self.delay = delay
        self.codes = codes or {}
        self.messages = []
        self.sessions = 0
        self.started = 0
        self.lock = threading.Lock()
        self.condition = threading.Condition(self.lock)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        with self.lock:
            self.sessions += 1
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        replies = self.codes.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.condition:
            self.started += 1
            self.condition.notify_all()
        if self.delay:
            await asyncio.sleep(self.delay)
        if server.transport is None or server.transport.is_closing():
            return "451 Client gone"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.condition:
            self.messages.append({"to": envelope.rcpt_tos, "message": message})
            self.condition.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, predicate, timeout=60):
        with self.condition:
            return self.condition.wait_for(lambda: predicate(self), timeout=timeout)


@pytest.fixture
def controlled_sink(settings):
    with running_smtp_sink(ControlledSink(), settings) as handler:
        yield handler


@pytest.fixture
def morning_list(db):
    from manchette.newsletter.factories import default_list

    return default_list()


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(request, monkeypatch):
    """In tests wrapped in a transaction, side effects run when they would have on commit."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction"):
        return
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )
