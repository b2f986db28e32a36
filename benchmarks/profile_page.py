"""Where one page's time goes: cProfile of N requests as one user, and its SQL.

    JOBBRO_VAR_DIR=/tmp/var-demo uv run python benchmarks/profile_page.py sagsbehandler /borgere/
    ... --runs 20 --top 40 --sort tottime --sql

Same database setup as benchmarks/pages.py (a demo municipality; the access log is written).
Prints the profile's top functions by cumulative (or `--sort`) time, and with `--sql` the
statements of the last request with their time.
"""

import argparse
import cProfile
import os
import pstats
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("username")
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--sql", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobbro.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from jobbro.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=args.username))
    assert client.get(args.url).status_code == 200
    profile = cProfile.Profile()
    started = time.process_time()
    with CaptureQueriesContext(connection) as ctx:
        profile.enable()
        for _ in range(args.runs):
            client.get(args.url)
        profile.disable()
    cpu = (time.process_time() - started) * 1000 / args.runs
    print(f"{args.username} {args.url}: {cpu:.1f} ms CPU per request (profiled)")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)
    if args.sql:
        last = ctx.captured_queries[-len(ctx.captured_queries) // args.runs :]
        for q in last:
            print(f"{q['time']:>7} s  {q['sql'][:300]}")


if __name__ == "__main__":
    main()
