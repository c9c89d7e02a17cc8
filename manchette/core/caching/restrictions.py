"""Whether the site has any private page: the shortcut past view restrictions that listings,
feeds, search and page serving take while it has none (most newsrooms)."""

from manchette.core.caching.versions import VIEW_RESTRICTIONS_KEY, shared_get, shared_set


def any_view_restriction():
    """Whether any page of the site is private; most newsrooms have none."""
    from wagtail.models import PageViewRestriction

    found = shared_get(VIEW_RESTRICTIONS_KEY)
    if found is None:
        found = PageViewRestriction.objects.exists()
        shared_set(VIEW_RESTRICTIONS_KEY, found, timeout=3600)
    return found
