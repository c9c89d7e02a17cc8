"""Every old WordPress address answers 301 to its new page (wagtail.contrib.redirects).

Wagtail's RedirectMiddleware answers the addresses that are 404 here; WordPress's query
addresses (`/?p=4`, `/?page_id=4`, `/?cat=3`…) hit the home page, which answers 200, so
`WordPressQueryMiddleware` looks them up first. It also answers the copies WordPress made
of each upload (`photo-300x200.jpg`, `photo-scaled.jpg`, `photo-1024x683.webp`…), which
have no redirect of their own: they lead where the original leads.
"""

import re
from urllib.parse import urlencode, urlsplit

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect

QUERY_KEYS = {"p", "page_id", "cat", "tag", "author", "attachment_id", "feed"}
UPLOADS = "/wp-content/uploads/"
# A copy's name: the original's stem, WordPress's suffixes, its extension (and the extra one
# of plugins that write a WebP or AVIF copy next to the file: `photo.jpg.webp`).
UPLOAD_COPY = re.compile(
    r"^(?P<stem>.+?)(?P<edited>-e\d{10,13})?(?:-(?:\d{1,5}x\d{1,5}|scaled|rotated))?"
    r"\.(?P<ext>[A-Za-z0-9]{2,5})(?:\.(?:webp|avif))?$"
)
# The original may have another extension than its copy (a WebP copy of a JPEG).
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "avif", "JPG", "JPEG", "PNG")


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
    """`/?p=4` and its kin: a 301 to the imported page instead of the home page; a copy of
    an imported upload that nothing else answers (404): a 301 to the imported file."""

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
                row = found.get(path)
                # Not to a page the public cannot read (scheduled, or unpublished since): an
                # id that leads nowhere public answers as an unknown one, with the home page.
                if (
                    row is not None
                    and row.link
                    and (row.redirect_page is None or row.redirect_page.live)
                ):
                    return HttpResponsePermanentRedirect(row.link)
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.method in ("GET", "HEAD")
            and request.path.startswith(UPLOADS)
        ):
            link = upload_copy_link(request.path)
            if link:
                return HttpResponsePermanentRedirect(link)
        return response


def upload_originals(path):
    """The addresses the original of an upload copy may have had, most likely first; none
    for an address that is not a plain file name under the uploads folder."""
    relative = path[len(UPLOADS) :] if path.startswith(UPLOADS) else ""
    folder, _slash, name = relative.rpartition("/")
    segments = folder.split("/") if folder else []
    if (
        not name
        or len(path) > 500
        or any(s in ("", ".", "..") for s in segments)
        or any(c in relative for c in "\\\0?#")
    ):
        return []
    match = UPLOAD_COPY.match(name)
    if match is None:
        return []
    stem, edited, ext = match.group("stem", "edited", "ext")
    stems = [stem + edited, stem] if edited else [stem]
    extensions = dict.fromkeys([ext, ext.lower(), *IMAGE_EXTENSIONS])
    prefix = UPLOADS + (folder + "/" if folder else "")
    found = dict.fromkeys(
        f"{prefix}{s}{suffix}.{e}"
        for s in stems
        for suffix in ("", "-scaled", "-rotated")
        for e in extensions
    )
    found.pop(path, None)  # the address itself: Wagtail's middleware looked it up
    return [Redirect.normalise_path(candidate) for candidate in found]


def upload_copy_link(path):
    """Where a copy of an imported upload leads: where its original leads (the imported
    file), or None. A lookup only: no file is read, no rendition is made."""
    candidates = upload_originals(path)
    if not candidates:
        return None
    rows = Redirect.objects.filter(old_path__in=candidates, site=None).select_related(
        "redirect_page"
    )
    found = {row.old_path: row.link for row in rows}
    return next((found[c] for c in candidates if found.get(c)), None)
