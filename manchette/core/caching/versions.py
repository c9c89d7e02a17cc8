"""Keys and versions of the anonymous page cache, and each process's copies of shared values.

Each cached entry's key carries two version tokens: one per path, bumped when that page is
purged, and one for the whole site, bumped when something shown on every page changes
(navigation, flash, site settings). A purge is therefore one cache write, whatever the
number of pagination variants of a path.

Versions and the site's chrome (flash, menu, settings) are read on every page view. Each
process keeps a copy of them while the shared cache's *generation* is unchanged, so a page
view reads one cache key, the generation, instead of one per value. Every change to a value
kept this way bumps the generation (`bump_generation`, called by the purges), after writing
the value: a request that reads the new generation then reads the new value.
"""

import contextvars
import functools
import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

SITE_VERSION_KEY = "pc:site"
# What every page shows, each kept under the site's version (`under_site_version`), which
# `purge_site` renews; read through `shared_get`.
VIEW_RESTRICTIONS_KEY = "chrome:any-view-restriction"

# "path" versions the whole page (the page cache); the others version fragments of it.
SCOPES = ("path", "content", "comments")


def digest(text):
    # Paths and query strings may hold any character: keys stay short and safe for any cache.
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def scope_key(scope, path):
    return f"pc:{scope}:{digest(path)}"


def path_version_key(path):
    return scope_key("path", path)


def new_token():
    return uuid.uuid4().hex[:12]


@functools.lru_cache(maxsize=1)
def release_token():
    """Changes with each deployment's static files and RELEASE: cached HTML names hashed
    static files, so a new release must not serve entries rendered by the previous one."""
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    try:
        static = manifest.read_bytes()
    except OSError:
        static = b""
    release = settings.RELEASE
    return digest(f"{release}:{hashlib.sha256(static).hexdigest()}")[:8]


# --------------------------------------------------------------------------- shared values

GENERATION_KEY = "pc:generation"
# Copies are also re-read after this long, so even a change made without a purge (by hand, in
# a shell) reaches every process within it.
SHARED_COPY_SECONDS = 60
_GENERATION = contextvars.ContextVar("manchette_cache_generation", default=None)
# Set in the WSGI environ by `PageCacheWSGI` once it has read the generation for the request.
GENERATION_READ = "manchette.generation_read"


class SharedCopies:
    """This process's copies of shared-cache values, for one generation at a time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.values = {}

    def get_many(self, keys):
        generation = _GENERATION.get()
        if generation is None:
            return {}
        now = time.monotonic()
        with self.lock:
            if generation != self.generation:
                return {}
            return {
                key: entry[0]
                for key in keys
                if (entry := self.values.get(key)) is not None and entry[1] > now
            }

    def keep(self, values):
        generation = _GENERATION.get()
        if generation is None or not values:
            return
        until = time.monotonic() + SHARED_COPY_SECONDS
        with self.lock:
            if generation != self.generation:
                self.generation, self.values = generation, {}
            self.values.update((key, (value, until)) for key, value in values.items())

    def forget(self):
        with self.lock:
            self.generation, self.values = None, {}


SHARED_COPIES = SharedCopies()


def begin_generation():
    """Read the shared cache's generation for the request starting now: the values this
    process keeps for it are used without reading them again. Returns the token for
    `end_generation`."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Unknown (a new or emptied cache): start one, and read whichever process won.
        cache.add(GENERATION_KEY, new_token(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    # None when the cache cannot be read (Redis down): then nothing kept is used.
    return _GENERATION.set(generation)


def current_generation():
    """The shared cache's generation this request read, or None (outside a request, or the
    cache could not be read)."""
    return _GENERATION.get()


def end_generation(token):
    _GENERATION.reset(token)


def bump_generation():
    """Every process reads the shared values again on its next request."""
    cache.set(GENERATION_KEY, new_token(), timeout=None)
    SHARED_COPIES.forget()
    # The rest of this request reads the cache too.
    _GENERATION.set(None)


def shared_get_many(keys):
    """`cache.get_many`, through this process's copies for the current generation."""
    found = SHARED_COPIES.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        read = cache.get_many(missing)
        SHARED_COPIES.keep(read)
        found.update(read)
    return found


def shared_get(key):
    return shared_get_many([key]).get(key)


def shared_set(key, value, timeout):
    """Keep a value worked out from the database (a fill, not a change: no bump)."""
    cache.set(key, value, timeout=timeout)
    SHARED_COPIES.keep({key: value})


def read_versions(keys, memo):
    """The version tokens under `keys`, read once per request (`memo` is the request's)."""
    missing = [key for key in keys if key not in memo]
    if missing:
        found = shared_get_many(missing)
        for key in missing:
            if key not in found:
                # A version never starts from a known value: after the shared cache is emptied
                # (a Redis restart), no copy kept in a process can match a key again.
                cache.add(key, new_token(), timeout=None)
                # A cache that cannot keep it (a full disk, Redis down): a token of this
                # request's own, so nothing is shared under a version that was not kept.
                found[key] = cache.get(key) or new_token()
        memo.update(found)
    return [memo[key] for key in keys]


def under_site_version(key):
    """`key` under the site's current version: what a process worked out from the database
    just before a change that `purge_site` announces, and wrote just after it, lands under
    the version the purge replaced, where nobody reads it again (a plain key, dropped by the
    purge, would have kept the stale answer for its whole lifetime)."""
    return f"{key}:{read_versions([SITE_VERSION_KEY], {})[0]}"


def request_memo(request):
    return request.__dict__.setdefault("_cache_versions", {})


# --------------------------------------------------------------------------- local entries

# Every `LocalEntries` made, so `forget_local_copies` drops them all.
_ALL_LOCAL_ENTRIES = []


class LocalEntries:
    """The most recently served entries, kept in each process to skip a shared-cache read.

    Safe because an entry's key carries the site and path versions read from the shared cache
    on every request: a purge anywhere changes them, and each entry carries its expiry.
    """

    def __init__(self, size=256):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()
        _ALL_LOCAL_ENTRIES.append(self)

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def set(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


def forget_local_copies():
    """Drop what this process keeps of the shared cache (for tests that change settings)."""
    SHARED_COPIES.forget()
    for entries in _ALL_LOCAL_ENTRIES:
        entries.clear()
