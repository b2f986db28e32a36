"""Page benchmark: every list and detail page of every role, in process, against its SQL.

Runs on the database configured as usual (the SQLite default under JOBBRO_VAR_DIR, or
DATABASE_URL), which must hold a demo municipality (`jobbro demo_data [--citizens N]`).
Each page is requested `--runs` times through the whole Django stack with the test
client (middleware, access log in the request's transaction, templates), after one
warm-up. Its SQL is captured and replayed on its own (`raw`: the same statements, the
same rows, no Python), so `ratio` = page p95 / raw p95 says what Django adds, measured in
the same run under the same load. Prints a Markdown table and EXPLAIN of the slowest
statements.

    JOBBRO_VAR_DIR=/tmp/var-demo uv run python benchmarks/pages.py --runs 30
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jobbro_50k uv run python benchmarks/pages.py

Writes happen in the access log (every page logs what it shows): run it on a database you
may throw away.
"""

import argparse
import os
import statistics
import time


def _p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def pages(User, Role, Citizen, Placement, Company, Assessment):
    """(role label, username, url, kind) for each list and detail page."""
    cw = User.objects.get(username="sagsbehandler")
    kons = User.objects.get(username="konsulent")
    mentor = User.objects.get(username="mentor")
    citizen = Citizen.objects.filter(case_worker=cw).order_by("pk").first()
    placement = Placement.objects.filter(citizen__case_worker=cw).order_by("pk").first()
    k_placement = Placement.objects.filter(company__key_account=kons).order_by("pk").first()
    company = Company.objects.order_by("pk").first()
    assessment = Assessment.objects.filter(citizen__case_worker=cw).order_by("pk").first()
    mentee = Citizen.objects.filter(mentor=mentor).order_by("pk").first()
    name = citizen.last_name[:4]
    out = []
    for who in ("sagsbehandler", "ambassador"):
        out += [
            (who, "/", "list"),
            (who, "/borgere/", "list"),
            (who, f"/borgere/?q={name}", "list"),
            (who, "/borgere/?sort=-settled&side=3", "list"),
            (who, "/borgere/96-timer/", "list"),
            (who, "/forloeb/", "list"),
            (who, "/forloeb/kan-rykke-op/", "list"),
            (who, "/forloeb/opfoelgninger/?alle=1", "list"),
            (who, "/forloeb/akutte/", "list"),
            (who, "/virksomheder/", "list"),
            (who, "/virksomheder/ledig-kapacitet/", "list"),
            (who, "/progression/", "list"),
            (who, "/progression/uden-fremgang/", "list"),
        ]
    out += [
        ("sagsbehandler", f"/borgere/{citizen.pk}/", "detail"),
        ("sagsbehandler", f"/borgere/{citizen.pk}/adgangslog/", "detail"),
        ("sagsbehandler", f"/forloeb/{placement.pk}/", "detail"),
        ("sagsbehandler", f"/virksomheder/{company.pk}/", "detail"),
        ("sagsbehandler", f"/progression/borger/{citizen.pk}/", "detail"),
        ("sagsbehandler", f"/progression/maaling/{assessment.pk}/", "detail"),
        ("konsulent", "/", "list"),
        ("konsulent", "/forloeb/", "list"),
        ("konsulent", "/virksomheder/", "list"),
        ("konsulent", "/progression/uden-fremgang/", "list"),
        ("konsulent", f"/forloeb/{k_placement.pk}/", "detail"),
        ("konsulent", f"/virksomheder/{company.pk}/", "detail"),
        ("mentor", "/borgere/mentees/", "list"),
        ("mentor", f"/borgere/{mentee.pk}/", "detail"),
        ("leder", "/", "list"),
        ("leder", "/overblik/", "list"),
        ("leder", "/progression/maaltal/", "list"),
        ("leder", "/virksomheder/efterspoergsel/", "list"),
        ("admin", "/brugere/", "list"),
        ("admin", "/adgangslog/", "list"),
    ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--explain", type=int, default=5, help="EXPLAIN the N slowest statements")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobbro.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jobbro.accounts.models import Role, User
    from jobbro.assessments.models import Assessment
    from jobbro.citizens.models import Citizen
    from jobbro.companies.models import Company
    from jobbro.placements.models import Placement

    print(
        f"{Citizen.objects.count()} citizens, {connection.vendor}, {args.runs} runs, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}"
    )
    print("| role | page | kind | p50 ms | p95 ms | queries | raw p95 ms | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    slow: list[tuple[float, str, str, list]] = []
    clients = {}
    for username, url, kind in pages(User, Role, Citizen, Placement, Company, Assessment):
        client = clients.get(username)
        if client is None:
            client = clients[username] = Client()
            client.force_login(User.objects.get(username=username))
        client.get(url)
        times, queries = [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (username, url, response.status_code)
            queries = ctx.captured_queries
        # The same statements on their own (reads only: the access log's writes are
        # replayed as the SELECTs they are not, so skipped), as many runs.
        reads = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
        raw = []
        for _ in range(args.runs):
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for sql in reads:
                    cursor.execute(
                        sql.replace("%", "%%") if connection.vendor == "postgresql" else sql
                    )
                    cursor.fetchall()
            raw.append((time.perf_counter() - started) * 1000)
        for sql in reads:
            with connection.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(sql)
                cursor.fetchall()
                slow.append(((time.perf_counter() - started) * 1000, username, url, sql))
        p95, raw95 = _p95(times), _p95(raw)
        print(
            f"| {username} | `{url}` | {kind} | {statistics.median(times):.1f} | {p95:.1f} | "
            f"{len(queries)} | {raw95:.1f} | {p95 / raw95 if raw95 else 0:.1f} |",
            flush=True,
        )
    slow.sort(key=lambda s: s[0], reverse=True)
    seen = set()
    print("\nSlowest statements:")
    for ms, username, url, sql in slow:
        if sql in seen or len(seen) >= args.explain:
            continue
        seen.add(sql)
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            plan = "\n".join("    " + " ".join(str(c) for c in row) for row in cursor.fetchall())
        print(f"\n{ms:.1f} ms, {username} {url}:\n    {sql[:400]}\n{plan}")


if __name__ == "__main__":
    main()
