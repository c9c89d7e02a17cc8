"""The anonymous page cache and its precise purge.

Anonymous readers (no session cookie) get pages rendered once and served from the cache.
Each cached entry's key carries two version tokens: one per path, bumped when that page is
purged, and one for the whole site, bumped when something shown on every page changes
(navigation, flash, site settings). A purge is therefore one cache write, whatever the
number of pagination variants of a path.

Below the page cache, parts of a page are kept as rendered fragments (`{% fragment %}`), each
under a scope of its own per path: "content" (the article itself, its topics, "À lire
aussi") and "comments" (the thread). A purge bumps every scope of a path, except a comment
change, which bumps only "comments": the page renders afresh but reuses its article fragment.

Entries also never outlive the next scheduled flash change (see `page_lifetime`), so a
cached page never shows a flash after its end time.
"""

import contextvars
import functools
import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, parse_cookie
from django.utils.cache import patch_cache_control
from wagtail import hooks

from manchette.core.pagination import PAGE_PARAM, is_paginated

logger = logging.getLogger(__name__)

SITE_VERSION_KEY = "pc:site"
VIEW_RESTRICTIONS_KEY = "chrome:any-view-restriction"
# What every page shows, dropped by `purge_site`; read through `shared_get`.
CHROME_KEYS = ("chrome:flash", "chrome:nav", "chrome:settings", VIEW_RESTRICTIONS_KEY)
# Query parameters that change what a cacheable page shows. Any other parameter bypasses the
# cache, so random query strings cannot fill it.
CACHEABLE_PARAMS = {PAGE_PARAM}


def _digest(text):
    # Paths and query strings may hold any character: keys stay short and safe for any cache.
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


# "path" versions the whole page (the page cache); the others version fragments of it.
SCOPES = ("path", "content", "comments")


def _scope_key(scope, path):
    return f"pc:{scope}:{_digest(path)}"


def _path_version_key(path):
    return _scope_key("path", path)


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
    return _digest(f"{release}:{hashlib.sha256(static).hexdigest()}")[:8]


# --------------------------------------------------------------------------- shared values
# Versions and the site's chrome (flash, menu, settings) are read on every page view. Each
# process keeps a copy of them while the shared cache's *generation* is unchanged, so a page
# view reads one cache key, the generation, instead of one per value. Every change to a value
# kept this way bumps the generation (`bump_generation`, called by the purges), after writing
# the value: a request that reads the new generation then reads the new value.

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
        cache.add(GENERATION_KEY, uuid.uuid4().hex[:12], timeout=None)
        generation = cache.get(GENERATION_KEY)
    # None when the cache cannot be read (Redis down): then nothing kept is used.
    return _GENERATION.set(generation)


def end_generation(token):
    _GENERATION.reset(token)


def bump_generation():
    """Every process reads the shared values again on its next request."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex[:12], timeout=None)
    SHARED_COPIES.forget()
    # The rest of this request reads the cache too.
    _GENERATION.set(None)


def forget_local_copies():
    """Drop what this process keeps of the shared cache (for tests that change settings)."""
    SHARED_COPIES.forget()
    for entries in (ADDRESSES, LOCAL_ENTRIES, FRAGMENT_ENTRIES):
        entries.clear()


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


def _read_versions(keys, memo):
    """The version tokens under `keys`, read once per request (`memo` is the request's)."""
    missing = [key for key in keys if key not in memo]
    if missing:
        found = shared_get_many(missing)
        for key in missing:
            if key not in found:
                # A version never starts from a known value: after the shared cache is emptied
                # (a Redis restart), no copy kept in a process can match a key again.
                cache.add(key, uuid.uuid4().hex[:12], timeout=None)
                found[key] = cache.get(key)
        memo.update(found)
    return [memo[key] for key in keys]


def _request_memo(request):
    return request.__dict__.setdefault("_cache_versions", {})


class LocalEntries:
    """The most recently served entries, kept in each process to skip a shared-cache read.

    Safe because an entry's key carries the site and path versions read from the shared cache
    on every request: a purge anywhere changes them, and each entry carries its expiry.
    """

    def __init__(self, size=256):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

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


LOCAL_ENTRIES = LocalEntries()


def _now_and_after_commit(purge):
    """Purges at once, and again when the current transaction commits: a request served by
    another process between the two would otherwise cache the page as it was before."""
    purge()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(purge)


def purge_paths(paths, *, only=None):
    """Make the next request for each path render afresh (every query-string variant).

    `only` names the one fragment scope that changed (e.g. "comments"): the page is rendered
    afresh, its other fragments are reused. By default every fragment of the path goes.
    """
    paths = {urlsplit(p).path for p in paths if p}
    if not paths:
        return
    if only is not None and only not in SCOPES:
        raise ValueError(f"Unknown cache scope: {only}")
    scopes = ("path", only) if only else SCOPES

    def purge():
        token = uuid.uuid4().hex[:12]
        cache.set_many({_scope_key(s, p): token for p in paths for s in scopes}, timeout=None)
        bump_generation()

    _now_and_after_commit(purge)
    # nginx (or a CDN) is told once, when the change is committed: a copy fetched before then
    # is evicted by it, and one fetched after is already the new page.
    transaction.on_commit(lambda: _purge_frontend_cache(paths))


def purge_site():
    """Make every cached page render afresh: for changes shown on every page."""

    def purge():
        cache.set(SITE_VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
        cache.delete_many(CHROME_KEYS)
        bump_generation()

    _now_and_after_commit(purge)


FRAGMENT_ENTRIES = LocalEntries(size=512)


def fragment_key(request, name, scope, path, parts=()):
    """The key of a fragment as rendered now: release, site version and the path's scope
    version (read once per request), then the fragment's name and variant."""
    memo = _request_memo(request)
    if scope == "site":
        # Shown on every page (header, footer): only the site version counts.
        [site], version = _read_versions([SITE_VERSION_KEY], memo), "-"
    elif scope in SCOPES[1:]:
        site, version = _read_versions([SITE_VERSION_KEY, _scope_key(scope, path)], memo)
    else:
        raise ValueError(f"Unknown fragment scope: {scope}")
    variant = _digest("|".join([path, *map(str, parts)]))
    return f"fc:{release_token()}:{site}:{version}:{name}:{variant}"


def fragment_lookup(key):
    """What is kept under a fragment key (this process's copy first), or None."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return None
    entry = FRAGMENT_ENTRIES.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            FRAGMENT_ENTRIES.set(key, entry)
    if entry is not None and entry[0] > time.time():
        return entry[1]
    return None


def fragment_store(key, value):
    timeout = settings.FRAGMENT_CACHE_SECONDS
    if timeout > 0:
        entry = (time.time() + timeout, value)
        cache.set(key, entry, timeout=timeout)
        FRAGMENT_ENTRIES.set(key, entry)


def cached_fragment(key, render):
    """The fragment under `key`, rendered by `render()` and kept when not found."""
    html = fragment_lookup(key)
    if html is None:
        html = render()
        fragment_store(key, html)
    return html


def _purge_frontend_cache(paths):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache([settings.SITE_URL + p for p in paths])
    except Exception:  # a frontend cache outage must never break publishing
        logger.exception("Frontend cache purge failed for %s", paths)


def page_lifetime():
    """Seconds an anonymous page may be cached: bounded by the next change that every page
    shows (a flash starting or ending). Apps announce such moments with the
    `manchette_next_site_change` hook: a function returning a timestamp or None."""
    lifetime = settings.PAGE_CACHE_SECONDS
    for next_change in hooks.get_hooks("manchette_next_site_change"):
        moment = next_change()
        if moment is not None:
            lifetime = min(lifetime, max(1, int(moment - time.time())))
    return lifetime


def mark_cacheable(response, lifetime=None):
    """Let the page cache and shared caches (nginx, CDN) keep this response."""
    lifetime = page_lifetime() if lifetime is None else lifetime
    patch_cache_control(response, public=True, max_age=0, s_maxage=lifetime)
    # nginx keeps a page at most a minute: a site-wide change (a new flash, the menu) reaches
    # its copies within that time; articles are also purged from it on publish.
    response["X-Accel-Expires"] = str(min(lifetime, 60))
    response._page_cache_lifetime = lifetime
    return response


def is_anonymous_request(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def any_view_restriction():
    """Whether any page of the site is private; most newsrooms have none."""
    from wagtail.models import PageViewRestriction

    found = shared_get(VIEW_RESTRICTIONS_KEY)
    if found is None:
        found = PageViewRestriction.objects.exists()
        shared_set(VIEW_RESTRICTIONS_KEY, found, timeout=3600)
    return found


class CachedPageMixin:
    """A Wagtail page served to anonymous readers from the page cache."""

    def get_view_restrictions(self):
        # Skips two queries per page view while no page of the site is private.
        if not any_view_restriction():
            from wagtail.models import PageViewRestriction

            none = PageViewRestriction.objects.none()
            # Known to be empty: iterating it (Wagtail's serve hook does) then skips compiling
            # the SQL only to find it empty, half a millisecond per page view.
            none._result_cache, none._prefetch_done = [], True
            return none
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False) or not is_anonymous_request(request):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        return mark_cacheable(response)


def _page_address(request):
    """(path, address digest) of an anonymous GET or HEAD request whose page may be cached,
    else None. The address holds what makes two such requests' pages differ: scheme (an
    https page carries HSTS, an http one is redirected), host, path and the `page` parameter.
    """
    if request.method not in ("GET", "HEAD") or not is_anonymous_request(request):
        return None
    if not set(request.GET) <= CACHEABLE_PARAMS or request.path.startswith(_UNCACHED_PREFIXES):
        return None
    # `?page=1` is the page without it (manchette.core.pagination): one entry for both.
    query = urlencode(sorted(item for item in request.GET.items() if item != ("page", "1")))
    where = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return request.path, _digest(where)


def _page_entry_key(path, where, memo):
    """The key of the page at an address as it is now: the site and path versions are read
    on every request (through this process's copies for the current generation), so a purge
    made by any process is seen by the next request."""
    versions = _read_versions([SITE_VERSION_KEY, _path_version_key(path)], memo)
    return f"pc:entry:{release_token()}:{versions[0]}:{versions[1]}:{where}"


# Static and media files are never pages: they skip the page cache's reads.
_UNCACHED_PREFIXES = tuple(
    prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix != "/"
)

# Every WSGI environ variable Django reads to work out a request's scheme, host and path
# (`HttpRequest.scheme`, `get_host`, `get_script_name`, `get_path_info`) and its query.
_ADDRESS_ENVIRON = (
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "SCRIPT_URL",
    "REDIRECT_URL",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
)


def _raw_address(environ):
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    return (
        *(environ.get(name) for name in _ADDRESS_ENVIRON),
        environ.get(proxy_header[0]) if proxy_header else None,
    )


# What Django made of each raw request address it found cacheable (see `_page_address`):
# a pure function of the environ variables above and of settings fixed at start-up, kept
# so that `PageCacheWSGI` answers a hit without building a request.
ADDRESSES = LocalEntries(size=2048)
RAW_ADDRESS = "manchette.raw_address"
MISSED_KEY = "manchette.missed_key"


def _cached_entry(key):
    """The page kept under `key` (this process's copy first), if it has not expired."""
    entry = LOCAL_ENTRIES.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            LOCAL_ENTRIES.set(key, entry)
    # The lifetime is also checked here, not only by the cache backend's expiry, so an
    # entry never outlives the flash change it was bounded by, whatever the backend.
    if entry is not None and entry["expires"] > time.time():
        return entry
    return None


class AnonymousPageCacheMiddleware:
    """Serves anonymous readers' pages from the cache, and keeps the pages marked cacheable.

    First in MIDDLEWARE, so an entry keeps the headers every other middleware set on the page
    (security headers included) and a hit skips them all. `PageCacheWSGI` serves the same
    entries before Django's request handling even starts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(GENERATION_READ):
            return self._respond(request)
        token = begin_generation()
        try:
            return self._respond(request)
        finally:
            end_generation(token)

    def _respond(self, request):
        address = _page_address(request)
        if address is None:
            return self.get_response(request)
        # The address as `PageCacheWSGI` read it from the untouched environ (Django rewrites
        # PATH_INFO and SCRIPT_NAME in place), else as it is here (no WSGI layer in front).
        raw = request.META.get(RAW_ADDRESS) or _raw_address(request.META)
        key = _page_entry_key(*address, _request_memo(request))
        # Not read again when `PageCacheWSGI` has just looked for it.
        entry = None if request.META.get(MISSED_KEY) == key else _cached_entry(key)
        if entry is not None:
            ADDRESSES.set(raw, address)
            response = HttpResponse(entry["content"], status=entry["status"])
            for header, value in entry["headers"]:
                response[header] = value
            response["Content-Length"] = str(len(entry["content"]))
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        lifetime = getattr(response, "_page_cache_lifetime", None)
        if (
            lifetime
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            # `?page=N` only where the view reads it strictly: a page that exists.
            and (PAGE_PARAM not in request.GET or is_paginated(request))
        ):
            entry = {
                "content": response.content,
                "status": response.status_code,
                "expires": time.time() + lifetime,
                "headers": [
                    (header, value)
                    for header, value in response.items()
                    if header.lower() not in _UNKEPT_HEADERS
                ],
            }
            cache.set(key, entry, timeout=lifetime)
            LOCAL_ENTRIES.set(key, entry)
            ADDRESSES.set(raw, address)
            response["X-Page-Cache"] = "miss"
        return response


# Set per response (length, date) or per request (the cache's own marker): never replayed.
_UNKEPT_HEADERS = {"content-length", "date", "x-page-cache", "set-cookie"}


class PageCacheWSGI:
    """The page cache's hits served in front of Django: a hit needs none of Django's request
    handling (signals, middleware, response objects), only the key and the entry.

    Same keys and entries as `AnonymousPageCacheMiddleware`, which stores them and serves the
    requests this layer passes on (a miss, a HEAD, anything it cannot read with certainty).
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        token = begin_generation()
        environ[GENERATION_READ] = True
        try:
            entry = None
            if environ.get("REQUEST_METHOD") == "GET":
                environ[RAW_ADDRESS] = raw = _raw_address(environ)
                entry = self._hit(environ, raw)
            if entry is not None:
                content = entry["content"]
                start_response(
                    "200 OK",  # the only status kept
                    [
                        *entry["headers"],
                        ("Content-Length", str(len(content))),
                        ("X-Page-Cache", "hit"),
                    ],
                )
                return [content]
            return self.application(environ, start_response)
        finally:
            end_generation(token)

    @staticmethod
    def _hit(environ, raw):
        # Only addresses Django has already found cacheable: anything else (a new address, a
        # disallowed host, a static file) goes to Django, which answers it as it always does.
        address = ADDRESSES.get(raw)
        if address is None:
            return None
        cookies = environ.get("HTTP_COOKIE")
        if cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies):
            return None
        key = _page_entry_key(*address, {})
        entry = _cached_entry(key)
        if entry is None:
            environ[MISSED_KEY] = key
        return entry
