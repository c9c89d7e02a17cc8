from datetime import timedelta

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from manchette.core.caching.lifetime import mark_cacheable
from manchette.news.models import ArticlePage

NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_MAX_URLS = 1000


# Google reads at most 50,000 URLs per sitemap file: the site's pages are split into files of
# that many, each named by the index at /sitemap.xml.
SITEMAP_MAX_URLS = 50_000


class PagesSitemap(Sitemap):
    """Wagtail's sitemap of the public pages, in files of SITEMAP_MAX_URLS."""

    @property
    def limit(self):
        return SITEMAP_MAX_URLS


def sitemap_files():
    """How many files the public pages take (1 for an empty site)."""
    return max(1, PagesSitemap().paginator.num_pages)  # no request: the default site


def sitemap_paths():
    """The index and every file of the sitemap: what a publication may change."""
    return ["/sitemap.xml", *(f"/sitemap-{n}.xml" for n in range(1, sitemap_files() + 1))]


def sitemap_index(request):
    """The sitemap index: one file per SITEMAP_MAX_URLS public pages."""
    files = max(1, PagesSitemap(request).paginator.num_pages)
    locations = [f"{settings.SITE_URL}/sitemap-{n}.xml" for n in range(1, files + 1)]
    response = render(
        request,
        "news/sitemap_index.xml",
        {"locations": locations},
        content_type="application/xml; charset=utf-8",
    )
    return mark_cacheable(response)


def sitemap(request, number):
    """File `number` of the sitemap (Wagtail's URLs of the public pages, in tree order)."""
    try:
        urls = PagesSitemap(request).get_urls(page=number, site=RequestSite(request))
    except EmptyPage as error:
        raise Http404 from error
    response = render(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml; charset=utf-8"
    )
    return mark_cacheable(response)


def news_sitemap(request):
    """Google News sitemap: articles of the last 48 hours, 1,000 at most (Google's limits)."""
    from manchette.core.models import SiteSettings

    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    articles = ArticlePage.objects.published_since(since).order_by("-first_published_at")[
        :NEWS_SITEMAP_MAX_URLS
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
