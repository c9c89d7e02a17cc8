import socket

import pytest
from django.core.cache import cache


@pytest.fixture
def redis_down(settings):
    """The cache pointed at a closed port: a Redis outage, as the app sees it."""
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", 6390)) != 0, "port 6390 must be closed"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6390/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }
    assert cache.add("probe", 1) is None  # the cache is down, and says nothing to the caller
