from django.utils.functional import SimpleLazyObject

from manchette.core.cache import shared_get, shared_set


def site_chrome(request):
    """What every public page shows: site settings, sections menu, live flash items."""
    from manchette.core.models import SiteSettings
    from manchette.news.models import Flash, SectionPage

    def nav():
        sections = shared_get("chrome:nav")
        if sections is None:
            sections = [
                {"title": s.title, "url": s.url, "slug": s.slug}
                for s in SectionPage.objects.visible().order_by("menu_order", "title")
            ]
            shared_set("chrome:nav", sections, timeout=3600)
        return sections

    return {
        "site_settings": SiteSettings.current(),
        # Lazy: read only when the header is rendered, not when it comes from the cache.
        "nav_sections": SimpleLazyObject(nav),
        "flash_items": Flash.objects.chrome()["items"],
    }
