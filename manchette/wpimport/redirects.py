"""Every old WordPress address answers 301 to its new page (wagtail.contrib.redirects).

Wagtail's RedirectMiddleware answers the addresses that are 404 here; WordPress's query
addresses (`/?p=4`, `/?page_id=4`, `/?cat=3`…) hit the home page, which answers 200, so
`WordPressQueryMiddleware` looks them up first.
"""

from urllib.parse import urlsplit

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
    new_path = Redirect.normalise_path(page.url if page is not None else link or "/")
    paths = {old_path(url) for url in ([urls] if isinstance(urls, str) else urls) if url}
    paths.discard(new_path)  # the new page answers at the old address itself
    if not paths:
        return
    existing = {row.old_path: row for row in Redirect.objects.filter(old_path__in=paths, site=None)}
    wanted = (page.pk if page is not None else None, link or "")
    for row in existing.values():
        same = (row.redirect_page_id, row.redirect_link or "") == wanted
        report.redirects["unchanged" if same else "kept_existing"] += 1
    fresh = [
        Redirect(
            old_path=path,
            site=None,
            redirect_page=page,
            redirect_link=link or "",
            is_permanent=True,
        )
        for path in sorted(paths - existing.keys())
    ]
    Redirect.objects.bulk_create(fresh)
    report.redirects["created"] += len(fresh)


def target_of(url):
    """The page id an old address redirects to, or None."""
    row = Redirect.objects.filter(old_path=old_path(url), site=None).only("redirect_page_id")
    first = row.first()
    return first.redirect_page_id if first else None


class WordPressQueryMiddleware:
    """`/?p=4` and its kin: a 301 to the imported page instead of the home page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and QUERY_KEYS.intersection(request.GET):
            redirect = (
                Redirect.objects.filter(
                    old_path=Redirect.normalise_path(request.get_full_path()), site=None
                )
                .select_related("redirect_page")
                .first()
            )
            if redirect is not None and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
