"""(Re)links every article to its topics, with a progress bar and the rate achieved."""

import sys
import time

from django.core.management.base import BaseCommand

from manchette.news.models import ArticlePage
from manchette.topics import nlp
from manchette.topics.linking import link_all_articles


class Command(BaseCommand):
    help = "Relie les noms des articles aux pages des sujets (tous les articles)."

    def add_arguments(self, parser):
        parser.add_argument("--live", action="store_true", help="Articles publiés seulement.")

    def handle(self, *args, **options):
        articles = ArticlePage.objects.order_by("pk")
        if options["live"]:
            articles = articles.live()
        total = articles.count()
        started = time.perf_counter()
        nlp.get_nlp()  # loaded once, outside the measured loop
        loaded = time.perf_counter()
        interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else False

        def progress(done):
            if interactive or done == total or done % 10 == 0:
                width = 30
                filled = int(width * done / total) if total else width
                bar = "█" * filled + "·" * (width - filled)
                end = "\r" if interactive and done < total else "\n"
                self.stdout.write(f"[{bar}] {done}/{total}", ending=end)
                if interactive:
                    sys.stdout.flush()

        linking_started = time.perf_counter()
        count = link_all_articles(articles, progress=progress)
        elapsed = time.perf_counter() - linking_started
        rate = count / elapsed if elapsed else 0.0
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} articles liés en {elapsed:.2f} s : {rate:.1f} articles/s "
                f"(chargement du modèle : {loaded - started:.1f} s)."
            )
        )
