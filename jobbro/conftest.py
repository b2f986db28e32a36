"""Shared test fixtures: a small fictional job centre with one user per role.

People: alice and bob are case workers in team Nord, carol a case worker in team Syd;
amir the ambassador, konrad a company consultant, tove a teacher, lene a manager,
mads a mentor, ada the administrator.
"""

import datetime as dt
import inspect
import os
import resource
import time
from pathlib import Path

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


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, django_db_createdb):
    """pytest-django's hook before it creates the test database: on SQLite the migrated
    database is copied from the last run's when no migration changed (jobbro/tests/
    migrated_db.py); `--create-db` migrates for real."""
    from jobbro.tests.migrated_db import migrated_from_file

    with migrated_from_file(renew=django_db_createdb):
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


class _Chromium:
    """One Chromium for consecutive browser tests (each test gets a context of its own:
    jobbro/tests/test_browser.py's `page`): starting Playwright's driver and Chromium took
    about 2 s of CPU for each browser test. It is stopped after the last of a run of browser
    tests (pytest_runtest_teardown below), so no test without a browser runs beside
    Playwright's event loop."""

    def __init__(self):
        self.playwright = self.browser = None

    def start(self):
        from jobbro.tests.test_browser import CHROMIUM, CHROMIUM_ARGS

        if not CHROMIUM.exists():
            pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package to run this")
        if self.browser is None:
            from playwright.sync_api import sync_playwright

            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        return self.browser

    def stop(self):
        if self.browser is not None:
            self.browser.close()
            self.playwright.stop()
            self.playwright = self.browser = None


_CHROMIUM = _Chromium()


@pytest.fixture
def chromium():
    return _CHROMIUM.start()


def pytest_collection_modifyitems(config, items):
    """Every test in a test_browser*.py file drives Chromium: mark it `browser`, so that
    `pytest -m "not browser"` is the fast loop."""
    for item in items:
        if item.path.name.startswith("test_browser"):
            item.add_marker(pytest.mark.browser)


_PLAYWRIGHT_MODULES: dict[str, bool] = {}


def _imports_playwright(module) -> bool:
    if module.__name__ not in _PLAYWRIGHT_MODULES:
        _PLAYWRIGHT_MODULES[module.__name__] = any(
            (inspect.ismodule(v) and v.__name__.startswith("playwright"))
            or (
                (inspect.isclass(v) or inspect.isfunction(v))
                and v.__module__.startswith("playwright")
            )
            for v in vars(module).values()
        )
    return _PLAYWRIGHT_MODULES[module.__name__]


def _drives_a_browser(item) -> bool:
    module = getattr(item, "module", None)
    return "live_server" in getattr(item, "fixturenames", ()) or (
        module is not None and _imports_playwright(module)
    )


def pytest_runtest_setup(item):
    """A test that uses the live server or Playwright without the `browser` mark fails: it
    would make the fast loop (`-m "not browser"`) slow. Put it in a test_browser*.py file."""
    if _drives_a_browser(item) and item.get_closest_marker("browser") is None:
        pytest.fail(
            f"{item.nodeid} uses the live server or Playwright: put it in a test_browser*.py "
            "file (marked `browser`, left out of the fast loop)",
            pytrace=False,
        )


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of the subprocesses it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# PostgreSQL backend pid -> its CPU seconds when last seen. The queries run in the database
# server, not in the test process: on PostgreSQL a test's own CPU time leaves them out.
_SERVER_CPU: dict[int, float] = {}


def _server_cpu_seconds() -> float:
    """User and system CPU time of the PostgreSQL backends this process's connections have
    used, when the server runs on this machine (read from /proc); 0 on SQLite. Sampled after
    every test, so a backend that closes between two samples loses at most one test's time;
    the live server's thread (the browser tests) has its own connection, not counted."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        if conn.vendor != "postgresql" or conn.connection is None:
            continue
        pid = conn.connection.info.backend_pid
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        _SERVER_CPU[pid] = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    return sum(_SERVER_CPU.values())


_SESSION_START = {"cpu": _cpu_seconds(), "wall": time.monotonic()}
_CPU_LOG = os.environ.get("JOBBRO_TEST_CPU_LOG")  # a file: one "seconds<TAB>test id" a test


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Each test's database-server CPU time is sampled after it (for the summary's total);
    with JOBBRO_TEST_CPU_LOG set, each test's CPU time (setup, call, teardown, and on
    PostgreSQL its backend's) is written to that file, for finding where the suite's time
    goes."""
    start = _cpu_seconds() + _server_cpu_seconds()
    try:
        return (yield)
    finally:
        spent = _cpu_seconds() + _server_cpu_seconds() - start
        if _CPU_LOG:
            with open(_CPU_LOG, "a") as log:
                log.write(f"{spent:.4f}\t{item.nodeid}\n")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The backend's CPU time before the test's fixtures close its connection (the last
    test's teardown destroys the test database); after them, Chromium stops unless the next
    test uses it too."""
    _server_cpu_seconds()
    try:
        return (yield)
    finally:
        if nextitem is None or "chromium" not in getattr(nextitem, "fixturenames", ()):
            _CHROMIUM.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Tests per CPU second, besides pytest's wall time: the machine is shared, so the
    wall time says more about the neighbours than about the suite (docs/benchmarks.md)."""
    ran = sum(len(terminalreporter.stats.get(k, [])) for k in ("passed", "failed", "xfailed"))
    if not ran:
        return
    own = _cpu_seconds() - _SESSION_START["cpu"]
    server = sum(_SERVER_CPU.values())
    cpu = own + server
    wall = time.monotonic() - _SESSION_START["wall"]
    where = f"; {own:.1f} in the tests, {server:.1f} in the PostgreSQL server" if server else ""
    terminalreporter.write_line(
        f"{ran} tests: {cpu:.1f} CPU s (user+sys since conftest import{where}), {wall:.1f} s "
        f"wall; {ran / cpu:.1f} tests per CPU second, {ran / wall:.1f} per wall second"
    )


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
