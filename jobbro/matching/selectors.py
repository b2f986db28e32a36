"""Reads for matching: the database into the engine's arrays, and the pairs a user may act on."""

import datetime as dt
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from jobbro.citizens.models import Citizen
from jobbro.companies.models import (
    BarometerReadiness,
    BarometerSurvey,
    Demand,
    Opening,
    PartnershipStatus,
)
from jobbro.lib.dates import age_on
from jobbro.placements.models import Placement

from . import engine, rules
from .factors import DEFAULT_WEIGHTS, ORDER
from .models import DECLINES, Decision, DecisionKind, FactorWeight, MatchProfile, Town, TravelTime
from .outcomes import worked_q

MAX_CODES = 5  # wishes, experience and reservations kept per citizen
FAR_FUTURE = dt.date(2100, 1, 1).toordinal()
BAROMETER: dict[str, float] = {BarometerReadiness.READY: 1.0, BarometerReadiness.MAYBE: 0.5}


def weights() -> dict[str, int]:
    """The administrator's weights, with the defaults for any factor not yet set."""
    stored = dict(FactorWeight.objects.values_list("factor", "weight"))
    return {f: stored.get(f, DEFAULT_WEIGHTS[f]) for f in ORDER}


def weight_vector(w: dict[str, int]) -> np.ndarray:
    return np.array([w[f] for f in ORDER], np.float64)


def word_bits(text: str) -> int:
    """The words of a text (their first five letters, four letters or more) as a 64-bit set:
    a cheap overlap of competences and an opening's requirements."""
    bits = 0
    for word in re.findall(r"\w{4,}", (text or "").lower()):
        bits |= 1 << (zlib.crc32(word[:5].encode()) % 64)
    return bits


def _codes(values: Iterable[str]) -> list[int]:
    out = [int(c) for c in values if isinstance(c, str) and c.isascii() and c.isdigit()][:MAX_CODES]
    return out + [-1] * (MAX_CODES - len(out))


class TownIndex:
    """Towns by name (case-insensitive) and the travel matrices between them."""

    def __init__(self) -> None:
        towns = list(Town.objects.order_by("id").values_list("id", "name"))
        self.by_id = {tid: i for i, (tid, _) in enumerate(towns)}
        self.by_name = {name.casefold(): i for i, (_, name) in enumerate(towns)}
        n = len(towns)
        car = np.full((n, n), np.inf)
        public = np.full((n, n), np.inf)
        for a, b, c, p in TravelTime.objects.values_list(
            "origin_id", "destination_id", "minutes_car", "minutes_public"
        ):
            i, j = self.by_id[a], self.by_id[b]
            car[i, j] = car[j, i] = c
            public[i, j] = public[j, i] = p
        self.travel = engine.Travel(car, public)

    def of_name(self, name: str) -> int:
        return self.by_name.get((name or "").strip().casefold(), -1)


def load_people(citizens: Sequence[Citizen], towns: TownIndex, today: dt.date) -> engine.People:
    """The engine's rows for these citizens (their `match_profile` fetched with them)."""
    town_ids = towns.by_id
    n = len(citizens)
    industries = np.zeros((n, 100), bool)
    rows: list[tuple] = []
    for k, c in enumerate(citizens):
        p: MatchProfile | None = getattr(c, "match_profile", None)
        for g in p.wished_industries if p else []:
            if isinstance(g, str) and g.isascii() and g.isdigit() and int(g) < 100:
                industries[k, int(g)] = True
        rows.append(
            (
                rules.citizen_danish_level(c),
                c.driving_licence,
                float(p.max_hours_per_week) if p and p.max_hours_per_week else np.inf,
                bool(p and p.no_shifts),
                town_ids.get(p.town_id, -1) if p and p.town_id else -1,
                p.max_travel_minutes if p else 45,
                p.available_from.toordinal() if p and p.available_from else 0,
                age_on(c.birth_date, today),
                _codes(p.wished_occupations if p else []),
                _codes(p.experience if p else []),
                _codes(p.reserved_occupations if p else []),
                word_bits(c.competences),
            )
        )
    cols: list = list(zip(*rows, strict=True)) if rows else [[] for _ in range(12)]
    return engine.People(
        danish=np.array(cols[0], np.int64),
        licence=np.array(cols[1], bool),
        max_hours=np.array(cols[2], np.float64),
        no_shifts=np.array(cols[3], bool),
        town=np.array(cols[4], np.int64),
        max_minutes=np.array(cols[5], np.float64),
        available_from=np.array(cols[6], np.int64),
        age=np.array(cols[7], np.int64),
        wishes=np.array(cols[8], np.int64).reshape(n, MAX_CODES),
        experience=np.array(cols[9], np.int64).reshape(n, MAX_CODES),
        reserved=np.array(cols[10], np.int64).reshape(n, MAX_CODES),
        industries=industries,
        words=np.array(cols[11], np.uint64),
    )


def with_company_signals(openings, today: dt.date):
    """Openings with free capacity and what the score needs of their company: current demand
    (`has_demand`) and the latest barometer answer (`readiness`)."""
    demand = Demand.objects.filter(company=OuterRef("company")).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    latest = BarometerSurvey.objects.filter(company=OuterRef("company")).order_by("-surveyed_on")
    return (
        openings.with_free_capacity()
        .select_related("company")
        .annotate(has_demand=Exists(demand), readiness=Subquery(latest.values("readiness")[:1]))
    )


def matchable_openings(today: dt.date):
    """Open openings of cooperating companies that have not ended."""
    return (
        with_company_signals(Opening.objects.all(), today)
        .filter(is_open=True, company__partnership_status=PartnershipStatus.ACTIVE)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("company__name", "title", "id")
    )


def _rates(field: str) -> dict:
    """(worked, ended) of the placements that have ended, per company or occupation code."""
    rows = (
        Placement.objects.filter(status="ended")
        .values(field)
        .annotate(ended=Count("id"), worked=Count("id", filter=worked_q()))
    )
    return {r[field]: (r["worked"], r["ended"]) for r in rows if r[field]}


def _rate(worked_ended) -> float:
    worked, ended = worked_ended or (0, 0)
    return (worked + engine.NEUTRAL) / (ended + 1)  # no history: neutral, not zero


def load_openings(openings: Sequence[Opening], towns: TownIndex) -> engine.Openings:
    by_company = _rates("company_id")
    by_occupation = _rates("opening__occupation_code")
    rows: list[tuple] = []
    for o in openings:
        low, high = rules.AGE_LIMITS.get(o.kind, rules.DEFAULT_AGE_LIMITS)
        industry = o.company.industry_code[:2]
        rows.append(
            (
                rules.OPENING_LEVEL.get(o.danish_level, 0),
                o.driving_licence,
                float(o.hours_per_week or 0),
                o.shifts,
                towns.of_name(o.company.town),
                int(o.occupation_code) if o.occupation_code else -1,
                int(industry) if industry.isascii() and industry.isdigit() else -1,
                low,
                high,
                getattr(o, "free", o.capacity),
                o.ends_on.toordinal() if o.ends_on else FAR_FUTURE,
                1.0 if getattr(o, "has_demand", False) else 0.0,
                BAROMETER.get(getattr(o, "readiness", None) or "", 0.0),
                _rate(by_company.get(o.company_id)),
                _rate(by_occupation.get(o.occupation_code)),
                word_bits(f"{o.title} {o.requirements}"),
            )
        )
    cols: list = list(zip(*rows, strict=True)) if rows else [[] for _ in range(16)]
    f64, i64 = np.float64, np.int64
    return engine.Openings(
        danish=np.array(cols[0], i64),
        licence=np.array(cols[1], bool),
        hours=np.array(cols[2], f64),
        shifts=np.array(cols[3], bool),
        town=np.array(cols[4], i64),
        occupation=np.array(cols[5], i64),
        industry=np.array(cols[6], i64),
        min_age=np.array(cols[7], i64),
        max_age=np.array(cols[8], i64),
        free=np.array(cols[9], i64),
        ends=np.array(cols[10], i64),
        demand=np.array(cols[11], f64),
        barometer=np.array(cols[12], f64),
        company_rate=np.array(cols[13], f64),
        occupation_rate=np.array(cols[14], f64),
        words=np.array(cols[15], np.uint64),
    )


def declined_pairs(citizen_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(citizen, opening) pairs someone declined: never suggested or proposed again."""
    return set(
        Decision.objects.filter(citizen_id__in=list(citizen_ids), kind__in=DECLINES).values_list(
            "citizen_id", "opening_id"
        )
    )


def accepted_pairs(citizen_ids: Iterable[int]) -> set[tuple[int, int]]:
    """Accepted pairs whose proposed placement is still proposed, agreed or running: locked."""
    return set(
        Decision.objects.filter(
            citizen_id__in=list(citizen_ids),
            kind=DecisionKind.ACCEPTED,
            placement__status__in=("proposed", "planned", "active"),
        ).values_list("citizen_id", "opening_id")
    )


def profiled(citizens) -> list[Citizen]:
    return list(citizens.select_related("match_profile", "match_profile__town"))


def today() -> dt.date:
    return timezone.localdate()


def list_filters(data, citizens):
    """The matching list's filter form and the citizens it leaves, sorted."""
    from .forms import ListFilterForm

    form = ListFilterForm(data)
    return form, form.apply(citizens.select_related("match_profile", "match_profile__town"))


def decisions_of(citizen: Citizen):
    """The decisions about a citizen's suggestions, newest first, with what they led to."""
    from .outcomes import outcome_case

    return (
        Decision.objects.filter(citizen=citizen)
        .select_related("opening__company", "decided_by", "placement")
        .annotate(outcome=outcome_case("placement__"))[:20]
    )


def locked_pairs(citizen_ids: Iterable[int]) -> list[tuple[int, int, bool]]:
    """(citizen, opening, takes a place already) of accepted suggestions whose placement is
    still proposed, agreed or running: the proposal keeps them as they are."""
    rows = Decision.objects.filter(
        citizen_id__in=list(citizen_ids),
        kind=DecisionKind.ACCEPTED,
        placement__status__in=("proposed", "planned", "active"),
    ).values_list("citizen_id", "opening_id", "placement__status")
    return [(c, o, status in ("planned", "active")) for c, o, status in rows]


@dataclass
class ProposalRow:
    citizen: Citizen
    opening: Opening
    score: float
    locked: bool
    greedy: Opening | None


def proposal_rows(run, citizens) -> list[ProposalRow]:
    """A finished proposal's assignments, for the citizens this user may still see."""
    assignments = (run.result or {}).get("assignments", [])
    wanted = {a["citizen"] for a in assignments}
    people = {c.pk: c for c in citizens.filter(pk__in=wanted)}
    opening_ids = {a["opening"] for a in assignments} | {
        a["greedy_opening"] for a in assignments if a.get("greedy_opening")
    }
    openings = Opening.objects.select_related("company").in_bulk(opening_ids)
    return [
        ProposalRow(
            people[a["citizen"]],
            openings[a["opening"]],
            a["score"],
            a["locked"],
            openings.get(a.get("greedy_opening")),
        )
        for a in assignments
        if a["citizen"] in people and a["opening"] in openings
    ]
