"""The demo municipality's case statuses, mentors and handovers.

Seed 004's outcomes are there as closed cases of every closing reason, in its numbers
("2 er afsluttede, da de har startet egen virksomhed, 3 er flyttet til andre kommuner, ...",
plus one deceased and one other), some of them closed more than five years ago so that the
retention rules have something due; paused cases (barsel, sygdom, behandling, ophold i
udlandet); a history for every mentor the case files name; and handovers to and from the
demo case worker. It keeps the services' rules: a case is closed only when none of its
placements is still proposed, planned or active, a closed case has no mentor, and every
change has its timeline event. Its own random stream, so the builders' order does not
matter.
"""

import datetime as dt
import random

from django.db.models import Exists, ForeignObjectRel, Max, OuterRef
from django.utils import timezone

from jobbro.accounts.models import Role, User
from jobbro.cases.models import Mentorship, Transfer
from jobbro.citizens import municipalities
from jobbro.citizens.models import Citizen, EventKind, TimelineEvent
from jobbro.citizens.status import CaseStatus, ClosingReason, PauseReason, StatusPeriod
from jobbro.erasure.services import retention_list
from jobbro.lib.dates import add_years
from jobbro.placements.models import Placement, PlacementStatus

# Seed 004 ("Af den samlede målgruppe er ..."), and one each of what it does not name.
CLOSED = (
    (ClosingReason.OWN_BUSINESS, 2),
    (ClosingReason.MOVED, 3),
    (ClosingReason.SPOUSE_SUPPORTED, 2),
    (ClosingReason.DECLINED, 2),
    (ClosingReason.ORDINARY_EDUCATION, 6),
    (ClosingReason.ORDINARY_JOB, 6),
    (ClosingReason.FLEXJOB, 1),
    (ClosingReason.REPATRIATED, 1),
    (ClosingReason.DECEASED, 1),
    (ClosingReason.OTHER, 1),
)
# Closed more than five years ago: due under the retention rules (erasure app).
LONG_CLOSED = 3
PAUSED = (
    (PauseReason.MATERNITY, 1),  # seed 004: "1 har barsel"
    (PauseReason.TREATMENT, 1),  # "1 er i psykiatrisk behandling"
    (PauseReason.ILLNESS, 1),
    (PauseReason.ABROAD, 1),
)
_MOVED_TO = ("630", "615", "751")  # Vejle, Horsens, Aarhus: Hedensted's neighbours
_OTHER_NOTE = "Udrejst efter afslag på forlængelse af opholdstilladelse"
_TRANSFER_NOTES = (
    "Borgeren er flyttet til jeres distrikt. Tolk på arabisk ved samtaler.",
    "Overdrages efter aftale på teammødet. Praktikken hos Hedensted Rengøring går godt.",
    "Ny bolig i Juelsminde. Mentor er orienteret.",
)


def build_status(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-status")
    n = Citizen.objects.count()
    scale = max(1, round(n / 458))
    events: list[TimelineEvent] = []
    oldest = _former_cases(rng, today, LONG_CLOSED * scale)
    _mentorships(today)
    busy = Placement.objects.filter(
        citizen=OuterRef("pk"),
        status__in=(PlacementStatus.PROPOSED, PlacementStatus.PLANNED, PlacementStatus.ACTIVE),
    )
    demo_mentor = User.objects.filter(username="mentor").values_list("pk", flat=True).first()
    free = list(
        Citizen.objects.filter(settled_at__isnull=False, effort_started_at__isnull=False)
        .exclude(pk__in=[r[0] for r in oldest])
        .exclude(Exists(busy))
        .exclude(mentor_id=demo_mentor)  # the mentor login keeps its mentees
        .annotate(last_end=Max("placements__ends_on"))
        .order_by("settled_at", "id")
        .values_list("id", "settled_at", "case_worker_id", "last_end")
    )
    rest = free
    rng.shuffle(rest)
    # The demo case worker sees one case of each reason among their own.
    demo_worker = User.objects.filter(username="sagsbehandler").values_list("pk", flat=True).first()
    rest.sort(key=lambda r: r[2] != demo_worker)
    rest = rest[: len(CLOSED)] + sorted(rest[len(CLOSED) :], key=lambda r: rng.random())
    periods: list[StatusPeriod] = []
    closed_ids: list[int] = []
    reasons = [_FORMER_REASONS[i % 3] for i in range(len(oldest))]
    reasons += [r for r, k in CLOSED for _ in range(k * scale)]
    for (cid, settled, worker, last_end), reason in zip(oldest + rest, reasons, strict=False):
        start = timezone.localtime(settled).date()
        if len(closed_ids) < len(oldest):  # closed over five years ago: due for retention
            closed_on = add_years(today, -5) - dt.timedelta(days=rng.randint(20, 400))
        else:
            closed_on = today - dt.timedelta(days=rng.randint(5, 300))
        # Never before the case began, nor before its last placement ended.
        closed_on = min(max(closed_on, start, last_end or start), today)
        period = StatusPeriod(
            citizen_id=cid,
            status=CaseStatus.CLOSED,
            starts_on=closed_on,
            closing_reason=reason,
            municipality=rng.choice(_MOVED_TO) if reason == ClosingReason.MOVED else "",
            note=_OTHER_NOTE if reason == ClosingReason.OTHER else "",
            recorded_by_id=worker,
            recorded_at=_at(closed_on),
        )
        periods.append(period)
        closed_ids.append(cid)
        events.append(
            TimelineEvent(
                citizen_id=cid,
                kind=EventKind.CLOSED,
                at=_at(closed_on),
                actor_id=worker,
                text=f"Lukket pr. {closed_on:%d.%m.%Y}: {period.reason_display}",
            )
        )
    _end_mentors(closed_ids, periods, events)
    used = len(reasons) - len(oldest)
    paused_rows = sorted(rest[used:], key=lambda r: r[2] != demo_worker)
    paused_ids = []
    pauses = [r for r, k in PAUSED for _ in range(k * scale)]
    for (cid, _settled, worker, _m), pause in zip(paused_rows, pauses, strict=False):
        starts = today - dt.timedelta(days=rng.randint(10, 90))
        ends = today + dt.timedelta(days=rng.randint(30, 200))
        periods.append(
            StatusPeriod(
                citizen_id=cid,
                status=CaseStatus.PAUSED,
                starts_on=starts,
                ends_on=ends,
                pause_reason=pause,
                recorded_by_id=worker,
                recorded_at=_at(starts),
            )
        )
        paused_ids.append(cid)
        events.append(
            TimelineEvent(
                citizen_id=cid,
                kind=EventKind.PAUSED,
                at=_at(starts),
                actor_id=worker,
                text=f"{pause.label}, fra {starts:%d.%m.%Y} til og med {ends:%d.%m.%Y}",
            )
        )
    StatusPeriod.objects.bulk_create(periods)
    transfers = _transfers(rng, today, set(closed_ids), events)
    TimelineEvent.objects.bulk_create(events)
    # What `jobbro retention` would find this month, waiting for the administrator.
    due = len(retention_list(today=today))
    if stdout is not None:
        stdout.write(
            f"Sagsstatus: {len(closed_ids)} lukkede sager, {len(paused_ids)} på pause, "
            f"{transfers} overdragelser, {due} punkter til sletning.\n"
        )


_FORMER_REASONS = (ClosingReason.ORDINARY_JOB, ClosingReason.MOVED, ClosingReason.REPATRIATED)
_KEPT_EVENTS = (EventKind.CREATED, EventKind.SETTLED, EventKind.EFFORT_STARTED)


def _former_cases(rng: random.Random, today: dt.date, k: int) -> list[tuple]:
    """Cases closed more than five years ago (what the retention rules find due): k adults of
    the demo, settled ten years back, whose later history (placements, assessments and the
    rest the other builders gave them) is taken away, since it would lie after the closing.
    Taking existing citizens keeps the demo's size and Hedensted's shares."""
    keep = User.objects.filter(username__in=("mentor", "sagsbehandler"))
    chosen = list(
        Citizen.objects.filter(youth_status="", effort_started_at__isnull=False)
        .exclude(mentor__in=keep)
        .exclude(case_worker__in=keep)
        .order_by("settled_at", "id")
        .values_list("id", flat=True)[:k]
    )
    # Who the person is (languages) stays; what happened later goes. Hidden relations
    # (related_name="+", e.g. matching's decisions) count too, or they would be left
    # pointing at deleted suggestions.
    from jobbro.citizens.models import CitizenLanguage

    kept = {TimelineEvent, StatusPeriod, Mentorship, Transfer, CitizenLanguage}
    relations = [
        r
        for r in Citizen._meta.get_fields(include_hidden=True)
        if isinstance(r, ForeignObjectRel) and r.related_model not in kept
    ]
    # Placements first: they protect their citizen, and what hangs off them cascades.
    relations.sort(key=lambda r: r.related_model is not Placement)
    for relation in relations:
        assert isinstance(relation.related_model, type)  # a model class, for the type checker
        relation.related_model._default_manager.filter(
            **{f"{relation.field.name}__in": chosen}
        ).delete()
    TimelineEvent.objects.filter(citizen__in=chosen).exclude(kind__in=_KEPT_EVENTS).delete()
    rows = []
    for cid in chosen:
        settled = _at(add_years(today, -10) + dt.timedelta(days=rng.randint(0, 300)))
        started = settled + dt.timedelta(days=3)
        # The residence permit came before the settlement, as for everyone else.
        permit = timezone.localtime(settled).date() - dt.timedelta(days=rng.randint(21, 84))
        Citizen.objects.filter(pk=cid).update(
            settled_at=settled,
            effort_started_at=started,
            created_at=settled,
            mentor=None,
            residence_permit_date=permit,
        )
        TimelineEvent.objects.filter(citizen_id=cid, kind=EventKind.EFFORT_STARTED).update(
            at=started
        )
        TimelineEvent.objects.filter(citizen_id=cid).exclude(kind=EventKind.EFFORT_STARTED).update(
            at=settled
        )
        worker = Citizen.objects.filter(pk=cid).values_list("case_worker_id", flat=True).get()
        rows.append((cid, settled, worker, None))
    return rows


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _mentorships(today: dt.date) -> None:
    """A history row for every mentor the case files name, from the effort's start."""
    rows = Citizen.objects.filter(mentor__isnull=False).values_list(
        "id", "mentor_id", "effort_started_at", "settled_at", "case_worker_id"
    )
    Mentorship.objects.bulk_create(
        Mentorship(
            citizen_id=cid,
            mentor_id=mentor,
            starts_on=min(timezone.localtime(started or settled or timezone.now()).date(), today),
            assigned_by_id=worker,
        )
        for cid, mentor, started, settled, worker in rows
    )


def _end_mentors(closed_ids, periods, events) -> None:
    """Closing ends the mentor's assignment on the closing day (cases/services.case_close)."""
    closed_on = {p.citizen_id: p.starts_on for p in periods}
    for m in Mentorship.objects.filter(citizen_id__in=closed_ids, ends_on__isnull=True):
        m.ends_on = max(closed_on[m.citizen_id], m.starts_on)
        m.save(update_fields=["ends_on"])
        events.append(
            TimelineEvent(
                citizen_id=m.citizen_id,
                kind=EventKind.MENTOR_ENDED,
                at=_at(m.ends_on),
                text=f"Til og med {m.ends_on:%d.%m.%Y}",
            )
        )
    Citizen.objects.filter(pk__in=closed_ids).update(mentor=None)


def _transfers(rng: random.Random, today: dt.date, closed: set[int], events) -> int:
    """Two cases handed over to the demo case worker (one from another team) and one away."""
    demo = User.objects.filter(username="sagsbehandler").first()
    if demo is None:
        return 0
    workers = list(User.objects.filter(role=Role.CASE_WORKER).exclude(pk=demo.pk))
    if len(workers) < 2:
        return 0
    others = [w for w in workers if w.team_id != demo.team_id] or workers
    same = [w for w in workers if w.team_id == demo.team_id] or workers
    # A started effort: the 96-hour list stays the demo case worker's own (demo_data's test).
    mine = [
        c
        for c in Citizen.objects.filter(case_worker=demo, effort_started_at__isnull=False).order_by(
            "id"
        )
        if c.pk not in closed
    ]
    theirs = [
        c
        for c in Citizen.objects.filter(case_worker__in=workers)
        .select_related("case_worker")
        .order_by("id")[:200]
        if c.pk not in closed
    ]
    plan: list[tuple[Citizen, User, User]] = []
    if len(mine) > 2:
        plan.append((rng.choice(mine[2:]), demo, rng.choice(same)))
    for giver_pool in (others, same):
        pool = [c for c in theirs if c.case_worker in giver_pool] or theirs
        if pool:
            citizen = pool.pop(rng.randrange(len(pool)))
            theirs = [c for c in theirs if c.pk != citizen.pk]
            if citizen.case_worker is not None:
                plan.append((citizen, citizen.case_worker, demo))
    rows = []
    for k, (citizen, giver, receiver) in enumerate(plan):
        handover = today - dt.timedelta(days=rng.randint(3, 60))
        note = _TRANSFER_NOTES[k % len(_TRANSFER_NOTES)]
        rows.append(
            Transfer(
                citizen=citizen,
                from_case_worker=giver,
                to_case_worker=receiver,
                from_team_id=giver.team_id,
                to_team_id=receiver.team_id,
                handover_on=handover,
                note=note,
                by=giver,
                at=_at(handover),
            )
        )
        Citizen.objects.filter(pk=citizen.pk).update(case_worker=receiver)
        events.append(
            TimelineEvent(
                citizen=citizen,
                kind=EventKind.TRANSFER,
                at=_at(handover),
                actor=giver,
                text=f"Fra {giver} til {receiver} pr. {handover:%d.%m.%Y}: {note}",
            )
        )
    Transfer.objects.bulk_create(rows)
    return len(rows)


__all__ = ["build_status", "municipalities"]
