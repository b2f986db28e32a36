"""The demo's language buddies (seed 002, Esbjerg): a colleague on some ongoing internships."""

import datetime as dt
import random

from jobbro.mentoring.models import LanguageBuddy
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus

from . import names

SHARE = 0.4  # of the active internships
TITLES = ["Lagermedarbejder", "Kok", "Social- og sundhedshjælper", "Butiksassistent", "Gartner"]


def build_mentoring(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-mentoring")
    internships = list(
        Placement.objects.filter(
            kind=PlacementKind.INTERNSHIP,
            status=PlacementStatus.ACTIVE,
            starts_on__lte=today,
            company__isnull=False,
        )
        .order_by("pk")
        .only("pk", "starts_on", "ambassador_id", "citizen__case_worker_id")
        .select_related("citizen")
    )
    chosen = rng.sample(internships, round(len(internships) * SHARE)) if internships else []
    buddies = []
    for placement in sorted(chosen, key=lambda p: p.pk):
        by = placement.ambassador_id or placement.citizen.case_worker_id
        if by is None:
            continue
        first = rng.choice(rng.choice((names.STAFF_FEMALE, names.STAFF_MALE)))
        last = rng.choice(names.STAFF_LAST)
        start = placement.starts_on + dt.timedelta(days=rng.randint(3, 14))
        buddies.append(
            LanguageBuddy(
                placement=placement,
                name=f"{first} {last}",
                job_title=rng.choice(TITLES),
                language_teacher="Sprogcentrets virksomhedsunderviser",
                started_on=min(start, today),
                created_by_id=by,
            )
        )
    LanguageBuddy.objects.bulk_create(buddies)
    if stdout is not None:
        stdout.write(f"Sprogmakkere: {len(buddies)}.\n")
