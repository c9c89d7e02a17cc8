from django.core.cache import cache


def site_chrome(request):
    """What every public page shows: site settings, sections menu, live flash items."""
    from manchette.core.models import SiteSettings
    from manchette.news.models import Flash, SectionPage

    nav = cache.get("chrome:nav")
    if nav is None:
        nav = [
            {"title": s.title, "url": s.url, "slug": s.slug}
            for s in SectionPage.objects.live().order_by("menu_order", "title")
        ]
        cache.set("chrome:nav", nav, timeout=3600)
    return {
        "site_settings": SiteSettings.current(),
        "nav_sections": nav,
        "flash_items": Flash.objects.chrome()["items"],
    }
