"""A programme's economy (issue 12, item 9; seeds 002 Hjørring and 004): what the effort
costs (its cost lines and hours) and the benefit saved, month by month, when participants
become self-supporting.

The definition, as the page writes it beside the numbers: a participant (a citizen ever
enrolled in the programme) becomes self-supporting on the day a benefit period
"Selvforsørgende" starts in their benefit history, on or after their enrolment started.
For each month of that period, the benefit saved is what the period before it paid a month
(the benefit and rate they received, at the amount in force on the first day of that month:
`law.BenefitAmount`), in proportion to the days of the month the person was self-supporting.
A person whose earlier benefit has no amount is counted apart, never guessed.

The periods and the benefit before each are found in one query in the database; the
months are counted in Python from those rows (a programme has tens to hundreds of them).
Months with fewer than 5 self-supporting participants are folded together
(`lib.aggregates.fold_small_groups`): an amount for one or two people is their benefit.
"""

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Subquery, Sum
from django.utils import timezone

from jobbro.law.models import BenefitAmount, BenefitPeriod
from jobbro.lib.aggregates import fold_small_groups

from .models import Enrolment, Programme

SELF_SUPPORTING = "selvforsoergende"
MAX_MONTHS = 60
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Spell:
    """A participant's period as self-supporting and the benefit paid before it."""

    citizen_id: int
    starts_on: dt.date
    ends_on: dt.date | None
    benefit_id: int | None
    rate_id: int | None


@dataclass
class Month:
    first: dt.date
    persons: int = 0
    saved: Decimal = Decimal(0)

    @property
    def last(self) -> dt.date:
        return self.first.replace(day=calendar.monthrange(self.first.year, self.first.month)[1])


@dataclass
class Economy:
    programme: Programme
    cost_lines: list
    cost: Decimal
    hours: Decimal
    participants: int
    months: list[Month]  # shown on their own (0 or at least 5 persons), in order
    folded: Month | None  # the months with 1–4 persons, added together
    folded_count: int = 0
    saved: Decimal = Decimal(0)
    # Self-supporting participants whose benefit before has no amount: not counted.
    unknown_persons: int = 0

    @property
    def cost_per_participant(self) -> Decimal | None:
        if not self.participants:
            return None
        return (self.cost / self.participants).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def net(self) -> Decimal:
        return self.saved - self.cost


def spells(programme: Programme) -> list[Spell]:
    """The participants' self-supporting periods that began on or after their enrolment,
    each with the benefit and rate of the period before it (one query)."""
    enrolled = Enrolment.objects.filter(
        programme=programme, citizen=OuterRef("citizen"), starts_on__lte=OuterRef("starts_on")
    )
    before = (
        BenefitPeriod.objects.filter(
            citizen=OuterRef("citizen"), starts_on__lt=OuterRef("starts_on")
        )
        .exclude(benefit__code=SELF_SUPPORTING)
        .order_by("-starts_on", "-pk")
    )
    rows = (
        BenefitPeriod.objects.filter(benefit__code=SELF_SUPPORTING)
        .filter(Exists(enrolled))
        .annotate(
            before_benefit=Subquery(before.values("benefit")[:1]),
            before_rate=Subquery(before.values("rate")[:1]),
        )
        .order_by("citizen_id", "starts_on")
        .values_list("citizen_id", "starts_on", "ends_on", "before_benefit", "before_rate")
    )
    return [Spell(*row) for row in rows]


def _amounts() -> dict[tuple[int, int | None], list[BenefitAmount]]:
    table: dict[tuple[int, int | None], list[BenefitAmount]] = defaultdict(list)
    for amount in BenefitAmount.objects.order_by("valid_from"):
        table[(amount.benefit_id, amount.rate_id)].append(amount)
    return table


def _amount_on(table, spell: Spell, day: dt.date) -> Decimal | None:
    if spell.benefit_id is None:
        return None
    for key in ((spell.benefit_id, spell.rate_id), (spell.benefit_id, None)):
        for row in table.get(key, []):
            if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day):
                return row.monthly
    return None


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    day = first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months[-MAX_MONTHS:]


def months(spell_rows: list[Spell], first: dt.date, last: dt.date, table) -> list[Month]:
    """Each month from `first` to `last`: self-supporting participants and benefit saved."""
    out = []
    for start in _month_starts(first, last):
        month = Month(start)
        days = (month.last - start).days + 1
        for spell in spell_rows:
            since = max(spell.starts_on, start)
            until = min(spell.ends_on or month.last, month.last)
            if since > until:
                continue
            amount = _amount_on(table, spell, start)
            if amount is None:
                continue
            month.persons += 1
            month.saved += amount * Decimal((until - since).days + 1) / Decimal(days)
        month.saved = month.saved.quantize(CENT, rounding=ROUND_HALF_UP)
        out.append(month)
    return out


def economy(programme: Programme, until: dt.date | None = None) -> Economy:
    """The programme's costs and the benefit saved each month from its start to `until`
    (today)."""
    until = until or timezone.localdate()
    lines = list(programme.cost_lines.all())
    totals = programme.cost_lines.aggregate(cost=Sum("amount"), hours=Sum("hours"))
    participants = Enrolment.objects.filter(programme=programme).aggregate(
        n=Count("citizen", distinct=True)
    )["n"]
    spell_rows = spells(programme)
    table = _amounts()
    all_months = months(spell_rows, programme.starts_on, until, table)
    empty = [m for m in all_months if m.persons == 0]
    shown, rest = fold_small_groups(
        [(m.first, m) for m in all_months if m.persons], size=lambda m: m.persons
    )
    folded = None
    if rest:
        folded = Month(rest[0].first)
        folded.persons = max(m.persons for m in rest)
        folded.saved = sum((m.saved for m in rest), Decimal(0))
    kept = sorted(empty + [m for _first, m in shown], key=lambda m: m.first)
    return Economy(
        programme=programme,
        cost_lines=lines,
        cost=totals["cost"] or Decimal(0),
        hours=totals["hours"] or Decimal(0),
        participants=participants,
        months=kept,
        folded=folded,
        folded_count=len(rest),
        saved=sum((m.saved for m in all_months), Decimal(0)),
        unknown_persons=len(
            {s.citizen_id for s in spell_rows if _amount_on(table, s, s.starts_on) is None}
        ),
    )
