"""Whether the site has any private page: the shortcut past view restrictions that listings,
feeds, search and page serving take while it has none (most newsrooms)."""

from manchette.core.caching.versions import (
    VIEW_RESTRICTIONS_KEY,
    shared_get,
    shared_set,
    under_site_version,
)


def any_view_restriction():
    """Whether any page of the site is private; most newsrooms have none.

    Kept under the site's version, read before the database: a process that read "none"
    just before a restriction was committed keeps its answer under the version that the
    restriction's purge (`purge_site`) replaced, where nobody reads it again."""
    from wagtail.models import PageViewRestriction

    key = under_site_version(VIEW_RESTRICTIONS_KEY)
    found = shared_get(key)
    if found is None:
        found = PageViewRestriction.objects.exists()
        shared_set(key, found, timeout=3600)
    return found
