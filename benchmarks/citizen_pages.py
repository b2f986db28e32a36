"""Benchmark: the citizen pages at national scale.

Builds a demo municipality of N citizens (default 50,000) in a throwaway SQLite database
(or the PostgreSQL database in DATABASE_URL), then times the pages a case worker and an
ambassador use most, through the full Django stack (middleware, access log, templates).

    uv run python benchmarks/citizen_pages.py --citizens 50000 --runs 20

Prints one Markdown table row per page: median and 95th percentile in milliseconds and
the number of SQL queries. Results go in docs/benchmarks.md with the machine and date.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--citizens", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()

    if "DATABASE_URL" not in os.environ:
        os.environ["JOBBRO_VAR_DIR"] = tempfile.mkdtemp(prefix="jobbro-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobbro.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jobbro.accounts.models import Role, User
    from jobbro.citizens.models import Citizen

    call_command("migrate", verbosity=0)
    if not Citizen.objects.exists():
        started = time.perf_counter()
        call_command("demo_data", seed=args.seed, citizens=args.citizens, stdout=sys.stderr)
        print(
            f"built {args.citizens} citizens in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )

    case_worker = User.objects.filter(role=Role.CASE_WORKER).order_by("id").first()
    ambassador = User.objects.filter(role=Role.AMBASSADOR).order_by("id").first()
    sample = Citizen.objects.filter(case_worker=case_worker).order_by("id").first()
    pages = [
        ("case worker: citizen list", case_worker, "/borgere/"),
        (
            "case worker: list page 5, sorted by settlement",
            case_worker,
            "/borgere/?sort=-settled&side=5",
        ),
        ("case worker: name search", case_worker, f"/borgere/?q={sample.last_name[:4]}"),
        ("case worker: CPR search", case_worker, f"/borgere/?q={sample.cpr_display}"),
        ("case worker: case file", case_worker, f"/borgere/{sample.pk}/"),
        ("case worker: 96-hour list", case_worker, "/borgere/96-timer/"),
        ("ambassador: citizen list", ambassador, "/borgere/"),
        ("ambassador: 96-hour list", ambassador, "/borgere/96-timer/"),
    ]
    print(
        f"| page | median ms | p95 ms | queries |  ({Citizen.objects.count()} citizens, "
        f"{connection.vendor})"
    )
    print("|---|---|---|---|")
    for label, user, url in pages:
        client = Client()
        client.force_login(user)
        client.get(url)  # warm caches
        timings = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(
            f"| {label} | {statistics.median(timings):.1f} | {p95:.1f} | "
            f"{len(ctx.captured_queries)} |"
        )


if __name__ == "__main__":
    main()
