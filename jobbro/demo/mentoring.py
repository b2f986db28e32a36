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


# Mentors (seed 002, Lederne) ------------------------------------------------------------

ORGANISATIONS = ("Lederne Sydøstjylland", "Lederne Sydvestjylland", "Frivilligcenter Hedensted")
BACKGROUNDS = (
    "Tidligere driftsleder i byggeriet, netværk blandt lokale entreprenører",
    "Pensioneret produktionschef i fødevareindustrien",
    "Afdelingsleder i detailhandlen",
    "Tidligere leder af et plejecenter",
    "Værkfører på et lager, kender transportbranchen",
    "Selvstændig i gartneri og anlæg",
)
DECLINE_MENTOR = (
    "Har ikke tid de næste måneder.",
    "Kemien passede ikke ved første møde.",
    "Bor for langt væk til at mødes jævnligt.",
)
DECLINE_CITIZEN = (
    "Ønsker en kvindelig mentor.",
    "Har allerede god støtte fra sin netværksfamilie.",
    "Vil vente til danskuddannelsen er afsluttet.",
)
MEETING_NOTES = (
    "Talte om arbejdspladsens uskrevne regler og om at ringe ved sygdom.",
    "Gennemgik en jobannonce sammen og øvede samtale.",
    "Besøgte en virksomhed i mentorens netværk.",
    "Talte om ferie, pension og overenskomst.",
)


def build_mentors(*, seed: int, today: dt.date, stdout=None) -> None:
    """A small mentor corps with two chief mentors, matches in every state, and meetings.
    The demo mentor login is a volunteer mentor whose agreed matches are its mentees'
    mentorships (cases.Mentorship), as `services.match_answer` makes them."""
    from jobbro.accounts.models import User
    from jobbro.cases.models import Mentorship
    from jobbro.citizens.models import Citizen
    from jobbro.citizens.status import CaseStatus
    from jobbro.mentoring.models import (
        Answer,
        MatchStatus,
        Mentor,
        MentorKind,
        MentorMatch,
        MentorMeeting,
    )

    rng = random.Random(f"{seed}-mentors")
    login = User.objects.filter(username="mentor").first()
    by = User.objects.filter(username="sagsbehandler").first()
    if by is None:
        return

    def person() -> str:
        first = rng.choice(rng.choice((names.STAFF_FEMALE, names.STAFF_MALE)))
        return f"{first} {rng.choice(names.STAFF_LAST)}"

    def mentor(kind, **kw) -> Mentor:
        return Mentor.objects.create(
            name=kw.pop("name", None) or person(),
            kind=kind,
            background=rng.choice(BACKGROUNDS),
            phone=f"2{rng.randint(0, 9999999):07d}",
            created_by=by,
            **kw,
        )

    chiefs = [
        mentor(MentorKind.VOLUNTEER, organisation=org, is_chief=True) for org in ORGANISATIONS[:2]
    ]
    corps = [
        mentor(
            MentorKind.VOLUNTEER, organisation=rng.choice(ORGANISATIONS), chief=rng.choice(chiefs)
        )
        for _ in range(14)
    ]
    corps += [mentor(MentorKind.COLLEAGUE, organisation="Jobcenter Hedensted") for _ in range(4)]
    own = None
    if login is not None:
        own = mentor(
            MentorKind.VOLUNTEER,
            name=f"{login.first_name} {login.last_name}",
            organisation=ORGANISATIONS[0],
            chief=chiefs[0],
            user=login,
        )
    matches, meetings = [], []
    # The mentor login's mentees: agreed matches that are their mentorships.
    for ship in Mentorship.objects.filter(mentor=login, ends_on__isnull=True).order_by("pk"):
        matches.append(
            MentorMatch(
                citizen_id=ship.citizen_id,
                mentor=own,
                proposed_on=ship.starts_on - dt.timedelta(days=rng.randint(3, 10)),
                proposed_by=by,
                status=MatchStatus.AGREED,
                mentor_answer=Answer.YES,
                citizen_answer=Answer.YES,
                started_on=ship.starts_on,
                mentorship=ship,
            )
        )
    taken = {m.citizen_id for m in matches}
    active = Citizen.objects.with_status(CaseStatus.ACTIVE).exclude(pk__in=taken)
    for cid in active.filter(mentor__isnull=True).order_by("pk").values_list("pk", flat=True)[:30]:
        m = rng.choice(corps)
        proposed = today - dt.timedelta(days=rng.randint(5, 200))
        roll = rng.random()
        row = MentorMatch(citizen_id=cid, mentor=m, proposed_on=proposed, proposed_by=by)
        if roll < 0.2:
            row.status = MatchStatus.PROPOSED
        elif roll < 0.45:
            row.status = MatchStatus.DECLINED
            if rng.random() < 0.5:
                row.mentor_answer, row.mentor_reason = Answer.NO, rng.choice(DECLINE_MENTOR)
            else:
                row.mentor_answer = Answer.YES
                row.citizen_answer, row.citizen_reason = Answer.NO, rng.choice(DECLINE_CITIZEN)
        else:
            row.status = MatchStatus.AGREED
            row.mentor_answer = row.citizen_answer = Answer.YES
            row.started_on = min(today, proposed + dt.timedelta(days=rng.randint(2, 14)))
        matches.append(row)
    MentorMatch.objects.bulk_create(matches)
    agreed = MentorMatch.objects.filter(status=MatchStatus.AGREED, started_on__isnull=False)
    for match in agreed.select_related("mentor").order_by("pk"):
        start = match.started_on or today
        days = (today - start).days
        for _ in range(min(6, days // 14)):
            meetings.append(
                MentorMeeting(
                    match=match,
                    met_on=start + dt.timedelta(days=rng.randint(0, days)),
                    minutes=rng.choice((45, 60, 90, 120)),
                    note=rng.choice(MEETING_NOTES),
                    created_by=match.mentor.user or by,
                )
            )
    MentorMeeting.objects.bulk_create(meetings)
    if stdout is not None:
        stdout.write(f"Mentorer: {Mentor.objects.count()}, match: {len(matches)}.\n")
