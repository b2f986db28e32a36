"""The demo's benefit histories: each adult's support, dated through the reforms.

The citizens' builder draws the kind of support each adult started on (integrationsydelse,
kontanthjælp, spouse-supported, self-supporting); here it becomes a history of benefit
periods from the day they were settled, carried through the reforms they lived through
(selvforsørgelses- og hjemrejseydelse until 30.06.2025, then kontanthjælp), with a rate and
supplements where the law has them. A few later change to sickness or maternity benefit,
as cases do. While a citizen is in ordinary work or IGU, the history says self-supporting,
and the benefit in force again after it (`goals.with_work`): so it runs after the placements.
"""

import datetime as dt
import random

from django.utils import timezone

from jobbro.citizens.models import Citizen
from jobbro.law.history import OLD_BENEFIT_TYPES, carried
from jobbro.law.models import Benefit, BenefitPeriod, BenefitRate, BenefitSupplement
from jobbro.placements.models import Placement, PlacementStatus

from . import bulk
from .goals import PAYS_A_LIVING, with_work

BATCH = 2000


def build_law(*, seed: int, today: dt.date, support: dict[int, str], stdout=None) -> None:
    rng = random.Random(f"{seed}-law")
    benefits = {b.code: b for b in Benefit.objects.all()}
    for b in benefits.values():
        b.successor = next((s for s in benefits.values() if s.pk == b.successor_id), None)
    rates = {r.code: r for r in BenefitRate.objects.all()}
    supplements = {s.code: s for s in BenefitSupplement.objects.all()}
    periods: list[BenefitPeriod] = []
    chosen: list[tuple[BenefitPeriod, list[BenefitSupplement]]] = []
    # Work that pays a living (demo/goals.py): self-supporting while it runs.
    self_supporting = benefits["selvforsoergende"]
    spans: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    work = Placement.objects.filter(
        kind__in=PAYS_A_LIVING, status__in=(PlacementStatus.ACTIVE, PlacementStatus.ENDED)
    ).values_list("citizen_id", "starts_on", "ends_on")
    for cid, starts_on, ends_on in work:
        if starts_on <= today:
            running = ends_on is None or ends_on >= today
            spans.setdefault(cid, []).append((starts_on, None if running else ends_on))
    citizens = Citizen.objects.filter(pk__in=list(support)).only(
        "id", "settled_at", "childcare_needs", "case_worker_id"
    )
    for citizen in citizens.order_by("id").iterator(chunk_size=BATCH):
        assert citizen.settled_at is not None, "every demo citizen is settled"
        start = timezone.localtime(citizen.settled_at).date()
        first = benefits[OLD_BENEFIT_TYPES[support[citizen.pk]]]
        history = carried(first, start, today)
        if history[-1][0].code == "kontanthjaelp" and rng.random() < 0.05:
            # Some go on sickness or maternity benefit for a while, and stay on it now.
            benefit, since, _end = history[-1]
            change = since + dt.timedelta(days=rng.randint(30, max(31, (today - since).days)))
            if change < today:
                history[-1] = (benefit, since, change - dt.timedelta(days=1))
                other = benefits[rng.choice(("sygedagpenge", "barselsdagpenge"))]
                history.append((other, change, None))
        history = with_work(history, spans.get(citizen.pk, []), self_supporting)
        for benefit, starts_on, ends_on in history:
            period = BenefitPeriod(
                citizen_id=citizen.pk,
                benefit=benefit,
                starts_on=starts_on,
                ends_on=ends_on,
                recorded_by_id=citizen.case_worker_id,
            )
            extra: list[BenefitSupplement] = []
            if benefit.code == "kontanthjaelp" and starts_on >= dt.date(2025, 7, 1):
                r = rng.random()
                has_children = bool(citizen.childcare_needs)
                code = "forhoejet" if has_children else "grundsats" if r < 0.85 else "mindstesats"
                period.rate = rates[code]
                if has_children:
                    extra.append(supplements["boernetillaeg"])
                if rng.random() < 0.2:
                    extra.append(supplements["enlige"])
            periods.append(period)
            chosen.append((period, extra))
    bulk.create(periods)
    through = BenefitPeriod.supplements.through
    bulk.create(
        [
            through(benefitperiod_id=p.pk, benefitsupplement_id=s.pk)
            for p, extra in chosen
            for s in extra
        ]
    )
    if stdout is not None:
        stdout.write(f"  {len(periods)} perioder med forsørgelse\n")
