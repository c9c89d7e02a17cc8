"""Page serving with a shortcut through Wagtail's routing.

Wagtail walks the page tree one level per URL segment (a query each). A live page is found
here by its URL path in one query (articles, the bulk of the traffic, come with their own
fields in that query), and the site by host from the cache. Everything else, and any page the
shortcut does not find, goes through Wagtail's own routing, so behaviour is unchanged:
before-serve hooks (view restrictions) and `Page.serve` run as usual.
"""

import pickle

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from manchette.core.caching.fragments import fragment_key, fragment_lookup, fragment_store
from manchette.core.caching.versions import bump_generation, shared_get, shared_set
from manchette.core.internals import has_wagtail_route, preset_wagtail_route
from manchette.core.prepared import PreparedQuery

SITE_CACHE_SECONDS = 300


SITES_VERSION_KEY = "site-for-host:version"


def _site_key(request):
    version = shared_get(SITES_VERSION_KEY)
    if version is None:
        cache.add(SITES_VERSION_KEY, 1, timeout=None)
        version = cache.get(SITES_VERSION_KEY)
    return f"site-for-host:{version}:{request.get_host()}"


def find_site(request):
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = _site_key(request)
    site = shared_get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            shared_set(key, site, SITE_CACHE_SECONDS)
    request._wagtail_site = site
    return site


def find_live_page(url_path):
    """The live page at `url_path`. An app that owns most of the traffic (news: articles) can
    find its pages in one query through the `manchette_find_live_page` hook, a function taking
    the URL path and returning the specific page or None."""
    for find in hooks.get_hooks("manchette_find_live_page"):
        page = find(url_path)
        if page is not None:
            return page
    # Wagtail does not index `url_path`: the slug, its last segment, is indexed.
    slug = url_path.rstrip("/").rpartition("/")[2]
    if not slug:
        page = Page.objects.live().filter(url_path=url_path).first()
        return page.specific if page is not None else None
    page = LIVE_PAGE.first(slug=slug, url_path=url_path)
    return specific(page) if page is not None else None


def specific(page):
    """`page.specific`, its second query prepared as the first (as Wagtail does: the specific
    page's row, then what the generic one held that it does not)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    found = SPECIFIC.first(model, pk=page.pk)
    if found is not None:
        for name, value in page.__dict__.items():
            found.__dict__.setdefault(name, value)
    return found


# Prepared once per process (core/prepared.py): the page at a path, then its specific row
# (one query per page model, the variant).
LIVE_PAGE = PreparedQuery(
    lambda slug, url_path: Page.objects.live().filter(slug=slug, url_path=url_path)[:1],
    slug=str,
    url_path=str,
)
SPECIFIC = PreparedQuery(
    lambda model, pk: model._default_manager.order_by().filter(pk=pk)[:1],
    variants=True,
    pk=int,
)


def cached_live_page(request, site, path):
    """The live page at `path`, kept (pickled) under the path's "content" version: publishing,
    unpublishing, moving or deleting a page purges it (see news/signals.py)."""
    url_path = site.root_page.url_path + path
    key = fragment_key(request, "route", "content", request.path, [site.pk, url_path])
    found = fragment_lookup(key)
    if found is not None:
        return pickle.loads(found)  # noqa: S301 (our own cache, written just below)
    page = find_live_page(url_path)
    # Pickled only to be kept: not with the fragment cache off (an editor's view, the bench's
    # whole renders), where pickling an article's page was a tenth of its serving.
    if page is not None and settings.FRAGMENT_CACHE_SECONDS > 0:
        fragment_store(key, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
    return page


def serve(request, path):
    site = find_site(request)
    if site is not None and not has_wagtail_route(request):
        page = cached_live_page(request, site, path)
        if page is not None:
            preset_wagtail_route(request, page)
    return wagtail_views.serve(request, path)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(sender, instance, **kwargs):
    try:
        cache.incr(SITES_VERSION_KEY)
    except ValueError:
        cache.set(SITES_VERSION_KEY, 2, timeout=None)
    bump_generation()
