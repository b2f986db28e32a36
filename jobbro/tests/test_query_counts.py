"""Every list page makes a pinned number of queries, the same for 2 rows as for 20.

Each list page of the project (PAGES) is requested as every role the permission matrix lets
open it, once with 2 and once with 20 rows of everything listed (citizens in the caseload and
the 96-hour list, mentees, placements with plans, open follow-ups, acute issues and retention
plans, companies with openings, demand, barometer surveys and contact log entries,
assessments, access log and administration log entries, stated-reason grants, users and
teams). A test fails when the count differs between the two sizes (an N+1) or from the number
pinned in query_counts.json (keyed "url name role"), so that no page's count changes
unnoticed.

When a count changes on purpose, rewrite the pins and commit query_counts.json with the
change that explains it:

    UPDATE_QUERY_COUNTS=1 uv run pytest jobbro/tests/test_query_counts.py

The normal run only compares. The pins are kept per database vendor ("sqlite", "postgresql"):
a page that writes the access log makes one query more on PostgreSQL (the log's hash chain
takes an advisory lock there, audit/chain.py). Rewrite the pins on both:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jobbro UPDATE_QUERY_COUNTS=1 \
        uv run pytest --create-db jobbro/tests/test_query_counts.py

The data are built once for the module (as in test_permission_matrix.py) and every page is
requested at both sizes in the `counts` fixture; each test then reads its two numbers.
"""

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobbro.tests.test_permission_matrix import ALLOW, MATRIX, ROLE_USERS
from jobbro.tests.worlds import world_built

PINS = Path(__file__).with_name("query_counts.json")
UPDATE = os.environ.get("UPDATE_QUERY_COUNTS") == "1"

# Every page that lists rows, by URL name (and query string, where a variant queries
# differently). Pages about one object (a citizen's access log, a company's contact log) are
# not lists of the project; their rows are pinned through their own tests.
PAGES = {
    "front:home": "",
    "front:overview": "",
    "front:overview?periode=aar": "?periode=aar",
    "front:overview_number?tal=trin-4": "?tal=trin-4",
    "citizens:list": "",
    "citizens:list?sort=-settled": "?sort=-settled",
    "citizens:awaiting": "",
    "citizens:mentees": "",
    "citizens:unmatched": "",
    "cases:transfers": "",
    "erasure:decisions": "",
    "law:first_offers": "",
    "placements:list": "",
    "placements:move_up": "",
    "placements:follow_ups": "",
    "placements:acute_list": "",
    "placements:acute_breaches": "",
    "companies:list": "",
    "companies:capacity": "",
    "companies:demand": "",
    "companies:barometer": "",
    "assessments:index": "",
    "assessments:stalled": "",
    "assessments:measures": "",
    "assessments:instruments": "",
    "audit:search": "",
    "accounts:users": "",
    "accounts:admin_log": "",
    "accounts:grants": "",
    "accounts:teams": "",
    "attendance:below_hours": "",
    "practices:list": "",
    "practices:list?q=virksomhed": "?q=virksomhed",
    "attendance:low_attendance": "",
    "attendance:sessions": "",
    "attendance:sessions?vis=tidligere": "?vis=tidligere",
    "attendance:sanctions": "",
    "journal:planned": "",
    "matching:list": "",
    "matching:distances": "",
    "matching:proposals": "",
    "matching:evaluation": "",
    "programmes:list": "",
    "programmes:siri": "",
    "programmes:cohorts": "",
    "goals:index": "",
    "goals:measures": "",
    "mentors:list": "",
    "mentors:list?sort=-matches": "?sort=-matches",
    "meetings:list": "",
    "meetings:list?q=koordination": "?q=koordination",
}
FEW, MANY = 2, 20


def _cases():
    for key in PAGES:
        name = key.split("?")[0]
        for role, username in ROLE_USERS.items():
            if MATRIX[name][str(role)] == ALLOW:
                yield key, username


CASES = list(_cases())


def _add_rows(people, start, stop, instrument):
    """Rows start..stop-1 of everything the pages list."""
    from jobbro.accounts.models import AdminAction, AdminLogEntry, Role, Team
    from jobbro.assessments.tests.conftest import make_assessment
    from jobbro.audit.models import AccessLogEntry, Action, Purpose
    from jobbro.cases.models import Transfer
    from jobbro.citizens.models import AccessGrant, CitizenLanguage
    from jobbro.companies.models import BarometerSurvey, ContactLogEntry, Demand
    from jobbro.conftest import make_citizen, make_user
    from jobbro.erasure.models import ErasureDecision, RetentionRule
    from jobbro.erasure.shipped import RULES
    from jobbro.journal.tests.factories import make_planned
    from jobbro.mentoring.models import Mentor, MentorMatch
    from jobbro.placements.tests.factories import place_with_everything
    from jobbro.programmes.models import Cohort, Enrolment, Intake, Programme

    now = timezone.now()
    for i in range(start, stop):
        citizen = make_citizen(
            f"010190{1000 + i}",
            people["alice"],
            first_name=f"Borger{i}",
            in_project=True,
            mentor=people["mads"],
            settled_at=now - dt.timedelta(days=5),
            nationality_unmatched=f"Ukendt land {i}",
        )
        CitizenLanguage.objects.create(citizen=citizen, code="ar", level="native")
        # Past the first company-based offer's deadline, without one (law:first_offers).
        make_citizen(
            f"030390{1000 + i}",
            people["alice"],
            first_name=f"Venter{i}",
            settled_at=now - dt.timedelta(days=40),
            effort_started_at=now - dt.timedelta(days=39),
        )
        placement = place_with_everything(citizen, people, key_account=people["konrad"])
        _add_week(citizen, people)

        for planner in ("alice", "amir"):
            make_planned(citizen, people[planner], placement=placement)
        Transfer.objects.create(
            citizen=citizen,
            from_case_worker=people["carol"],
            to_case_worker=people["alice"],
            from_team=people["carol"].team,
            to_team=people["alice"].team,
            handover_on=dt.date(2026, 3, 2),
            note="Overdraget",
        )
        ErasureDecision.objects.create(
            rule=RetentionRule.objects.get_or_create(kind="case_file", defaults=RULES[0])[0],
            citizen_id=citizen.pk,
            due_since=dt.date(2026, 3, 2),
        )
        company = placement.company
        make_assessment(citizen, instrument, dt.date(2026, 3, 2), people["alice"])
        Demand.objects.create(company=company, job_type=f"Jobtype {i}", people=2)
        BarometerSurvey.objects.create(
            company=company,
            surveyed_on=dt.date(2026, 3, 2),
            expected_openings=1,
            readiness="ready",
            recorded_by=people["konrad"],
        )
        ContactLogEntry.objects.create(
            company=company, by=people["konrad"], channel="call", text="Opfølgning"
        )
        programme = Programme.objects.create(
            municipality="Testkommune", name=f"Indsats {i}", starts_on=dt.date(2026, 1, 5)
        )
        cohort = Cohort.objects.create(
            programme=programme,
            name=f"Hold {i}",
            starts_on=dt.date(2026, 1, 5),
            intake=Intake.COMMON_START,
            capacity=5,
        )
        cohort.teachers.add(people["tove"])
        Enrolment.objects.create(
            citizen=citizen, programme=programme, cohort=cohort, starts_on=cohort.starts_on
        )
        chief = Mentor.objects.create(
            name=f"Chefmentor {i}", kind="volunteer", is_chief=True, created_by=people["alice"]
        )
        mentor = Mentor.objects.create(
            name=f"Mentor {i}", kind="colleague", chief=chief, created_by=people["alice"]
        )
        MentorMatch.objects.create(
            citizen=citizen,
            mentor=mentor,
            proposed_on=dt.date(2026, 1, 5),
            proposed_by=people["alice"],
        )
        team = Team.objects.create(name=f"Team {i}")
        user = make_user(f"bruger{i}", Role.CASE_WORKER, people["alice"].team)
        AdminLogEntry.objects.create(actor=people["ada"], action=AdminAction.TEAM_CREATE, team=team)
        AdminLogEntry.objects.create(
            actor=people["ada"], action=AdminAction.USER_CREATE, subject=user
        )
        AccessGrant.objects.create(
            user=people["bob"],
            citizen=citizen,
            reason="Dækker for kollega",
            expires_at=now + dt.timedelta(hours=8),
        )
        AccessLogEntry.objects.create(
            user=people["alice"],
            role=Role.CASE_WORKER,
            action=Action.VIEW,
            citizen_id=citizen.pk,
            purpose=Purpose.CASELOAD,
        )
        _add_matching_rows(citizen, i)
        _add_meeting(people, citizen, i)


def _add_matching_rows(citizen, i):
    """A matching profile in a town of its own, with a distance to Hedensted."""
    from jobbro.accounts.models import User
    from jobbro.matching.models import MatchProfile, ProposalRun, Town, TravelTime

    town = Town.objects.create(name=f"By {i}")
    TravelTime.objects.create(
        origin=town,
        destination=Town.objects.get(name="Hedensted"),
        km=i + 1,
        minutes_car=i + 2,
        minutes_public=i + 5,
    )
    MatchProfile.objects.create(
        citizen=citizen, town=town, wished_occupations=["9412"], experience=["5120"]
    )
    for user in User.objects.filter(username__in=("alice", "amir", "konrad")):
        ProposalRun.objects.create(created_by=user, citizen_ids=[citizen.pk])


def _add_meeting(people, citizen, i):
    """A coordination meeting with the citizen on its agenda and a decision about them."""
    from jobbro.meetings.models import AgendaItem, Decision, Meeting

    meeting = Meeting.objects.create(
        held_on=dt.date(2026, 3, 3), title=f"Koordinationsmøde {i}", created_by=people["amir"]
    )
    AgendaItem.objects.create(
        meeting=meeting, kind="follow_up", citizen=citizen, url="/", position=1
    )
    Decision.objects.create(
        meeting=meeting, text="Følg op", citizen=citizen, recorded_by=people["amir"]
    )


def _add_week(citizen, people):
    """A work obligation and a language school day (the citizen is below their hours), and
    a cohort taught by tove with the citizen in it, sessions today and tomorrow, and three
    illegal absences before (so the citizen's attendance is low)."""
    from jobbro.attendance.models import (
        Attendance,
        LanguageSchoolDay,
        SanctionCase,
        Session,
        WorkObligation,
    )
    from jobbro.attendance.tests.factories import enrol, make_cohort

    by, today = people["alice"], timezone.localdate()
    start = today - dt.timedelta(days=30)
    WorkObligation.objects.create(citizen=citizen, applies=True, valid_from=start, created_by=by)
    LanguageSchoolDay.objects.create(
        citizen=citizen,
        weekday=1,
        starts_at=dt.time(8, 30),
        ends_at=dt.time(12),
        school="Sprogcenter Midt",
        valid_from=start,
        created_by=by,
    )
    cohort = make_cohort(people["tove"], name=f"Hold {citizen.pk}")
    enrol(cohort, citizen, starts_on=start)
    for days in (-3, -2, -1, 0, 1):
        session = Session.objects.create(
            cohort=cohort,
            on=today + dt.timedelta(days=days),
            starts_at=dt.time(9),
            ends_at=dt.time(12),
            title="Undervisning",
        )
        if days < 0:
            Attendance.objects.create(
                session=session, citizen=citizen, status="illegal", recorded_by=people["tove"]
            )
    SanctionCase.objects.create(citizen=citizen, summary="Ulovligt fravær", opened_by=by)


def _cvrs():
    """Valid CVR numbers (modulus 11), more than the factories' five."""
    from jobbro.lib.cvr import WEIGHTS

    for n in range(20000000, 30000000, 7):
        digits = [int(d) for d in str(n)[:7]]
        check = -sum(d * w for d, w in zip(digits, WEIGHTS, strict=False)) % 11
        if check < 10:
            yield "".join(map(str, digits)) + str(check)


def _measure(clients, key):
    url = reverse(key.split("?")[0]) + PAGES[key]
    with CaptureQueriesContext(connection) as queries:
        response = clients.get(url)
    return response.status_code, len(queries)


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """{(page, username): (queries with FEW rows, with MANY)}; a page that does not answer 200
    gets its status code instead."""
    from jobbro.assessments.tests.conftest import REINVESTMENT
    from jobbro.conftest import make_people, make_teams
    from jobbro.placements.tests import factories

    factories_cvrs, factories._CVRS = factories._CVRS, _cvrs()
    # The session's once-a-minute refresh (accounts.middleware) writes the session: on a slow
    # run it landed inside one page's measurement and added its queries to that page alone.
    # It costs the same on every page and for any number of rows, so it is kept out here.
    no_refresh = override_settings(SESSION_REFRESH_SECONDS=10**9)
    with no_refresh, django_db_blocker.unblock(), transaction.atomic():
        from django.apps import apps

        from jobbro.assessments.models import Instrument
        from jobbro.assessments.shipped import ship

        if not Instrument.objects.exists():
            ship(apps)
        instrument = Instrument.objects.get(name=REINVESTMENT)
        people = make_people(make_teams())
        clients = {}
        for username in {u for _, u in CASES}:
            clients[username] = Client()
            clients[username].force_login(people[username])
        result: dict = {}
        for size, start in ((FEW, 0), (MANY, FEW)):
            _add_rows(people, start, size, instrument)
            for key, username in CASES:
                _measure(clients[username], key)  # warm caches (content types, sessions)
                status, n = _measure(clients[username], key)
                result.setdefault((key, username), []).append(n if status == 200 else status)
        world_built()
        yield result
        transaction.set_rollback(True)
    factories._CVRS = factories_cvrs


def _all_pins() -> dict:
    return json.loads(PINS.read_text()) if PINS.exists() else {}


@pytest.fixture(scope="module")
def pins():
    """This database vendor's pins; rewritten after the module with UPDATE_QUERY_COUNTS=1."""
    every = _all_pins()
    found = every.setdefault(connection.vendor, {})
    yield found
    if UPDATE:
        every[connection.vendor] = dict(sorted(found.items()))
        PINS.write_text(json.dumps(dict(sorted(every.items())), indent=2) + "\n")


@pytest.mark.parametrize(("page", "username"), CASES, ids=[f"{p} {u}" for p, u in CASES])
def test_the_page_makes_its_pinned_number_of_queries_for_2_and_20_rows(
    db, counts, pins, page, username
):
    few, many = counts[(page, username)]
    key = f"{page} {username}"
    assert few == many, f"{key}: {few} queries for {FEW} rows, {many} for {MANY}"
    if UPDATE:
        pins[key] = few
    assert pins.get(key) == few, (
        f"{key}: {few} queries, pinned {pins.get(key)}; if that is meant, "
        "rerun with UPDATE_QUERY_COUNTS=1 and commit jobbro/tests/query_counts.json"
    )


def test_every_pin_is_a_page_that_is_measured():
    """A pin for a page or role that is no longer measured is stale."""
    measured = {f"{p} {u}" for p, u in CASES}
    for vendor_pins in _all_pins().values():
        assert set(vendor_pins) <= measured
