"""`jobbro retention`: what is due under the retention rules (run it monthly from cron).

It lists and records; it deletes nothing. Each due item becomes a pending decision that an
administrator approves or refuses on /sletning/. Output is in Danish and names citizens
by id only, so it can go to the operations log.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from jobbro.erasure import services
from jobbro.erasure.models import RetentionRule
from jobbro.front.fields import parse_date


class Command(BaseCommand):
    help = "List what is due under the retention rules and record it for approval"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="the day to count from (dd.mm.åååå); default today")

    def handle(self, *args, **opts):
        today = timezone.localdate()
        if opts["today"]:
            day, error = parse_date(opts["today"])
            if day is None:
                self.stderr.write(f"--today: {error}")
                return
            today = day
        out = self.stdout
        out.write(f"Opbevaringsregler pr. {today:%d.%m.%Y}:\n")
        for rule in RetentionRule.objects.all():
            out.write(
                f"  {rule.get_kind_display()}: {rule.years} år efter {rule.counted_from}, "
                f"derefter {str(rule.get_action_display()).lower()}.\n"
            )
        pending = services.retention_list(today=today)
        out.write(f"\nTil afgørelse på /sletning/: {len(pending)}\n")
        for d in pending:
            who = f"borger-id {d.citizen_id}" if d.citizen_id else "alle udløbne"
            out.write(
                f"  {d.rule.get_kind_display()}: {who}, forfaldent siden {d.due_since:%d.%m.%Y}\n"
            )
        rows, checkpoint = services.access_log_due(today)
        out.write(f"\nAdgangsloggen: {rows} rækker er ældre end reglen.")
        if checkpoint:
            out.write(
                f" Kontrolpunkt efter dem: {checkpoint[0]}:{checkpoint[1]} "
                "(se docs/retention.md; Jobbro sletter dem ikke selv).\n"
            )
        else:
            out.write("\n")
