"""Demo content: sections, authors, 40+ original articles with generated pictures, live flashes
and topics, read from manchette/demo/content/.

Safe to run again: it only adds what is missing and changes nothing an editor made.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from manchette.core.caching.purge import purge_site
from manchette.core.site_structure import home_page, sync_site
from manchette.demo import seeding
from manchette.news.models import Flash


class Command(BaseCommand):
    help = "Loads the demo content (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_page()
        sync_site()  # the demo's links, sitemap and feeds name SITE_URL
        seeding.seed_site_settings()
        sections = seeding.seed_sections(home)
        authors = seeding.seed_authors(home)
        articles, created = seeding.seed_articles(sections, authors)
        seeding.seed_flashes(articles)
        topics_created, linked = seeding.seed_topics()
        purge_site()
        self.stdout.write(f"Sujets : {topics_created} créés, {linked} articles liés.")
        self.stdout.write(
            f"Contenu de démonstration : {len(sections)} rubriques, {len(authors)} auteurs, "
            f"{len(articles)} articles ({created} créés), {Flash.objects.count()} flashs."
        )
