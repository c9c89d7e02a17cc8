"""What the public may see: live pages outside every view restriction.

Wagtail's `.live()` keeps private pages (password, signed-in readers, groups); `.public()`
reads the restrictions in a query of its own each time. Here the restriction is one
condition (NOT EXISTS over the small restrictions table) of the query that selects the
pages, added only while the site has a private page (most have none: the flag is read
from the shared cache, see `any_view_restriction`, and dropped by every restriction change).

Every reader-facing selection of pages (listings, feeds, sitemaps, search, e-mails,
comment and reaction endpoints, topics) goes through `visible_q` / `.visible()`.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageQuerySet, PageViewRestriction

from manchette.core.caching.restrictions import any_view_restriction


def under_restriction(prefix=""):
    """True for a page that a view restriction covers: one set on the page itself or on
    any of its ancestors (a Wagtail path begins with the path of each ancestor).

    `prefix` reaches the page through a relation (e.g. "article__")."""
    path = OuterRef(f"{prefix}path")
    return Exists(
        PageViewRestriction.objects.filter(page__path=Substr(path, 1, Length("page__path")))
    )


def visible_q(prefix=""):
    """The condition "visible to the public" on a page, or on one reached by `prefix`."""
    condition = Q(**{f"{prefix}live": True})
    # The NOT EXISTS only while the site has a private page: PostgreSQL planned the front
    # page's window query 6 times slower with it (388 against 67 ms, 300 articles), even
    # over an empty restrictions table. A restriction's change drops the flag (purge_site).
    if any_view_restriction():
        condition &= ~under_restriction(prefix)
    return condition


def is_restricted_q():
    """The condition "under a view restriction", or None while the site has no private page."""
    return under_restriction() if any_view_restriction() else None


def is_restricted(page_id):
    """Whether a view restriction covers the page. For the endpoints that look a page up
    without the ORM (posting a comment): a query only when the site has a private page."""
    if not any_view_restriction():
        return False
    return Page.objects.filter(pk=page_id).filter(under_restriction()).exists()


class VisiblePageQuerySet(PageQuerySet):
    def visible(self):
        """Live pages the public may see: not under any view restriction."""
        return self.filter(visible_q())
