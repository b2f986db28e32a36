"""How the suggestions fared: by score band and by factor, from the stored suggestions and
decisions and the placements the accepted ones led to (outcomes.py). Aggregates only:
counts under 5 are shown as "under 5" (as lib/aggregates folds small groups), so no row
points to a person."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField
from django.db.models.functions import Cast, Floor

from .factors import ORDER, Factor
from .models import DECLINES, Decision, DecisionKind, Suggestion
from .outcomes import DROPPED, ENDED, JOB, ONGOING, PAID_HOURS, outcome_case

SMALL = 5
BAND = 10  # points per score band
FINISHED = (JOB, PAID_HOURS, ENDED, DROPPED)


@dataclass
class Band:
    low: int
    shown: int = 0
    accepted: int = 0
    declined: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def label(self) -> str:
        return f"{self.low}–{min(self.low + BAND, 100)}"

    @property
    def finished(self) -> int:
        return sum(self.outcomes[o] for o in FINISHED)

    @property
    def work_rate(self) -> float | None:
        """Of the accepted suggestions whose placement is over, the share that led to work."""
        return self.outcomes[JOB] / self.finished if self.finished >= SMALL else None

    def shown_count(self, n: int) -> str:
        return str(n) if n == 0 or n >= SMALL else f"< {SMALL}"


@dataclass
class FactorRow:
    factor: str
    label: str
    worked: float | None
    other: float | None

    @property
    def difference(self) -> float | None:
        if self.worked is None or self.other is None:
            return None
        return self.worked - self.other


def _band(score_field: str):
    return Cast(Floor(F(score_field) / BAND), IntegerField())


def bands() -> list[Band]:
    """Suggestions shown, decided and how the accepted ones turned out, per score band."""
    rows: dict[int, Band] = {}

    def band(b: int | None) -> Band:
        b = min(int(b or 0), 100 // BAND - 1)
        return rows.setdefault(b, Band(b * BAND))

    shown = Suggestion.objects.annotate(band=_band("score")).values("band").annotate(n=Count("id"))
    for r in shown:
        band(r["band"]).shown += r["n"]
    decided = (
        Decision.objects.annotate(band=_band("score"), outcome=outcome_case("placement__"))
        .values("band", "kind", "outcome")
        .annotate(n=Count("id"))
    )
    for r in decided:
        b = band(r["band"])
        if r["kind"] == DecisionKind.ACCEPTED:
            b.accepted += r["n"]
            b.outcomes[r["outcome"]] += r["n"]
        elif r["kind"] in DECLINES:
            b.declined += r["n"]
    return [rows[k] for k in sorted(rows)]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if len(values) >= SMALL else None


def factor_rows(decisions: Iterable[tuple[list, str]] | None = None) -> list[FactorRow]:
    """Per factor, its mean value (0–1) in accepted suggestions that led to work and in those
    that ended otherwise: a factor that does not tell them apart earns its weight poorly."""
    if decisions is None:
        decisions = (
            Decision.objects.filter(kind=DecisionKind.ACCEPTED)
            .annotate(outcome=outcome_case("placement__"))
            .values_list("factors", "outcome")
        )
    worked: dict[str, list[float]] = defaultdict(list)
    other: dict[str, list[float]] = defaultdict(list)
    for factors, outcome in decisions:
        if outcome not in FINISHED:
            continue
        target = worked if outcome == JOB else other
        for f in factors or []:
            target[f["factor"]].append(float(f["value"]))
    return [FactorRow(f, str(Factor(f).label), _mean(worked[f]), _mean(other[f])) for f in ORDER]


def totals(rows: list[Band]) -> Band:
    total = Band(0)
    for b in rows:
        total.shown += b.shown
        total.accepted += b.accepted
        total.declined += b.declined
        for k, v in b.outcomes.items():
            total.outcomes[k] += v
    return total


OUTCOME_COLUMNS = (JOB, PAID_HOURS, ENDED, DROPPED, ONGOING)
