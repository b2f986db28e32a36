"""The demo municipality's placements: up to seven years on the priority staircase.

Every citizen whose employment effort has started (but a few) follows one course since
then (`goals.career`): internships and other efforts until a first job, which comes for
most within a few years, through wage subsidy or IGU for some; on every step and of every
kind (internships private and public, some with paid hours, wage subsidy, ordinary and small
jobs, IGU, leisure jobs for youths, VUC/FVU, flexjob, utility work). The project's citizens in an active placement get a plan for the course
(with revisions), follow-ups from its rhythm (done ones, and open ones: some overdue, some
this week for the demo "ambassador" login), now and then an acute issue (over the last year,
nearly all answered within 24 hours; one open past them), and a retention plan; internships that ended have their ending conversation.
Everything comes from the shared random stream and `today`.
"""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen, YouthStatus
from jobbro.companies.models import Company, Opening, Sector
from jobbro.lib.workdays import workday_on_or_after
from jobbro.placements.calendar import feed_renew
from jobbro.placements.models import (
    AcuteIssue,
    ContactMode,
    ConversationOutcome,
    CoursePlan,
    EndingConversation,
    EndReason,
    FollowUp,
    Placement,
    PlacementKind,
    PlacementStatus,
    PlanRevision,
    RetentionEntry,
    RetentionPlan,
)
from jobbro.placements.services import acute_flag_breaches
from jobbro.programmes.selectors import in_ambassador_project

from . import bulk
from .goals import HISTORY_YEARS, career, first_offer

BATCH = 2500
# The ending conversations' summaries, and the reason each gives for the internship's end.
_ENDINGS = {
    "Praktikken er gennemført som aftalt; næste skridt er løntilskud.": EndReason.MOVED_UP,
    "Borgeren starter på VUC; virksomheden vil gerne tage en ny praktikant.": EndReason.EDUCATION,
    "Misforståelser om opgaverne drøftet; borgeren ønsker en anden branche.": (
        EndReason.NOT_SUITABLE
    ),
}
YEARS_BACK = HISTORY_YEARS
RECENT_DAYS = 120  # who started later may still wait for the first company-based offer

_HOURS: dict[str, tuple[int, int]] = {
    PlacementKind.ORDINARY: (25, 37),
    PlacementKind.SMALL_JOB: (5, 15),
    PlacementKind.LEISURE_JOB: (4, 10),
    PlacementKind.FLEXJOB: (10, 20),
}
_GOALS = (
    "Lære arbejdsgangene i {company} og kunne arbejde selvstændigt efter otte uger.",
    "Styrke dansk på arbejdspladsen: fagord og small talk i pauserne; sprogmakker fra første dag.",
    "Stabilt fremmøde og at melde fra korrekt ved sygdom.",
    "Afklare om praktikken kan blive til lønnede timer, og på sigt ordinært job.",
    "Kende sikkerhedsreglerne og bruge værnemidler rigtigt.",
)
# What a follow-up's note says, by how it was held: a visit's note tells what was seen at the
# workplace, a call's what was said (a "Besøg" whose note began "Telefon:" told two stories).
_FOLLOW_UP_NOTES = {
    ContactMode.VISIT: (
        "Trives og møder stabilt. Kollegerne roser indsatsen.",
        "Vil gerne have flere timer; drøftet lønnede timer med lederen på stedet.",
        "Set borgeren arbejde ved pakkebåndet; lederen er tilfreds med tempoet.",
    ),
    ContactMode.PHONE: (
        "Talt med kontaktpersonen: lidt sprogvanskeligheder; sprogmakker aftalt.",
        "Kontaktpersonen fortæller om enkelte sene fremmøder på grund af bus; cykel undersøges.",
    ),
    ContactMode.MAIL: ("Kontaktpersonen har svaret på mail: fremmødet er stabilt.",),
    ContactMode.ACCOMPANIMENT: ("Gennemgået arbejdsopgaver og sikkerhed sammen med borgeren.",),
}
# When in the day the plan's follow-ups are (shown in the calendar feed); some plans have none.
_CONTACT_TIMES = (dt.time(9, 0), dt.time(10, 0), dt.time(10, 30), dt.time(13, 0), None)
_ACUTE = (
    "Borgeren er ikke mødt i to dage og svarer ikke telefon.",
    "Konflikt med en kollega om pauser; lederen beder om et møde.",
    "Misforståelse om arbejdstiden: borgeren gik hjem kl. 12.",
)
_NOT_WORKING = (
    "Kommer for sent om mandagen; har svært ved at nå bussen.",
    "Siger ja til opgaver uden at have forstået dem.",
    "Holder sig for sig selv i pauserne.",
)
_RESOURCES = (
    "Grundig og omhyggelig; kunderne er glade for hende/ham.",
    "Hjælpsom over for kollegerne og lærer hurtigt nye opgaver.",
    "Stor arbejdsvilje og godt humør.",
)


def build_placements(rng: random.Random, *, today: dt.date, stdout=None) -> int:
    """Build the placements and everything that belongs to them; returns how many."""
    tz = timezone.get_default_timezone()
    companies = list(Company.objects.order_by("id").values_list("id", "sector", "name"))
    if not companies:
        return 0
    openings: dict[tuple[int, str], int] = {}
    places: dict[int, int] = {}  # an opening's free places, filled by active placements
    opening_rows = Opening.objects.order_by("id").values_list(
        "id", "company_id", "kind", "capacity"
    )
    for oid, cid, kind, capacity in opening_rows:
        openings.setdefault((cid, kind), oid)
        places[oid] = capacity
    contacts = dict(
        Company.objects.filter(contacts__isnull=False).values_list("id", "contacts__name")
    )
    private = [c for c in companies if c[1] == Sector.PRIVATE]
    public = [c for c in companies if c[1] == Sector.PUBLIC] or private
    ambassadors = list(User.objects.filter(role=Role.AMBASSADOR).order_by("id"))
    demo_ambassador = next((a for a in ambassadors if a.username == "ambassador"), ambassadors[0])
    earliest = today - dt.timedelta(days=365 * YEARS_BACK)

    citizens = Citizen.objects.filter(effort_started_at__isnull=False).order_by("id")
    rows = citizens.annotate(in_project=in_ambassador_project()).values_list(
        "id", "effort_started_at", "youth_status", "in_project", "integration_period_end"
    )
    placements: list[Placement] = []
    for cid, started_at, youth, in_project, programme_end in rows.iterator(chunk_size=BATCH):
        if started_at is None:  # not so (filtered above), but the column is nullable
            continue
        start = max(earliest, started_at.astimezone(tz).date() + dt.timedelta(days=7))
        if start >= today:
            continue
        # The first company-based offer comes within the law's month (law.selectors
        # .awaiting_first_offer): only some who came in the last months still wait for it.
        recent = start > today - dt.timedelta(days=RECENT_DAYS)
        # What the first offer adds is drawn from a stream of its own, the citizen's: the
        # shared stream (and so the rest of the demo) draws as it did before.
        own = random.Random(f"first-offer-{cid}")
        r, course = rng, None
        if rng.random() < 0.08:  # a few have no course: the recent, or one internship long ago
            if recent:
                continue
            r, course = own, [first_offer(own, start)]
        ambassador = None
        if in_project:
            ambassador = demo_ambassador if r.random() < 0.6 else r.choice(ambassadors)
        if course is None:  # One course through the staircase (demo/goals.py): until a job.
            youthful = youth != YouthStatus.NOT_YOUTH
            course = career(rng, start, today, youth=youthful, offer_first=not recent)
        for planned in course:
            kind, ends = planned.kind, planned.ends_on
            company = None
            if kind not in (PlacementKind.EDUCATION, PlacementKind.OTHER_EFFORT):
                pick = own if planned.offered else r
                company = pick.choice(public if pick.random() < 0.3 else private)
            active = ends >= today
            hours = _HOURS.get(kind)
            opening = openings.get((company[0], kind)) if company else None
            if opening and active:
                # No more active placements in an opening than its capacity; a full
                # opening's company still takes the citizen, outside the opening.
                if places[opening] > 0:
                    places[opening] -= 1
                else:
                    opening = None
            placements.append(
                Placement(
                    citizen_id=cid,
                    company_id=company[0] if company else None,
                    opening_id=opening,
                    kind=kind,
                    starts_on=planned.starts_on,
                    ends_on=ends if not active or r.random() < 0.7 else None,
                    hours_per_week=Decimal(r.randint(*hours) if hours else r.randint(15, 30)),
                    paid_hours_per_week=Decimal(planned.paid_hours),
                    status=PlacementStatus.ACTIVE if active else PlacementStatus.ENDED,
                    # An internship's reason follows its ending conversation (_build_courses).
                    end_reason="" if active else EndReason.COMPLETED,
                    # Made (version 1), then ended through placement_end, which counts up.
                    version=1 if active else 2,
                    # The project's ambassador follows the courses until the first job
                    # (and while the integration programme lasts).
                    ambassador=ambassador
                    if planned.before_job
                    and (programme_end is None or planned.starts_on <= programme_end)
                    else None,
                    created_by=None,
                )
            )
    bulk.create(placements)
    names = {c[0]: c[2] for c in companies}
    _build_courses(rng, placements, today, tz, contacts, names, ambassadors)
    acute_flag_breaches()
    # The demo logins that follow up get a private calendar address (Opfølgninger -> Kalender),
    # from `secrets` like every other, not from the seeded stream: a demo's addresses must not
    # be predictable from its seed. Only the hash is stored; "Lav en ny adresse" shows one.
    for user in User.objects.filter(username__in=("ambassador", "sagsbehandler")).order_by("id"):
        feed_renew(user=user)
    if stdout is not None:
        stdout.write(f"  {len(placements)} forløb på prioriteringstrappen\n")
    return len(placements)


def _build_courses(rng, placements, today, tz, contacts, company_names, ambassadors) -> None:
    """Plans, revisions, follow-ups, acute issues, conversations and retention plans.

    The rules are services.py's (tested on the built demo in tests/test_demo_rules.py):
    every ended internship had its ending conversation with an ambassador (the course's,
    or one who came for the talk when the citizen had none), held by the end day."""
    plans: list[CoursePlan] = []
    revisions: list[PlanRevision] = []
    follow_ups: list[FollowUp] = []
    issues: list[AcuteIssue] = []
    conversations: list[EndingConversation] = []
    retention: list[RetentionPlan] = []
    entries: list[tuple[int, RetentionEntry]] = []
    monday = today - dt.timedelta(days=today.weekday())
    breached = False

    def at(day: dt.date, hour: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, rng.choice((0, 15, 30, 45))), tzinfo=tz)

    def acute(p, contact, reported, answered_at, answer) -> AcuteIssue:
        return AcuteIssue(
            placement=p,
            reported_at=reported,
            reported_by=contact,
            description=rng.choice(_ACUTE),
            registered_by=p.ambassador,
            answered_at=answered_at,
            answered_by=p.ambassador if answered_at else None,
            answer=answer,
        )

    reasoned: list[Placement] = []
    for p in placements:
        contact = contacts.get(p.company_id, "Kontaktpersonen")
        if p.status == PlacementStatus.ENDED and p.kind == PlacementKind.INTERNSHIP:
            talker = p.ambassador or rng.choice(ambassadors)
            conversations.append(
                EndingConversation(
                    placement=p,
                    held_on=max(p.starts_on, p.ends_on - dt.timedelta(days=rng.randint(0, 5))),
                    ambassador=talker,
                    company_participant=contact,
                    other_participants="Borgeren" + (", tolk" if rng.random() < 0.5 else ""),
                    outcome=ConversationOutcome.ENDS,
                    summary=(summary := rng.choice(tuple(_ENDINGS))),
                    recorded_by=talker,
                )
            )
            p.end_reason = _ENDINGS[summary]
            reasoned.append(p)
        if p.ambassador is not None and rng.random() < 0.1:
            # An acute issue during the course in the last year, nearly always answered
            # within the 24 hours (the dashboard's number); acute_flag_breaches flags the rest.
            first = max(p.starts_on, today - dt.timedelta(days=365))
            last = min(p.ends_on or today, today) - dt.timedelta(days=1)
            if first <= last:
                day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
                reported = at(day, rng.randint(8, 14))
                hours = rng.randint(1, 20) if rng.random() < 0.9 else rng.randint(26, 60)
                done = min(timezone.now(), reported + dt.timedelta(hours=hours))
                answer = "Talt med borgeren og virksomheden; aftalt, hvordan vi følger op."
                issues.append(acute(p, contact, reported, done, answer))
        if p.ambassador is None or p.status != PlacementStatus.ACTIVE or p.company_id is None:
            continue  # a course plan's follow-ups are visits and calls to the company
        company = company_names[p.company_id]
        every = rng.choice((7, 14, 14, 21, 28))
        mode = rng.choice((ContactMode.VISIT, ContactMode.VISIT, ContactMode.PHONE))
        goals = rng.choice(_GOALS).format(company=company)
        plan = CoursePlan(
            placement=p,
            goals=goals,
            contact_every_days=every,
            contact_mode=mode,
            contact_time=rng.choice(_CONTACT_TIMES),
            accompaniment_days=rng.choice((0, 1, 2, 3)),
            accompaniment_note=rng.choice(("", "De første dage", "Ved opstart og efter fire uger")),
            updated_by=p.ambassador,
        )
        plans.append(plan)
        saved = at(p.starts_on, 10)
        n_rev = rng.choice((1, 1, 2, 3))
        for v in range(1, n_rev + 1):
            if v > 1:
                saved = saved + dt.timedelta(days=rng.randint(10, 40))
                if saved.date() >= today:
                    break
                plan.goals = goals + " " + rng.choice(_GOALS).format(company=company)
                plan.contact_every_days = rng.choice((14, 21, 28))
            plan.version = v
            revisions.append(
                PlanRevision(
                    plan=plan,
                    version=v,
                    saved_at=saved,
                    saved_by=p.ambassador,
                    changed="goals,contact_every_days,contact_mode,contact_time,accompaniment_days"
                    if v == 1
                    else "goals,contact_every_days",
                    goals=plan.goals,
                    contact_every_days=plan.contact_every_days,
                    contact_mode=mode,
                    contact_time=plan.contact_time,
                    accompaniment_days=plan.accompaniment_days,
                    accompaniment_note=plan.accompaniment_note,
                )
            )
        # Done follow-ups from the start on the rhythm; the next one open: due this week,
        # overdue, or later.
        day = workday_on_or_after(p.starts_on + dt.timedelta(days=plan.contact_every_days))
        last_done = None
        while day < today - dt.timedelta(days=3):
            # Most contacts are made on the day planned (the dashboard's compliance).
            late = 0 if rng.random() < 0.8 else rng.randint(1, 5)
            done = min(today - dt.timedelta(days=1), day + dt.timedelta(days=late))
            follow_ups.append(
                FollowUp(
                    placement=p,
                    due_on=day,
                    mode=mode,
                    assigned_to=p.ambassador,
                    done_on=done,
                    done_by=p.ambassador,
                    summary=rng.choice(_FOLLOW_UP_NOTES[mode]),
                )
            )
            last_done = done
            day = workday_on_or_after(done + dt.timedelta(days=plan.contact_every_days))
        r = rng.random()
        if r < 0.2 and last_done:
            day = workday_on_or_after(today - dt.timedelta(days=rng.randint(3, 12)))
            if day >= today:
                day = today - dt.timedelta(days=3)
        elif r < 0.55:
            day = workday_on_or_after(monday + dt.timedelta(days=rng.randint(0, 4)))
        follow_ups.append(FollowUp(placement=p, due_on=day, mode=mode, assigned_to=p.ambassador))

        if rng.random() < 0.08 or (not breached and p.ambassador.username == "ambassador"):
            reported = timezone.now() - dt.timedelta(hours=rng.randint(2, 200))
            answered = rng.random() < 0.7 and breached
            if not breached:
                reported = timezone.now() - dt.timedelta(hours=rng.randint(30, 60))
            breached = True
            at_ = timezone.now()
            if answered:
                at_ = min(at_, reported + dt.timedelta(hours=rng.randint(1, 20)))
            answer = "Besøgt virksomheden; aftalt en ny plan for fremmødet."
            issues.append(
                acute(p, contact, reported, at_ if answered else None, answer if answered else "")
            )
        if rng.random() < 0.3:
            rp = RetentionPlan(
                placement=p,
                work_function=rng.choice(
                    ("Rengøringsassistent", "Køkkenmedhjælper", "Lagermedarbejder", "Pakker")
                ),
                company_contact=contact,
                company_contact_phone="75 89 00 00",
                municipality_contact=p.ambassador,
                municipality_contact_phone="79 75 50 00",
                company_goal="Fast og stabilt fremmøde; selvstændig på egne opgaver.",
                citizen_goal="Melde fra i god tid og spørge, når noget er uklart.",
                jobcentre_goal="At praktikken fører til lønnede timer.",
                next_goal="Opfølgningsmøde om fire uger med virksomhed, borger og ambassadør.",
                assessment="Positiv udvikling; fremmødet er blevet mere stabilt.",
            )
            retention.append(rp)
            for k in range(rng.randint(1, 3)):
                on = min(today, p.starts_on + dt.timedelta(days=7 + 14 * k))
                entries.append(
                    (
                        len(retention) - 1,
                        RetentionEntry(
                            on=on,
                            not_working=rng.choice(_NOT_WORKING),
                            resources=rng.choice(_RESOURCES),
                            recorded_by=p.ambassador,
                        ),
                    )
                )

    bulk.create(plans)
    for r in revisions:
        r.plan_id = r.plan.pk
    bulk.create(revisions)
    bulk.create(follow_ups)
    bulk.create(issues)
    bulk.create(conversations)
    Placement.objects.bulk_update(reasoned, ["end_reason"], batch_size=BATCH)
    bulk.create(retention)
    for i, entry in entries:
        entry.plan = retention[i]
    bulk.create([e for _i, e in entries])
