"""The assignment: capacities, locked and declined pairs, and the optimum against HiGHS."""

import numpy as np
import pytest
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from jobbro.matching import engine


def instance(seed: int, n: int = 30, m: int = 12, per: int = 6):
    rng = np.random.default_rng(seed)
    pi = np.repeat(np.arange(n), per)
    oj = np.concatenate([rng.choice(m, per, replace=False) for _ in range(n)])
    score = rng.integers(1, 100, len(pi)).astype(float)
    capacity = rng.integers(1, 4, m)
    return n, m, pi, oj, score, capacity


def highs_optimum(n, m, pi, oj, score, capacity) -> float:
    """The same assignment as a linear programme, solved by HiGHS (scipy)."""
    e = len(pi)
    rows = np.concatenate([pi, n + oj])
    a = coo_matrix((np.ones(2 * e), (rows, np.tile(np.arange(e), 2))), shape=(n + m, e))
    b = np.concatenate([np.ones(n), capacity])
    res = linprog(-score, A_ub=a.tocsr(), b_ub=b, bounds=(0, 1), method="highs")
    assert res.status == 0
    return -res.fun


def loads(assignment, n, m, pi, oj):
    per_person = np.bincount(pi[assignment.edges], minlength=n)
    per_opening = np.bincount(oj[assignment.edges], minlength=m)
    return per_person, per_opening


@pytest.mark.parametrize("seed", range(8))
def test_it_finds_the_same_optimum_as_highs(seed):
    n, m, pi, oj, score, capacity = instance(seed)
    best = engine.optimal(n, m, pi, oj, score, capacity)
    assert best.total == pytest.approx(highs_optimum(n, m, pi, oj, score, capacity))


@pytest.mark.parametrize("seed", range(8))
def test_it_never_exceeds_a_capacity_or_places_anyone_twice(seed):
    n, m, pi, oj, score, capacity = instance(seed, n=60, m=10)
    for assignment in (
        engine.optimal(n, m, pi, oj, score, capacity),
        engine.greedy(n, pi, oj, score, capacity),
    ):
        per_person, per_opening = loads(assignment, n, m, pi, oj)
        assert per_person.max() <= 1
        assert (per_opening <= capacity).all()


@pytest.mark.parametrize("seed", range(5))
def test_greedy_is_never_better_than_the_optimum(seed):
    n, m, pi, oj, score, capacity = instance(seed)
    assert engine.greedy(n, pi, oj, score, capacity).total <= (
        engine.optimal(n, m, pi, oj, score, capacity).total + 1e-9
    )


def test_it_keeps_locked_pairs_and_counts_their_places():
    n, m, pi, oj, score, capacity = instance(3)
    worst = np.argsort(score)[:4]  # pairs the optimum would not choose by itself
    locked = np.array([e for e in worst if capacity[oj[e]] > 0][:2])
    best = engine.optimal(n, m, pi, oj, score, capacity, locked=locked)
    assert set(locked) <= set(best.edges)
    per_person, per_opening = loads(best, n, m, pi, oj)
    assert per_person.max() <= 1 and (per_opening <= capacity).all()


def test_declined_pairs_are_never_chosen():
    n, m, pi, oj, score, capacity = instance(4)
    first = engine.optimal(n, m, pi, oj, score, capacity)
    declined = set(first.edges[:5].tolist())
    keep = np.array([e for e in range(len(pi)) if e not in declined])
    again = engine.optimal(n, m, pi[keep], oj[keep], score[keep], capacity)
    chosen = {(pi[keep][e], oj[keep][e]) for e in again.edges}
    assert not chosen & {(pi[e], oj[e]) for e in declined}


def test_nobody_has_to_be_placed_when_there_is_no_place():
    best = engine.optimal(
        3, 1, np.array([0, 1, 2]), np.array([0, 0, 0]), np.array([5.0, 9, 7]), [1]
    )
    assert len(best) == 1 and best.total == 9
