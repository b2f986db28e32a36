"""`jobbro restore FILE`: replace the database's contents with a backup (audit/backup.py).

Stop Jobbro first. Afterwards: `jobbro migrate` (if the backup is older than the code),
`jobbro db_runtime_role --apply` on PostgreSQL, and `jobbro verify_access_log`.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from jobbro.audit.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database's contents with the backup in FILE"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="do not ask for confirmation",
        )  # fmt: skip

    def handle(self, *args, **opts):
        if opts["interactive"]:
            answer = input(
                "Alt i databasen erstattes af sikkerhedskopien. Skriv 'ja' for at fortsætte: "
            )
            if answer.strip().lower() != "ja":
                raise CommandError("Afbrudt: intet er ændret.")
        try:
            restore(opts["file"])
        except (BackupError, OSError) as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"Gendannet fra {opts['file']}. Adgangsloggens kæde:")
        call_command("verify_access_log", stdout=self.stdout)
