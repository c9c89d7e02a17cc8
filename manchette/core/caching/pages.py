"""Whole anonymous pages: the one rule for what is public, the middleware that keeps and
serves pages, and the WSGI wrapper that serves hits before Django starts.

The question "may a shared cache keep this response?" is answered here and nowhere else:

- `may_share(request)`: before the view, whether its response may be public at all (a
  reader without a session, not a preview). `share_or_keep_private` applies it.
- `may_read_shared(request)`: whether the shared copy may answer it: every reader, signed
  in or not, but not an editor (`EDITOR_COOKIE`) and not a preview.
- `cacheable_request(request)`: whether this app's page cache looks the request up.
- `storable(request, response)`: whether this app's page cache keeps the response.

nginx (`deploy/nginx/`) mirrors the same rule with its own means and stays stricter: it
keeps only what `mark_cacheable` marked `public, s-maxage` (`X-Accel-Expires`), never the
answer to a request with a session cookie (`$manchette_signed_in`), never a response setting
a cookie, and never an address with a query string (`$manchette_has_args`), so that its PURGE
of a path evicts every copy it holds of it; it answers every reader from its copy but the
editors (`$manchette_editor`).
"""

import functools
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, parse_cookie
from django.utils.cache import patch_cache_control
from wagtail import hooks

from manchette.core.caching.lifetime import mark_cacheable, marked_lifetime
from manchette.core.caching.versions import (
    GENERATION_READ,
    SITE_VERSION_KEY,
    LocalEntries,
    begin_generation,
    digest,
    end_generation,
    path_version_key,
    read_versions,
    release_token,
    request_memo,
)
from manchette.core.pagination import LISTING_PARAMS, is_paginated

# Query parameters that change what a cacheable page shows (`page`, and a listing's `avant`).
# Any other parameter bypasses the cache, so random query strings cannot fill it. An app adds
# the parameters one of its paths reads (the search's `q` and filters) with the
# `manchette_cacheable_params` hook: a function returning {path: parameter names}; that
# path's view then decides, as any view does, which answers may be kept (`mark_cacheable`).
CACHEABLE_PARAMS = LISTING_PARAMS


@functools.cache
def _params_by_path():
    found = {}
    for params_of in hooks.get_hooks("manchette_cacheable_params"):
        for path, params in params_of().items():
            found[path] = found.get(path, CACHEABLE_PARAMS) | frozenset(params)
    return found


def cacheable_params(path):
    """The query parameters the page cache keys `path`'s pages on."""
    return _params_by_path().get(path, CACHEABLE_PARAMS)


# Static and media files are never pages: they skip the page cache's reads.
_UNCACHED_PREFIXES = tuple(
    prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix != "/"
)

# Set per response (length, date) or per request (the cache's own marker): never replayed.
_UNKEPT_HEADERS = {"content-length", "date", "x-page-cache", "set-cookie"}


# --------------------------------------------------------------------------- what is public


# Set while an account that can open the admin is signed in (accounts/policy.py): its pages
# carry the Wagtail userbar and may show drafts' links, so they are never the shared copy.
# Not a credential: a reader who sets it only gets slower, uncached pages.
EDITOR_COOKIE = "manchette_redaction"


def is_anonymous(cookies):
    """Whether a request carrying these cookies (a dict) is a reader without a session."""
    return settings.SESSION_COOKIE_NAME not in cookies


def is_editor(cookies):
    # Not empty, as nginx's map reads it: a deleted cookie some clients still send is no one's.
    return bool(cookies.get(EDITOR_COOKIE))


def may_share(request):
    """Whether the response to this request may be public at all: a reader without a session
    looking at the live site (not an editor's preview). Only such responses are stored."""
    return not getattr(request, "is_preview", False) and is_anonymous(request.COOKIES)


def may_read_shared(request):
    """Whether this request may be answered with the shared copy: any reader, signed in or
    not (the page is the same for all; what is theirs comes from the small state endpoints),
    but not an editor and not a preview."""
    return not getattr(request, "is_preview", False) and not is_editor(request.COOKIES)


def share_or_keep_private(request, response, lifetime=None):
    """Mark a page public (`mark_cacheable`) when `may_share` allows it, else private."""
    if may_share(request):
        return mark_cacheable(response, lifetime)
    patch_cache_control(response, private=True, no_cache=True)
    return response


def cacheable_request(request):
    """Whether the page cache looks this request up: a GET or HEAD that `may_read_shared`,
    with no query parameter but `page` or `avant` (or those its path adds, `cacheable_params`),
    each given once, for something other than a static or media file; never while
    `PAGE_CACHE_SECONDS` is 0 (the page cache is off, and the copies it kept before are not
    served either)."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and may_read_shared(request)
        and _single_params(request, cacheable_params(request.path))
        and not request.path.startswith(_UNCACHED_PREFIXES)
    )


def _single_params(request, allowed):
    # `?q=a&q=b` reads as `?q=b` but a page may repeat its parameters as given (the search's
    # pagination links): a repeated parameter is never keyed as if it were one.
    return all(name in allowed and len(values) == 1 for name, values in request.GET.lists())


def storable(request, response):
    """Whether the page cache keeps this response: a `cacheable_request` that `may_share`
    (rendered for nobody in particular), whose view marked the response public
    (`mark_cacheable`), a complete 200 that sets no cookie, and for `?page=N` or `?avant=X`
    only where the view reads it strictly (a page that exists)."""
    return bool(
        cacheable_request(request)
        and may_share(request)
        and marked_lifetime(response)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and (not LISTING_PARAMS.intersection(request.GET) or is_paginated(request))
    )


# --------------------------------------------------------------------------- addresses, entries


def _page_address(request):
    """(path, address digest) of a `cacheable_request`, else None. The address holds what
    makes two such requests' pages differ: scheme (an https page carries HSTS, an http one is
    redirected), host, path and the parameters it allows (`page`, `avant`, a search's)."""
    if not cacheable_request(request):
        return None
    # `?page=1` is the page without it (manchette.core.pagination): one entry for both.
    query = urlencode(sorted(item for item in request.GET.items() if item != ("page", "1")))
    where = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return request.path, digest(where)


def _page_entry_key(path, where, memo):
    """The key of the page at an address as it is now: the site and path versions are read
    on every request (through this process's copies for the current generation), so a purge
    made by any process is seen by the next request."""
    versions = read_versions([SITE_VERSION_KEY, path_version_key(path)], memo)
    return f"pc:entry:{release_token()}:{versions[0]}:{versions[1]}:{where}"


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


LOCAL_ENTRIES = LocalEntries()
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


def _entry_for(response, lifetime):
    return {
        "content": response.content,
        "status": response.status_code,
        "expires": time.time() + lifetime,
        "headers": [
            (header, value)
            for header, value in response.items()
            if header.lower() not in _UNKEPT_HEADERS
        ],
    }


def _response_from(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    response["Content-Length"] = str(len(entry["content"]))
    response["X-Page-Cache"] = "hit"
    return response


# --------------------------------------------------------------------------- the two layers


class AnonymousPageCacheMiddleware:
    """Serves anonymous readers' pages from the cache, and keeps the `storable` ones.

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
        key = _page_entry_key(*address, request_memo(request))
        # Not read again when `PageCacheWSGI` has just looked for it.
        entry = None if request.META.get(MISSED_KEY) == key else _cached_entry(key)
        if entry is not None:
            ADDRESSES.set(raw, address)
            return _response_from(entry)
        response = self.get_response(request)
        if storable(request, response):
            self._keep(key, response)
            ADDRESSES.set(raw, address)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _keep(key, response):
        lifetime = marked_lifetime(response)
        entry = _entry_for(response, lifetime)
        cache.set(key, entry, timeout=lifetime)
        LOCAL_ENTRIES.set(key, entry)


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
        # Only addresses Django has already found cacheable (`cacheable_request`): anything
        # else (a new address, a disallowed host, a static file) goes to Django, which answers
        # it as it always does. The editor's cookie is the one part of the rule the address
        # lacks.
        address = ADDRESSES.get(raw)
        if address is None:
            return None
        cookies = environ.get("HTTP_COOKIE")
        if cookies and EDITOR_COOKIE in cookies and is_editor(parse_cookie(cookies)):
            return None
        key = _page_entry_key(*address, {})
        entry = _cached_entry(key)
        if entry is None:
            environ[MISSED_KEY] = key
        return entry
