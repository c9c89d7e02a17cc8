"""How long an anonymous page may be kept: never past the next change every page shows.

Entries never outlive the next scheduled flash change (see `page_lifetime`), so a cached
page never shows a flash after its end time.
"""

import time

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail import hooks

# nginx keeps a page at most this long: a site-wide change (a new flash, the menu) reaches its
# copies within that time; articles are also purged from it on publish.
FRONTEND_CACHE_MAX_SECONDS = 60


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
    response["X-Accel-Expires"] = str(min(lifetime, FRONTEND_CACHE_MAX_SECONDS))
    response._page_cache_lifetime = lifetime
    return response


def marked_lifetime(response):
    """The lifetime `mark_cacheable` gave this response, or None if it was not marked."""
    return getattr(response, "_page_cache_lifetime", None)
