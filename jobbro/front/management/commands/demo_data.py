"""`jobbro demo_data`: build the fictional demo municipality (jobbro.demo.build).

`--citizens 50000 --reset` builds the same municipality at national scale for measuring.
"""

import datetime as dt
from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from jobbro.accounts.models import Team, User
from jobbro.audit.models import AccessLogEntry
from jobbro.citizens.models import Citizen, TimelineEvent
from jobbro.companies.models import Company
from jobbro.demo.build import HEDENSTED_CITIZENS, build
from jobbro.meetings.models import Meeting
from jobbro.mentoring.models import Mentor
from jobbro.placements.models import Placement
from jobbro.programmes.models import ProgrammeChange


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise ArgumentTypeError(f"{text!r} er ikke en dato på formen ÅÅÅÅ-MM-DD") from e


class Command(BaseCommand):
    help = "Byg den fiktive demokommune: teams, brugere, borgere og deres tidslinjer."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2017, help="samme seed, samme data")
        parser.add_argument(
            "--citizens",
            type=int,
            default=HEDENSTED_CITIZENS,
            help="antal borgere (standard: Hedensteds 280 flygtninge og 178 familiesammenførte)",
        )
        parser.add_argument(
            "--today", type=_date, default=None, help="datoen data bygges ud fra (ÅÅÅÅ-MM-DD)"
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="slet først alle borgere, tidslinjer, brugere og teams",
        )

    def handle(self, *args, seed, citizens, today, reset, **options):
        if citizens < 0:
            raise CommandError("Antallet af borgere kan ikke være negativt.")
        with transaction.atomic():
            if reset:
                self.reset()
            elif User.objects.exists() or Citizen.objects.exists():
                raise CommandError(
                    "Databasen har allerede brugere eller borgere. Brug --reset for at slette "
                    "dem og bygge demokommunen forfra."
                )
            build(
                seed=seed,
                citizens=citizens,
                today=today or timezone.localdate(),
                stdout=self.stdout,
            )

    def reset(self) -> None:
        # The access log is append-only and points at the users: a database that has one
        # has been used, and its history must not be erased to make room for demo data.
        if AccessLogEntry.objects.exists():
            raise CommandError(
                "Adgangsloggen er ikke tom, og den kan ikke slettes. Demodata kan derfor ikke "
                "nulstilles i denne database; byg demokommunen i en ny database."
            )
        # Only primary keys are loaded: deleting must not decrypt 50,000 CPR numbers.
        TimelineEvent.objects.all().delete()
        # Meetings (with their agendas and minutes) protect the users who held them.
        Meeting.objects.all().delete()
        # Placements protect their citizens; with them go plans, follow-ups and the rest.
        Placement.objects.all().delete()
        Citizen.objects.only("pk").delete()  # with their mentor matches and meetings
        Mentor.objects.all().delete()  # the mentor corps (protects its users)
        # The programmes' edit log protects its users and its manager refuses deletes: in a
        # database whose access log is empty (checked above) it holds only the demo's edits.
        QuerySet(model=ProgrammeChange).delete()
        Company.objects.all().delete()  # with its openings, contacts, logs and surveys
        User.objects.only("pk").delete()
        Team.objects.all().delete()
        self.stdout.write(
            "Eksisterende borgere, tidslinjer, virksomheder, brugere og teams er slettet."
        )
