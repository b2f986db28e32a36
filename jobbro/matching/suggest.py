"""Ranked suggestions with their reasons, per citizen and per opening, in Danish.

Each suggestion is the engine's score split into its factors: a factor's points are its
value (0–1) times its weight over the sum of the weights, times 100, so the points add up
to the score. Openings left out say why ("kræver kørekort").
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from jobbro.citizens.models import Citizen
from jobbro.companies import industries
from jobbro.companies.models import Opening

from . import engine, occupations, rules, selectors
from .factors import ORDER, Factor


@dataclass
class Line:
    factor: str
    label: str
    value: float
    weight: int
    points: float
    text: str

    def as_json(self) -> dict:
        return {
            "factor": self.factor,
            "label": self.label,
            "value": round(self.value, 3),
            "weight": self.weight,
            "points": round(self.points, 1),
            "text": self.text,
        }


@dataclass
class Suggested:
    citizen: Citizen
    opening: Opening
    score: float
    rank: int
    lines: list[Line]
    stored_id: int | None = None  # the Suggestion row it was shown as

    def factors_json(self) -> list[dict]:
        return [line.as_json() for line in self.lines]


@dataclass
class LeftOut:
    opening: Opening
    why: str


@dataclass
class Result:
    suggestions: list[Suggested] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    weights: dict[str, int] = field(default_factory=dict)


def _pct(x: float) -> str:
    return f"{round(x * 100)} %"


def _explain(factor: str, value: float, citizen: Citizen, opening: Opening, minutes: float) -> str:
    occ = occupations.label(opening.occupation_code) or _("fag ikke angivet")
    if factor == Factor.OCCUPATION_WISH:
        if value >= 1:
            return _("Borgeren ønsker netop %(occ)s") % {"occ": occ}
        if value > 0:
            return _("Tæt på et af borgerens ønskede fag (%(occ)s)") % {"occ": occ}
        return _("Ikke blandt borgerens ønskede fag")
    if factor == Factor.INDUSTRY_WISH:
        group = industries.main_group_title(opening.company.industry_code)
        if value >= 1:
            return _("Branchen (%(group)s) er blandt borgerens ønsker") % {"group": group}
        return _("Branchen er ikke blandt borgerens ønsker")
    if factor == Factor.EXPERIENCE:
        if value >= 1:
            return _("Borgeren har erfaring i netop dette fag")
        if value > 0:
            return _("Borgeren har erfaring i et beslægtet fag")
        return _("Ingen registreret erfaring i faget")
    if factor == Factor.COMPETENCES:
        if not (opening.requirements or opening.title):
            return _("Åbningen nævner ingen krav")
        return _("%(pct)s af åbningens nøgleord findes i borgerens kompetencer") % {
            "pct": _pct(value)
        }
    if factor == Factor.DANISH_MARGIN:
        if value >= 0.99:
            return _("Borgerens dansk er et godt stykke over kravet")
        if value > 0.5:
            return _("Borgerens dansk er over kravet")
        return _("Borgerens dansk er lige på kravet")
    if factor == Factor.TRAVEL:
        if not np.isfinite(minutes):
            return _("Rejsetiden er ikke kendt")
        how = _("i bil") if citizen.driving_licence else _("med offentlig transport")
        return _("Ca. %(m)s minutter hver vej %(how)s") % {"m": round(minutes), "how": how}
    if factor == Factor.DEMAND:
        if value >= 1:
            return _("Virksomheden efterspørger arbejdskraft nu")
        return _("Ingen aktuel efterspørgsel registreret")
    if factor == Factor.BAROMETER:
        readiness = getattr(opening, "readiness", None)
        if not readiness:
            return _("Virksomheden har ikke svaret på jobbarometeret")
        return _("Jobbarometer: %(answer)s") % {"answer": _readiness_label(readiness)}
    if factor in (Factor.COMPANY_OUTCOMES, Factor.OCCUPATION_OUTCOMES) and abs(value - 0.5) < 1e-9:
        return _("Ingen afsluttede forløb at gå efter endnu: tæller halvt")
    if factor == Factor.COMPANY_OUTCOMES:
        return _(
            "Tidligere forløb hos virksomheden: %(pct)s endte i arbejde (vægtet mod 50 %% uden historik)"
        ) % {"pct": _pct(value)}
    if factor == Factor.OCCUPATION_OUTCOMES:
        return _(
            "Tidligere forløb i faget: %(pct)s endte i arbejde (vægtet mod 50 %% uden historik)"
        ) % {"pct": _pct(value)}
    if factor == Factor.RESERVATIONS:
        if value >= 1:
            return _("Ingen af borgerens forbehold rammer åbningen")
        return _("Borgeren har forbehold over for dette eller et beslægtet fag")
    return ""


def _readiness_label(value: str) -> str:
    from jobbro.companies.models import BarometerReadiness

    return str(BarometerReadiness(value).label).lower()


def _lines(values: np.ndarray, weights: dict[str, int], citizen, opening, minutes) -> list[Line]:
    total = sum(weights.values()) or 1
    lines = [
        Line(
            f,
            str(Factor(f).label),
            float(values[i]),
            weights[f],
            float(values[i]) * weights[f] / total * 100,
            _explain(f, float(values[i]), citizen, opening, minutes),
        )
        for i, f in enumerate(ORDER)
    ]
    return sorted(lines, key=lambda line: -line.points)


class Context:
    """What every suggestion of one page needs, loaded once: towns, weights, openings."""

    def __init__(self, today: dt.date, openings: Sequence[Opening] | None = None):
        self.today = today
        self.towns = selectors.TownIndex()
        self.weights = selectors.weights()
        self.vector = selectors.weight_vector(self.weights)
        self.openings = list(
            openings if openings is not None else selectors.matchable_openings(today)
        )
        self.arrays = selectors.load_openings(self.openings, self.towns)


def for_citizen(citizen: Citizen, today: dt.date, limit: int = 10) -> Result:
    """The citizen's best compatible openings, and why each other opening is left out."""
    ctx = Context(today)
    people = selectors.load_people([citizen], ctx.towns, today)
    m = len(ctx.openings)
    scored = engine.evaluate(
        people,
        ctx.arrays,
        ctx.towns.travel,
        ctx.vector,
        today.toordinal(),
        np.zeros(m, np.int64),
        np.arange(m),
    )
    declined = selectors.declined_pairs([citizen.pk])
    accepted = selectors.accepted_pairs([citizen.pk])
    result = Result(weights=ctx.weights)
    order = np.lexsort((np.arange(m), -scored.score))
    for k in order:
        opening = ctx.openings[k]
        if (citizen.pk, opening.pk) in declined:
            result.left_out.append(LeftOut(opening, _("fravalgt tidligere")))
        elif (citizen.pk, opening.pk) in accepted:
            result.left_out.append(LeftOut(opening, _("accepteret: forslag til forløb oprettet")))
        elif scored.reason[k] != engine.OK:
            profile = getattr(citizen, "match_profile", None)
            why = rules.why_not(
                int(scored.reason[k]),
                opening=opening,
                profile=profile,
                minutes=float(scored.minutes[k]),
            )
            result.left_out.append(LeftOut(opening, why))
        elif len(result.suggestions) < limit:
            lines = _lines(
                scored.factors[k], ctx.weights, citizen, opening, float(scored.minutes[k])
            )
            result.suggestions.append(
                Suggested(
                    citizen, opening, float(scored.score[k]), len(result.suggestions) + 1, lines
                )
            )
    return result


def for_opening(
    opening: Opening, citizens: Sequence[Citizen], today: dt.date, limit: int = 20
) -> Result:
    """The citizens (of those given) for whom this opening fits best, best first."""
    annotated = selectors.matchable_openings(today).filter(pk=opening.pk).first()
    ctx = Context(today, [annotated or opening])
    people = selectors.load_people(citizens, ctx.towns, today)
    n = len(citizens)
    scored = engine.evaluate(
        people,
        ctx.arrays,
        ctx.towns.travel,
        ctx.vector,
        today.toordinal(),
        np.arange(n),
        np.zeros(n, np.int64),
    )
    ids = [c.pk for c in citizens]
    decided = selectors.declined_pairs(ids) | selectors.accepted_pairs(ids)
    result = Result(weights=ctx.weights)
    for k in np.lexsort((np.arange(n), -scored.score)):
        citizen = citizens[k]
        if scored.reason[k] != engine.OK or (citizen.pk, opening.pk) in decided:
            continue
        if len(result.suggestions) >= limit:
            break
        lines = _lines(
            scored.factors[k], ctx.weights, citizen, ctx.openings[0], float(scored.minutes[k])
        )
        result.suggestions.append(
            Suggested(
                citizen, ctx.openings[0], float(scored.score[k]), len(result.suggestions) + 1, lines
            )
        )
    return result
