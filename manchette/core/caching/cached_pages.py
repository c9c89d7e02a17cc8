"""Wagtail pages served from the page cache, past view restrictions while the site has none,
and their addresses kept once written."""

import threading

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from manchette.core.caching.pages import share_or_keep_private
from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.internals import known_empty

# Each page's address parts as Wagtail's `get_url_parts` wrote them, kept in the process under
# all it reads: the page's url_path, the site root paths it falls under, the URLconf, the
# script prefix and the language (for its `reverse()` of the serving view). An article's page
# named its own, its rubrique's and its authors' addresses half a dozen times, each reversing
# that view. Bounded, emptied when full.
MAX_KEPT_URL_PARTS = 4096
_KEPT_URL_PARTS = {}
_LOCK = threading.Lock()


@receiver(setting_changed)
def forget_kept_url_parts(setting, **kwargs):
    if setting in ("ROOT_URLCONF", "WAGTAIL_I18N_ENABLED"):
        with _LOCK:
            _KEPT_URL_PARTS.clear()


class CachedPageMixin:
    """A Wagtail page served to anonymous readers from the page cache."""

    def get_url_parts(self, request=None):
        # Wagtail's, kept; not with Wagtail's i18n (the active language counts) nor for a page
        # under more than one site (the request's site counts).
        if settings.WAGTAIL_I18N_ENABLED or not self.url_path:
            return super().get_url_parts(request)
        paths = self._get_relevant_site_root_paths(request)
        if len({path[0] for path in paths}) != 1:
            return super().get_url_parts(request)
        key = (self.url_path, paths, get_urlconf(), get_script_prefix(), get_language())
        parts = _KEPT_URL_PARTS.get(key)
        if parts is None:
            parts = super().get_url_parts(request)
            with _LOCK:
                if len(_KEPT_URL_PARTS) >= MAX_KEPT_URL_PARTS:
                    _KEPT_URL_PARTS.clear()
                _KEPT_URL_PARTS[key] = parts
        return parts

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
