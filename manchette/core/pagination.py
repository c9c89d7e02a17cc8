"""Pages of lists: only the pages that exist, each under one address.

Article listings (rubrique, author, topic) page by seeking (`?avant=<id>`, `ListingPage`);
search results by number (`?page=N`). Django's `Paginator.get_page` answers any value with
some page (the last for a number too large, the first for a word): every `?page=<random>` was
then a page of its own, kept by the page cache. Here a page number is a positive integer
written the one way (`2`, not `02` or `+2`), beyond the last page is a 404, and page 1 is the
address without `?page=`; an `?avant=` names an article of the listing, or is a 404.
"""

import re

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponsePermanentRedirect

from manchette.core.ids import parse_id

PAGE_PARAM = "page"
# Marks a request whose view reads `?page=` (or `?avant=`) strictly: only then may the page
# cache keep the variants of its address (see `manchette.core.caching.pages`).
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


# Listings (rubrique, author, topic) page by "older than this article": `?avant=<id>`.
CURSOR_PARAM = "avant"
# The query parameters a paginated view reads strictly (see `manchette.core.caching.pages`).
LISTING_PARAMS = frozenset({PAGE_PARAM, CURSOR_PARAM})


class ListingPage:
    """A page of a listing (rubrique, author, topic), found by seeking, never by counting.

    Page 1 is the listing's newest articles; every other page is "the articles older than
    article X" (`?avant=X`, X the last article of the page before). Each page is one seek in
    the index on (first_published_at, id), however deep in a 200,000-article archive: no
    OFFSET, no COUNT. Such an address shows the same articles for years (a page number would
    shift by one at every publication), which suits readers' bookmarks and crawlers alike.
    """

    def __init__(self, object_list, has_next=False, cursor=None, previous_cursor=None):
        self.object_list = object_list
        self.has_next = has_next
        self.has_previous = cursor is not None
        # The `?avant=` of the previous page, or None for the listing's first page.
        self.previous_cursor = previous_cursor
        self.next_cursor = object_list[-1].pk if has_next else None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        return self.object_list[index]

    @property
    def newest(self):
        return self.object_list[0] if self.object_list else None

    @property
    def oldest(self):
        return self.object_list[-1] if self.object_list else None


ORDER = "first_published_at"


def cursor_of(request):
    """The article id of `?avant=` (None without it), or Http404 for any other spelling; marks
    the request as one whose listing parameters are read strictly."""
    setattr(request, PAGINATED, True)
    raw = request.GET.get(CURSOR_PARAM)
    if raw is None:
        return None
    if PAGE_PARAM in request.GET or not _ID.fullmatch(raw) or parse_id(raw) is None:
        raise Http404
    return int(raw)


_ID = re.compile(r"[1-9][0-9]*")


def older_than(items, moment, pk):
    """`items` after (moment, pk) in the order newest first. `first_published_at <= moment`
    bounds the index scan; the exclusion only settles ties."""
    return items.filter(**{f"{ORDER}__lte": moment}).exclude(**{ORDER: moment, "pk__gte": pk})


def newer_than(items, moment, pk):
    return (
        items.filter(**{f"{ORDER}__gte": moment})
        .exclude(**{ORDER: moment, "pk__lte": pk})
        .order_by(ORDER, "pk")
    )


def listing_page(items, cursor, per_page, members):
    """The page of `items` (visible articles, newest first: `order_by("-first_published_at",
    "-pk")`) that follows article `cursor` (None: the first page). `members` is the listing
    without the visibility rule: an article unpublished since a link named it still marks
    its place. Http404 for a cursor outside the listing or with nothing after it."""
    after = items
    if cursor is not None:
        moment = _public(members.filter(pk=cursor)).values_list(ORDER, flat=True).first()
        if moment is None:
            raise Http404
        after = older_than(items, moment, cursor)
    keys = list(after.values_list("pk", ORDER)[: per_page + 1])
    if not keys:
        if cursor is not None:
            raise Http404
        return ListingPage([])
    previous = None
    if cursor is not None:
        # The page before holds the per_page articles newer than this page's first: when
        # there are more, it is "older than the next one", else the listing's first page.
        first_pk, first_moment = keys[0]
        newer = list(
            newer_than(items, first_moment, first_pk).values_list("pk", flat=True)[: per_page + 1]
        )
        previous = newer[per_page] if len(newer) > per_page else None
    shown = [pk for pk, _ in keys[:per_page]]
    return ListingPage(list(items.filter(pk__in=shown)), len(keys) > per_page, cursor, previous)


def _public(members):
    """`members` without the view-restricted ones: a restricted article named as a place to
    start would tell that it exists, and when it was published (404 instead)."""
    from manchette.core.visibility import is_restricted_q  # visibility reads the caching app

    restricted = is_restricted_q()
    return members if restricted is None else members.filter(~restricted)


def old_page_redirect(request, items, per_page):
    """`?page=N`, the listings' addresses before `?avant=`: a permanent redirect to the same
    articles' page today (None for page 1, which is the listing's own address). Finding it
    reads the keys before the page (an OFFSET in the index): old links and bookmarks only,
    the pages themselves never link to it. Http404 for a number that names no page."""
    if PAGE_PARAM not in request.GET:
        return None
    if CURSOR_PARAM in request.GET:
        raise Http404
    number = page_number(request)
    if number == 1:
        return None
    last_before = (number - 1) * per_page - 1
    key = next(iter(items.values_list("pk", flat=True)[last_before : last_before + 1]), None)
    if key is None:
        raise Http404
    return HttpResponsePermanentRedirect(f"{request.path}?{CURSOR_PARAM}={key}")
