"""Listing pages (`?page=N`): only the pages that exist, each under one address.

Django's `Paginator.get_page` answers any value with some page (the last for a number too
large, the first for a word): every `?page=<random>` was then a page of its own, kept by the
page cache. Here a page number is a positive integer written the one way (`2`, not `02` or
`+2`), beyond the last page is a 404, and page 1 is the address without `?page=`.
"""

import re

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404

PAGE_PARAM = "page"
# Marks a request whose view reads `?page=` strictly: only then may the page cache keep the
# `?page=` variants of its address (see `manchette.core.caching.pages`).
PAGINATED = "_manchette_paginated"
_NUMBER = re.compile(r"[1-9][0-9]{0,6}")


def page_number(request):
    """The page number asked for (1 without `?page=`); Http404 for any other spelling."""
    setattr(request, PAGINATED, True)
    raw = request.GET.get(PAGE_PARAM)
    if raw is None:
        return 1
    if not _NUMBER.fullmatch(raw):
        raise Http404
    return int(raw)


def page_of(items, number, per_page):
    """Page `number` of `items`; Http404 past the last page (page 1 of nothing exists)."""
    try:
        return Paginator(items, per_page).page(number)
    except EmptyPage as error:
        raise Http404 from error


def get_page(request, items, per_page):
    return page_of(items, page_number(request), per_page)


def is_paginated(request):
    return getattr(request, PAGINATED, False)


class ListingPage:
    """A page of a listing (rubrique, author, topic), read without counting the listing.

    A COUNT over an archive of 200,000 articles on every cache miss, only to print "sur N",
    costs more than the page. Instead, the page's keys are read with one more (is there a next
    page?), from the listing's order alone, then only those rows with what teasers show.
    """

    paginator = None  # no total: the template prints "Page N" alone

    def __init__(self, object_list, number, has_next):
        self.object_list = object_list
        self.number = number
        self.has_next = has_next
        self.has_previous = number > 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        return self.object_list[index]

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def listing_page(items, number, per_page):
    """Page `number` of the queryset `items` (ordered); Http404 past the last page."""
    start = (number - 1) * per_page
    keys = list(items.values_list("pk", flat=True)[start : start + per_page + 1])
    if not keys:
        if number > 1:
            raise Http404
        return ListingPage([], number, has_next=False)
    return ListingPage(list(items.filter(pk__in=keys[:per_page])), number, len(keys) > per_page)


def get_listing_page(request, items, per_page):
    return listing_page(items, page_number(request), per_page)
