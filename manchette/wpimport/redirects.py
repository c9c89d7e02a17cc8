"""Every old WordPress address answers 301 to its new page (wagtail.contrib.redirects).

Wagtail's RedirectMiddleware answers the addresses that are 404 here; WordPress's query
addresses (`/?p=4`, `/?page_id=4`, `/?cat=3`…) hit the home page, which answers 200, so
`WordPressQueryMiddleware` looks them up first.
"""

from urllib.parse import urlencode, urlsplit

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect

QUERY_KEYS = {"p", "page_id", "cat", "tag", "author", "attachment_id", "feed"}


def old_path(url):
    """The path (and query) of an old address, normalised as Wagtail stores redirects."""
    parts = urlsplit(url or "")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Redirect.normalise_path(path)


def add(report, urls, page=None, link=None):
    """Permanent redirects from each old address to `page` (or `link`), in two queries;
    an address that already redirects somewhere is left alone."""
    add_groups(report, [(urls, page, link)])


def add_groups(report, groups):
    """`add` for several (urls, page, link) at once: still two queries."""
    wanted = {}  # old path → (page, link)
    for urls, page, link in groups:
        new_path = Redirect.normalise_path(page.url if page is not None else link or "/")
        for url in [urls] if isinstance(urls, str) else urls:
            path = old_path(url) if url else None
            if path and path != new_path:  # the new page answers at the old address itself
                wanted.setdefault(path, (page, link or ""))
    if not wanted:
        return
    existing = Redirect.objects.filter(old_path__in=wanted, site=None)
    existing = {
        row.old_path: row for row in existing.only("old_path", "redirect_page_id", "redirect_link")
    }
    for path, row in existing.items():
        page, link = wanted[path]
        same = (row.redirect_page_id, row.redirect_link or "") == (
            page.pk if page is not None else None,
            link,
        )
        report.redirects["unchanged" if same else "kept_existing"] += 1
    fresh = [
        Redirect(
            old_path=path,
            site=None,
            redirect_page=page,
            redirect_link=link,
            is_permanent=True,
        )
        for path, (page, link) in sorted(wanted.items(), key=lambda pair: pair[0])
        if path not in existing
    ]
    Redirect.objects.bulk_create(fresh)
    report.redirects["created"] += len(fresh)


def target_of(url):
    """The page id an old address redirects to, or None."""
    rows = Redirect.objects.filter(old_path=old_path(url), site=None).only("redirect_page_id")
    first = next(iter(rows[:1]), None)
    return first.redirect_page_id if first else None


class WordPressQueryMiddleware:
    """`/?p=4` and its kin: a 301 to the imported page instead of the home page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        keys = QUERY_KEYS.intersection(request.GET)
        if request.method in ("GET", "HEAD") and keys:
            # The address as asked, then its WordPress key alone: links shared on social
            # networks and in newsletters carry `utm_…` and other parameters of their own.
            paths = [Redirect.normalise_path(request.get_full_path())]
            paths += [
                Redirect.normalise_path("/?" + urlencode({key: request.GET[key]}))
                for key in sorted(keys)
            ]
            rows = Redirect.objects.filter(old_path__in=paths, site=None)
            found = {row.old_path: row for row in rows.select_related("redirect_page")}
            for path in paths:
                if path in found and found[path].link:
                    return HttpResponsePermanentRedirect(found[path].link)
        return self.get_response(request)
