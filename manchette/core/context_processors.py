from manchette.core.models import SiteSettings


def site_settings(request):
    """The newsroom's settings (name, social accounts, policies), on every page."""
    return {"site_settings": SiteSettings.current()}
