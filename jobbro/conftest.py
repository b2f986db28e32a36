"""Shared test fixtures: a small fictional job centre with one user per role.

People: alice and bob are case workers in team Nord, carol a case worker in team Syd;
amir the ambassador, konrad a company consultant, tove a teacher, lene a manager,
mads a mentor, ada the administrator.
"""

import datetime as dt
import os

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from jobbro.accounts.models import Role, Team, User
from jobbro.citizens.models import Arrival, Citizen, Gender

# Playwright's sync API runs an event loop in the test thread; the live server's ORM use
# from fixtures is still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "test-password-for-jobbro"


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def fast_settings():
    """Settings that cost time and that no test is about, for the whole session (so that
    module-scoped worlds like the permission matrix's get them too):
    - the fixtures set many passwords; the production hasher takes a second each;
    - WhiteNoise indexes every static file each time a middleware chain is built, which the
      test client does for every test (half the permission matrix's time); with autorefresh
      it looks a file up only when one is asked for."""
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS, WHITENOISE_AUTOREFRESH=True):
        yield


@pytest.fixture(autouse=True)
def danish_first():
    """Every test starts in Danish, the source language: a request with the English cookie
    leaves English active in the thread (LocaleMiddleware does not switch back), and a later
    test's service messages would come out in English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True, scope="session")
def attachments_dir(tmp_path_factory):
    """Journal attachments written by the tests go to a folder of the test run's own, not to
    the development machine's var/."""
    with override_settings(ATTACHMENTS_DIR=tmp_path_factory.mktemp("attachments")):
        yield


def pytest_collection_modifyitems(config, items):
    """Every test in a test_browser*.py file drives Chromium: mark it `browser`, so that
    `pytest -m "not browser"` is the fast loop."""
    for item in items:
        if item.path.name.startswith("test_browser"):
            item.add_marker(pytest.mark.browser)


def make_user(username, role, team=None, **extra):
    user = User(username=username, role=role, team=team, first_name=username.title(), **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_citizen(cpr="0101901235", case_worker=None, in_project=False, **extra):
    """A citizen; `in_project` enrols them in the ambassador project (as the removed
    `Citizen.in_project` flag did)."""
    fields = {
        "first_name": "Test",
        "last_name": "Borger",
        "gender": Gender.FEMALE,
        "nationality": "SY",
        "arrival": Arrival.REFUGEE,
        "case_worker": case_worker,
    }
    fields.update(extra)
    citizen = Citizen(**fields)
    citizen.set_cpr(cpr)
    citizen.save()
    if in_project:
        from jobbro.programmes.tests.factories import enrol_in_ambassador_project

        enrol_in_ambassador_project(citizen)
    return citizen


def make_teams():
    return Team.objects.create(name="Team Nord"), Team.objects.create(name="Team Syd")


def make_people(teams):
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


def make_citizens(people):
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
            nationality="ER",
        ),
        "omar": make_citizen(
            "0303921239",
            people["carol"],
            first_name="Omar",
            last_name="Rahimi",
            gender=Gender.MALE,
            nationality="AF",
            settled_at=now - dt.timedelta(days=5),
        ),
    }


@pytest.fixture
def teams(db):
    return make_teams()


@pytest.fixture
def people(teams):
    return make_people(teams)


@pytest.fixture
def citizens(people):
    return make_citizens(people)
