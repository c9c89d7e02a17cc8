"""Rate limits on every endpoint that writes or sends email, kept in the cache (Redis at scale).

    @ratelimit("comment-post", "5/m")                      # per client address (IPv6: /64)
    @ratelimit("newsletter-subscribe", "3/h", key=lambda r: r.POST.get("email", ""))

A limited request gets a 429 with a French message (HTML, or JSON for fetch() callers).

The window slides: each identity keeps the times of its attempts let through in the last
period, and an attempt is let through while fewer than the limit are kept. No span of one
period ever lets more through (a fixed window let twice the limit through across its turn).
Refused attempts are not kept. One cache operation per check on Redis (a script over a sorted
set) and on the file cache (one file updated under a lock), two elsewhere; several limits of
one request (per address and per e-mail, per address and per token) are checked together,
one round trip to Redis for all of them (`hit_many`).

A cache that cannot be read or written (Redis down, a full disk) lets the request through, as
decided for Redis outages (docs/decisions/0007-redis-outages.md), and says so in the log once
a minute.
"""

import functools
import hashlib
import itertools
import logging
import os
import pickle
import threading
import time
import zlib

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from manchette.core.clients import client_network
from manchette.core.internals import cache_file, create_cache_folder, write_cache_entry

logger = logging.getLogger(__name__)
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
LIMITED_MESSAGE = _(
    "Trop de tentatives en peu de temps. Merci de patienter un instant avant de réessayer."
)
# The limiter's clock (seconds since the epoch); tests set it instead of waiting.
clock = time.time


def parse_rate(rate):
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def hit(scope, identity, rate, now=None):
    """Counts one attempt; True while the identity stays within `rate` for this scope over
    the last period (a sliding window), or when the cache cannot keep count."""
    return hit_many([(scope, identity, rate)], now=now)[0]


def hit_many(checks, now=None):
    """`hit` for each (scope, identity, rate) of `checks`, in one round trip on Redis: a list
    of booleans, in order. Each limit counts the attempt on its own (one refusing does not
    keep another from counting it), as separate calls of `hit` would."""
    now = clock() if now is None else now
    parsed = [(scope, _digest(identity), *parse_rate(rate)) for scope, identity, rate in checks]
    cache = caches[DEFAULT_CACHE_ALIAS]
    try:
        if isinstance(cache, FileBasedCache):
            return [_file_hit(cache, *check, now) for check in parsed]
        if isinstance(cache, RedisCache):
            return _redis_hits(cache, parsed, now)
        return [
            _local_hit(cache, f"rl:{scope}:{digest}", limit, period, now)
            for scope, digest, limit, period in parsed
        ]
    except (OSError, RedisError):
        logger.warning("Rate limits cannot be kept (the cache fails): requests let through.")
        return [True] * len(checks)


def _digest(identity):
    return hashlib.sha256(str(identity).strip().lower().encode()).hexdigest()[:24]


def _admit(times, limit, period, now):
    """Keeps the times of the last period; adds `now` if fewer than `limit` remain."""
    times[:] = [t for t in times if t > now - period]
    if len(times) >= limit:
        return False
    times.append(now)
    return True


# Redis: the times are a sorted set per identity, updated by one script (atomic, one trip for
# every limit of a request). ARGV: now, then (period, limit, member) for each key.
SLIDING_SCRIPT = """
local now = tonumber(ARGV[1])
local admitted = {}
for i, key in ipairs(KEYS) do
    local period = tonumber(ARGV[3 * i - 1])
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - period)
    if redis.call('ZCARD', key) >= tonumber(ARGV[3 * i]) then
        admitted[i] = 0
    else
        redis.call('ZADD', key, ARGV[1], ARGV[3 * i + 1])
        redis.call('PEXPIRE', key, math.ceil(period * 1000) + 1000)
        admitted[i] = 1
    end
end
return admitted
"""
_members = itertools.count()


def _redis_hits(cache, parsed, now):
    script = cache.client.get_client(write=True).register_script(SLIDING_SCRIPT)
    keys, args = [], [repr(now)]
    for scope, digest, limit, period in parsed:
        keys.append(cache.make_key(f"rl:{scope}:{digest}"))
        # A unique member: two hits at one time count twice.
        args += [period, limit, f"{now!r}:{os.getpid()}:{next(_members)}"]
    return [bool(admitted) for admitted in script(keys=keys, args=args)]


# Local memory (tests, one process): a read and a write under this process's lock.
_local_lock = threading.Lock()


def _local_hit(cache, key, limit, period, now):
    with _local_lock:
        times = cache.get(key) or []
        admitted = _admit(times, limit, period, now)
        if admitted:
            cache.set(key, times, timeout=period + 1)
        return admitted


# Counter files per scope and period with the file cache (see `_file_hit`): few enough to be
# reused (creating a file costs more than the rest of a hit), enough to keep each one small.
FILE_SHARDS = 64


def _file_hit(cache, scope, digest, limit, period, now):
    """One more attempt in the file cache, atomically; True if it is let through.

    The file cache's add() and incr() list the whole cache folder on every write (to cull it),
    incr() is a read then a rewrite that two processes can interleave, and an entry per
    identity is a new file each time (slow to create, and they pile up until the cache is
    culled). Instead the times of a scope live in FILE_SHARDS files, each holding those of the
    identities that fall in it, and updated in place under an exclusive lock. They are
    ordinary entries of the cache (its file names and format): cache.clear() and culling
    remove them like any other entry.
    """
    key = f"rl:{scope}:{period}:{int(digest[:8], 16) % FILE_SHARDS}"
    fname = cache_file(cache, key)
    try:
        fd = os.open(fname, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:  # the cache folder was removed
        create_cache_folder(cache)
        fd = os.open(fname, os.O_RDWR | os.O_CREAT, 0o600)
    with open(fd, "r+b") as f:
        locks.lock(f, locks.LOCK_EX)
        try:
            logs = _read_logs(f)
            times = logs.get(digest, [])
            admitted = _admit(times, limit, period, now)
            if not admitted:
                return False
            # Identities quiet for a whole period are dropped: the file stays small.
            logs = {d: ts for d, ts in logs.items() if ts and ts[-1] > now - period}
            logs[digest] = times
            f.seek(0)
            write_cache_entry(cache, f, period + 1, logs)
            # Cut what is left of a longer previous content only now: emptying the file first
            # (truncate(0)) frees its block, which costs far more than the rest of the update.
            f.truncate()
            f.flush()
        finally:
            locks.unlock(f)
    return True


def _read_logs(f):
    """The times kept in an entry file (read under its lock), as FileBasedCache.get() reads
    it; an empty, expired or unreadable file (or an older format) keeps none."""
    try:
        expiry = pickle.load(f)  # noqa: S301 (the cache folder is ours, as for Django)
        if expiry is None or expiry >= time.time():
            logs = pickle.loads(zlib.decompress(f.read()))  # noqa: S301
            if isinstance(logs, dict):
                return logs
    except (EOFError, ValueError, TypeError, pickle.UnpicklingError, zlib.error):
        pass
    return {}


def limited_response(request):
    wants_json = "application/json" in request.headers.get("Accept", "") or request.headers.get(
        "HX-Request"
    )
    if wants_json:
        response = JsonResponse({"error": str(LIMITED_MESSAGE)}, status=429)
    else:
        response = render(request, "429.html", {"message": LIMITED_MESSAGE}, status=429)
    response["Retry-After"] = "60"
    return response


def _rate(value):
    return value() if callable(value) else value


def ratelimit(scope, rate, key=None, methods=("POST",), key_rate=None):
    """Limits a view per client address (or per `key(request)` as well, when given, at
    `key_rate` if it differs). A rate may be a function, read on each request (a setting)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                checks = [(scope, client_network(request), _rate(rate))]
                identity = key(request) if key is not None else ""
                if identity:
                    checks.append((f"{scope}:key", identity, _rate(key_rate or rate)))
                if not all(hit_many(checks)):
                    return limited_response(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
