from datetime import timedelta
from html import escape

from django.conf import settings
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from wagtail.models import Page, Site

from manchette.core.caching.lifetime import mark_cacheable
from manchette.core.visibility import visible_q
from manchette.news.models import ArticlePage

NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_MAX_URLS = 1000


# Google reads at most 50,000 URLs per sitemap file. File N lists the public pages whose id is
# in ((N - 1) × SITEMAP_MAX_URLS, N × SITEMAP_MAX_URLS]: at most that many URLs, each file a
# range of the primary key (no OFFSET, no COUNT: the index asks only for the largest id), and a
# page stays in its file for life.
SITEMAP_MAX_URLS = 50_000


def sitemap_files():
    """How many files the sitemap has (1 for an empty site): one per id range up to the
    largest page id."""
    largest = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return max(1, -(-largest // SITEMAP_MAX_URLS))


def sitemap_paths():
    """The index and every file of the sitemap: what a publication may change."""
    return ["/sitemap.xml", *(f"/sitemap-{n}.xml" for n in range(1, sitemap_files() + 1))]


def sitemap_index(request):
    """The sitemap index: one file per SITEMAP_MAX_URLS page ids."""
    locations = [f"{settings.SITE_URL}/sitemap-{n}.xml" for n in range(1, sitemap_files() + 1)]
    response = render(
        request,
        "news/sitemap_index.xml",
        {"locations": locations},
        content_type="application/xml; charset=utf-8",
    )
    return mark_cacheable(response)


def _url(location, day):
    modified = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
    return f"<url><loc>{escape(location)}</loc>{modified}</url>\n"


def sitemap(request, number):
    """File `number` of the sitemap: the public pages of the request's site in its id range,
    with Wagtail's address (the Site's root URL) and date of last publication.

    Read as three columns per page and written as text: 50,000 pages as Wagtail objects
    (`Page.get_sitemap_urls`, through a template) took seconds of a worker's time."""
    if not 1 <= number <= sitemap_files():
        raise Http404
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.url_path
    pages = (
        Page.objects.filter(visible_q())
        .filter(
            pk__gt=(number - 1) * SITEMAP_MAX_URLS,
            pk__lte=number * SITEMAP_MAX_URLS,
            url_path__startswith=root,
        )
        .order_by("pk")
        # The day of the last publication, in the site's time zone, worked out by the
        # database: 50,000 datetimes read and converted in Python took a second.
        .annotate(day=TruncDate(Coalesce("last_published_at", "latest_revision_created_at")))
        .values_list("url_path", "day")
    )
    base = site.root_url + "/"
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
        *(
            _url(base + url_path[len(root) :], day)
            for url_path, day in pages.iterator(chunk_size=5000)
        ),
        "</urlset>\n",
    ]
    response = HttpResponse("".join(parts), content_type="application/xml; charset=utf-8")
    return mark_cacheable(response)


def relative_url(url_path, roots):
    """A page's address as Wagtail writes it for the site its path is under (the most
    specific root first, as `Site.get_site_root_paths` lists them), or None."""
    for root in roots:
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return None


def news_sitemap(request):
    """Google News sitemap: articles of the last 48 hours, 1,000 at most (Google's limits),
    read as three columns each (the index on first publication finds them)."""
    from manchette.core.models import SiteSettings

    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    rows = ArticlePage.objects.published_since(since).order_by("-first_published_at", "-pk")
    roots = Site.get_site_root_paths()  # Wagtail keeps them in the cache
    articles = [
        {"url": url, "title": title, "first_published_at": published}
        for url_path, title, published in rows.values_list(
            "url_path", "title", "first_published_at"
        )[:NEWS_SITEMAP_MAX_URLS]
        if (url := relative_url(url_path, roots)) is not None
    ]
    response = render(
        request,
        "news/news_sitemap.xml",
        {
            "articles": articles,
            "site_url": settings.SITE_URL,
            "publication": SiteSettings.current().site_name,
        },
        content_type="application/xml; charset=utf-8",
    )
    return mark_cacheable(response)


def robots_txt(request):
    response = render(
        request,
        "robots.txt",
        {"site_url": settings.SITE_URL},
        content_type="text/plain; charset=utf-8",
    )
    return mark_cacheable(response)
