"""Wagtail pages served from the page cache, and the shortcut past view restrictions."""

from manchette.core.caching.pages import share_or_keep_private
from manchette.core.caching.versions import VIEW_RESTRICTIONS_KEY, shared_get, shared_set
from manchette.core.internals import known_empty


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

            # Known to be empty: Wagtail's serve hook iterates it for half a millisecond less.
            return known_empty(PageViewRestriction.objects)
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return share_or_keep_private(request, response)
