from datetime import timedelta

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from manchette.core.caching.lifetime import mark_cacheable
from manchette.news.models import ArticlePage

NEWS_SITEMAP_HOURS = 48


def sitemap(request):
    response = wagtail_sitemap(request)
    response.render()
    return mark_cacheable(response)


def news_sitemap(request):
    """Google News sitemap: articles of the last 48 hours."""
    from manchette.core.models import SiteSettings

    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    articles = ArticlePage.objects.published_since(since).order_by("-first_published_at")[:1000]
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
