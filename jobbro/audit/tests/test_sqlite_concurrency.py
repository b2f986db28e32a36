"""Twenty people at once on the embedded default (issue 7, item 1).

A real server (`runserver`, as `jobbro demo` serves) on a SQLite *file* database in a fresh
JOBBRO_VAR_DIR takes 20 logged-in sessions at the same moment, each reading lists and case
files and creating citizens. Every request must succeed and every write must be there
afterwards, with its access-log rows. The suite's own database (in memory, or PostgreSQL)
is not used: this test is about the embedded default's file.

It is slow (a migrated database and a server in subprocesses, ~15 s) and runs in every
`uv run pytest`; `-m "not slow"` leaves it out while working.
"""

import http.cookiejar
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SESSIONS = 20
ROUNDS = 2
PASSWORD = "concurrency-test-password"
DEADLINE_SECONDS = 120

# The server's settings are Jobbro's own (so the database options under test are the real
# ones), with a fast password hasher: the test is about the database, not PBKDF2.
SETTINGS_MODULE = """
from jobbro.settings import *  # noqa: F403
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""

SETUP = f"""
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from jobbro.accounts.models import Role, Team, User
from jobbro.citizens.models import Arrival, Citizen, Gender
teams = [Team.objects.create(name=f"Team {{n}}") for n in range(4)]
own = {{}}
for n in range({SESSIONS}):
    user = User(username=f"cw{{n:02d}}", role=Role.CASE_WORKER, team=teams[n % 4])
    user.set_password({PASSWORD!r})
    user.save()
    citizen = Citizen(first_name="Test", last_name=f"Fast{{n}}", gender=Gender.FEMALE,
                      nationality="SY", arrival=Arrival.REFUGEE, case_worker=user)
    citizen.set_cpr(f"0101{{n + 10:02d}}2000")
    citizen.save()
    own[user.username] = [user.pk, citizen.pk]
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({{"own": own, "journal_mode": mode}}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "concurrency_settings.py").write_text(SETTINGS_MODULE)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "JOBBRO_"))}
    env.pop("DEBUG", None)
    env.update(
        JOBBRO_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="concurrency_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        LOG_LEVEL="WARNING",
    )
    return env


def python(env: dict[str, str], *args: str) -> str:
    """Run our own interpreter with Jobbro's settings; its output, or fail with its errors."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


class Session:
    """One person's browser: its own cookies, CSRF token from the cookie."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        assert token is not None
        return token

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        req = urllib.request.Request(self.base + path, data=body)  # noqa: S310 - http, loopback
        try:
            with self.opener.open(req, timeout=90) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.geturl(), e.read().decode(errors="replace")


def person(base, username, ids, start, results):
    """Log in, then read and write; record each request's outcome."""
    user_pk, own_pk = ids
    s = Session(base)
    outcome = {"errors": [], "views": 0, "created": 0, "lists": 0}
    results[username] = outcome

    def check(label, status, url, body):
        if status != 200:
            outcome["errors"].append(f"{label}: {status} {url} {body[:200]!r}")
            return False
        return True

    try:
        check("login page", *s.request("/login/"))
        start.wait(timeout=30)
        status, url, body = s.request("/login/", {"username": username, "password": PASSWORD})
        if not check("login", status, url, body) or "/login/" in url:
            outcome["errors"].append(f"login: not logged in ({url})")
            return
        for n in range(ROUNDS):
            if check("list", *s.request("/borgere/")):
                outcome["lists"] += 1
            if check("case file", *s.request(f"/borgere/{own_pk}/")):
                outcome["views"] += 1
            serial = 3000 + int(username[2:]) * 10 + n
            status, url, body = s.request(
                "/borgere/ny/",
                {
                    "cpr_number": f"0202{n + 60:02d}-{serial:04d}",
                    "first_name": "Ny",
                    "last_name": f"{username}-{n}",
                    "gender": "female",
                    "nationality": "SY",
                    "arrival": "refugee",
                    "case_worker": str(user_pk),
                },
            )
            # A saved citizen redirects to its case file; a form shown again saved nothing.
            if check("create", status, url, body) and "/ny/" not in url:
                outcome["created"] += 1
                outcome["views"] += 1  # the redirect opened the new case file
            elif "/ny/" in url:
                outcome["errors"].append(f"create: form refused {body[:300]!r}")
    except Exception as e:  # noqa: BLE001 - every failure is an error of this person
        outcome["errors"].append(f"{type(e).__name__}: {e}")


def test_twenty_people_at_once_on_the_embedded_default(tmp_path):
    env = server_env(tmp_path)
    setup = python(env, "-c", "import json\n" + SETUP)
    info = json.loads(setup.strip().splitlines()[-1])
    assert info["journal_mode"] == "wal"
    db = tmp_path / "var" / "jobbro.sqlite3"
    assert db.exists()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        started = time.monotonic()
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() - started > 60:
                    server.kill()
                    pytest.fail("the server did not start: " + server.communicate()[1][-3000:])
                time.sleep(0.2)

        start = threading.Barrier(SESSIONS)
        results: dict[str, dict] = {}
        threads = [
            threading.Thread(target=person, args=(base, u, ids, start, results), daemon=True)
            for u, ids in info["own"].items()
        ]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max(1, DEADLINE_SECONDS - (time.monotonic() - began)))
        assert not any(t.is_alive() for t in threads), "some sessions did not finish in time"
    finally:
        server.terminate()
        try:
            _, stderr = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate()

    errors = [f"{u}: {e}" for u, r in sorted(results.items()) for e in r["errors"]]
    assert errors == [], "\n".join(errors[:20]) + "\n" + stderr[-2000:]

    created = sum(r["created"] for r in results.values())
    views = sum(r["views"] for r in results.values())
    assert created == SESSIONS * ROUNDS
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        citizens = con.execute("SELECT count(*) FROM citizens_citizen").fetchone()[0]
        logged = dict(
            con.execute("SELECT action, count(*) FROM audit_accesslogentry GROUP BY action")
        )
    # Nothing lost: every citizen created is there, with its creation and views logged.
    assert citizens == SESSIONS + created
    assert logged.get("create") == created
    assert logged.get("view") == views
    # ...and the access log's hash chain came out as one chain, however the writers interleaved.
    assert "intakt" in python(env, "-m", "django", "verify_access_log")
