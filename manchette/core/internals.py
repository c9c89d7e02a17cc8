"""Every place the code relies on another library's private internals, behind one name each.

Neither Wagtail nor Django offers a public way to do these; each is a measured saving on a
page view or a rate-limited POST. Each wrapper has a test (core/tests/test_internals.py) that
fails when an upgrade removes or changes what it relies on: upgrade Wagtail, Django or
redis-py, run those tests, and fix only here.

Two more reach in by subclassing, where the override itself is the one place:
`core/filecache.py` (`FileBasedCache._key_to_file`, `_cull`, `_delete`) and
`core/redis_breaker.py` (redis-py's `Connection.connect_check_health`, which both `connect()`
and a command on a closed connection go through: no public method covers the two).
"""

# ---------------------------------------------------------------------------------- Wagtail
# `Page.route_for_request(request, path)` (wagtail/models/pages.py), which Wagtail's serve
# view calls first, keeps its answer on the request under this attribute and returns it
# without routing if it is already there.
WAGTAIL_ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


def has_wagtail_route(request):
    return hasattr(request, WAGTAIL_ROUTE_ATTRIBUTE)


def preset_wagtail_route(request, page):
    """Hands Wagtail's serve view a page found without walking the tree (a query per URL
    segment): its routing then returns `page`, and before-serve hooks and `Page.serve` run
    as usual."""
    setattr(request, WAGTAIL_ROUTE_ATTRIBUTE, (page, [], {}))


# ------------------------------------------------------------------- Django's file cache
# The rate limiter keeps its counters in ordinary entries of a FileBasedCache, updated in
# place under a file lock (see core/ratelimit.py); it needs the entry's file, the cache
# folder, and Django's entry format.


def cache_file(cache, key):
    """The path of `key`'s entry in a FileBasedCache folder."""
    return cache._key_to_file(key)


def create_cache_folder(cache):
    cache._createdir()


def write_cache_entry(cache, file, timeout, value):
    """Writes `value` to an open entry file in Django's format (expiry, then the pickled,
    compressed value), so that `cache.get()` reads it."""
    cache._write_content(file, timeout, value)


# ---------------------------------------------------------------------- Django's QuerySet
# A queryset marked as already evaluated (`_result_cache`, `_prefetch_done`) is iterated from
# memory: CachedPageMixin.get_view_restrictions (core/caching/restrictions.py) uses it.


def known_empty(queryset):
    """`queryset.none()`, already evaluated: iterating it (as Wagtail's serve hook does with
    a page's view restrictions) skips compiling SQL only to find nothing."""
    empty = queryset.none()
    empty._result_cache, empty._prefetch_done = [], True
    return empty
