"""The matching engine: compatibility, the factor scores and the assignment, on numpy arrays.

Framework-free, so the benchmarks (benchmarks/matching.py) and the pages run the same code:
`selectors.py` loads the database into `People`, `Openings` and `Travel`; `evaluate` scores
any set of (person, opening) pairs at once; `optimal` solves the caseload's assignment as a
min-cost flow (OR-Tools) under the openings' capacities, and `greedy` is what a person
working down the list of best scores would do.
"""

from dataclasses import dataclass, field

import numpy as np
from ortools.graph.python import min_cost_flow

from .factors import ORDER

# Why a pair is not a candidate: one bit per rule (1 << rule) in `Scored.reason`; 0 is a
# candidate.
OK, FULL, PERIOD, HOURS, SHIFTS, DANISH, LICENCE, NO_DISTANCE, TOO_FAR, AGE = range(10)
RULES = (FULL, PERIOD, AGE, HOURS, SHIFTS, DANISH, LICENCE, NO_DISTANCE, TOO_FAR)
N_FACTORS = len(ORDER)
F = {name: i for i, name in enumerate(ORDER)}
NEUTRAL = 0.5  # a factor with nothing to go on (no history at the company) counts half
SAME_TOWN_MINUTES = 10


@dataclass
class People:
    """One row per citizen. Codes are ISCO-08 unit groups as integers, -1 for none."""

    danish: np.ndarray  # 0 none, 1 basic, 2 everyday, 3 good (as DanishLevel)
    licence: np.ndarray  # bool
    max_hours: np.ndarray  # float, inf for no limit
    no_shifts: np.ndarray  # bool
    town: np.ndarray  # index into Travel, -1 unknown
    max_minutes: np.ndarray  # float
    available_from: np.ndarray  # date ordinal, 0 for now
    age: np.ndarray  # years; read only against the legal limits of an opening's kind
    wishes: np.ndarray  # N × W
    experience: np.ndarray  # N × E
    reserved: np.ndarray  # N × R
    industries: np.ndarray  # N × 100 bool: wished DB07 main groups
    words: np.ndarray  # uint64 bit set of the competences' words

    def __len__(self) -> int:
        return len(self.danish)


@dataclass
class Openings:
    danish: np.ndarray
    licence: np.ndarray
    hours: np.ndarray  # float, 0 unknown
    shifts: np.ndarray
    town: np.ndarray
    occupation: np.ndarray
    industry: np.ndarray  # DB07 main group 0-99, -1 unknown
    min_age: np.ndarray
    max_age: np.ndarray
    free: np.ndarray  # free places now
    ends: np.ndarray  # date ordinal, large for open-ended
    demand: np.ndarray  # 0..1
    barometer: np.ndarray  # 0..1
    company_rate: np.ndarray  # 0..1
    occupation_rate: np.ndarray  # 0..1
    words: np.ndarray  # uint64

    def __len__(self) -> int:
        return len(self.danish)


@dataclass
class Travel:
    car: np.ndarray  # T × T minutes, inf where unknown
    public: np.ndarray

    @classmethod
    def empty(cls) -> "Travel":
        return cls(np.zeros((0, 0), np.float32), np.zeros((0, 0), np.float32))


@dataclass
class Scored:
    """The pairs evaluated: why each is out (OK when it is in), its factors and score."""

    people: np.ndarray
    openings: np.ndarray
    reason: np.ndarray
    factors: np.ndarray  # pairs × N_FACTORS, each 0..1
    score: np.ndarray  # 0..100
    minutes: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def ok(self) -> np.ndarray:
        return self.reason == OK


def closeness(codes: np.ndarray, occupation: np.ndarray) -> np.ndarray:
    """Per row the best of 1 (same unit group), 0.6 (same minor group), 0.3 (same sub-major
    group) or 0 between any of the row's codes and the opening's occupation."""
    occ = occupation[:, None]
    valid = (codes >= 0) & (occ >= 0)
    value = np.where(codes == occ, 1.0, 0.0)
    value = np.where((value == 0) & (codes // 10 == occ // 10), 0.6, value)
    value = np.where((value == 0) & (codes // 100 == occ // 100), 0.3, value)
    value = np.where(valid, value, 0.0)
    return value.max(axis=1) if value.shape[1] else np.zeros(len(occupation))


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(values, return_inverse=True) for small non-negative integers, without a sort."""
    if not len(values):
        return values[:0], values[:0]
    present = np.zeros(int(values.max()) + 1, bool)
    present[values] = True
    index = np.cumsum(present) - 1
    return np.flatnonzero(present), index[values]


class _Closeness:
    """closeness() for many pairs at once, computed once per (person, distinct occupation)
    and then looked up: a caseload has far fewer distinct occupations than pairs."""

    def __init__(self, pi: np.ndarray, occupation: np.ndarray):
        self.people, self.person_of = _distinct(pi)
        self.codes, self.code_of = _distinct(occupation + 1)  # -1 (none) as 0
        self.codes = self.codes - 1

    def __call__(self, codes: np.ndarray) -> np.ndarray:
        rows = codes[self.people]  # P × K
        if not rows.shape[1]:
            return np.zeros(len(self.person_of))
        occ = self.codes[None, None, :]  # 1 × 1 × U
        c = rows[:, :, None]  # P × K × 1
        value = np.where(
            c == occ,
            1.0,
            np.where(c // 10 == occ // 10, 0.6, np.where(c // 100 == occ // 100, 0.3, 0.0)),
        )
        value = np.where((c >= 0) & (occ >= 0), value, 0.0).max(axis=1)  # P × U
        return value[self.person_of, self.code_of]


def minutes_between(travel: Travel, people: People, pi, openings: Openings, oj) -> np.ndarray:
    """Travel minutes each way: by car for a citizen with a licence, else public transport."""
    a, b = people.town[pi], openings.town[oj]
    known = (a >= 0) & (b >= 0)
    minutes = np.full(len(pi), np.inf)
    if travel.public.size:
        ai, bi = np.where(known, a, 0), np.where(known, b, 0)
        by_car = np.minimum(travel.car[ai, bi], travel.public[ai, bi])
        minutes = np.where(people.licence[pi], by_car, travel.public[ai, bi])
        minutes = np.where(known & (ai == bi), SAME_TOWN_MINUTES, minutes)
        minutes = np.where(known, minutes, np.inf)
    return minutes


def broken_rules(reason: int) -> list[int]:
    """The rules a pair's reason bits say it breaks, in the order a person checks them."""
    return [r for r in RULES if reason & (1 << r)]


def compatibility(people: People, pi, openings: Openings, oj, minutes, today: int) -> np.ndarray:
    """Every rule each pair breaks, as bits (0: none)."""
    reason = np.zeros(len(pi), np.int16)

    def rule(code: int, broken: np.ndarray) -> None:
        reason[broken] |= 1 << code

    hours = openings.hours[oj]
    rule(FULL, openings.free[oj] <= 0)
    rule(PERIOD, openings.ends[oj] < np.maximum(people.available_from[pi], today))
    rule(AGE, (people.age[pi] < openings.min_age[oj]) | (people.age[pi] > openings.max_age[oj]))
    rule(HOURS, (hours > 0) & (hours > people.max_hours[pi]))
    rule(SHIFTS, openings.shifts[oj] & people.no_shifts[pi])
    rule(DANISH, people.danish[pi] < openings.danish[oj])
    rule(LICENCE, openings.licence[oj] & ~people.licence[pi])
    rule(NO_DISTANCE, ~np.isfinite(minutes))
    rule(TOO_FAR, np.isfinite(minutes) & (minutes > people.max_minutes[pi]))
    return reason


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x).astype(np.float64)


def factor_values(people: People, pi, openings: Openings, oj, minutes) -> np.ndarray:
    """Each pair's value of each factor, 0..1 (columns in factors.ORDER)."""
    occ = openings.occupation[oj]
    near = _Closeness(pi, occ)
    values = np.empty((len(pi), N_FACTORS))
    values[:, F["occupation_wish"]] = near(people.wishes)
    industry = openings.industry[oj]
    wished = people.industries[pi, np.where(industry >= 0, industry, 0)]
    values[:, F["industry_wish"]] = np.where(industry >= 0, wished, 0.0)
    values[:, F["experience"]] = near(people.experience)
    asked = openings.words[oj]
    shared = _popcount(people.words[pi] & asked)
    values[:, F["competences"]] = np.where(
        asked > 0, shared / np.maximum(_popcount(asked), 1), NEUTRAL
    )
    margin = people.danish[pi].astype(np.int64) - openings.danish[oj]
    values[:, F["danish_margin"]] = np.clip(0.4 + 0.3 * margin, 0, 1)
    reach = np.where(np.isfinite(minutes), minutes, people.max_minutes[pi])
    values[:, F["travel"]] = np.clip(1 - reach / np.maximum(people.max_minutes[pi], 1), 0, 1)
    values[:, F["demand"]] = openings.demand[oj]
    values[:, F["barometer"]] = openings.barometer[oj]
    values[:, F["company_outcomes"]] = openings.company_rate[oj]
    values[:, F["occupation_outcomes"]] = openings.occupation_rate[oj]
    values[:, F["reservations"]] = 1 - near(people.reserved)
    return values


def evaluate(
    people: People,
    openings: Openings,
    travel: Travel,
    weights: np.ndarray,
    today: int,
    pi: np.ndarray | None = None,
    oj: np.ndarray | None = None,
) -> Scored:
    """Score the pairs (pi[k], oj[k]); every person against every opening when not given."""
    if pi is None or oj is None:
        pi = np.repeat(np.arange(len(people)), len(openings))
        oj = np.tile(np.arange(len(openings)), len(people))
    minutes = minutes_between(travel, people, pi, openings, oj)
    reason = compatibility(people, pi, openings, oj, minutes, today)
    values = factor_values(people, pi, openings, oj, minutes)
    return Scored(pi, oj, reason, values, weighted(values, weights), minutes)


# The factors that depend on the opening alone: `scores` adds them up once per opening.
OPENING_ONLY = tuple(
    F[f] for f in ("demand", "barometer", "company_outcomes", "occupation_outcomes")
)
PAIRWISE = tuple(i for i in range(N_FACTORS) if i not in OPENING_ONLY)


def weighted(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The score, 0..100: the factors times their weights over the sum of the weights.

    Summed in a fixed order (the pairwise factors, then the opening's own), so that `scores`
    gets the very same numbers adding the opening's part once per opening."""
    w = np.asarray(weights, np.float64)
    total = float(w.sum()) or 1.0
    if not len(values):
        return np.zeros(0)
    pair = _ordered_sum(values[:, i] * w[i] for i in PAIRWISE)
    own = _ordered_sum(values[:, i] * w[i] for i in OPENING_ONLY)
    return (pair + own) / total * 100


def _ordered_sum(columns) -> np.ndarray:
    it = iter(columns)
    acc = next(it)
    for column in it:
        acc = acc + column
    return acc


# The proposal's scoring ---------------------------------------------------------------
#
# The proposal needs only each compatible pair's score, for millions of pairs: `scores` gets
# the same numbers as `evaluate` (a test on random worlds holds it to that, bit for bit)
# without the factor table or the reasons. It looks up what depends on one side only in
# arrays made once per call (a person's or an opening's key, the travel minutes per pair of
# towns, each person's closeness to each occupation in the openings), checks the rules
# first and computes the factors only for the pairs that pass.

LEVELS = np.array([0.0, 0.3, 0.6, 1.0])  # closeness as a level: none, sub-major, minor, unit


def _closeness_levels(codes: np.ndarray, occupations: np.ndarray) -> np.ndarray:
    """P × U: each person's best level (index into LEVELS) against each occupation. The same
    unit group is also the same minor and sub-major group, so the level is a count."""
    best = np.zeros((len(codes), len(occupations)), np.int8)
    o = occupations[None, :]
    o10, o100, o_valid = o // 10, o // 100, o >= 0
    for k in range(codes.shape[1]):
        c = codes[:, k, None]
        level = (c == o).astype(np.int8) + (c // 10 == o10) + (c // 100 == o100)
        level *= (c >= 0) & o_valid
        np.maximum(best, level, out=best)
    return best


def _travel_table(travel: Travel) -> tuple[np.ndarray, int]:
    """minutes_between as one table: [licence, town + 1, town + 1] flattened (0: unknown)."""
    t = len(travel.public) if travel.public.size else 0
    table = np.full((2, t + 1, t + 1), np.inf)
    if t:
        table[0, 1:, 1:] = travel.public
        table[1, 1:, 1:] = np.minimum(travel.car, travel.public)
        idx = np.arange(1, t + 1)
        table[:, idx, idx] = SAME_TOWN_MINUTES
    return table.ravel(), t + 1


def scores(
    people: People,
    openings: Openings,
    travel: Travel,
    weights: np.ndarray,
    today: int,
    pi: np.ndarray,
    oj: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The indexes (into pi, oj) of the compatible pairs and their scores, as `evaluate`."""
    pi, oj = np.asarray(pi, np.intp), np.asarray(oj, np.intp)
    w = np.asarray(weights, np.float64)
    minutes_flat, side = _travel_table(travel)
    if side == 1:  # no distance table: no pair is within reach (as minutes_between)
        return np.zeros(0, np.intp), np.zeros(0)
    person_town = people.licence.astype(np.intp) * side * side + (people.town + 1) * side
    minutes = np.take(minutes_flat, np.take(person_town, pi) + np.take(openings.town + 1, oj))
    max_minutes = np.take(people.max_minutes, pi)
    keep = np.flatnonzero(np.isfinite(minutes) & (minutes <= max_minutes))
    pi, oj, minutes, max_minutes = pi[keep], oj[keep], minutes[keep], max_minutes[keep]

    # Yes/no rules of each side, as small codes, looked up in one table of what fits.
    levels = int(max(people.danish.max(initial=0), openings.danish.max(initial=0))) + 1
    o_code = ((openings.free <= 0) * 1 + openings.shifts * 2 + openings.licence * 4).astype(
        np.intp
    ) * levels + openings.danish
    p_code = (people.no_shifts * 1 + people.licence * 2).astype(np.intp) * levels + people.danish
    oc, pc = np.arange(8 * levels)[:, None], np.arange(4 * levels)[None, :]
    fits = (
        ((oc // levels) & 1 == 0)
        & ~(((oc // levels) & 2 > 0) & ((pc // levels) & 1 > 0))
        & ~(((oc // levels) & 4 > 0) & ((pc // levels) & 2 == 0))
        & (pc % levels >= oc % levels)
    )
    pair_code = np.take(o_code, oj) * (4 * levels) + np.take(p_code, pi)
    ok = np.take(fits.ravel(), pair_code)
    age = np.take(people.age, pi)
    ok &= (age >= np.take(openings.min_age, oj)) & (age <= np.take(openings.max_age, oj))
    ok &= np.take(openings.ends, oj) >= np.take(np.maximum(people.available_from, today), pi)
    hours = np.take(openings.hours, oj)
    ok &= ~((hours > 0) & (hours > np.take(people.max_hours, pi)))
    inside = np.flatnonzero(ok)
    keep, pi, oj, minutes, max_minutes = (
        keep[inside],
        pi[inside],
        oj[inside],
        minutes[inside],
        max_minutes[inside],
    )
    pair_code = pair_code[inside]
    return keep, _pair_scores(people, openings, w, pi, oj, minutes, max_minutes, pair_code, levels)


def _pair_scores(people, openings, w, pi, oj, minutes, max_minutes, pair_code, levels):
    """The compatible pairs' scores, each factor as in factor_values, summed as weighted()."""
    total = float(w.sum()) or 1.0
    codes, code_of = _distinct(openings.occupation + 1)
    codes = codes - 1
    present, person_of = _distinct(pi)  # the tables hold only the people of these pairs
    row = person_of * len(codes) + np.take(code_of, oj)

    def near(table: np.ndarray, weight: float, invert: bool = False) -> np.ndarray:
        values = (1 - LEVELS if invert else LEVELS) * weight
        return np.take(values, np.take(table.ravel(), row))

    column = {}
    column[F["occupation_wish"]] = near(
        _closeness_levels(people.wishes[present], codes), w[F["occupation_wish"]]
    )
    industry = np.take(openings.industry, oj)
    wished = np.take(
        people.industries.ravel(), pi * people.industries.shape[1] + np.maximum(industry, 0)
    )
    column[F["industry_wish"]] = (
        np.where((industry >= 0) & wished, 1.0, 0.0) * w[F["industry_wish"]]
    )
    column[F["experience"]] = near(
        _closeness_levels(people.experience[present], codes), w[F["experience"]]
    )
    asked = np.take(openings.words, oj)
    shared = _popcount(np.take(people.words, pi) & asked)
    column[F["competences"]] = (
        np.where(asked > 0, shared / np.maximum(_popcount(asked), 1), NEUTRAL) * w[F["competences"]]
    )
    # The Danish levels are in the pair's code (see scores): person % levels, opening likewise.
    margin_of = np.arange(levels)[None, :] - np.arange(levels)[:, None]  # [opening, person]
    margin = np.clip(0.4 + 0.3 * margin_of, 0, 1) * w[F["danish_margin"]]
    od = (pair_code // (4 * levels)) % levels
    pd = (pair_code % (4 * levels)) % levels
    column[F["danish_margin"]] = np.take(margin.ravel(), od * levels + pd)
    column[F["travel"]] = np.clip(1 - minutes / np.maximum(max_minutes, 1), 0, 1) * w[F["travel"]]
    column[F["reservations"]] = near(
        _closeness_levels(people.reserved[present], codes), w[F["reservations"]], invert=True
    )
    own_columns = {
        F["demand"]: openings.demand,
        F["barometer"]: openings.barometer,
        F["company_outcomes"]: openings.company_rate,
        F["occupation_outcomes"]: openings.occupation_rate,
    }
    own = _ordered_sum(own_columns[i] * w[i] for i in OPENING_ONLY)
    pair = _ordered_sum(column[i] for i in PAIRWISE)
    return (pair + np.take(own, oj)) / total * 100


def top_k(scored: Scored, k: int) -> dict[int, np.ndarray]:
    """Per person, the indexes (into scored) of their k best compatible pairs, best first."""
    ok = np.flatnonzero(scored.ok())
    if not len(ok):
        return {}
    # One sort on person, then score descending (scores are 0..100, so 1000 apart per person).
    key = scored.people[ok].astype(np.float64) * 1000.0 + (100.0 - scored.score[ok])
    order = ok[np.argsort(key, kind="stable")]
    people = scored.people[order]
    starts = np.flatnonzero(np.r_[True, people[1:] != people[:-1]])
    ends = np.r_[starts[1:], len(order)]
    return {int(people[s]): order[s : min(e, s + k)] for s, e in zip(starts, ends, strict=True)}


# The assignment ------------------------------------------------------------------------

SCALE = 10  # scores to integer costs at 0.1 points: the flow's costs are integers


@dataclass
class Assignment:
    edges: np.ndarray  # indexes of the chosen pairs
    total: float  # sum of their scores

    def __len__(self) -> int:
        return len(self.edges)


def optimal(n_people: int, n_openings: int, pi, oj, score, capacity, *, locked=None) -> Assignment:
    """The assignment with the highest total score: each person at most one opening, each
    opening at most its capacity. `locked` (indexes of pairs) are kept as they are and use
    their places first; pairs not given (declined ones) cannot be chosen.

    A min-cost flow: source → person (1) → opening (score as negative cost) → sink
    (capacity), with a bypass from source to sink so nobody has to be placed."""
    pi, oj = np.asarray(pi, np.int64), np.asarray(oj, np.int64)
    score = np.asarray(score, np.float64)
    capacity = np.asarray(capacity, np.int64).copy()
    locked = np.asarray(locked if locked is not None else [], np.int64)
    free_person = np.ones(n_people, bool)
    if len(locked):
        free_person[pi[locked]] = False
        np.subtract.at(capacity, oj[locked], 1)
    capacity = np.maximum(capacity, 0)
    usable = np.flatnonzero(free_person[pi] & (capacity[oj] > 0) & (score > 0))
    people = _distinct(pi[usable])[0]
    chosen = usable[:0]
    if len(usable):
        chosen = _flow(n_people, n_openings, pi, oj, score, capacity, usable, people)
    edges = np.concatenate([locked, chosen])
    return Assignment(edges, float(score[edges].sum()))


def _flow(n_people, n_openings, pi, oj, score, capacity, usable, people) -> np.ndarray:
    source, sink = n_people + n_openings, n_people + n_openings + 1
    supply = len(people)
    flow = min_cost_flow.SimpleMinCostFlow()
    tails = np.concatenate(
        [np.full(len(people), source), pi[usable], n_people + np.arange(n_openings), [source]]
    )
    heads = np.concatenate([people, n_people + oj[usable], np.full(n_openings, sink), [sink]])
    caps = np.concatenate([np.ones(len(people) + len(usable), np.int64), capacity, [supply]])
    costs = np.concatenate(
        [
            np.zeros(len(people), np.int64),
            -np.rint(score[usable] * SCALE).astype(np.int64),
            np.zeros(n_openings + 1, np.int64),
        ]
    )
    arcs = flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    flow.set_node_supply(source, supply)
    flow.set_node_supply(sink, -supply)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow: status {status}")
    flows = flow.flows(arcs[len(people) : len(people) + len(usable)])
    return usable[flows > 0]


def greedy(n_people: int, pi, oj, score, capacity, *, locked=None) -> Assignment:
    """Best score first, as long as the person is free and the opening has a place."""
    pi, oj = np.asarray(pi), np.asarray(oj)
    score = np.asarray(score, np.float64)
    left = np.asarray(capacity, np.int64).copy()
    placed = np.zeros(n_people, bool)
    locked = np.asarray(locked if locked is not None else [], np.int64)
    for e in locked:
        placed[pi[e]] = True
        left[oj[e]] -= 1
    chosen = []
    for e in np.argsort(-score, kind="stable"):
        p, o = pi[e], oj[e]
        if score[e] > 0 and not placed[p] and left[o] > 0:
            placed[p] = True
            left[o] -= 1
            chosen.append(e)
    edges = np.concatenate([locked, np.asarray(chosen, np.int64)])
    return Assignment(edges, float(score[edges].sum()))
