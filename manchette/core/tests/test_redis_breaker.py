"""A hung Redis (it accepts connections and never answers) is waited for once per interval,
not on every cache call: the site serves pages at its usual pace while Redis is out."""

import socket

import pytest
from django.core.cache import cache

from manchette.core.redis_breaker import BREAKER, BreakerConnection

pytestmark = pytest.mark.django_db


class Clock:
    now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def hung_redis():
    """A socket that completes TCP handshakes (the kernel does) and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server
    server.close()


def connections_made(server):
    """How many connections reached the hung server (each waits in its backlog)."""
    server.setblocking(False)
    count = 0
    while True:
        try:
            accepted, _ = server.accept()
        except BlockingIOError:
            return count
        accepted.close()
        count += 1


@pytest.fixture
def breaker_clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(BREAKER, "clock", clock)
    BREAKER.reset()
    yield clock
    BREAKER.reset()


def hung_cache(settings, server, connection_class):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.getsockname()[1]}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 0.2,
                "CONNECTION_POOL_KWARGS": {"connection_class": connection_class},
            },
        }
    }


def test_a_hung_redis_is_waited_for_once_per_interval(settings, hung_redis, breaker_clock):
    hung_cache(settings, hung_redis, BreakerConnection)

    for _ in range(10):
        assert cache.get("une-clé") is None  # the caller gets the default, at once
    assert connections_made(hung_redis) == 1

    # Calls skipped during the interval do not extend it: it ends as many seconds after the
    # failure as it says, however busy the site.
    breaker_clock.now += BREAKER.seconds / 2
    assert cache.get("une-clé") is None
    assert connections_made(hung_redis) == 0
    breaker_clock.now += BREAKER.seconds / 2  # the interval is over: Redis is tried again, once
    for _ in range(10):
        assert cache.get("une-clé") is None
    assert connections_made(hung_redis) == 1


def test_without_the_breaker_every_call_waits_for_the_hung_redis(settings, hung_redis):
    """What the breaker prevents: redis-py's own connection tries again on each call."""
    from redis.connection import Connection

    hung_cache(settings, hung_redis, Connection)
    for _ in range(3):
        assert cache.get("une-clé") is None
    assert connections_made(hung_redis) == 3


@pytest.mark.redis
def test_the_settings_put_the_breaker_on_the_redis_cache():
    from django.conf import settings

    options = settings.CACHES["default"]["OPTIONS"]
    assert options["CONNECTION_POOL_KWARGS"]["connection_class"] is BreakerConnection
