"""A circuit breaker for the Redis connections of the cache.

With Redis refusing connections, a failed cache call costs nothing: the site serves pages,
slower (see docs/deployment.md). With Redis unreachable or hung (a host gone, a network cut,
a server stuck), every call waits for its socket timeout instead, and a page that makes a
few cache calls takes seconds: the site is down in all but name. So after a call fails for
want of Redis, this process opens no new connection to it for `REDIS_BREAK_SECONDS` (5 s):
calls fail at once (django-redis ignores and logs them, as for a refused connection), and
the first call after that tries Redis again. A process thus waits for a hung Redis at most
once per interval.

Installed by the settings as the connection class of django-redis's pool.
"""

import time

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

FAILURES = (RedisConnectionError, RedisTimeoutError)


class BreakerOpen(RedisConnectionError):
    """Redis skipped: refusing a call must not extend the interval, or it would never end."""


class Breaker:
    def __init__(self, seconds=5.0, clock=time.monotonic):
        self.seconds = float(seconds)
        self.clock = clock
        self.open_until = 0.0

    def check(self):
        if self.clock() < self.open_until:
            raise BreakerOpen(
                f"Redis not tried for {self.seconds:g} s after a failure (circuit breaker)"
            )

    def trip(self):
        self.open_until = self.clock() + self.seconds

    def reset(self):
        self.open_until = 0.0

    # `with BREAKER:` around a call to Redis trips it when the call fails for want of Redis.
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        failed = exc_type is not None and issubclass(exc_type, FAILURES)
        if failed and not issubclass(exc_type, BreakerOpen):
            self.trip()
        return False


BREAKER = Breaker()


class BreakerConnection(Connection):
    """redis-py's connection, behind this process's `BREAKER`."""

    # A private method of redis-py (see core/internals.py): `connect()` and a command sent on
    # a closed connection both open the socket through it.
    def connect_check_health(self, *args, **kwargs):
        if not self.is_connected:  # only new connections wait for the breaker
            BREAKER.check()
        with BREAKER:
            return super().connect_check_health(*args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        with BREAKER:
            return super().send_packed_command(*args, **kwargs)

    def read_response(self, *args, **kwargs):
        with BREAKER:
            return super().read_response(*args, **kwargs)


def configure(seconds):
    BREAKER.seconds = float(seconds)
    return BreakerConnection
