from django.utils.functional import SimpleLazyObject

from manchette.core.caching.versions import shared_get, shared_set, under_site_version
from manchette.news.models import Flash, SectionPage


def nav_sections():
    """The menu's sections (title, url, slug), from the shared cache (one query a purge)."""
    key = under_site_version("chrome:nav")
    sections = shared_get(key)
    if sections is None:
        sections = [
            {"title": s.title, "url": s.url, "slug": s.slug}
            for s in SectionPage.objects.visible().order_by("menu_order", "title")
        ]
        shared_set(key, sections, timeout=3600)
    return sections


def news_chrome(request):
    """What every public page shows of the news: the sections menu and the live flash items."""
    return {
        # Lazy: read only when the header is rendered, not when it comes from the cache.
        "nav_sections": SimpleLazyObject(nav_sections),
        "flash_items": Flash.objects.chrome()["items"],
    }
