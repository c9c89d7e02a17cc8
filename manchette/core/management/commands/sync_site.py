"""`manage.py sync_site`: the Wagtail Site follows SITE_URL (run at every start)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from manchette.core.site_structure import sync_site


class Command(BaseCommand):
    help = "Points the default Wagtail Site at SITE_URL (idempotent)."

    def handle(self, *args, **options):
        changed = sync_site()
        if options["verbosity"]:
            state = "updated" if changed else "already"
            self.stdout.write(f"Wagtail site {state} at {settings.SITE_URL}")
