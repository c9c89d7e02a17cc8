"""`manage.py restore ARCHIVE`: puts back what `manage.py backup` saved (core/backups.py)."""

from django.core.management.base import BaseCommand, CommandError

from manchette.core.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restores the database and the media from an archive made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--replace", action="store_true", help="Replace a database that holds a site."
        )

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(options["archive"], replace=options["replace"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
