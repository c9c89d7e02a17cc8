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
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

SITE_VERSION_KEY = "pc:site"
# Query parameters that change what a cacheable page shows. Any other parameter bypasses the
# cache, so random query strings cannot fill it.
CACHEABLE_PARAMS = {"page"}
CACHED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Cache-Control",
    "Link",
    "Vary",
    "X-Frame-Options",
    "X-Accel-Expires",
)


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
    release = getattr(settings, "RELEASE", "")
    return _digest(f"{release}:{hashlib.sha256(static).hexdigest()}")[:8]


def _read_versions(keys, memo):
    """The version tokens under `keys`, read once per request (`memo` is the request's)."""
    missing = [key for key in keys if key not in memo]
    if missing:
        found = cache.get_many(missing)
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


LOCAL_ENTRIES = LocalEntries()


def _entry_key(host, path, query, versions):
    return (
        f"pc:entry:{release_token()}:{versions[0]}:{versions[1]}:{_digest(f'{host}{path}?{query}')}"
    )


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
        _purge_frontend_cache(paths)

    _now_and_after_commit(purge)


def purge_site():
    """Make every cached page render afresh: for changes shown on every page."""

    def purge():
        cache.set(SITE_VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
        cache.delete_many(["chrome:flash", "chrome:nav", "chrome:settings", VIEW_RESTRICTIONS_KEY])

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
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache([settings.SITE_URL + p for p in paths])
    except Exception:  # a frontend cache outage must never break publishing
        logger.exception("Frontend cache purge failed for %s", paths)


def page_lifetime():
    """Seconds an anonymous page may be cached: bounded by the next flash start or end."""
    from manchette.news.models import Flash

    lifetime = settings.PAGE_CACHE_SECONDS
    next_change = Flash.objects.chrome()["valid_until"]
    if next_change is not None:
        lifetime = min(lifetime, max(1, int(next_change - time.time())))
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


VIEW_RESTRICTIONS_KEY = "chrome:any-view-restriction"


def any_view_restriction():
    """Whether any page of the site is private; most newsrooms have none."""
    from wagtail.models import PageViewRestriction

    found = cache.get(VIEW_RESTRICTIONS_KEY)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(VIEW_RESTRICTIONS_KEY, found, timeout=3600)
    return found


class CachedPageMixin:
    """A Wagtail page served to anonymous readers from the page cache."""

    def get_view_restrictions(self):
        # Skips two queries per page view while no page of the site is private.
        if not any_view_restriction():
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False) or not is_anonymous_request(request):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        return mark_cacheable(response)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not is_anonymous_request(request):
            return self.get_response(request)
        if not set(request.GET) <= CACHEABLE_PARAMS:
            return self.get_response(request)

        query = urlencode(sorted(request.GET.items()))
        versions = _read_versions(
            [SITE_VERSION_KEY, _path_version_key(request.path)], _request_memo(request)
        )
        key = _entry_key(request.get_host(), request.path, query, versions)
        entry = LOCAL_ENTRIES.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                LOCAL_ENTRIES.set(key, entry)
        # The lifetime is also checked here, not only by the cache backend's expiry, so an
        # entry never outlives the flash change it was bounded by, whatever the backend.
        if entry is not None and entry.get("expires", 0) > time.time():
            response = HttpResponse(entry["content"], status=entry["status"])
            for header, value in entry["headers"].items():
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        lifetime = getattr(response, "_page_cache_lifetime", None)
        if (
            lifetime
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            entry = {
                "content": response.content,
                "status": response.status_code,
                "expires": time.time() + lifetime,
                "headers": {h: response[h] for h in CACHED_HEADERS if h in response},
            }
            cache.set(key, entry, timeout=lifetime)
            LOCAL_ENTRIES.set(key, entry)
            response["X-Page-Cache"] = "miss"
        return response
