"""The demo municipality's matching: occupation codes on every opening, a matching profile
for every citizen whose effort has started, and a history of suggestions and decisions, so
the evaluation page has real bands.

The history follows the demo's placements that were made in an opening: each had been
suggested (shown some days before it started, with the factors the engine gives the pair)
and accepted; its outcome is the placement's own (ended in work, paid hours, ended, dropped,
running). Citizens who went on to work had more often wished that occupation, so the bands
say something. Besides, some suggestions were declined by the staff member, the citizen or
the company, with their reasons. Deterministic: its own random stream from the seed.
"""

import datetime as dt
import random
import re

import numpy as np
from django.utils import timezone

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen
from jobbro.companies.models import Opening
from jobbro.matching import engine, selectors, suggest
from jobbro.matching.models import (
    Decision,
    DecisionKind,
    MatchProfile,
    ProposalRun,
    RunStatus,
    Shown,
    Suggestion,
    Town,
)
from jobbro.matching.outcomes import JOB, outcome_case
from jobbro.placements.models import Placement

from . import bulk

# The demo's job types (demo/companies.py) as ISCO-08 / DISCO-08 unit groups.
TITLE_CODES = {
    "Rengøringsassistent": "9112",
    "Vinduespudser": "9123",
    "Servicemedarbejder": "5153",
    "Serviceassistent i plejen": "9112",
    "Køkkenmedhjælper på plejecenter": "9412",
    "Social- og sundhedshjælper": "5322",
    "Produktionsmedarbejder": "9329",
    "Pakkerimedarbejder": "9321",
    "Bagermedhjælper": "7512",
    "Butiksassistent": "5223",
    "Lagermedarbejder": "9333",
    "Opfylder": "9334",
    "Håndlanger": "9313",
    "Tømrermedhjælper": "9313",
    "Murerarbejdsmand": "9313",
    "Staldmedhjælper": "9212",
    "Markmedhjælper": "9211",
    "Gartnermedhjælper": "9214",
    "Chaufførmedhjælper": "9333",
    "Truckfører": "8344",
    "Køkkenmedhjælper": "9412",
    "Opvasker": "9412",
    "Stuepige": "9112",
}
# The demo's industries (demo/build.py INDUSTRIES): DB07 main groups and typical occupations.
INDUSTRY = {
    "rengøring": (("81",), ("9112", "9123", "5153")),
    "pleje og omsorg": (("87", "88"), ("5322", "9412", "9112")),
    "fødevareindustri": (("10",), ("9329", "9321", "7512")),
    "detailhandel": (("47",), ("5223", "9334", "9333")),
    "byggeri": (("41", "43"), ("9313", "7115", "7112")),
    "landbrug": (("01",), ("9212", "9211", "9214")),
    "transport": (("49", "52"), ("9333", "8344", "8322")),
    "hotel og køkken": (("55", "56"), ("9412", "9112", "5120")),
}
EXPERIENCE = (
    ("frisør", "5141"),
    ("lastbil", "8332"),
    ("syerske", "7533"),
    ("kok på", "5120"),
    ("byggeplads", "7112"),
    ("landbrug", "6121"),
    ("elinstallation", "7411"),
    ("sælger", "5223"),
    ("værksted", "7231"),
    ("sygeplejerske", "2221"),
    ("lærer", "2341"),
    ("bageri", "7512"),
    ("rengøring", "9112"),
)
DECLINE_REASONS = {
    DecisionKind.DECLINED: (
        "Borgeren skal først have et forløb på danskskolen.",
        "Arbejdstiden passer ikke med børnenes institution.",
        "Vi har et bedre match i samme virksomhed.",
    ),
    DecisionKind.CITIZEN_DECLINED: (
        "Borgeren vil hellere arbejde i en anden branche.",
        "For langt at rejse uden bil.",
        "Borgeren ønsker ikke arbejde med rengøring.",
    ),
    DecisionKind.COMPANY_DECLINED: (
        "Virksomheden har ikke tid til oplæring lige nu.",
        "Virksomheden søger en med kørekort.",
        "Pladsen er besat internt.",
    ),
}
HISTORY = 400  # accepted suggestions at most
DECLINES = 150
INLINE_PROPOSAL = 2000  # citizens; a larger caseload's proposal is queued for the worker


def build_matching(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-matching")
    _code_openings()
    worked = _worked_pairs()
    _profiles(rng, worked)
    ambassadors = list(User.objects.filter(role=Role.AMBASSADOR).order_by("id"))
    _history(rng, today, ambassadors)
    _declines(rng, today, ambassadors)
    _proposal(ambassadors, today)
    if stdout is not None:
        stdout.write(
            f"Matchning: {MatchProfile.objects.count()} matchprofiler, "
            f"{Suggestion.objects.count()} viste forslag, {Decision.objects.count()} beslutninger.\n"
        )


def _code(title: str) -> str:
    title = title.removeprefix("Fritidsjob: ")
    for known, code in TITLE_CODES.items():
        if title.casefold() == known.casefold():
            return code
    return "9629"


def _code_openings() -> None:
    # One UPDATE per code (a few dozen), not a CASE over every opening.
    by_code: dict[str, list[int]] = {}
    for pk, title in Opening.objects.values_list("id", "title"):
        by_code.setdefault(_code(title), []).append(pk)
    for code, pks in by_code.items():
        for start in range(0, len(pks), 2500):
            Opening.objects.filter(pk__in=pks[start : start + 2500]).update(occupation_code=code)


def _worked_pairs() -> set[tuple[int, str]]:
    """(citizen, occupation) of placements in an opening that led to work."""
    rows = (
        Placement.objects.filter(opening__isnull=False)
        .annotate(outcome=outcome_case())
        .filter(outcome=JOB)
        .values_list("citizen_id", "opening__occupation_code")
    )
    return set(rows)


def _town(address: str, towns: dict[str, Town]) -> Town | None:
    match = re.search(r"\d{4} (.+)$", address or "")
    return towns.get(match.group(1).strip()) if match else None


def _profiles(rng: random.Random, worked: set[tuple[int, str]]) -> None:
    towns = {t.name: t for t in Town.objects.all()}
    placed = dict(
        Placement.objects.filter(opening__isnull=False)
        .order_by("citizen_id", "starts_on")
        .values_list("citizen_id", "opening__occupation_code")
    )
    profiles = []
    citizens = Citizen.objects.filter(effort_started_at__isnull=False).order_by("id")
    for c in citizens.only("id", "address", "wished_industries", "work_experience"):
        words = [w.strip() for w in c.wished_industries.split(",") if w.strip() in INDUSTRY]
        if not words:
            words = [rng.choice(list(INDUSTRY))]
        groups = sorted({g for w in words for g in INDUSTRY[w][0]})
        while len(groups) < 2:
            groups = sorted({*groups, *INDUSTRY[rng.choice(list(INDUSTRY))][0]})
        wishes = [rng.choice(INDUSTRY[w][1]) for w in words][:2]
        code = placed.get(c.pk)
        if code and code != "9629" and rng.random() < (0.75 if (c.pk, code) in worked else 0.2):
            wishes = [code, *wishes]
        experience = [code for word, code in EXPERIENCE if word in c.work_experience.lower()]
        reserved = ["9112"] if rng.random() < 0.06 else []
        profiles.append(
            MatchProfile(
                citizen_id=c.pk,
                town=_town(c.address, towns),
                wished_occupations=[w for w in dict.fromkeys(wishes) if w not in reserved][:3],
                wished_industries=groups[:3],
                experience=experience[:2],
                reserved_occupations=reserved,
                reservations="Ønsker ikke rengøringsarbejde." if reserved else "",
                max_travel_minutes=rng.choice((30, 45, 45, 60)),
                max_hours_per_week=rng.choice((None, None, None, 20, 25, 30)),
                no_shifts=rng.random() < 0.2,
            )
        )
    bulk.create(profiles)


def _scored(citizens, openings, today):
    """Each (citizen, opening) pair's score and factor lines, as the engine gives them."""
    ctx = suggest.Context(today, openings)
    people = selectors.load_people(citizens, ctx.towns, today)
    pi, oj = np.arange(len(citizens)), np.arange(len(openings))
    scored = engine.evaluate(
        people, ctx.arrays, ctx.towns.travel, ctx.vector, today.toordinal(), pi, oj
    )
    return [
        (
            float(scored.score[k]),
            [
                line.as_json()
                for line in suggest._lines(
                    scored.factors[k],
                    ctx.weights,
                    citizens[k],
                    openings[k],
                    float(scored.minutes[k]),
                )
            ],
        )
        for k in range(len(citizens))
    ]


def _moment(rng: random.Random, day: dt.date, days_before: int) -> dt.datetime:
    when = day - dt.timedelta(days=days_before)
    return timezone.make_aware(dt.datetime.combine(when, dt.time(rng.randint(9, 14), 0)))


def _history(rng: random.Random, today: dt.date, ambassadors: list[User]) -> None:
    placements = list(
        Placement.objects.filter(opening__isnull=False, starts_on__lte=today)
        .select_related("ambassador")
        .order_by("starts_on", "id")
    )
    placements = rng.sample(placements, min(HISTORY, len(placements)))
    placements.sort(key=lambda p: (p.starts_on, p.pk))
    citizens = selectors.profiled(Citizen.objects.filter(pk__in={p.citizen_id for p in placements}))
    by_id = {c.pk: c for c in citizens}
    pairs = [(by_id[p.citizen_id], p) for p in placements if p.citizen_id in by_id]
    openings = selectors.with_company_signals(Opening.objects.all(), today).in_bulk(
        {p.opening_id for _, p in pairs}
    )
    scores = _scored([c for c, _ in pairs], [openings[p.opening_id] for _, p in pairs], today)
    suggestions, decisions = [], []
    for (citizen, placement), (score, factors) in zip(pairs, scores, strict=True):
        who = placement.ambassador or rng.choice(ambassadors)
        shown_at = _moment(rng, placement.starts_on, rng.randint(7, 40))
        suggestions.append(
            Suggestion(
                citizen_id=citizen.pk,
                opening=openings[placement.opening_id],
                score=round(score, 1),
                rank=rng.choice((1, 1, 1, 2, 3)),
                factors=factors,
                shown_in=rng.choice((Shown.CITIZEN, Shown.CITIZEN, Shown.OPENING)),
                shown_to=who,
                shown_at=shown_at,
            )
        )
        decisions.append((placement, who, shown_at))
    bulk.create(suggestions)
    bulk.create(
        [
            Decision(
                citizen_id=s.citizen_id,
                opening_id=s.opening_id,
                suggestion=s,
                kind=DecisionKind.ACCEPTED,
                score=s.score,
                factors=s.factors,
                placement=placement,
                decided_by=who,
                decided_at=shown_at + dt.timedelta(days=rng.randint(1, 3)),
            )
            for s, (placement, who, shown_at) in zip(suggestions, decisions, strict=True)
        ]
    )


def _declines(rng: random.Random, today: dt.date, ambassadors: list[User]) -> None:
    ids = list(
        Citizen.objects.filter(match_profile__isnull=False)
        .order_by("id")
        .values_list("pk", flat=True)
    )
    openings = list(selectors.with_company_signals(Opening.objects.all(), today).order_by("id"))
    if not ids or not openings or not ambassadors:
        return
    # Drawn from the ids, then only the chosen citizens loaded (not every profiled citizen).
    chosen_ids = rng.sample(ids, min(DECLINES, len(ids)))
    by_id = {c.pk: c for c in selectors.profiled(Citizen.objects.filter(pk__in=chosen_ids))}
    chosen = [by_id[pk] for pk in chosen_ids]
    offered = [rng.choice(openings) for _ in chosen]
    scores = _scored(chosen, offered, today)
    rows = []
    for citizen, opening, (score, factors) in zip(chosen, offered, scores, strict=True):
        kind = rng.choice(list(DECLINE_REASONS))
        shown_at = _moment(rng, today, rng.randint(5, 330))
        suggestion = Suggestion(
            citizen_id=citizen.pk,
            opening_id=opening.pk,
            score=round(score, 1),
            rank=rng.randint(1, 5),
            factors=factors,
            shown_in=Shown.CITIZEN,
            shown_to=rng.choice(ambassadors),
            shown_at=shown_at,
        )
        rows.append((suggestion, kind))
    bulk.create([s for s, _ in rows])
    bulk.create(
        [
            Decision(
                citizen_id=s.citizen_id,
                opening_id=s.opening_id,
                suggestion=s,
                kind=kind,
                reason=rng.choice(DECLINE_REASONS[kind]),
                score=s.score,
                factors=s.factors,
                decided_by=s.shown_to,
                decided_at=s.shown_at + dt.timedelta(hours=rng.randint(2, 72)),
            )
            for s, kind in rows
        ]
    )


def _proposal(ambassadors: list[User], today: dt.date) -> None:
    """One finished caseload proposal for the demo ambassador, so the page shows it at once.

    Above `INLINE_PROPOSAL` citizens (a demo at national scale: 20,000 in the project at
    50,000) the proposal is queued as the page's button queues it, for the worker (`jobbro
    demo` runs one; `jobbro db_worker`): computing it took most of a minute's CPU of the
    build (issue 14), and at that size it is background work by design."""
    from jobbro.matching import access, proposal, services

    demo = next((u for u in ambassadors if u.username == "ambassador"), None)
    if demo is None:
        return
    candidates = access.match_citizens_for(demo)
    if candidates.count() > INLINE_PROPOSAL:
        services.proposal_start(
            citizen_ids=list(access.match_candidates_for(demo).values_list("pk", flat=True)),
            by=demo,
        )
        return
    citizens = selectors.profiled(candidates.order_by("pk"))
    result = proposal.compute(citizens, today, lambda percent, step: None)
    ProposalRun.objects.create(
        created_by=demo,
        citizen_ids=[c.pk for c in citizens],
        status=RunStatus.DONE,
        progress=100,
        result=result,
        finished_at=timezone.now(),
    )
