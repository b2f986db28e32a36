"""The proposal for a whole caseload: the optimal assignment under the openings' capacities
beside the greedy one, with accepted matches locked, declined pairs left out and the women's
share of the places reported. It proposes; nothing is placed (people accept suggestions one
by one on the citizen's page)."""

import datetime as dt
import time
from collections.abc import Callable, Sequence

import numpy as np

from jobbro.citizens.models import Citizen, Gender

from . import engine, selectors
from .suggest import Context

Progress = Callable[[int, str], None]
CHUNK = 500  # citizens scored at a time, so progress can be reported on a large caseload


def _score_all(people, ctx: Context, today: dt.date, progress: Progress) -> engine.Scored:
    """Every compatible pair's score (engine.scores: the suggestions' numbers, faster)."""
    n, m = len(people), len(ctx.openings)
    parts = []
    for start in range(0, n, CHUNK):
        rows = np.arange(start, min(n, start + CHUNK))
        pi, oj = np.repeat(rows, m), np.tile(np.arange(m), len(rows))
        keep, score = engine.scores(
            people, ctx.arrays, ctx.towns.travel, ctx.vector, today.toordinal(), pi, oj
        )
        parts.append((pi[keep], oj[keep], score))
        progress(10 + int(50 * min(n, start + CHUNK) / max(n, 1)), "score")
    if not parts:
        empty = np.zeros(0, np.int64)
        return engine.Scored(empty, empty, empty, np.zeros((0, 0)), np.zeros(0))
    pi, oj, score = (np.concatenate(p) for p in zip(*parts, strict=True))
    return engine.Scored(pi, oj, np.zeros(len(pi), np.int16), np.zeros((0, 0)), score)


def _share_women(edges, pi, female) -> float | None:
    placed = pi[edges]
    return float(female[placed].mean()) if len(placed) else None


def compute(citizens: Sequence[Citizen], today: dt.date, progress: Progress) -> dict:
    """The proposal's result as JSON-ready ids and numbers (ProposalRun.result)."""
    started = time.perf_counter()
    progress(5, "load")
    ctx = Context(today)
    people = selectors.load_people(citizens, ctx.towns, today)
    scored = _score_all(people, ctx, today, progress)
    cids = np.array([c.pk for c in citizens], np.int64)
    oids = np.array([o.pk for o in ctx.openings], np.int64)
    declined = selectors.declined_pairs(cids.tolist())
    keep = [
        k
        for k in range(len(scored.people))
        if (int(cids[scored.people[k]]), int(oids[scored.openings[k]])) not in declined
    ]
    pi, oj, score = scored.people[keep], scored.openings[keep], scored.score[keep]
    pi, oj, score, locked, capacity = _with_locked(cids, oids, pi, oj, score, ctx)
    progress(65, "optimal")
    best = engine.optimal(len(cids), len(oids), pi, oj, score, capacity, locked=locked)
    progress(85, "greedy")
    greedy = engine.greedy(len(cids), pi, oj, score, capacity, locked=locked)
    female = np.array([c.gender == Gender.FEMALE for c in citizens], bool)
    greedy_by_citizen = {int(cids[pi[e]]): int(oids[oj[e]]) for e in greedy.edges}
    locked_set = set(locked.tolist())
    loss = (best.total - greedy.total) / best.total if best.total else 0.0
    return {
        "assignments": [
            {
                "citizen": int(cids[pi[e]]),
                "opening": int(oids[oj[e]]),
                "score": round(float(score[e]), 1),
                "locked": int(e) in locked_set,
                "greedy_opening": greedy_by_citizen.get(int(cids[pi[e]])),
            }
            for e in sorted(best.edges, key=lambda e: -score[e])
        ],
        "citizens": len(cids),
        "openings": len(oids),
        "places": int(capacity.sum()),
        "candidates": len(pi),
        "optimal": {
            "total": round(best.total, 1),
            "placed": len(best),
            "women": _share_women(best.edges, pi, female),
        },
        "greedy": {
            "total": round(greedy.total, 1),
            "placed": len(greedy),
            "women": _share_women(greedy.edges, pi, female),
        },
        "loss": round(loss, 4),
        "seconds": round(time.perf_counter() - started, 3),
    }


def _with_locked(cids, oids, pi, oj, score, ctx: Context):
    """Add the accepted pairs (locked) to the candidates, and give back to each opening the
    places its locked agreed or running placements already take in its free capacity."""
    capacity = np.maximum(ctx.arrays.free, 0).astype(np.int64)
    index_c = {int(c): i for i, c in enumerate(cids)}
    index_o = {int(o): j for j, o in enumerate(oids)}
    locked_rows = []
    for cid, oid, occupying in selectors.locked_pairs(cids.tolist()):
        if cid in index_c and oid in index_o:
            locked_rows.append((index_c[cid], index_o[oid]))
            if occupying:
                capacity[index_o[oid]] += 1
    taken = {c for c, _ in locked_rows}
    free = np.array([int(p) not in taken for p in pi], bool) if len(pi) else np.zeros(0, bool)
    pi, oj, score = pi[free], oj[free], score[free]
    n = len(pi)
    if locked_rows:
        lp, lo = (np.array(x, np.int64) for x in zip(*locked_rows, strict=True))
        pi, oj = np.concatenate([pi, lp]), np.concatenate([oj, lo])
        score = np.concatenate([score, np.full(len(lp), 100.0)])  # shown as locked, not scored
    return pi, oj, score, np.arange(n, len(pi)), capacity
