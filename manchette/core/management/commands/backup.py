"""`manage.py backup`: the database and the media in one timestamped archive (core/backups.py)."""

from django.core.management.base import BaseCommand, CommandError

from manchette.core.backups import BackupError, make_backup


class Command(BaseCommand):
    help = "Backs up the database (online) and the media into a timestamped archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Folder of the archive (default: VAR_DIR/backups).")

    def handle(self, *args, **options):
        try:
            archive = make_backup(options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(archive))
