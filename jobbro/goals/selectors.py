"""The goals' numbers, each computed in the database (grouped queries, never a loop over
citizens), each with its definition beside it (`MEASURES`, `EMPLOYMENT_DEFINITION`,
`SELF_SUPPORT_DEFINITION`), which the pages, the spreadsheets and the PDF print.

- `target_results`: a programme's targets (models.Target) against what its participants did.
- `outcome_report`: seed 004's table for a programme on a day (categories.py), and the same
  citizens by nationality, gender, age group and readiness.
- `employment_after_residence`: jobindsats' share in unsupported wage employment after 1, 3
  and 5 years of residence, by arrival year.
- `self_support`: the selvforsørgelsesgrad, weeks self-supporting in the 26 weeks after an
  effort ends.

Who sees which citizens, and whether small groups are folded, is `access.py`'s; these take
the citizens to count (`citizens`: None for all) and `fold`.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DecimalField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, Greatest, Least
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobbro.citizens.models import Citizen, Gender, Readiness
from jobbro.citizens.status import CaseStatus, ClosingReason, StatusPeriod
from jobbro.lib import isocodes
from jobbro.lib.aggregates import SMALLEST_GROUP, fold_small_groups, is_small
from jobbro.lib.dates import add_years
from jobbro.lib.text import lower_first
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus

from . import categories
from .categories import RAN, Outcome, gross_group, with_outcome
from .expressions import AddDays, AddYears, DaysBetween
from .models import Measure, Population, Target

# --- Targets ---------------------------------------------------------------------------------

K = PlacementKind
# What each measure counts: a participant who, while enrolled and within the period, had a
# placement of these kinds that ran (active or ended; proposed, agreed and cancelled ones
# did not).
MEASURE_KINDS: dict[str, tuple[str, ...]] = {
    Measure.INTERNSHIP: (K.INTERNSHIP,),
    Measure.WAGE_SUBSIDY: (K.WAGE_SUBSIDY,),
    Measure.ORDINARY_JOB: (K.ORDINARY,),
    Measure.SMALL_JOB: (K.SMALL_JOB,),
    Measure.LEISURE_JOB: (K.LEISURE_JOB,),
    Measure.IGU: (K.IGU,),
    Measure.WORK_OR_EDUCATION: (K.ORDINARY, K.IGU, K.FLEXJOB, K.EDUCATION),
}
WORK_OR_EDUCATION_REASONS = (
    ClosingReason.ORDINARY_JOB,
    ClosingReason.ORDINARY_EDUCATION,
    ClosingReason.OWN_BUSINESS,
    ClosingReason.FLEXJOB,
)
MEASURES: dict[str, object] = {
    Measure.INTERNSHIP: gettext_lazy(
        "Deltagere, der i perioden og mens de var indskrevet, har været i virksomhedspraktik "
        "(et forløb, der er startet; foreslåede, aftalte og annullerede tæller ikke)."
    ),
    Measure.WAGE_SUBSIDY: gettext_lazy(
        "Deltagere, der i perioden har været ansat med løntilskud (privat eller offentlig)."
    ),
    Measure.ORDINARY_JOB: gettext_lazy(
        "Deltagere, der i perioden har haft ordinært arbejde (et forløb af typen ordinært arbejde)."
    ),
    Measure.SMALL_JOB: gettext_lazy(
        "Deltagere, der i perioden har haft småjob: et forløb af typen småjob, eller "
        "lønnede timer ved siden af en virksomhedspraktik."
    ),
    Measure.LEISURE_JOB: gettext_lazy(
        "Unge deltagere (under 18 år, da de blev indskrevet), der i perioden har haft "
        "fritidsjob; andelen er af de unge deltagere."
    ),
    Measure.IGU: gettext_lazy("Deltagere, der i perioden har været i et IGU-forløb."),
    Measure.WORK_OR_EDUCATION: gettext_lazy(
        "Deltagere, der i perioden har haft ordinært arbejde, IGU, fleksjob eller uddannelse "
        "(VUC, FVU), eller hvis indskrivning eller sag er afsluttet til ordinært arbejde, "
        "ordinær uddannelse, fleksjob eller egen virksomhed."
    ),
}
WOMEN_DEFINITION = gettext_lazy(
    "Kvindernes andel er andelen af kvinder blandt dem, der har nået målet (ansøgningens "
    "“herunder mindst halvdelen kvinder”)."
)


def percent(part: int, whole: int) -> Decimal | None:
    """part of whole in per cent with one decimal, or None for no whole."""
    if not whole:
        return None
    return (Decimal(100 * part) / whole).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class TargetResult:
    target: Target
    people: int  # the population: participants, or the young among them
    reached: int
    women: int
    folded: bool = False  # too few people to show the numbers
    url: str = ""  # where the number of those who reached it links (goals.access.number_url)

    @property
    def share(self) -> Decimal | None:
        return None if self.folded else percent(self.reached, self.people)

    @property
    def women_share(self) -> Decimal | None:
        return None if self.folded or is_small(self.reached) else percent(self.women, self.reached)

    @property
    def met(self) -> bool | None:
        return None if self.share is None else self.share >= self.target.share

    @property
    def women_met(self) -> bool | None:
        if self.target.women_share is None or self.women_share is None:
            return None
        return self.women_share >= self.target.women_share

    @property
    def definition(self) -> str:
        return str(MEASURES[self.target.measure])


def participants(programme, start: dt.date, end: dt.date, citizens=None) -> QuerySet:
    """The programme's enrolments that overlap start..end (of the citizens given)."""
    from jobbro.programmes.models import Enrolment

    rows = Enrolment.objects.filter(programme=programme, starts_on__lte=end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    )
    return rows if citizens is None else rows.filter(citizen__in=citizens)


def _reached(kinds: tuple[str, ...], start: dt.date, end: dt.date) -> QuerySet:
    """The outer enrolment's citizen's placements of these kinds that ran while they were
    enrolled, within start..end."""
    last = Least(Coalesce(OuterRef("ends_on"), Value(end)), Value(end), output_field=DateField())
    first = Greatest(OuterRef("starts_on"), Value(start), output_field=DateField())
    return Placement.objects.filter(
        citizen=OuterRef("citizen"), kind__in=kinds, status__in=RAN, starts_on__lte=last
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))


def _reached_q(measure: str, start: dt.date, end: dt.date) -> Q:
    q = Q(Exists(_reached(MEASURE_KINDS[measure], start, end)))
    if measure == Measure.SMALL_JOB:
        q |= Q(Exists(_reached((K.INTERNSHIP,), start, end).filter(paid_hours_per_week__gt=0)))
    if measure == Measure.WORK_OR_EDUCATION:
        closed = StatusPeriod.objects.filter(
            citizen=OuterRef("citizen"),
            status=CaseStatus.CLOSED,
            closing_reason__in=WORK_OR_EDUCATION_REASONS,
            starts_on__gte=start,
            starts_on__lte=end,
        )
        q |= Q(ends_on__lte=end, end_reason__in=WORK_OR_EDUCATION_REASONS) | Q(Exists(closed))
    return q


def target_results(
    programme, *, start: dt.date, end: dt.date, citizens=None, fold: bool = True
) -> list[TargetResult]:
    """Each of the programme's targets against its participants in start..end, in one
    query: per target the people counted, those who reached it, and the women among them."""
    targets = list(programme.targets.all())
    if not targets:
        return []
    rows = participants(programme, start, end, citizens)
    youth = Q(citizen__birth_date__gt=AddYears(F("starts_on"), -18))
    women = Q(citizen__gender=Gender.FEMALE)
    counts = {}
    for t in targets:
        among = youth if t.population == Population.YOUTH else Q()
        reached = among & _reached_q(t.measure, start, end)
        counts[f"n{t.pk}"] = Count("citizen", distinct=True, filter=among or None)
        counts[f"r{t.pk}"] = Count("citizen", distinct=True, filter=reached)
        counts[f"w{t.pk}"] = Count("citizen", distinct=True, filter=reached & women)
    got = rows.aggregate(**counts)
    return [
        TargetResult(
            target=t,
            people=got[f"n{t.pk}"],
            reached=got[f"r{t.pk}"],
            women=got[f"w{t.pk}"],
            folded=fold and is_small(got[f"n{t.pk}"]),
        )
        for t in targets
    ]


# --- The outcome report (seed 004) -----------------------------------------------------------

AGES = [  # (younger than, label); the last is everyone older
    (18, gettext_lazy("Under 18 år")),
    (25, gettext_lazy("18–24 år")),
    (30, gettext_lazy("25–29 år")),
    (40, gettext_lazy("30–39 år")),
    (50, gettext_lazy("40–49 år")),
]
OLDEST = gettext_lazy("50 år og derover")


def age_group(day: dt.date) -> Case:
    """The citizen's age group on `day`, in the database (born after day − n years)."""
    whens = [
        When(citizen__birth_date__gt=add_years(day, -years), then=Value(str(years)))
        for years, _label in AGES
    ]
    return Case(*whens, default=Value("oldest"), output_field=CharField())


AGE_LABELS = {**{str(y): label for y, label in AGES}, "oldest": OLDEST}


@dataclass
class Cell:
    """A count in a report, or "under 5" when folded."""

    n: int
    small: bool = False

    def __str__(self) -> str:
        return _("under %(n)s") % {"n": SMALLEST_GROUP} if self.small else str(self.n)


@dataclass
class OutcomeRow:
    label: str
    count: Cell
    outcome: Outcome | None = None  # None: folded "others"
    url: str = ""  # where the count links (goals.access.number_url)


@dataclass
class BreakdownRow:
    label: str
    total: Cell
    ended: Cell
    to_work: Cell  # ended to work or education
    active: Cell


@dataclass
class Breakdown:
    key: str
    title: str
    rows: list[BreakdownRow]


@dataclass
class OutcomeReport:
    programme: object
    day: dt.date
    total: int
    ended: int
    active: int
    ended_rows: list[OutcomeRow]
    active_rows: list[OutcomeRow]
    breakdowns: list[Breakdown] = field(default_factory=list)
    folded: bool = False

    @property
    def rows(self) -> list[OutcomeRow]:
        return [*self.ended_rows, *self.active_rows]

    def count(self, key: str) -> int | None:
        """The count of one category, when it is shown on its own."""
        for row in self.rows:
            if row.outcome is not None and row.outcome.key == key:
                return row.count.n
        return None


def _nationality_label(key: str) -> str:
    if key.startswith(isocodes.STATELESS + ":"):
        born = key.split(":", 1)[1]
        if born:
            return _("Statsløs, født i %(country)s") % {"country": isocodes.country_name(born)}
        return isocodes.country_name(isocodes.STATELESS)
    return isocodes.country_name(key) if key else _("Ikke angivet")


def _cell(n: int, fold: bool) -> Cell:
    return Cell(n, small=fold and n > 0 and is_small(n))


def _outcome_rows(counts: dict[str, int], outcomes: list[Outcome], fold: bool, others: str):
    """The categories in 004's order, each on its own; with `fold`, those under 5 together."""
    pairs = [(o, counts.get(o.key, 0)) for o in outcomes if o.in_seed or counts.get(o.key)]
    if not fold:
        return [OutcomeRow(str(o.label), Cell(n), o) for o, n in pairs]
    shown, rest = fold_small_groups(pairs, size=lambda n: n)
    rows = [OutcomeRow(str(o.label), Cell(n), o) for o, n in shown]
    if sum(rest):
        rows.append(OutcomeRow(others, _cell(sum(rest), True)))
    return rows


def _breakdown(key, title, groups, label, fold: bool, order=None) -> Breakdown:
    """groups: {value: {outcome key: n}} summed to rows, largest first (or in `order`)."""
    work = {o.key for o in categories.TO_WORK_OR_EDUCATION}
    ended = {o.key for o in categories.ENDED}

    def sums(by_outcome):
        total = sum(by_outcome.values())
        e = sum(n for k, n in by_outcome.items() if k in ended)
        w = sum(n for k, n in by_outcome.items() if k in work)
        return total, e, w, total - e

    items = [(value, sums(by_outcome)) for value, by_outcome in groups.items()]
    if order is not None:
        items.sort(key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    else:
        items.sort(key=lambda kv: (-kv[1][0], label(kv[0])))
    if fold:
        shown, rest = fold_small_groups(items, size=lambda s: s[0])
        items = list(shown)
        if rest:
            folded = tuple(sum(s[i] for s in rest) for i in range(4))
            items.append((None, folded))
    rows = []
    for value, (total, e, w, a) in items:
        name = label(value) if value is not None else _("Øvrige")
        small = fold and is_small(total)
        rows.append(
            BreakdownRow(
                name,
                _cell(total, fold),
                Cell(e, small=small),
                Cell(w, small=small),
                Cell(a, small=small),
            )
        )
    return Breakdown(key, title, rows)


def outcome_report(programme, day: dt.date, *, citizens=None, fold: bool = True) -> OutcomeReport:
    """Seed 004's table for `programme` on `day`, and by nationality, gender, age group and
    readiness: one grouped query (one row per combination, summed here)."""
    from jobbro.programmes.models import Enrolment

    enrolments = Enrolment.objects.filter(programme=programme)
    if citizens is not None:
        enrolments = enrolments.filter(citizen__in=citizens)
    rows = with_outcome(gross_group(enrolments, day), day).annotate(
        nat=Case(
            When(
                citizen__nationality=isocodes.STATELESS,
                then=Coalesce(F("citizen__birth_country"), Value(""), output_field=CharField()),
            ),
            default=Value(None, output_field=CharField()),
            output_field=CharField(),
        ),
        age=age_group(day),
    )
    grouped = (
        rows.values(
            "outcome", "citizen__nationality", "nat", "citizen__gender", "citizen__readiness", "age"
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    by_outcome: dict[str, int] = defaultdict(int)
    dims: dict[str, dict] = {k: defaultdict(lambda: defaultdict(int)) for k in "ngra"}
    for g in grouped:
        n, outcome = g["n"], g["outcome"]
        by_outcome[outcome] += n
        nationality = g["citizen__nationality"] or ""
        if g["nat"] is not None:
            nationality = f"{nationality}:{g['nat']}"
        dims["n"][nationality][outcome] += n
        dims["g"][g["citizen__gender"]][outcome] += n
        dims["r"][g["citizen__readiness"] or ""][outcome] += n
        dims["a"][g["age"]][outcome] += n
    total = sum(by_outcome.values())
    ended = sum(n for k, n in by_outcome.items() if categories.BY_KEY[k].ended)
    genders = dict(Gender.choices)
    readiness = dict(Readiness.choices)
    return OutcomeReport(
        programme=programme,
        day=day,
        total=total,
        ended=ended,
        active=total - ended,
        ended_rows=_outcome_rows(by_outcome, categories.ENDED, fold, _("Øvrige afsluttede")),
        active_rows=_outcome_rows(by_outcome, categories.ACTIVE, fold, _("Øvrige i gang")),
        breakdowns=[
            _breakdown("nationality", _("Nationalitet"), dims["n"], _nationality_label, fold),
            _breakdown(
                "gender",
                _("Køn"),
                dims["g"],
                lambda v: str(genders.get(v, v)),
                fold,
                order=[Gender.FEMALE, Gender.MALE],
            ),
            _breakdown(
                "age",
                _("Aldersgruppe"),
                dims["a"],
                lambda v: str(AGE_LABELS.get(v, v)),
                fold,
                order=[*AGE_LABELS],
            ),
            _breakdown(
                "readiness",
                _("Visitation"),
                dims["r"],
                lambda v: str(readiness.get(v, _("Ikke angivet"))),
                fold,
                order=[*readiness, ""],
            ),
        ],
        folded=fold,
    )


# --- National measures -----------------------------------------------------------------------

RESIDENCE_YEARS = (1, 3, 5)
# Benefits that are not public support (law.reference codes): a period of one of these, or
# no benefit period at all, is "not on public support".
NOT_PUBLIC_SUPPORT = ("selvforsoergende", "aegtefaelleforsoerget", "ingen", "su")
# Unsupported wage work: jobindsats' MM13 leaves out fleksjob, løntilskud and skånejob.
UNSUPPORTED_KINDS = (K.ORDINARY, K.SMALL_JOB, K.LEISURE_JOB, K.IGU)
HOURS_IN_3_MONTHS = 190
WEEKS_IN_3_MONTHS = 13
EMPLOYMENT_DEFINITION = gettext_lazy(
    "Andel i ustøttet lønbeskæftigelse (jobindsats' mål MM13): borgere med opholdstilladelse "
    "i ankomståret, målt på dagen 1, 3 og 5 år efter opholdstilladelsen. I beskæftigelse er "
    "den, der den dag har ordinært arbejde, småjob, fritidsjob, IGU eller lønnede timer ved "
    "en praktik (fleksjob, løntilskud og skånejob tæller ikke), eller hvis sag er lukket til "
    "ordinært arbejde. Modtager borgeren samtidig offentlig forsørgelse, tæller det kun som "
    "supplerende beskæftigelse med mindst 190 ustøttede timer på 3 måneder: Jobbro kender "
    "timerne pr. uge, ikke de udbetalte timer, så timerne pr. uge den dag gange 13 skal være "
    "mindst 190. Borgere, der er flyttet, repatrieret eller døde inden dagen, tælles ikke med."
)


@dataclass
class ResidenceCell:
    measured: int
    employed: int
    folded: bool = False

    @property
    def share(self) -> Decimal | None:
        return None if self.folded else percent(self.employed, self.measured)

    def __str__(self) -> str:
        if not self.measured:
            return "–"
        if self.folded:
            return _("under %(n)s") % {"n": SMALLEST_GROUP}
        return f"{self.share} %".replace(".", ",")


@dataclass
class ResidenceRow:
    year: int
    cells: dict[int, ResidenceCell]


def _employed_on(measured_on) -> tuple[Q, object]:
    """Unsupported wage employment on the outer citizen's `measured_on` (see the definition),
    and the expression of their unsupported hours a week that day (to annotate as
    `hours_week`)."""
    on = Q(starts_on__lte=measured_on) & (Q(ends_on__isnull=True) | Q(ends_on__gte=measured_on))
    running = Placement.objects.filter(on, citizen=OuterRef("pk"), status__in=RAN)
    work = running.filter(kind__in=UNSUPPORTED_KINDS)
    paid = running.filter(kind=K.INTERNSHIP, paid_hours_per_week__gt=0)
    hours = Coalesce(
        Subquery(
            work.order_by().values("citizen").annotate(h=Sum("hours_per_week")).values("h")[:1]
        ),
        Value(Decimal(0)),
        output_field=DecimalField(max_digits=6, decimal_places=1),
    ) + Coalesce(
        Subquery(
            paid.order_by().values("citizen").annotate(h=Sum("paid_hours_per_week")).values("h")[:1]
        ),
        Value(Decimal(0)),
        output_field=DecimalField(max_digits=6, decimal_places=1),
    )
    from jobbro.law.models import BenefitPeriod

    supported = (
        BenefitPeriod.objects.filter(citizen=OuterRef("pk"), starts_on__lte=measured_on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=measured_on))
        .exclude(benefit__code__in=NOT_PUBLIC_SUPPORT)
    )
    closed_to_work = StatusPeriod.objects.filter(
        citizen=OuterRef("pk"),
        status=CaseStatus.CLOSED,
        closing_reason=ClosingReason.ORDINARY_JOB,
        starts_on__lte=measured_on,
    )
    enough = Q(hours_week__gte=Decimal(HOURS_IN_3_MONTHS) / WEEKS_IN_3_MONTHS)
    return (
        ((Q(Exists(work)) | Q(Exists(paid))) & (~Q(Exists(supported)) | enough))
        | Q(Exists(closed_to_work))
    ), hours


def employment_after_residence(
    as_of: dt.date, *, citizens=None, fold: bool = True, years=RESIDENCE_YEARS
) -> list[ResidenceRow]:
    """Per arrival year (the residence permit's), for each of `years`: citizens whose
    anniversary has come by `as_of`, and those in unsupported wage employment on it. One
    grouped query per number of years."""
    base = Citizen.objects.filter(residence_permit_date__isnull=False)
    if citizens is not None:
        base = base.filter(pk__in=citizens)
    table: dict[int, dict[int, ResidenceCell]] = defaultdict(dict)
    gone = (ClosingReason.MOVED, ClosingReason.REPATRIATED, ClosingReason.DECEASED)
    for n in years:
        due = base.annotate(measured_on=AddYears(F("residence_permit_date"), n)).filter(
            measured_on__lte=as_of
        )
        left = (
            StatusPeriod.objects.filter(
                citizen=OuterRef("pk"), starts_on__lte=OuterRef("measured_on")
            )
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=OuterRef("measured_on")))
            .order_by("-id")
        )
        employed, hours = _employed_on(OuterRef("measured_on"))
        grouped = (
            due.annotate(
                left_as=Coalesce(
                    Subquery(left.values("closing_reason")[:1]), Value(""), output_field=CharField()
                ),
                hours_week=hours,
                arrived_in=ExtractYear("residence_permit_date"),
            )
            .exclude(left_as__in=gone)
            .values("arrived_in")
            .annotate(measured=Count("pk"), employed=Count("pk", filter=employed))
            .order_by("arrived_in")
        )
        for r in grouped:
            table[r["arrived_in"]][n] = ResidenceCell(
                r["measured"], r["employed"], folded=fold and is_small(r["measured"])
            )
    return [
        ResidenceRow(year, {n: table[year].get(n, ResidenceCell(0, 0)) for n in years})
        for year in sorted(table)
    ]


WINDOW_WEEKS = 26
SELF_SUPPORT_DEFINITION = gettext_lazy(
    "Selvforsørgelsesgrad: for hvert forløb, der sluttede mindst 26 uger før datoen, tælles "
    "dagene i de 26 uger efter forløbets sidste dag, hvor borgerens forsørgelseshistorik "
    "(ydelsesperioderne) siger selvforsørgende, ægtefælleforsørget, SU eller ingen ydelse; "
    "perioder uden registreret ydelse tæller ikke som selvforsørgelse. Vist som "
    "gennemsnitligt antal uger af 26 og som andel."
)


@dataclass
class SelfSupport:
    label: str
    efforts: int
    days: int
    folded: bool = False

    @property
    def weeks(self) -> Decimal | None:
        if self.folded or not self.efforts:
            return None
        return (Decimal(self.days) / 7 / self.efforts).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def share(self) -> Decimal | None:
        if self.folded or not self.efforts:
            return None
        return percent(self.days, self.efforts * WINDOW_WEEKS * 7)


def self_support_days(efforts: QuerySet) -> QuerySet:
    """Each ended effort (an enrolment or a placement: `citizen`, `ends_on`) with
    `supported_days`: the days of the 26 weeks after its last day that the citizen's benefit
    history says were self-supporting."""
    from jobbro.law.models import BenefitPeriod

    first = AddDays(OuterRef("ends_on"), 1)
    last = AddDays(OuterRef("ends_on"), WINDOW_WEEKS * 7)
    far = Value(dt.date(9999, 12, 31), output_field=DateField())
    periods = (
        BenefitPeriod.objects.filter(
            citizen=OuterRef("citizen"),
            benefit__code__in=NOT_PUBLIC_SUPPORT,
            starts_on__lte=last,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .annotate(
            days=DaysBetween(
                Least(Coalesce("ends_on", far), last, output_field=DateField()),
                Greatest("starts_on", first, output_field=DateField()),
            )
            + 1
        )
        .order_by()
        .values("citizen")
        .annotate(total=Sum("days"))
        .values("total")[:1]
    )
    return efforts.annotate(
        supported_days=Coalesce(Subquery(periods), Value(0), output_field=IntegerField())
    )


def self_support(
    as_of: dt.date, *, programme=None, citizens=None, fold: bool = True
) -> list[SelfSupport]:
    """The selvforsørgelsesgrad after the programme's enrolments (when given) and after each
    kind of placement, for efforts that ended at least 26 weeks before `as_of`."""
    from jobbro.programmes.models import Enrolment

    ended_by = as_of - dt.timedelta(weeks=WINDOW_WEEKS)
    result = []
    if programme is not None:
        enrolments = Enrolment.objects.filter(programme=programme, ends_on__lte=ended_by)
        if citizens is not None:
            enrolments = enrolments.filter(citizen__in=citizens)
        got = self_support_days(enrolments).aggregate(
            efforts=Count("id"), days=Coalesce(Sum("supported_days"), 0)
        )
        result.append(
            SelfSupport(
                _("Efter %(programme)s") % {"programme": programme.name},
                got["efforts"],
                got["days"],
                folded=fold and is_small(got["efforts"]),
            )
        )
    placements = Placement.objects.filter(status=PlacementStatus.ENDED, ends_on__lte=ended_by)
    if citizens is not None:
        placements = placements.filter(citizen__in=citizens)
    if programme is not None:
        placements = placements.filter(
            citizen__in=Enrolment.objects.filter(programme=programme).values("citizen")
        )
    kinds = dict(PlacementKind.choices)
    grouped = (
        self_support_days(placements)
        .values("kind")
        .annotate(efforts=Count("id"), days=Coalesce(Sum("supported_days"), 0))
        .order_by("kind")
    )
    by_kind = {g["kind"]: g for g in grouped}
    for kind in PlacementKind.values:
        if kind in by_kind:
            g = by_kind[kind]
            result.append(
                SelfSupport(
                    _("Efter %(kind)s") % {"kind": lower_first(kinds[kind])},
                    g["efforts"],
                    g["days"],
                    folded=fold and is_small(g["efforts"]),
                )
            )
    return result


# --- For the pages: diagrams, the steering group's periods ----------------------------------


def _percent_text(value: Decimal | None) -> str:
    return (
        _("under %(n)s") % {"n": SMALLEST_GROUP}
        if value is None
        else f"{value} %".replace(".", ",")
    )


def target_bar(result: TargetResult):
    """A target as a bar: the share reached, the target as a marker."""
    from .charts import Bar

    return Bar(
        label=result.target.wording,
        value=result.share,
        text=_percent_text(result.share),
        target=result.target.share,
    )


def outcome_bars(report: OutcomeReport):
    from .charts import Bar

    return [
        Bar(label=row.label, value=None if row.count.small else row.count.n, text=str(row.count))
        for row in report.rows
    ]


TERTIALS = {1: (1, 4), 2: (5, 8), 3: (9, 12)}


def tertial_of(day: dt.date) -> dict:
    return {"year": day.year, "tertial": (day.month - 1) // 4 + 1}


def tertial_period(form) -> tuple[dt.date, dt.date]:
    """The first and last day of the third of a year the form asks for (default: the
    current one)."""
    chosen = tertial_of(dt.date.today())
    if form.is_bound and form.is_valid():
        chosen = form.cleaned_data
    first, last = TERTIALS[chosen["tertial"]]
    year = chosen["year"]
    after = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return dt.date(year, first, 1), after - dt.timedelta(days=1)


def steering_report(programme, start: dt.date, end: dt.date, citizens, fold: bool) -> dict:
    """What the steering group's report holds: the targets over the period, the status on its
    last day, and the programme's observations dated in the period."""
    return {
        "programme": programme,
        "start": start,
        "end": end,
        "results": target_results(programme, start=start, end=end, citizens=citizens, fold=fold),
        "report": outcome_report(programme, end, citizens=citizens, fold=fold),
        "observations": programme.observations.filter(
            noted_on__gte=start, noted_on__lte=end
        ).order_by("noted_on", "id"),
        "women_definition": WOMEN_DEFINITION,
        "definitions": MEASURES,
    }


# --- The persons behind a number ------------------------------------------------------------

# A goals number's key, as the links carry it (never a person's id): "maal-<target>" (those
# who reached a target in the period) and "status-<programme>-<category>" (seed 004's
# category on the period's last day).
TARGET_KEY = "maal-"
STATUS_KEY = "status-"


def target_key(result: TargetResult) -> str:
    return f"{TARGET_KEY}{result.target.pk}"


def status_key(programme, outcome: Outcome) -> str:
    return f"{STATUS_KEY}{programme.pk}-{outcome.key}"


def behind_number(key: str, citizens, start: dt.date, end: dt.date):
    """The citizens behind one goals number (of those in `citizens`, None: all), and its
    title; None when the key names no number. The same rules as the number itself."""
    from jobbro.programmes.models import Enrolment, Programme

    base = Citizen.objects.all() if citizens is None else Citizen.objects.filter(pk__in=citizens)
    number = key[len(TARGET_KEY) :]
    if key.startswith(TARGET_KEY) and number.isascii() and number.isdigit():
        target = Target.objects.select_related("programme").filter(pk=int(key[5:])).first()
        if target is None:
            return None
        among = Q()
        if target.population == Population.YOUTH:
            among = Q(citizen__birth_date__gt=AddYears(F("starts_on"), -18))
        rows = participants(target.programme, start, end).filter(
            among & _reached_q(target.measure, start, end)
        )
        title = _("Har nået målet: %(target)s") % {"target": target.wording}
        return base.filter(pk__in=rows.values("citizen")), title
    if key.startswith(STATUS_KEY):
        pk, _sep, outcome = key[len(STATUS_KEY) :].partition("-")
        programme = (
            Programme.objects.filter(pk=int(pk)).first() if pk.isascii() and pk.isdigit() else None
        )
        if programme is None or outcome not in categories.BY_KEY:
            return None
        enrolments = Enrolment.objects.filter(programme=programme)
        rows = with_outcome(gross_group(enrolments, end), end).filter(outcome=outcome)
        title = _("%(programme)s pr. %(day)s: %(status)s") % {
            "programme": programme.name,
            "day": end.strftime("%d.%m.%Y"),
            "status": categories.BY_KEY[outcome].label,
        }
        return base.filter(pk__in=rows.values("citizen")), title
    return None
