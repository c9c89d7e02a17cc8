from django.urls import reverse
from wagtail import hooks

# What the search page's answer depends on, besides its path: the page cache keys it on them
# (manchette.core.caching.pages). Any other parameter bypasses the cache.
SEARCH_PARAMS = ("q", "rubrique", "du", "au", "tri", "page")


@hooks.register("manchette_cacheable_params")
def search_params():
    return {reverse("search:search"): SEARCH_PARAMS}
