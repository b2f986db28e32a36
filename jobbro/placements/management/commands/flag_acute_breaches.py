"""Flag acute issues not answered within 24 hours to the right managers (run from cron)."""

from django.core.management.base import BaseCommand

from jobbro.placements.services import acute_flag_breaches


class Command(BaseCommand):
    help = "Flag acute issues unanswered after 24 hours to the key-account consultant's manager"

    def handle(self, *args, **options):
        count = acute_flag_breaches()
        self.stdout.write(f"{count} akutte henvendelser er meldt til lederne.\n")
