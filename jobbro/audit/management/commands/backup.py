"""`jobbro backup FILE`: a consistent copy of the whole database (see audit/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from jobbro.audit.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the whole database to FILE (pg_dump, or SQLite's backup API)"

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup (made readable by you only)")

    def handle(self, *args, **opts):
        try:
            backup(opts["file"])
        except (BackupError, OSError) as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"Sikkerhedskopi skrevet til {opts['file']}")
