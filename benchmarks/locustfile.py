"""Load benchmark: logged-in people working at once, through gunicorn on loopback.

Each simulated user logs in as a different demo user (case workers, ambassadors, a company
consultant, a manager) and, with 1 s think time, mixes what they do all day: the citizen
list, name searches, case files, placements, follow-ups, "no progress", and a write
(stating a reason to open a citizen outside their caseload, which writes the grant, the
administration log and the access log). The plan (who, which citizens) is read from the
same database as the server's before the run.

    uv run gunicorn jobbro.wsgi --bind 127.0.0.1:8108 --workers 3 &
    uv run locust -f benchmarks/locustfile.py --headless -u 20 -r 5 -t 120s \\
        --host http://127.0.0.1:8108 --csv /tmp/load

Same DATABASE_URL / JOBBRO_VAR_DIR as the server. Locust's table (and the CSV) gives
each request's p50/p95 and failures; docs/benchmarks.md records them.
"""

import itertools
import os
import random
import re

from locust import HttpUser, between, events, task

PASSWORD = "Blaabaer-kajak-tusmoerke-42"  # the demo's (jobbro/demo/build.py)
# Log in through the form (a password hash per user, seconds each on a loaded machine), or,
# by default, with a session made beforehand as Django's test client does (force_login):
# the run then measures the pages, not the password hasher.
LOGIN_FORM = os.environ.get("LOCUST_LOGIN_FORM") == "1"
PLAN: list[dict] = []
_next = itertools.count()


@events.init.add_listener
def _plan(environment, **kwargs):
    """Who logs in, and the citizens each works with, from the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobbro.settings")
    import django

    django.setup()
    from django.test import Client

    from jobbro.accounts.models import Role, User
    from jobbro.citizens.access import citizens_for
    from jobbro.citizens.models import Citizen

    users = (
        list(User.objects.filter(role=Role.CASE_WORKER, is_active=True).order_by("pk")[:14])
        + list(User.objects.filter(role=Role.AMBASSADOR, is_active=True).order_by("pk")[:3])
        + list(User.objects.filter(role=Role.COMPANY_CONSULTANT, is_active=True).order_by("pk")[:2])
        + list(User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk")[:1])
    )
    rng = random.Random(14)
    for user in users:
        own = list(citizens_for(user).order_by("pk").values_list("pk", "last_name")[:200])
        outside = (
            list(
                Citizen.objects.exclude(pk__in=citizens_for(user).values("pk"))
                .order_by("?")
                .values_list("pk", flat=True)[:50]
            )
            if user.role in (Role.CASE_WORKER, Role.AMBASSADOR)
            else []
        )
        session = ""
        if not LOGIN_FORM:
            client = Client()
            client.force_login(user)
            session = client.cookies["sessionid"].value
        PLAN.append(
            {
                "session": session,
                "username": user.username,
                "role": user.role,
                "own": own,
                "outside": outside,
                "names": sorted({name[:4] for _pk, name in own}) or ["a"],
            }
        )
        rng.shuffle(PLAN[-1]["own"])


class Worker(HttpUser):
    wait_time = between(1, 1)  # 1 s think time

    def on_start(self):
        self.me = PLAN[next(_next) % len(PLAN)]
        if LOGIN_FORM:
            self.client.get("/login/", name="login")
            token = self.client.cookies.get("csrftoken")
            response = self.client.post(
                "/login/",
                {
                    "username": self.me["username"],
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": token,
                },
                name="login",
            )
            assert "/login/" not in response.url, "login refused"
        else:
            self.client.cookies.set("sessionid", self.me["session"])

    @property
    def works_with_case_files(self):
        return self.me["role"] in ("case_worker", "ambassador")

    @task(4)
    def citizen_list(self):
        if self.works_with_case_files:
            self.client.get("/borgere/", name="/borgere/")
        else:
            self.client.get("/", name="/")

    @task(2)
    def search(self):
        if self.works_with_case_files:
            q = random.choice(self.me["names"])
            self.client.get(f"/borgere/?q={q}", name="/borgere/?q=<name>")

    @task(3)
    def case_file(self):
        if self.me["own"] and self.me["role"] != "manager":
            pk, _name = random.choice(self.me["own"])
            self.client.get(f"/borgere/{pk}/", name="/borgere/<pk>/")

    @task(2)
    def placements(self):
        if self.me["role"] != "manager":
            self.client.get("/forloeb/", name="/forloeb/")
        else:
            self.client.get("/overblik/", name="/overblik/")

    @task(1)
    def follow_ups(self):
        if self.works_with_case_files:
            self.client.get("/forloeb/opfoelgninger/?alle=1", name="/forloeb/opfoelgninger/")
        elif self.me["role"] == "manager":
            self.client.get("/progression/maaltal/", name="/progression/maaltal/")
        else:
            self.client.get("/virksomheder/", name="/virksomheder/")

    @task(1)
    def stalled(self):
        if self.me["role"] != "manager":
            self.client.get("/progression/uden-fremgang/", name="/progression/uden-fremgang/")

    @task(1)
    def state_a_reason(self):
        """A write: the grant, the administration log, then the case file and its log."""
        if not self.me["outside"]:
            return
        pk = self.me["outside"].pop()
        page = self.client.get(f"/borgere/{pk}/formaal/", name="/borgere/<pk>/formaal/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        self.client.post(
            f"/borgere/{pk}/formaal/",
            {
                "reason": "Borgeren har henvendt sig i åben rådgivning.",
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="/borgere/<pk>/formaal/ (POST)",
        )
