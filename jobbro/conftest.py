"""Shared test fixtures: a small fictional job centre with one user per role.

People: alice and bob are case workers in team Nord, carol a case worker in team Syd;
amir the ambassador, konrad a company consultant, tove a teacher, lene a manager,
mads a mentor, ada the administrator.
"""

import datetime as dt
import os

import pytest
from django.utils import timezone

from jobbro.accounts.models import Role, Team, User
from jobbro.citizens.models import Arrival, Citizen, Gender

# Playwright's sync API runs an event loop in the test thread; the live server's ORM use
# from fixtures is still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "test-password-for-jobbro"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """The fixtures set many passwords; the production hasher takes a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username, role, team=None, **extra):
    user = User(username=username, role=role, team=team, first_name=username.title(), **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_citizen(cpr="0101901235", case_worker=None, **extra):
    fields = {
        "first_name": "Test",
        "last_name": "Borger",
        "gender": Gender.FEMALE,
        "nationality": "Syrien",
        "arrival": Arrival.REFUGEE,
        "case_worker": case_worker,
    }
    fields.update(extra)
    citizen = Citizen(**fields)
    citizen.set_cpr(cpr)
    citizen.save()
    return citizen


@pytest.fixture
def teams(db):
    return Team.objects.create(name="Team Nord"), Team.objects.create(name="Team Syd")


@pytest.fixture
def people(teams):
    nord, syd = teams
    return {
        "alice": make_user("alice", Role.CASE_WORKER, nord),
        "bob": make_user("bob", Role.CASE_WORKER, nord),
        "carol": make_user("carol", Role.CASE_WORKER, syd),
        "amir": make_user("amir", Role.AMBASSADOR),
        "konrad": make_user("konrad", Role.COMPANY_CONSULTANT),
        "tove": make_user("tove", Role.TEACHER),
        "lene": make_user("lene", Role.MANAGER),
        "mads": make_user("mads", Role.MENTOR),
        "ada": make_user("ada", Role.ADMINISTRATOR),
    }


@pytest.fixture
def citizens(people):
    """Citizens in alice's caseload, bob's, carol's, and one settled 5 days ago, no effort."""
    now = timezone.now()
    return {
        "fatima": make_citizen(
            "0101901236",
            people["alice"],
            first_name="Fatima",
            last_name="Haddad",
            in_project=True,
            mentor=people["mads"],
            phone="20304050",
            settled_at=now - dt.timedelta(days=400),
            effort_started_at=now - dt.timedelta(days=398),
        ),
        "yonas": make_citizen(
            "0202851237",
            people["bob"],
            first_name="Yonas",
            last_name="Tesfay",
            gender=Gender.MALE,
            nationality="Eritrea",
        ),
        "omar": make_citizen(
            "0303921239",
            people["carol"],
            first_name="Omar",
            last_name="Rahimi",
            gender=Gender.MALE,
            nationality="Afghanistan",
            settled_at=now - dt.timedelta(days=5),
        ),
    }
