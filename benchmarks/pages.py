"""Page benchmark: every list and detail page of every role, in process, against its SQL.

Runs on the database configured as usual (the SQLite default under JOBBRO_VAR_DIR, or
DATABASE_URL), which must hold a demo municipality (`jobbro demo_data [--citizens N]`).
Each page is requested `--runs` times through the whole Django stack with the test
client (middleware, access log in the request's transaction, templates), after one
warm-up. Its SQL is captured and replayed on its own (`raw`: the same statements, the
same rows, no Python), so `ratio` = page / raw says what Django adds, measured in the
same run under the same load. Prints a Markdown table and EXPLAIN of the slowest
statements.

Two clocks, because the machine may be shared: wall time (what a user waits, inflated by
every other process on the machine) and CPU time (the work done, much less sensitive to
load). `cpu` is the benchmark process's CPU per request (on SQLite that includes the SQL,
which runs in process); on PostgreSQL `db cpu` adds the server backend's CPU for the same
requests, read from /proc (the server must run on this machine; 10 ms ticks, so it is the
mean over the runs). `cpu ratio` = (cpu + db cpu) / the same for the raw SQL alone.

    JOBBRO_VAR_DIR=/tmp/var-demo uv run python benchmarks/pages.py --runs 30
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jobbro_50k uv run python benchmarks/pages.py
    benchmarks/run demo-sqlite      # builds the database first if it is missing (see there)

Writes happen in the access log (every page logs what it shows): run it on a database you
may throw away.
"""

import argparse
import os
import statistics
import time


def _backend_cpu_ms(connection) -> float:
    """CPU (user + system) the PostgreSQL backend serving `connection` has used so far, in
    ms; 0 elsewhere or when /proc does not show it (a server on another machine)."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


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
    parser.add_argument("--only", help="comma-separated usernames or URL parts to run alone")
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
    print(
        "| role | page | kind | queries | cpu p50 ms | cpu p95 ms | db cpu ms "
        "| wall p50 ms | wall p95 ms | raw wall p95 ms | ratio | cpu ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    slow: list[tuple[float, str, str, list]] = []
    clients = {}
    only = [u for u in (args.only or "").split(",") if u]
    for username, url, kind in pages(User, Role, Citizen, Placement, Company, Assessment):
        if only and not any(o in url or o == username for o in only):
            continue
        client = clients.get(username)
        if client is None:
            client = clients[username] = Client()
            client.force_login(User.objects.get(username=username))
        client.get(url)
        times, cpu, queries = [], [], []
        db_before = _backend_cpu_ms(connection)
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as ctx:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                cpu.append((time.process_time() - started_cpu) * 1000)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (username, url, response.status_code)
            queries = ctx.captured_queries
        db_cpu = (_backend_cpu_ms(connection) - db_before) / args.runs
        # The same statements on their own (reads only: the access log's writes are
        # replayed as the SELECTs they are not, so skipped), as many runs.
        reads = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
        raw = []
        raw_db_before, raw_cpu_started = _backend_cpu_ms(connection), time.process_time()
        for _ in range(args.runs):
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for sql in reads:
                    cursor.execute(
                        sql.replace("%", "%%") if connection.vendor == "postgresql" else sql
                    )
                    cursor.fetchall()
            raw.append((time.perf_counter() - started) * 1000)
        raw_cpu = ((time.process_time() - raw_cpu_started) * 1000) / args.runs + (
            _backend_cpu_ms(connection) - raw_db_before
        ) / args.runs
        for sql in reads:
            with connection.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(sql.replace("%", "%%") if connection.vendor == "postgresql" else sql)
                cursor.fetchall()
                slow.append(((time.perf_counter() - started) * 1000, username, url, sql))
        p95, raw95 = _p95(times), _p95(raw)
        page_cpu = statistics.mean(cpu) + db_cpu
        print(
            f"| {username} | `{url}` | {kind} | {len(queries)} | {statistics.median(cpu):.1f} | "
            f"{_p95(cpu):.1f} | {db_cpu:.1f} | {statistics.median(times):.1f} | {p95:.1f} | "
            f"{raw95:.1f} | {p95 / raw95 if raw95 else 0:.1f} | "
            f"{page_cpu / raw_cpu if raw_cpu else 0:.1f} |",
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
