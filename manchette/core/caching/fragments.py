"""Rendered fragments of a page (`{% fragment %}`), each under a scope of its own per path.

Scopes: "content" (the article itself, its topics, "À lire aussi"), "comments" (the thread)
and "site" (header and footer, shown on every page). A purge bumps every scope of a path,
except a comment change, which bumps only "comments": the page renders afresh but reuses its
article fragment.
"""

import time

from django.conf import settings
from django.core.cache import cache

from manchette.core.caching.versions import (
    SCOPES,
    SHARED_COPY_SECONDS,
    SITE_VERSION_KEY,
    LocalEntries,
    digest,
    read_versions,
    release_token,
    request_memo,
    scope_key,
)

FRAGMENT_ENTRIES = LocalEntries(size=512)
# The site's chrome (header, footer: the "site" scope), kept in each process under its
# fragment key even when the fragment cache is off (an editor's view, FRAGMENT_CACHE_SECONDS
# = 0): the same for every page of a site version, it was rendered again on every whole
# render. The key carries the release and the site version, which `purge_site` bumps on
# every change the chrome shows (menu, settings, newsletter lists); entries are also
# rendered again after SITE_FRAGMENT_SECONDS, like the processes' copies of shared values.
SITE_FRAGMENTS = LocalEntries(size=64)
SITE_FRAGMENT_SECONDS = SHARED_COPY_SECONDS


def fragment_key(request, name, scope, path, parts=()):
    """The key of a fragment as rendered now: release, site version and the path's scope
    version (read once per request), then the fragment's name and variant."""
    memo = request_memo(request)
    if scope == "site":
        # Shown on every page (header, footer): only the site version counts.
        [site], version = read_versions([SITE_VERSION_KEY], memo), "-"
    elif scope in SCOPES[1:]:
        site, version = read_versions([SITE_VERSION_KEY, scope_key(scope, path)], memo)
    else:
        raise ValueError(f"Unknown fragment scope: {scope}")
    variant = digest("|".join([path, *map(str, parts)]))
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


def site_fragment(key, render):
    """A fragment of the "site" scope (`fragment_key`): this process's copy, else as
    `cached_fragment` finds or renders it."""
    entry = SITE_FRAGMENTS.get(key)
    now = time.time()
    if entry is not None and entry[0] > now:
        return entry[1]
    html = cached_fragment(key, render)
    SITE_FRAGMENTS.set(key, (now + SITE_FRAGMENT_SECONDS, html))
    return html
