import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone

from jobbro.accounts.models import Role, Team, User
from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.citizens.models import Citizen, Gender, TimelineEvent, YouthStatus
from jobbro.companies.models import Company
from jobbro.demo.build import DEMO_PASSWORD, build, demo_logins
from jobbro.lib import cpr as cprlib
from jobbro.meetings.models import Meeting
from jobbro.mentoring.models import Mentor
from jobbro.placements.models import Placement
from jobbro.programmes.models import ProgrammeChange

DAY = dt.date(2026, 11, 23)

pytestmark = pytest.mark.django_db


def _people():
    return list(
        Citizen.objects.order_by("pk").values_list(
            "first_name", "last_name", "nationality", "settled_at", "case_worker__username"
        )
    ), [c.cpr for c in Citizen.objects.order_by("pk")]


def test_it_builds_the_same_municipality_from_the_same_seed():
    build(seed=7, citizens=60, today=DAY)
    first = _people()

    TimelineEvent.objects.all().delete()
    Meeting.objects.all().delete()
    Placement.objects.all().delete()
    Citizen.objects.all().delete()
    Mentor.objects.all().delete()
    Company.objects.all().delete()
    QuerySet(model=ProgrammeChange).delete()  # append-only through its manager
    User.objects.all().delete()
    Team.objects.all().delete()
    build(seed=7, citizens=60, today=DAY)

    assert _people() == first
    assert len(set(first[1])) == 60


def test_it_builds_another_municipality_from_another_seed():
    build(seed=7, citizens=60, today=DAY)
    first = _people()
    out = io.StringIO()
    call_command(
        "demo_data", "--seed=8", "--citizens=60", "--today=2026-11-23", "--reset", stdout=out
    )
    assert _people()[1] != first[1]
    assert "Demokommunen er bygget: 60 borgere" in out.getvalue()


def test_it_gives_valid_cpr_numbers_matching_birth_date_and_gender():
    build(seed=2017, citizens=60, today=DAY)
    for citizen in Citizen.objects.all():
        parsed = cprlib.parse(citizen.cpr)
        assert parsed.birth_date == citizen.birth_date
        assert parsed.is_female == (citizen.gender == Gender.FEMALE)
        assert Citizen.objects.with_cpr(citizen.cpr).get() == citizen


def test_it_has_hedensteds_shares_at_hedensteds_size():
    build(seed=2017, citizens=458, today=DAY)
    citizens = Citizen.objects.all()

    assert Counter(citizens.values_list("arrival", flat=True)) == {
        "refugee": 280,
        "family_reunified": 178,
    }
    assert citizens.filter(gender=Gender.FEMALE).count() == 104
    youths = Counter(citizens.values_list("youth_status", flat=True))
    assert youths[YouthStatus.UNACCOMPANIED] == 59
    assert youths[YouthStatus.ACCOMPANIED] == 16
    assert Counter(citizens.values_list("nationality", flat=True)).most_common(1)[0][0] == "SY"
    assert not citizens.filter(case_worker=None).exists()
    assert 40 <= citizens.filter(case_worker__username="sagsbehandler").count() <= 60
    assert citizens.filter(mentor__username="mentor").count() == 3


def test_it_gives_youths_their_age_at_arrival():
    build(seed=2017, citizens=120, today=DAY)
    for c in Citizen.objects.all():
        age = c.age(on=timezone.localtime(c.settled_at).date())
        if c.youth_status:
            assert 15 <= age < 18
        else:
            assert 18 <= age <= 65


def test_it_puts_only_overdue_citizens_on_the_96_hour_list():
    today = timezone.localdate()
    build(seed=2017, citizens=60, today=today)
    now = timezone.now()

    awaiting = list(Citizen.objects.awaiting_effort())
    assert 3 <= len(awaiting) <= 4
    for c in awaiting:
        assert c.effort_started_at is None
        assert now - c.settled_at > dt.timedelta(hours=96)
        assert now - c.settled_at < dt.timedelta(days=10)
        assert c.case_worker.username == "sagsbehandler"
    just_arrived = Citizen.objects.filter(
        effort_started_at=None, settled_at__gt=now - dt.timedelta(hours=72)
    )
    assert just_arrived.count() == 2
    assert not Citizen.objects.filter(settled_at__gt=now).exists()
    assert not TimelineEvent.objects.filter(at__gt=now).exists()


def test_it_lets_every_demo_login_log_in():
    build(seed=2017, citizens=60, today=DAY)
    logins = demo_logins()

    assert [User.objects.get(username=u).role for _, u in logins] == list(Role.values)
    assert logins[2] == ("Sagsbehandler", "sagsbehandler")
    for _, username in logins:
        # Axes (lockout) needs the request it counts failures by.
        assert Client().login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)


def test_it_refuses_to_build_over_existing_users():
    User.objects.create_user("someone", password=DEMO_PASSWORD)
    with pytest.raises(CommandError, match="--reset"):
        call_command("demo_data", citizens=10, stdout=io.StringIO())


def test_it_refuses_to_reset_a_database_with_an_access_log():
    user = User.objects.create_user("someone", password=DEMO_PASSWORD, role=Role.CASE_WORKER)
    AccessLogEntry.objects.create(
        user=user, role=user.role, action=Action.VIEW, citizen_id=1, purpose=Purpose.CASELOAD
    )
    with pytest.raises(CommandError, match="Adgangsloggen"):
        call_command("demo_data", citizens=10, reset=True, stdout=io.StringIO())
    assert User.objects.filter(username="someone").exists()
