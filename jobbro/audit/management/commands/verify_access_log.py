"""`jobbro verify_access_log`: walk the access log's hash chain and report the first broken
link. Exits 1 when a row was changed, deleted or inserted behind Jobbro's back (or the
anchor given is not in the chain), 0 when the chain is intact.

Record the head it prints (`--anchor ID:HASH` later) somewhere the database's owner cannot
write, e.g. the operations log: a chain that was cut short at its newest end still verifies
on its own, but no longer contains the anchor.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jobbro.audit import chain
from jobbro.audit.models import AccessLogEntry


def parse_anchor(text: str) -> tuple[int, str]:
    pk, sep, digest = text.partition(":")
    if not sep or not (pk.isascii() and pk.isdigit()) or len(digest) != 64:
        raise CommandError("--anchor skal have formen ID:HASH (id og 64 hex-tegn)")
    return int(pk), digest.lower()


def when(at) -> str:
    return timezone.localtime(at).strftime("%d.%m.%Y %H:%M:%S")


class Command(BaseCommand):
    help = "Verify the access log's hash chain and report the first broken link"

    def add_arguments(self, parser):
        parser.add_argument(
            "--anchor",
            metavar="ID:HASH",
            help="a head printed by an earlier run: that row must still be in the chain",
        )
        parser.add_argument(
            "--from",
            dest="checkpoint",
            metavar="ID:HASH",
            help="a checkpoint: the rows up to it were removed under the log's retention rule; "
            "the rest must follow from it",
        )

    def handle(self, *args, **opts):
        anchor = parse_anchor(opts["anchor"]) if opts["anchor"] else None
        rows = AccessLogEntry.objects.order_by("pk")
        start = chain.GENESIS
        if opts["checkpoint"]:
            first_id, start = parse_anchor(opts["checkpoint"])
            rows = rows.filter(pk__gt=first_id)
        result = chain.verify(rows.iterator(chunk_size=2000), anchor=anchor, start=start)
        if result.broken:
            pk, at = result.broken[0]
            raise CommandError(
                f"Adgangsloggens kæde er brudt: første brudte led er række id {pk} "
                f"({when(at)}). Rækken er ændret, eller en række lige før den er slettet "
                f"eller indsat. {len(result.broken)} brudte led i alt af {result.rows} rækker.",
                returncode=1,
            )
        if result.anchor_found is False:
            raise CommandError(
                f"Ankeret {anchor[0]}:{anchor[1]} findes ikke i kæden: rækker er fjernet "
                "fra loggen, eller ankeret hører til en anden log.",
                returncode=1,
            )
        self.stdout.write(
            f"Adgangsloggen er intakt: {result.rows} rækker. "
            f"Hoved (gem det til --anchor): {result.last_id or 0}:{result.last_hash}"
        )
