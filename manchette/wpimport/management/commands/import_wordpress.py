"""manage.py import_wordpress EXPORT.xml[.gz]… [--uploads DIR] [--wpdiscuz DIR] [--dry-run]
[--report FILE.json]: exit 0 when everything went in, 1 when some items failed, 2 when a file
was refused or cut short."""

import sys

from django.core.management.base import BaseCommand

from manchette.wpimport.importer import Importer


class Command(BaseCommand):
    help = "Importe un site WordPress (export WXR, fichiers joints, commentaires wpDiscuz)."

    def add_arguments(self, parser):
        parser.add_argument(
            "exports", nargs="+", help="Fichiers d’export WordPress (.xml, .xml.gz)."
        )
        parser.add_argument("--uploads", help="Copie du dossier wp-content/uploads.")
        parser.add_argument("--wpdiscuz", help="Dossier des extractions TSV des tables wpDiscuz.")
        parser.add_argument("--dry-run", action="store_true", help="Tout lire, ne rien garder.")
        parser.add_argument("--report", help="Écrire le rapport en JSON dans ce fichier.")

    def handle(self, *args, **options):
        interactive = hasattr(self.stdout, "isatty") and self.stdout.isatty()
        last = {"shown": -1}

        def progress(number, path, fraction):
            percent = int(fraction * 100)
            if interactive and percent != last["shown"]:
                last["shown"] = percent
                filled = percent * 30 // 100
                bar = "█" * filled + "·" * (30 - filled)
                self.stdout.write(f"\rPasse {number}/2 [{bar}] {percent} % {path}", ending="")
                sys.stdout.flush()

        importer = Importer(
            options["exports"],
            uploads=options["uploads"],
            wpdiscuz=options["wpdiscuz"],
            progress=progress,
        )
        report = importer.run(dry_run=options["dry_run"])
        if interactive:
            self.stdout.write("")
        for line in report.lines():
            self.stdout.write(line)
        if options["report"]:
            report.write_json(options["report"])
        if report.exit_code:
            sys.exit(report.exit_code)
