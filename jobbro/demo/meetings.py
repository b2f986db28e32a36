"""The demo's monthly coordination meetings (seed 000 line ~101), held by the demo
ambassador: last month's and this month's, each with a few decisions and the actions they
became.

An agenda is generated from the data as it is when it is made, and frozen. The demo has
only today's data, so only the meeting held on the last working day up to today has one:
a past meeting's agenda made from today's data would list citizens who had not arrived, and
follow-ups and issues that did not exist, on its date. Last month's meeting is its minutes
only (its page says no agenda was made in Jobbro); its actions are done, the planned
conversations written. This month's actions lie ahead."""

import datetime as dt
import random

from django.core.exceptions import PermissionDenied, ValidationError

from jobbro.accounts.models import Role, User
from jobbro.journal import services as journal_services
from jobbro.lib.workdays import is_workday, workday_on_or_after
from jobbro.meetings import services
from jobbro.meetings.models import AgendaKind, Decision, Meeting
from jobbro.placements.models import Placement

PARTICIPANTS = "Ambassadøren, virksomhedskonsulenterne og sagsbehandlerne i Team Nord og Team Syd"
GENERAL = [
    "Virksomhedskonsulenterne tager jobbarometeret med på de næste besøg.",
    "Næste møde holdes hos en af partnerskabsvirksomhederne.",
    "Sagsbehandlerne melder nye borgere til ambassadøren inden for 48 timer.",
]
ACTIONS = {
    AgendaKind.FOLLOW_UP: "Opfølgningen holdes ved et besøg på arbejdspladsen.",
    AgendaKind.ENDING: "Samtale med borgeren og virksomheden om, hvad der skal ske efter praktikken.",
    AgendaKind.STALLED: "Ny progressionsmåling og en samtale om, hvad der står i vejen.",
    AgendaKind.ACUTE: "Ambassadøren ringer til virksomheden og aftaler et møde.",
    AgendaKind.AWAITING: "Indsatsen startes med en samtale i denne uge.",
    AgendaKind.FIRST_OFFER: "Find en praktikplads i jobbanken og tal med borgeren om den.",
    AgendaKind.BELOW_HOURS: "Ugeskemaet fyldes op med lønnede timer eller danskundervisning.",
}


def _first_tuesday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def _months_before(today: dt.date, n: int) -> tuple[int, int]:
    month = today.month - n
    return today.year + (month - 1) // 12, (month - 1) % 12 + 1


def _last_workday(today: dt.date) -> dt.date:
    day = today
    while not is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def _act(rng, meeting, ambassador, citizen, text, due) -> Decision | None:
    """A decision about a citizen: the ambassador's or the case worker's action."""
    case_worker = citizen.case_worker
    responsible = rng.choice([u for u in (ambassador, case_worker) if u is not None])
    try:
        return services.decision_record(
            meeting=meeting,
            text=text,
            by=ambassador,
            citizen=citizen,
            responsible=responsible,
            due_on=due,
            place="Jobcentret",
        )
    except (ValidationError, PermissionDenied):
        return None  # a citizen the ambassador or the case worker may not write for


def build_meetings(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-meetings")
    ambassador = User.objects.filter(role=Role.AMBASSADOR, is_active=True).order_by("pk").first()
    if ambassador is None:
        return
    meetings = decisions = 0

    # Last month's meeting: the minutes, no agenda. Its actions were about the ambassador's
    # own courses of then, were due within three weeks and are done.
    held_on = _first_tuesday(*_months_before(today, 1))
    meeting = Meeting(
        held_on=held_on,
        title="Månedligt koordinationsmøde",
        participants=PARTICIPANTS,
        created_by=ambassador,
    )
    meeting.full_clean()
    meeting.save()
    meetings += 1
    services.decision_record(meeting=meeting, text=rng.choice(GENERAL), by=ambassador)
    decisions += 1
    courses = list(
        Placement.objects.filter(
            ambassador=ambassador,
            starts_on__lt=held_on,
            ends_on__gte=held_on,
            citizen__settled_at__date__lt=held_on,
        )
        .select_related("citizen__case_worker")
        .order_by("pk")
    )
    for placement in rng.sample(courses, min(3, len(courses))):
        due = workday_on_or_after(held_on + dt.timedelta(days=rng.randint(5, 20)))
        if due > today:
            continue
        text = ACTIONS[rng.choice((AgendaKind.FOLLOW_UP, AgendaKind.ENDING, AgendaKind.STALLED))]
        decision = _act(rng, meeting, ambassador, placement.citizen, text, due)
        if decision is None:
            continue
        decisions += 1
        if decision.follow_up is not None and decision.responsible is not None:
            journal_services.conversation_record(
                note=decision.follow_up,
                by=decision.responsible,
                version=decision.follow_up.version,
                occurred_on=due,
                text="Aftalen fra koordinationsmødet er fulgt op.",
            )

    # This month's: held on the last working day up to today, its agenda made from today's
    # data; its actions are due before the next meeting.
    meeting = services.meeting_create(
        held_on=_last_workday(today),
        title="Månedligt koordinationsmøde",
        participants=PARTICIPANTS,
        by=ambassador,
    )
    meetings += 1
    services.decision_record(meeting=meeting, text=rng.choice(GENERAL), by=ambassador)
    decisions += 1
    items = list(meeting.agenda.select_related("citizen__case_worker").order_by("position"))
    for item in rng.sample(items, min(3, len(items))):
        due = workday_on_or_after(today + dt.timedelta(days=rng.randint(2, 14)))
        if _act(rng, meeting, ambassador, item.citizen, ACTIONS[AgendaKind(item.kind)], due):
            decisions += 1
    if stdout is not None:
        stdout.write(f"Koordinationsmøder: {meetings} med {decisions} beslutninger.\n")
