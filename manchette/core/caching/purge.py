"""The purge API: what the app calls when content changes, and the frontend (nginx) purge."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from manchette.core.caching.versions import (
    SCOPES,
    SITE_VERSION_KEY,
    bump_generation,
    new_token,
    scope_key,
)

logger = logging.getLogger(__name__)


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
        token = new_token()
        cache.set_many({scope_key(s, p): token for p in paths for s in scopes}, timeout=None)
        bump_generation()

    _now_and_after_commit(purge)
    # nginx (or a CDN) is told once, when the change is committed: a copy fetched before then
    # is evicted by it, and one fetched after is already the new page.
    transaction.on_commit(lambda: _purge_frontend_cache(paths))


def purge_site():
    """Make every cached page render afresh: for changes shown on every page."""

    def purge():
        cache.set(SITE_VERSION_KEY, new_token(), timeout=None)
        bump_generation()

    _now_and_after_commit(purge)


def _purge_frontend_cache(paths):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache([settings.SITE_URL + p for p in paths])
    except Exception:  # a frontend cache outage must never break publishing
        logger.exception("Frontend cache purge failed for %s", paths)
