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
