"""The site's skeleton (home page, groups, workflow, default permissions) made again.

The data migrations made it; transactional tests flush it. These functions run the
migrations' own code again, so there is one definition of the skeleton, frozen in the
migrations (which import nothing from the app).
"""

import importlib

from django.apps import apps as global_apps

JOURNALISTS, EDITORS, MODERATORS = "Journalistes", "Éditeurs", "Modérateurs"
SKELETON = ("core", "0002_site_structure_and_roles")


def run_data_migration(app_label, migration, function, apps=global_apps):
    """Runs `function(apps, None)` of a data migration of `manchette.<app_label>`."""
    module = importlib.import_module(f"manchette.{app_label}.migrations.{migration}")
    return getattr(module, function)(apps, None)


def create_home_page(apps=global_apps):
    return run_data_migration(*SKELETON, "home_page", apps)


def create_roles(apps=global_apps):
    """Journalistes write and submit, Éditeurs review and publish, Modérateurs moderate."""
    return run_data_migration(*SKELETON, "roles", apps)


def home_page():
    """The site's home page; made again with the skeleton when a test flushed it."""
    from manchette.core.models import HomePage

    return HomePage.objects.first() or HomePage.objects.get(pk=create_home_page().pk)


def sync_site(site_url=None):
    """Points the default Wagtail Site at SITE_URL (its host and port): Wagtail builds its
    absolute URLs (the sitemap's, `full_url`) from the Site, the rest of the app from
    SITE_URL, and both must name the same address. Idempotent; True when it changed the Site.

    Run at every start (`manage.py sync_site`: scripts/serve.sh, seed_demo, the systemd
    unit), not on import: starting a process never writes to the database by surprise.
    """
    from urllib.parse import urlsplit

    from django.conf import settings
    from wagtail.models import Site

    from manchette.core.caching.purge import purge_site

    address = urlsplit(site_url or settings.SITE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    purge_site()  # the sitemap and feeds kept in the cache named the old address
    return True
