"""The demo's monthly coordination meetings (seed 000 line ~101): the two before this month,
held by the demo ambassador, each with its agenda, a few decisions and the actions they
became; the older meeting's actions are done (the planned conversations written)."""

import datetime as dt
import random

from jobbro.accounts.models import Role, User
from jobbro.journal import services as journal_services
from jobbro.lib.workdays import workday_on_or_after
from jobbro.meetings import services
from jobbro.meetings.models import AgendaKind

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


def build_meetings(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-meetings")
    ambassador = User.objects.filter(role=Role.AMBASSADOR, is_active=True).order_by("pk").first()
    if ambassador is None:
        return
    meetings = decisions = 0
    for n in (2, 1):
        held_on = _first_tuesday(*_months_before(today, n))
        meeting = services.meeting_create(
            held_on=held_on,
            title="Månedligt koordinationsmøde",
            participants=PARTICIPANTS,
            by=ambassador,
        )
        meetings += 1
        services.decision_record(meeting=meeting, text=rng.choice(GENERAL), by=ambassador)
        decisions += 1
        # The agenda is made from today's data: act only on those settled before the meeting.
        items = list(
            meeting.agenda.select_related("citizen__case_worker")
            .filter(citizen__settled_at__date__lt=held_on)
            .order_by("position")
        )
        for item in rng.sample(items, min(3, len(items))):
            case_worker = item.citizen.case_worker
            responsible = rng.choice([u for u in (ambassador, case_worker) if u is not None])
            # The older meeting's actions were due and are done; the last meeting's are due
            # before the next one (a planned conversation lies ahead, as the journal holds).
            if n == 2:
                due = workday_on_or_after(held_on + dt.timedelta(days=rng.randint(5, 20)))
            else:
                due = workday_on_or_after(today + dt.timedelta(days=rng.randint(2, 14)))
            decision = services.decision_record(
                meeting=meeting,
                text=ACTIONS[AgendaKind(item.kind)],
                by=ambassador,
                citizen=item.citizen,
                responsible=responsible,
                due_on=due,
                place="Jobcentret",
            )
            decisions += 1
            if n == 2 and decision.follow_up is not None and due <= today:
                journal_services.conversation_record(
                    note=decision.follow_up,
                    by=responsible,
                    version=decision.follow_up.version,
                    occurred_on=due,
                    text="Aftalen fra koordinationsmødet er fulgt op.",
                )
    if stdout is not None:
        stdout.write(f"Koordinationsmøder: {meetings} med {decisions} beslutninger.\n")
