"""The back-test: replay the accepted suggestions in the order they were decided, and see how
often each kind led to work: by the score they had, by their rank on the page, and by the
score the current weights give the same factors, so the administrator can compare weights
against history before changing them."""

from dataclasses import dataclass

from . import selectors
from .evaluation import BAND, FINISHED
from .factors import ORDER
from .models import Decision, DecisionKind
from .outcomes import JOB, outcome_case


@dataclass(frozen=True)
class Case:
    score: float  # as shown
    rescored: float  # with the current weights
    rank: int | None
    worked: bool


def replay() -> list[Case]:
    """The accepted decisions whose placement is over, oldest first."""
    weights = selectors.weights()
    total = sum(weights.values()) or 1
    rows = (
        Decision.objects.filter(kind=DecisionKind.ACCEPTED)
        .annotate(outcome=outcome_case("placement__"))
        .order_by("decided_at", "id")
        .values_list("score", "factors", "outcome", "suggestion__rank")
    )
    cases = []
    for score, factors, outcome, rank in rows:
        if outcome not in FINISHED:
            continue
        values = {f["factor"]: float(f["value"]) for f in factors or []}
        rescored = sum(values.get(f, 0.0) * weights[f] for f in ORDER) / total * 100
        cases.append(Case(float(score), rescored, rank, outcome == JOB))
    return cases


def _rate(cases: list[Case]) -> str:
    if not cases:
        return "–"
    worked = sum(c.worked for c in cases)
    return f"{worked}/{len(cases)} = {100 * worked / len(cases):.1f} %"


def _by_band(cases: list[Case], attribute: str) -> list[str]:
    bands: dict[int, list[Case]] = {}
    for c in cases:
        bands.setdefault(min(int(getattr(c, attribute) // BAND), 9), []).append(c)
    return [f"  {b * BAND:>3}–{b * BAND + BAND:<3} {_rate(bands[b])}" for b in sorted(bands)]


def report(cases: list[Case]) -> list[str]:
    lines = [f"Accepterede forslag med afsluttet forløb: {len(cases)}"]
    lines.append(f"Førte til arbejde: {_rate(cases)}")
    lines.append("Efter scoren, da forslaget blev vist:")
    lines += _by_band(cases, "score")
    lines.append("Efter scoren med de nuværende vægte:")
    lines += _by_band(cases, "rescored")
    ranked = [c for c in cases if c.rank is not None]
    lines.append("Efter placering på siden:")
    lines.append(f"  nr. 1: {_rate([c for c in ranked if c.rank == 1])}")
    lines.append(f"  nr. 2 og lavere: {_rate([c for c in ranked if (c.rank or 0) > 1])}")
    half = sorted(cases, key=lambda c: -c.rescored)
    top = half[: len(half) // 2]
    lines.append(f"Bedste halvdel efter de nuværende vægte: {_rate(top)}")
    lines.append(f"Resten: {_rate(half[len(half) // 2 :])}")
    return lines
