"""The demo municipality: a fictional Hedensted with teams, staff, citizens and timelines.

Everything comes from one `random.Random(seed)` and the given `today`, so the same seed and
day build the same people, CPR numbers and dates. The default size and shares are
Hedensted's intake 2015–17 (seed 000, line ~192): 280 refugees and 178 family-reunified,
104 women, 75 youths aged 15–18 of whom 59 unaccompanied. Other sizes keep the shares, so
`--citizens 50000` is the same municipality at national scale.
"""

import datetime as dt
import heapq
import math
import random
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from jobbro.accounts.models import Role, Team, User
from jobbro.citizens.models import (
    Arrival,
    Citizen,
    CitizenLanguage,
    DanishCourse,
    EventKind,
    Gender,
    LanguageLevel,
    Readiness,
    TimelineEvent,
    YouthStatus,
)
from jobbro.lib import isocodes
from jobbro.lib.dates import add_years, age_on

from . import bulk, names
from .assessments import build_assessments
from .attendance import build_attendance
from .companies import build_companies
from .goals import HISTORY_YEARS, build_goals
from .goals import in_project as goals_in_project
from .journal import build_journal
from .law import build_law
from .matching import build_matching
from .meetings import build_meetings
from .mentoring import build_mentoring, build_mentors
from .placements import build_placements
from .programmes import build_programmes, enrol_in_ambassador_project
from .screening import build_screening
from .status import build_status

# Public on purpose: printed by `jobbro demo` and in the README; only demo users have it.
DEMO_PASSWORD = "Blaabaer-kajak-tusmoerke-42"  # noqa: S105

# The demo logins, one per role in Role order: role, username, first and last name.
_DEMO_USERS = (
    (Role.ADMINISTRATOR, "admin", "Helle", "Damgaard"),
    (Role.AMBASSADOR, "ambassador", "Signe", "Holm"),
    (Role.CASE_WORKER, "sagsbehandler", "Mette", "Lindberg"),
    (Role.COMPANY_CONSULTANT, "konsulent", "Jesper", "Krogh"),
    (Role.TEACHER, "underviser", "Trine", "Bach"),
    (Role.MANAGER, "leder", "Torben", "Vinther"),
    (Role.MENTOR, "mentor", "Ole", "Friis"),
)

HEDENSTED_CITIZENS = 458
_HEDENSTED_REFUGEES = 280
_HEDENSTED_WOMEN = 104
_HEDENSTED_YOUTHS = 75
_HEDENSTED_UNACCOMPANIED = 59
_HEDENSTED_RECENT = 6  # settled within the last 10 days
_HEDENSTED_MENTEES = 15
_DEMO_MENTOR_MENTEES = 3

CASELOAD = 60  # citizens per case worker
TEAM_SIZE = 12  # case workers per team before another team is made
BATCH = 2500  # divides PROGRESS_EVERY
PROGRESS_EVERY = 5000

INDUSTRIES = (
    "rengøring",
    "pleje og omsorg",
    "fødevareindustri",
    "detailhandel",
    "byggeri",
    "landbrug",
    "transport",
    "hotel og køkken",
)

# (competence, work experience, industries it leads to, "f"/"m"/"" for who typically has it)
_TRADES = (
    ("Erfaring som frisør i {place}", "Frisør i egen salon, {y} år", ("detailhandel",), ""),
    ("Lastbilchauffør, {y} år", "Kørte lastbil fra {place}, {y} år", ("transport",), "m"),
    ("Syerske, {y} år", "Syerske på tekstilfabrik i {place}", ("fødevareindustri",), "f"),
    ("Kok, {y} år", "Kok på restaurant i {place}, {y} år", ("hotel og køkken",), ""),
    ("Murer- og betonarbejde", "Byggepladser i {place}, {y} år", ("byggeri",), "m"),
    ("Markarbejde og dyrehold", "Familiens landbrug uden for {place}", ("landbrug",), ""),
    ("Elektriker, {y} år", "Elinstallationer i boliger i {place}", ("byggeri",), "m"),
    ("Salg og kundeservice", "Sælger i familiens butik i {place}, {y} år", ("detailhandel",), ""),
    ("Automekaniker, {y} år", "Værksted i {place}, {y} år", ("transport",), "m"),
    (
        "Uddannet sygeplejerske",
        "Sygeplejerske på hospital i {place}, {y} år",
        ("pleje og omsorg",),
        "f",
    ),  # noqa: E501
    ("Underviste børn i grundskolen", "Lærer i {place}, {y} år", ("pleje og omsorg",), ""),
    ("Bager, {y} år", "Bageri i {place}, {y} år", ("fødevareindustri", "hotel og køkken"), ""),
    ("Rengøring og linned", "Rengøring på hotel i {place}", ("rengøring", "hotel og køkken"), ""),
    (
        "Madlavning til mange; passer børn",
        "Hjemmegående med ansvar for familien",
        ("pleje og omsorg", "hotel og køkken"),
        "f",
    ),  # noqa: E501
    ("Tømrer og snedker, {y} år", "Snedkerværksted i {place}, {y} år", ("byggeri",), "m"),
    ("Slagter, {y} år", "Slagter i {place}, {y} år", ("fødevareindustri",), "m"),
    ("Taxachauffør, {y} år", "Taxachauffør i {place}", ("transport",), "m"),
    ("IT-support og netværk", "IT-supporter i {place}, {y} år", ("detailhandel",), ""),
    ("Bogføring og regneark", "Bogholder i {place}, {y} år", ("detailhandel",), ""),
    (
        "Erfaring som frisør i {place}",
        "Frisør i hjemmet for naboer og familie",
        ("detailhandel",),
        "f",
    ),  # noqa: E501
    (
        "Ingen erhvervserfaring",
        "Har ikke arbejdet uden for hjemmet",
        ("rengøring", "pleje og omsorg"),
        "f",
    ),  # noqa: E501
    (
        "Plukning og pakning af frugt",
        "Sæsonarbejde på plantage ved {place}",
        ("landbrug", "fødevareindustri"),
        "",
    ),  # noqa: E501
)
_YOUTH_COMPETENCES = (
    "Spiller fodbold; gode sociale evner",
    "Interesseret i IT og computere",
    "Hjælper andre med at oversætte",
    "Godt til matematik",
    "Har hjulpet i familiens butik",
    "Vil gerne være mekaniker",
    "Vil gerne læse til sygeplejerske",
)
_STUDY_FIELDS = ("økonomi", "engelsk", "jura", "maskiningeniør", "IT", "landbrug", "farmaci")
_HEALTH = (
    "Rygproblemer, kan ikke løfte tungt",
    "Knæskade, kan ikke stå op i mange timer",
    "Diabetes, velreguleret",
    "Nedsat hørelse på venstre øre",
    "Søvnproblemer; henvist til egen læge",
    "Astma; tåler ikke støv og rengøringsmidler",
    "Hovedpine og koncentrationsbesvær",
)
_CHILDCARE = (
    "To børn i dagtilbud, kan møde fra kl. 8.30",
    "Barn på 1 år, venter på vuggestueplads",
    "Tre børn i skole; skal hente kl. 15",
    "Gravid, termin om fire måneder",
    "Et barn i børnehave; ægtefællen kan ikke hente",
)
_NOTES = (
    "Samtale med tolk om ønsker og kompetencer. Ønsker arbejde inden for {industry}.",
    "Opfølgende samtale: trives i praktikken og møder stabilt.",
    "Afbud til samtale på grund af sygdom; ny tid aftalt.",
    "Har fået cykel via frivillige og kan nu selv komme til {town}.",
    "Drøftet dansk på arbejdspladsen; sprogmakker foreslået.",
    "Virksomhedsbesøg aftalt sammen med ambassadøren.",
    "Borgeren ønsker at tage kørekort; vejledt om mulighederne.",
)


@dataclass
class _Staff:
    demo_case_worker: User
    adult_case_workers: list[User]  # the demo case worker first
    youth_case_workers: list[User]
    ambassadors: list[User]
    mentors: list[User]  # the demo mentor first
    count: int = 0


@dataclass
class _Person:
    """What is decided for the population as a whole, before each citizen is drawn."""

    youth: str = YouthStatus.NOT_YOUTH
    female: bool = False
    reunified: bool = False
    recent: str = ""  # "overdue", "new" or "started": settled within the last 10 days
    case_worker: User | None = None
    mentor: User | None = None


def demo_logins() -> list[tuple[str, str]]:
    """(role label, username) for the demo login of each role, in Role order."""
    return [(str(Role(role).label), username) for role, username, _, _ in _DEMO_USERS]


def build(*, seed: int, citizens: int, today: dt.date, stdout=None) -> None:
    """Build the demo municipality into the database, in one transaction."""
    rng = random.Random(seed)
    with transaction.atomic():
        staff = _build_staff(rng, citizens)
        people = _plan_people(rng, citizens, staff)
        support = _build_citizens(rng, people, staff, today, stdout)
        consultants = list(User.objects.filter(role=Role.COMPANY_CONSULTANT).order_by("id"))
        build_companies(
            rng, today=today, citizens=citizens, consultants=consultants, staff=staff.ambassadors
        )
        build_placements(rng, today=today, stdout=stdout)
        # After the placements: benefits follow the work (demo/goals.py).
        build_law(seed=seed, today=today, support=support, stdout=stdout)
        build_assessments(rng, today=today, stdout=stdout)
        build_screening(seed=seed, today=today, stdout=stdout)
        build_matching(seed=seed, today=today, stdout=stdout)
        build_journal(seed=seed, today=today, stdout=stdout)
        build_mentoring(seed=seed, today=today, stdout=stdout)
        build_status(seed=seed, today=today, stdout=stdout)
        build_mentors(seed=seed, today=today, stdout=stdout)
        build_programmes(seed=seed, today=today, stdout=stdout)
        build_goals(seed=seed, today=today, stdout=stdout)
        build_attendance(seed=seed, today=today, stdout=stdout)
        build_meetings(seed=seed, today=today, stdout=stdout)
    if stdout is not None:
        stdout.write(
            f"Demokommunen er bygget: {_number(citizens)} borgere, {_number(staff.count)} brugere "
            f"(seed {seed}, dato {today:%d.%m.%Y}).\n"
        )


def _share(n: int, part: int, whole: int = HEDENSTED_CITIZENS) -> int:
    return round(n * part / whole)


def _number(n: int) -> str:
    """12.000: Danish thousands separator."""
    return f"{n:,}".replace(",", ".")


def _ascii(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text if c.isalnum())


# Staff ---------------------------------------------------------------------------------


def _build_staff(rng: random.Random, n: int) -> _Staff:
    n_youths = _share(n, _HEDENSTED_YOUTHS)
    n_case_workers = max(4, round(n / CASELOAD))  # besides the demo case worker
    n_youth_cw = max(1, math.ceil(n_youths * 0.9 / CASELOAD))
    n_adult_cw = max(3, n_case_workers - n_youth_cw)
    n_mentees = _mentee_count(n)

    adult_teams = _team_names(
        ["Integrationsteam Nord", "Integrationsteam Syd"], "Integrationsteam", n_adult_cw + 1
    )
    youth_teams = _team_names(["Ungeteamet"], "Ungeteamet", n_youth_cw)
    teams = Team.objects.bulk_create([Team(name=t) for t in adult_teams + youth_teams])
    adult_teams_, youth_teams_ = teams[: len(adult_teams)], teams[len(adult_teams) :]

    password = make_password(DEMO_PASSWORD)  # one slow hash, shared by every demo user
    usernames: set[str] = set()
    users: list[User] = []

    def user(role, first, last, username=None, team=None) -> User:
        if username is None:
            base = f"{_ascii(first)}.{_ascii(last)[0]}"
            username, k = base, 1
            while username in usernames:
                k += 1
                username = f"{base}{k}"
        usernames.add(username)
        u = User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.com",
            role=role,
            team=team,
            password=password,
        )
        users.append(u)
        return u

    def staff_name() -> tuple[str, str]:
        first = rng.choice(names.STAFF_FEMALE if rng.random() < 0.65 else names.STAFF_MALE)
        return first, rng.choice(names.STAFF_LAST)

    demo = {}
    for role, username, first, last in _DEMO_USERS:
        team = adult_teams_[0] if role == Role.CASE_WORKER else None
        demo[role] = user(role, first, last, username, team)

    # Case workers are spread over the teams; the demo case worker is in the first team.
    adult_cw = [demo[Role.CASE_WORKER]]
    for i in range(n_adult_cw):
        team = adult_teams_[(i + 1) % len(adult_teams_)]
        adult_cw.append(user(Role.CASE_WORKER, *staff_name(), team=team))
    youth_cw = [
        user(Role.CASE_WORKER, *staff_name(), team=youth_teams_[i % len(youth_teams_)])
        for i in range(n_youth_cw)
    ]
    ambassadors = [demo[Role.AMBASSADOR], user(Role.AMBASSADOR, *staff_name())]
    for _ in range(max(2, round(n / 200))):
        user(Role.COMPANY_CONSULTANT, *staff_name())
    user(Role.TEACHER, *staff_name())
    mentors = [demo[Role.MENTOR]]
    for _ in range(max(2, math.ceil((n_mentees - _DEMO_MENTOR_MENTEES) / 2))):
        mentors.append(user(Role.MENTOR, *staff_name()))

    User.objects.bulk_create(users, batch_size=BATCH)
    return _Staff(
        demo_case_worker=demo[Role.CASE_WORKER],
        adult_case_workers=adult_cw,
        youth_case_workers=youth_cw,
        ambassadors=ambassadors,
        mentors=mentors,
        count=len(users),
    )


def _team_names(base: list[str], prefix: str, members: int) -> list[str]:
    count = max(len(base), math.ceil(members / TEAM_SIZE))
    return base + [f"{prefix} {i}" for i in range(len(base) + 1, count + 1)]


def _mentee_count(n: int) -> int:
    return min(n, max(_DEMO_MENTOR_MENTEES, _share(n, _HEDENSTED_MENTEES)))


# The population -------------------------------------------------------------------------


def _plan_people(rng: random.Random, n: int, staff: _Staff) -> list[_Person]:
    """Who is young, a woman, family-reunified, recently settled; who works with whom."""
    n_youths = _share(n, _HEDENSTED_YOUTHS)
    n_unaccompanied = round(n_youths * _HEDENSTED_UNACCOMPANIED / _HEDENSTED_YOUTHS)
    people = [_Person() for _ in range(n)]
    statuses = [YouthStatus.UNACCOMPANIED] * n_unaccompanied
    statuses += [YouthStatus.ACCOMPANIED] * (n_youths - n_unaccompanied)
    statuses += [YouthStatus.NOT_YOUTH] * (n - n_youths)
    rng.shuffle(statuses)
    for person, status in zip(people, statuses, strict=True):
        person.youth = status

    # Exactly the municipality's number of women: few among the unaccompanied minors,
    # half among youths who came with their families.
    groups = {
        s: [i for i, p in enumerate(people) if p.youth == s]
        for s in (YouthStatus.UNACCOMPANIED, YouthStatus.ACCOMPANIED, YouthStatus.NOT_YOUTH)
    }
    women = _share(n, _HEDENSTED_WOMEN)
    w_unacc = round(len(groups[YouthStatus.UNACCOMPANIED]) * 0.1)
    w_acc = round(len(groups[YouthStatus.ACCOMPANIED]) * 0.5)
    w_adult = min(len(groups[YouthStatus.NOT_YOUTH]), max(0, women - w_unacc - w_acc))
    for status, k in (
        (YouthStatus.UNACCOMPANIED, w_unacc),
        (YouthStatus.ACCOMPANIED, w_acc),
        (YouthStatus.NOT_YOUTH, w_adult),
    ):
        for i in rng.sample(groups[status], min(k, len(groups[status]))):
            people[i].female = True

    # Family reunification is mostly of spouses, so women are three times as likely;
    # an unaccompanied minor is a refugee by definition.
    candidates = [i for i, p in enumerate(people) if p.youth != YouthStatus.UNACCOMPANIED]
    n_reunified = min(len(candidates), n - _share(n, _HEDENSTED_REFUGEES))
    for i in _weighted_sample(rng, candidates, n_reunified, lambda i: 3 if people[i].female else 1):
        people[i].reunified = True

    # A few adults settled in the last days: half overdue on the 96-hour rule, a third just
    # arrived, the rest started in time.
    adults = groups[YouthStatus.NOT_YOUTH]
    recent = rng.sample(adults, min(len(adults), max(6, _share(n, _HEDENSTED_RECENT))))
    n_overdue, n_new = len(recent) // 2, len(recent) // 3
    for k, i in enumerate(recent):
        people[i].recent = (
            "overdue" if k < n_overdue else "new" if k < n_overdue + n_new else "started"
        )

    _assign_case_workers(rng, people, staff, forced=recent[:_HEDENSTED_RECENT])

    mentees = rng.sample(range(n), _mentee_count(n))
    others = staff.mentors[1:]
    for k, i in enumerate(mentees):
        if k < _DEMO_MENTOR_MENTEES:
            people[i].mentor = staff.mentors[0]
        else:
            people[i].mentor = others[(k - _DEMO_MENTOR_MENTEES) % len(others)]
    return people


def _weighted_sample(rng: random.Random, items: list[int], k: int, weight) -> list[int]:
    """k items without replacement, each chosen with probability proportional to its weight."""
    keyed = sorted(((rng.random() ** (1 / weight(i)), i) for i in items), reverse=True)
    return [i for _, i in keyed[:k]]


def _assign_case_workers(rng, people: list[_Person], staff: _Staff, forced: list[int]) -> None:
    """Every citizen gets the least loaded case worker of their pool.

    Youths go mostly to the youth team. The demo case worker is given the first recently
    settled citizens, so their start page shows the 96-hour list.
    """
    for i in forced:
        people[i].case_worker = staff.demo_case_worker
    pools = {}
    for key, members in (("adult", staff.adult_case_workers), ("youth", staff.youth_case_workers)):
        load: list[list[Any]] = [[0, order, u] for order, u in enumerate(members)]
        if key == "adult":
            load[0][0] = len(forced)
        heapq.heapify(load)
        pools[key] = load
    for person in people:
        if person.case_worker is not None:
            continue
        youth = person.youth != YouthStatus.NOT_YOUTH and rng.random() < 0.9
        load = pools["youth" if youth else "adult"]
        entry = heapq.heappop(load)
        person.case_worker = entry[2]
        entry[0] += 1
        heapq.heappush(load, entry)


# Citizens -------------------------------------------------------------------------------


def _build_citizens(
    rng, people: list[_Person], staff: _Staff, today: dt.date, stdout
) -> dict[int, str]:
    """Build the citizens; returns each adult's kind of support (the benefit they started
    on, as `law.history.OLD_BENEFIT_TYPES` names it), which `build_law` dates."""
    draw = _Drawer(rng, today, staff.ambassadors)
    support: dict[int, str] = {}
    n = len(people)
    done = 0
    for start in range(0, n, BATCH):
        citizens: list[Citizen] = []
        events: list[TimelineEvent] = []
        spoken: list[tuple[Citizen, list[str]]] = []
        supports: list[str] = []
        for person in people[start : start + BATCH]:
            citizen, timeline, languages = draw.citizen(person)
            citizens.append(citizen)
            events.extend(timeline)
            spoken.append((citizen, languages))
            supports.append(draw.support)
        bulk.create(citizens)
        # The case file was opened when the citizen was received, not when the demo was built.
        Citizen.objects.filter(pk__in=[c.pk for c in citizens]).update(
            created_at=F("settled_at"), updated_at=F("settled_at")
        )
        bulk.create(events)
        support.update((c.pk, s) for c, s in zip(citizens, supports, strict=True) if s)
        bulk.create(
            [
                # The first language is the mother tongue; the others are spoken well.
                CitizenLanguage(
                    citizen=c, code=code, level=LanguageLevel.GOOD if i else LanguageLevel.NATIVE
                )
                for c, codes in spoken
                for i, code in enumerate(codes)
            ]
        )
        enrol_in_ambassador_project(draw.in_project, today)
        draw.in_project.clear()
        before, done = done, done + len(citizens)
        if stdout is not None and done // PROGRESS_EVERY > before // PROGRESS_EVERY:
            stdout.write(f"  {_number(done)} / {_number(n)} borgere\n")
    return support


class _Drawer:
    """Draws one citizen at a time from the shared random stream."""

    def __init__(self, rng: random.Random, today: dt.date, ambassadors: list[User]):
        self.rng = rng
        self.today = today
        self.ambassadors = ambassadors
        self.tz = timezone.get_default_timezone()
        self.origin_weights = [o.weight for o in names.ORIGINS]
        self.town_weights = [t[2] for t in names.TOWNS]
        self.used_cprs: set[str] = set()
        self.support = ""  # the kind of support of the citizen drawn last (see build_law)
        self.in_project: list[Citizen] = []

    def at(self, day: dt.date, first_hour: int = 8, last_hour: int = 14) -> dt.datetime:
        time = dt.time(self.rng.randint(first_hour, last_hour), self.rng.choice((0, 15, 30, 45)))
        return dt.datetime.combine(day, time, tzinfo=self.tz)

    def citizen(self, person: _Person) -> tuple[Citizen, list[TimelineEvent], list[str]]:
        rng, today = self.rng, self.today
        origin = rng.choices(names.ORIGINS, self.origin_weights)[0]
        town = rng.choices(names.TOWNS, self.town_weights)[0]
        female = person.female
        first = rng.choice(origin.female if female else origin.male)
        last = origin.last_name(rng.choice(origin.last), female=female)

        # Settlement, and the 48–96 hour rule (seed 000, line ~136).
        if person.recent == "new":
            settle_day = today - dt.timedelta(days=rng.randint(1, 2))
        elif person.recent:
            settle_day = _workday_on_or_before(today - dt.timedelta(days=rng.randint(5, 7)))
        else:
            settle_day = _workday_on_or_before(
                today - dt.timedelta(days=rng.randint(11, 365 * HISTORY_YEARS))
            )
        settled_at = self.at(settle_day)
        effort_at = None
        if person.recent in ("", "started"):
            late = person.recent == "" and rng.random() < 0.03  # a few started after the deadline
            days = rng.randint(5, 9) if late else rng.choice((1, 2, 2, 2, 3, 3, 4))
            effort_at = self.at(settle_day + dt.timedelta(days=days), 9)

        # Age at arrival: 15–17 for youths, 18–64 for everyone else.
        age = rng.randint(15, 17) if person.youth else min(64, int(rng.triangular(18, 65, 29)))
        birth = add_years(settle_day, -age) - dt.timedelta(days=rng.randint(1, 364))
        adult_now = age_on(birth, today) >= 18

        education, level = _education(rng, origin, person)
        competences, experience, industries = _background(rng, origin, person)
        danish_course, danish_module = _danish(rng, (today - settle_day).days / 30.4, level)
        licence = adult_now and rng.random() < (0.06 if female else 0.25)
        consent = effort_at is not None and rng.random() < 0.75

        citizen = Citizen(
            first_name=first,
            last_name=last,
            gender=Gender.FEMALE if female else Gender.MALE,
            nationality=isocodes.match_country(origin.nationality) or "",
            birth_country=isocodes.match_country(origin.born_in or origin.nationality) or "",
            phone=_phone(rng) if rng.random() < 0.95 else "",
            email=_email(rng, first, last) if adult_now and rng.random() < 0.3 else "",
            address=_address(rng, town),
            arrival=Arrival.FAMILY_REUNIFIED if person.reunified else Arrival.REFUGEE,
            residence_permit_date=settle_day - dt.timedelta(days=rng.randint(21, 84)),
            settled_at=settled_at,
            effort_started_at=effort_at,
            integration_period_end=add_years(settle_day, 5),
            readiness=_readiness(rng, person, age),
            youth_status=person.youth,
            danish_course=danish_course,
            danish_module=danish_module,
            education=education,
            work_experience=experience,
            competences=competences,
            wished_industries=", ".join(i for i in INDUSTRIES if i in industries),
            health_notes=rng.choice(_HEALTH) if rng.random() < 0.09 else "",
            childcare_needs=_childcare(rng, person, adult_now),
            transport=_transport(rng, licence),
            driving_licence=licence,
            consent_share_with_companies=consent,
            consent_given_on=effort_at.astimezone(self.tz).date()
            if consent and effort_at
            else None,
            case_worker=person.case_worker,
            mentor=person.mentor,
        )
        self.support = _benefit(rng, person, adult_now)  # drawn here, as it always was
        # In the ambassador project: an enrolment in Det integrerede Liv (made once the
        # citizens have their ids, in _build_citizens); women more often (demo/goals.py).
        in_project = goals_in_project(rng, female)
        if in_project:
            self.in_project.append(citizen)
        citizen.set_cpr(_cpr(rng, birth, female, self.used_cprs))
        spoken = isocodes.split_list(rng.choice(origin.languages))
        languages = [isocodes.match_language(name) or "" for name in spoken]
        return citizen, self.events(citizen, town[0], industries, in_project), languages

    def events(
        self, citizen: Citizen, town: str, industries: list[str], in_project: bool
    ) -> list[TimelineEvent]:
        rng, actor = self.rng, citizen.case_worker
        settled_at, effort_at = citizen.settled_at, citizen.effort_started_at
        assert settled_at is not None, "every demo citizen is settled (see citizen())"
        events = [
            TimelineEvent(citizen=citizen, kind=EventKind.CREATED, at=settled_at, actor=actor),
            TimelineEvent(
                citizen=citizen,
                kind=EventKind.SETTLED,
                at=settled_at,
                text=f"Boligplaceret i {town}",
                actor=actor,
            ),
        ]
        if effort_at is None:
            return events
        events.append(
            TimelineEvent(
                citizen=citizen,
                kind=EventKind.EFFORT_STARTED,
                at=effort_at,
                text="Første samtale i jobcentret; placeret på prioriteringstrappen",
                actor=actor,
            )
        )
        # Notes from a week after the start until yesterday, by the case worker or, for the
        # project's citizens, sometimes by an ambassador.
        first = effort_at.astimezone(self.tz).date() + dt.timedelta(days=7)
        span = (self.today - dt.timedelta(days=1) - first).days
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2)) if span >= 0 else 0):
            day = first + dt.timedelta(days=rng.randint(0, span))
            text = rng.choice(_NOTES).format(industry=rng.choice(industries), town=town)
            by = rng.choice(self.ambassadors) if in_project and rng.random() < 0.5 else actor
            events.append(
                TimelineEvent(
                    citizen=citizen,
                    kind=EventKind.NOTE,
                    at=self.at(day, 8, 15),
                    text=text,
                    actor=by,
                )
            )
        return events


def _workday_on_or_before(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _cpr(rng: random.Random, birth: dt.date, female: bool, used: set[str]) -> str:
    """A CPR number for this birth date and gender that no other demo citizen has.

    The 7th digit gives the century (jobbro.lib.cpr.century); the last digit is even for
    women, odd for men.
    """
    if birth.year < 2000:
        sevenths: tuple[int, ...] = (0, 1, 2, 3)
    elif birth.year <= 2036:
        sevenths = (4, 9)
    else:
        sevenths = (5, 6, 7, 8)
    while True:
        last = rng.randrange(0, 10, 2) if female else rng.randrange(1, 10, 2)
        digits = f"{birth:%d%m%y}{rng.choice(sevenths)}{rng.randint(0, 99):02d}{last}"
        if digits not in used:
            used.add(digits)
            return digits


def _education(rng, origin, person) -> tuple[str, int]:
    place = rng.choice(origin.places)
    if person.youth:
        years = rng.randint(4, 9)
        return f"{years} års skolegang i {place}, afbrudt af flugten", 1 if years < 6 else 2
    level = rng.choices((0, 1, 2, 3, 4), (12, 20, 30, 23, 15))[0]
    if level == 0:
        return "Ingen skolegang", 0
    if level == 1:
        return f"{rng.randint(3, 6)} års skolegang i {place}", 1
    if level == 2:
        return f"{rng.randint(8, 10)} års skolegang i {place}", 2
    if level == 3:
        return rng.choice((f"Gymnasium i {place}", f"Erhvervsskole i {place}")), 3
    study = rng.choice(_STUDY_FIELDS)
    return rng.choice(
        (f"Bachelor i {study}, universitetet i {place}", f"Påbegyndt {study} i {place}")
    ), 4


def _background(rng, origin, person) -> tuple[str, str, list[str]]:
    if person.youth:
        wished = rng.sample(INDUSTRIES, rng.randint(1, 2))
        return rng.choice(_YOUTH_COMPETENCES), "Ingen; gik i skole indtil flugten", wished
    gender = "f" if person.female else "m"
    trades = [t for t in _TRADES if t[3] in ("", gender)]
    competence, experience, industries, _ = rng.choice(trades)
    values = {"place": rng.choice(origin.places), "y": rng.randint(2, 15)}
    extras = [i for i in rng.sample(INDUSTRIES, 2) if i not in industries]
    wished = [*industries, *extras[: rng.randint(0, 2)]][:3]
    return competence.format(**values), experience.format(**values), wished


def _danish(rng, months: float, level: int) -> tuple[str, int | None]:
    """Danish course and module: the more schooling, the faster the course; time moves on."""
    if months < 1.5:
        return DanishCourse.NONE, None
    if months > 30 and rng.random() < 0.25:
        return DanishCourse.COMPLETED, None
    if level <= 1:
        course, pace = DanishCourse.DU1, 8  # months per module
    elif level == 2:
        course, pace = DanishCourse.DU2, 6
    else:
        course, pace = rng.choice((DanishCourse.DU2, DanishCourse.DU3, DanishCourse.DU3)), 6
    module = 1 + int(months / pace) - rng.randint(0, 1)
    return course, max(1, min(6, module))


def _benefit(rng, person, adult_now: bool) -> str:
    if not adult_now:
        return ""  # a minor is supported by the family or the municipality's children's services
    if person.reunified and person.female and rng.random() < 0.25:
        return "spouse_supported"
    r = rng.random()
    if r < 0.06:
        return "self_supporting"
    if r < 0.12:
        return "cash_benefit"
    return "integration_benefit"


def _readiness(rng, person, age: int) -> str:
    r = rng.random()
    if r < (0.85 if person.youth else 0.12 if age < 30 else 0):
        return Readiness.EDUCATION_READY
    return Readiness.JOB_READY if rng.random() < 0.6 else Readiness.ACTIVITY_READY


def _childcare(rng, person, adult_now: bool) -> str:
    if not adult_now:
        return ""
    if rng.random() < (0.45 if person.female else 0.04):
        return rng.choice(_CHILDCARE)
    return ""


def _transport(rng, licence: bool) -> str:
    if licence:
        return rng.choice(("Bil", "Har kørekort, men ingen bil"))
    return rng.choice(("Cykel", "Bus", "Cykel og bus", "Afhængig af bus; lange ventetider"))


def _phone(rng) -> str:
    # Danish mobile numbers begin with 2–9; these are drawn at random, not anyone's.
    digits = [rng.randint(20, 99)] + [rng.randint(0, 99) for _ in range(3)]
    return " ".join(f"{d:02d}" for d in digits)


def _email(rng, first: str, last: str) -> str:
    return f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@example.com"


def _address(rng, town) -> str:
    name, postcode, _ = town
    street = f"{rng.choice(names.STREETS)} {rng.randint(1, 120)}"
    if rng.random() < 0.5:
        street += f", {rng.randint(1, 4)}. {rng.choice(('th.', 'tv.', 'mf.'))}"
    return f"{street}, {postcode} {name}"
