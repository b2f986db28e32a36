"""Repeated progression assessments for the demo municipality (PRODUCT.md capability 6).

Most of the ambassador project's citizens and some others are measured every 6–10 weeks
from a few weeks after their effort started: most rise, some stand still or fall back, the
citizen often rates themself higher than the workplace at first, and the workplace often
scores only when the citizen is in a placement. Everything comes from the shared
`random.Random`, so the same seed builds the same curves.
"""

import datetime as dt
import random

from django.utils import timezone

from jobbro.accounts.models import Role, User
from jobbro.assessments.models import (
    Assessment,
    EntryChannel,
    Instrument,
    RaterKind,
    Rating,
    Score,
)
from jobbro.assessments.services import series_rebuild
from jobbro.citizens.models import Citizen
from jobbro.programmes.selectors import in_ambassador_project

from . import bulk
from .bulk import insert_rows

CHUNK = 2000  # citizens per round of bulk inserts, so 50,000 citizens stay within memory
REINVESTMENT = "Progressionsmåling, 12 punkter (Geninvesteringsprojekt Integration)"
INTRO = "Hedensteds introforløb"

_NEXT_STEPS = (
    "Fortsætter i praktik; øger fra {h} til {h2} timer om ugen.",
    "Aftalt sprogmakker på arbejdspladsen og ekstra danskundervisning om tirsdagen.",
    "Drøftet fremmøde: borgeren ringer før kl. 8 ved sygdom. Opfølgning om fire uger.",
    "Borgeren vil gerne prøve køkkenarbejde; ambassadøren kontakter virksomheden.",
    "Arbejdspladsen vil se på lønnede timer ved næste måling.",
    "Fokus på at arbejde selvstændigt: fast opgaveliste for hver dag.",
)


def build_assessments(rng: random.Random, *, today: dt.date, stdout=None) -> int:
    instruments = {i.name: i.current for i in Instrument.objects.all()}
    if REINVESTMENT not in instruments:
        return 0
    versions = [instruments[REINVESTMENT], instruments.get(INTRO)]
    shapes = {}
    for v in versions:
        if v is not None:
            shapes[v.pk] = (
                list(v.items.values_list("pk", flat=True)),
                {r.kind: r for r in v.raters.all()},
            )
    ambassadors = list(User.objects.filter(role=Role.AMBASSADOR).order_by("pk"))
    placements = _placements()
    rows = (
        Citizen.objects.filter(effort_started_at__isnull=False)
        .annotate(in_project=in_ambassador_project())
        .order_by("pk")
        .values_list("pk", "in_project", "effort_started_at", "case_worker_id")
    )
    made = 0
    batch: list[tuple] = []
    for row in rows.iterator(chunk_size=CHUNK):
        batch.append(row)
        if len(batch) >= CHUNK:
            made += _build_chunk(rng, batch, today, versions, shapes, ambassadors, placements)
            batch = []
    if batch:
        made += _build_chunk(rng, batch, today, versions, shapes, ambassadors, placements)
    series_rebuild()  # the stored series the measures read, as the services keep them
    if stdout is not None:
        stdout.write(f"  {made} progressionsmålinger\n")
    return made


def _placements() -> dict[int, list]:
    """The demo's placements per citizen, if the placements part has built any."""
    from jobbro.placements.models import Placement

    out: dict[int, list] = {}
    for p in Placement.objects.order_by("starts_on").values_list(
        "pk", "citizen_id", "starts_on", "ends_on"
    ):
        out.setdefault(p[1], []).append(p)
    return out


def _build_chunk(rng, rows, today, versions, shapes, ambassadors, placements) -> int:
    plans = []  # (assessment, [(kind, user, [values])], )
    for cid, in_project, effort_at, case_worker_id in rows:
        if rng.random() > (0.8 if in_project else 0.25):
            continue
        start = effort_at.date() + dt.timedelta(days=rng.randint(14, 35))
        if (today - start).days < 45:
            continue
        # Hedensted's intro tool for some recent arrivals, the 12-item tool for everyone else.
        intro = versions[1] is not None and (today - start).days < 400 and rng.random() < 0.3
        version = versions[1] if intro else versions[0]
        items, raters = shapes[version.pk]
        days = [start]
        while len(days) < rng.choice((3, 4, 4, 5, 5, 6)):
            nxt = days[-1] + dt.timedelta(days=rng.randint(42, 75))
            if nxt >= today:
                break
            days.append(nxt)
        if len(days) < 2 and rng.random() < 0.5:
            continue
        staff = rng.choice(ambassadors) if in_project and ambassadors else None
        staff_id = staff.pk if staff else case_worker_id
        # The person's course: where they start, how fast they move, and how they see
        # themself. Most rise; some stand still; a few fall back (illness, a lost placement).
        base = rng.uniform(1.4, 2.8)
        kind = rng.random()
        slope = (
            rng.uniform(0.25, 0.6)
            if kind < 0.68
            else rng.uniform(-0.1, 0.08)
            if kind < 0.9
            else rng.uniform(-0.35, -0.1)
        )
        item_offset = [rng.uniform(-0.7, 0.7) for _ in items]
        self_bias = rng.choice((0.0, 0.4, 0.8, 1.2))
        site_bias = rng.uniform(-0.4, 0.3)
        for n, day in enumerate(days):
            placement = _placement_on(placements.get(cid, ()), day)
            level = base + slope * n
            entries = []
            advisor = [_score(rng, level + o) for o in item_offset]
            entries.append((RaterKind.ADVISOR, staff_id, EntryChannel.STAFF, advisor))
            if RaterKind.CITIZEN in raters and rng.random() < 0.85:
                bias = self_bias * max(0.2, 1 - 0.25 * n)
                values = [_score(rng, level + o + bias) for o in item_offset]
                entries.append((RaterKind.CITIZEN, staff_id, EntryChannel.SELF, values))
            if RaterKind.OFFER_SITE in raters and rng.random() < (0.85 if placement else 0.35):
                values = [_score(rng, level + o + site_bias) for o in item_offset]
                entries.append((RaterKind.OFFER_SITE, staff_id, EntryChannel.STAFF, values))
            next_steps = ""
            if rng.random() < 0.6:
                h = rng.choice((10, 15, 20))
                next_steps = rng.choice(_NEXT_STEPS).format(h=h, h2=h + 5)
            given = [v for *_e, values in entries for v in values]
            assessment = Assessment(
                citizen_id=cid,
                version=version,
                placement_id=placement,
                assessed_on=day,
                next_steps=next_steps,
                mean=sum(given) / len(given),
                created_by_id=staff_id,
            )
            plans.append((assessment, entries, items, raters))
    bulk.create([p[0] for p in plans])
    ratings: list[Rating] = []
    score_rows: list[tuple[list[int], list[int]]] = []
    for assessment, entries, items, raters in plans:
        for kind, user_id, channel, scores in entries:
            ratings.append(
                Rating(
                    assessment=assessment,
                    rater=raters[kind],
                    entered_by_id=user_id,
                    entered_at=dt.datetime.combine(
                        assessment.assessed_on, dt.time(10), tzinfo=timezone.get_default_timezone()
                    ),
                    channel=channel,
                )
            )
            score_rows.append((items, scores))
    bulk.create(ratings)
    insert_rows(  # millions of rows at national scale: tuples, not model instances
        Score,
        ("rating", "item", "value", "comment"),
        (
            (rating.pk, item, value, "")
            for rating, (items, scores) in zip(ratings, score_rows, strict=True)
            for item, value in zip(items, scores, strict=True)
        ),
    )
    return len(plans)


def _score(rng, level: float) -> int:
    return max(1, min(5, round(level + rng.gauss(0, 0.45))))


def _placement_on(placements, day) -> int | None:
    for pk, _cid, starts_on, ends_on in placements:
        if starts_on <= day and (ends_on is None or day <= ends_on):
            return pk
    return None
