"""`jobbro matching_backtest`: replay the stored decisions and report how often accepted
suggestions led to work, by score band, by rank, and as the current weights would have
scored them (the factors stored with each decision, weighed again)."""

from django.core.management.base import BaseCommand

from jobbro.matching import backtest


class Command(BaseCommand):
    help = "How often accepted suggestions led to work (by band, rank and the current weights)"

    def handle(self, *args, **opts):
        for line in backtest.report(backtest.replay()):
            self.stdout.write(line)
