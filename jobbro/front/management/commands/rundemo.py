"""`jobbro demo`: migrate, load the demo municipality if the database is empty, print one
login per role and serve on http://127.0.0.1:8000."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from jobbro.accounts.models import User


class Command(BaseCommand):
    help = "Set up and serve the demo municipality on http://127.0.0.1:8000"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2017)
        parser.add_argument("--citizens", type=int, default=None)
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="set up, print, stop")

    def handle(self, *args, **opts):
        from jobbro.demo.build import DEMO_PASSWORD, demo_logins

        call_command("migrate", interactive=False, verbosity=0)
        if not User.objects.exists():
            self.stdout.write("Bygger demokommunen …")
            extra = {} if opts["citizens"] is None else {"citizens": opts["citizens"]}
            call_command("demo_data", seed=opts["seed"], stdout=self.stdout, **extra)
        self.stdout.write("")
        self.stdout.write(f"Jobbro kører på http://{opts['addr']}/")
        self.stdout.write("Demo-logins, én pr. rolle:")
        for role_label, username in demo_logins():
            self.stdout.write(f"{role_label}: {username} / {DEMO_PASSWORD}")
        self.stdout.write("")
        if opts["no_serve"]:
            return
        # Background tasks (the caseload proposal) run in this process: no worker to start.
        from jobbro.matching.worker import start_in_process

        start_in_process()
        call_command("runserver", opts["addr"], use_reloader=False, use_threading=True)
