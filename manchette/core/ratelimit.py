"""Rate limits on every endpoint that writes or sends email, kept in the cache (Redis at scale).

    @ratelimit("comment-post", "5/m")                      # per client address (IPv6: /64)
    @ratelimit("newsletter-subscribe", "3/h", key=lambda r: r.POST.get("email", ""))

A limited request gets a 429 with a French message (HTML, or JSON for fetch() callers).
"""

import functools
import hashlib
import os
import pickle
import time
import zlib

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from manchette.core.clients import client_network
from manchette.core.internals import cache_file, create_cache_folder, write_cache_entry

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
LIMITED_MESSAGE = _(
    "Trop de tentatives en peu de temps. Merci de patienter un instant avant de réessayer."
)


def parse_rate(rate):
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def hit(scope, identity, rate):
    """Counts one attempt; True while the identity stays within `rate` for this scope."""
    limit, period = parse_rate(rate)
    digest = hashlib.sha256(str(identity).strip().lower().encode()).hexdigest()[:24]
    cache = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(cache, FileBasedCache):
        try:
            return _file_count(cache, scope, digest, period) <= limit
        except OSError:  # the cache folder is unusable: the backend's own way, below
            pass
    window = int(time.time() // period)
    key = f"rl:{scope}:{digest}:{window}"
    if cache.add(key, 1, timeout=period + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=period + 1)
            count = 1
    if count is None:  # cache unreachable (django-redis IGNORE_EXCEPTIONS logs it): fail open
        return True
    return count <= limit


# Counter files per scope and period with the file cache (see `_file_count`): few enough to be
# reused (creating a file costs more than the rest of a hit), enough to keep each one small.
FILE_SHARDS = 64


def _file_count(cache, scope, digest, period):
    """One more attempt in the file cache, atomically; returns the identity's new count.

    The file cache's add() and incr() list the whole cache folder on every write (to cull it),
    incr() is a read then a rewrite that two processes can interleave, and a counter per
    identity and window is a new file each time (slow to create, and they pile up until the
    cache is culled). Instead the counts of a scope live in FILE_SHARDS files, each holding
    the current window's counts of the identities that fall in it, and updated in place under
    an exclusive lock. They are ordinary entries of the cache (its file names and format):
    cache.clear() and culling remove them like any other entry.
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
            # Read under the lock: the window never goes back from one update to the next.
            window = int(time.time() // period)
            counts = {}
            try:
                # The cache's own file format, as FileBasedCache.get() itself reads it.
                expiry = pickle.load(f)  # noqa: S301
                if expiry is None or expiry >= time.time():
                    stored_window, stored = pickle.loads(zlib.decompress(f.read()))  # noqa: S301
                    if stored_window == window and isinstance(stored, dict):
                        counts = stored  # an earlier window's counts are simply dropped
            except (EOFError, ValueError, TypeError, pickle.UnpicklingError, zlib.error):
                pass  # a new (empty), expired or unreadable file starts again
            count = counts.get(digest, 0) + 1
            counts[digest] = count
            f.seek(0)
            write_cache_entry(cache, f, period + 1, (window, counts))
            # Cut what is left of a longer previous content only now: emptying the file first
            # (truncate(0)) frees its block, which costs far more than the rest of the update.
            f.truncate()
            f.flush()
        finally:
            locks.unlock(f)
    return count


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
                allowed = hit(scope, client_network(request), _rate(rate))
                if key is not None:
                    identity = key(request)
                    if identity:
                        per_key = _rate(key_rate or rate)
                        allowed = hit(f"{scope}:key", identity, per_key) and allowed
                if not allowed:
                    return limited_response(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
