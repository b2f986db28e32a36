"""The proposal's fast scoring (engine.scores) gives the reference's (engine.evaluate) scores,
bit for bit, and leaves out exactly the pairs the reference finds incompatible."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from jobbro.matching import engine
from jobbro.matching.factors import ORDER


def world(seed: int, n: int, m: int, towns: int):
    rng = np.random.default_rng(seed)
    codes = rng.integers(1000, 9999, 8)

    def code_matrix(k):
        out = rng.choice(codes, (n, k)) + rng.choice([0, 0, 1, 10, 100], (n, k))
        out[rng.random((n, k)) < 0.4] = -1
        return out

    people = engine.People(
        danish=rng.integers(0, 4, n),
        licence=rng.random(n) < 0.4,
        max_hours=np.where(rng.random(n) < 0.3, rng.choice([20.0, 25.0], n), np.inf),
        no_shifts=rng.random(n) < 0.3,
        town=rng.integers(-1, towns, n),  # -1: the citizen's town is not known
        max_minutes=rng.choice([0.0, 30.0, 45.0, 60.0], n),
        available_from=np.where(rng.random(n) < 0.2, 100 + rng.integers(0, 60, n), 0),
        age=rng.integers(15, 70, n),
        wishes=code_matrix(3),
        experience=code_matrix(2),
        reserved=code_matrix(2),
        industries=rng.random((n, 100)) < 0.1,
        words=rng.integers(0, 2**63, n, dtype=np.int64).astype(np.uint64) * (rng.random(n) < 0.8),
    )
    openings = engine.Openings(
        danish=rng.choice([0, 1, 2, 3], m),
        licence=rng.random(m) < 0.3,
        hours=rng.choice([0.0, 15.0, 25.0, 37.0], m),
        shifts=rng.random(m) < 0.3,
        town=rng.integers(-1, towns, m),
        occupation=np.where(rng.random(m) < 0.1, -1, rng.choice(codes, m)),
        industry=rng.integers(-1, 100, m),
        min_age=rng.choice([15, 18], m),
        max_age=rng.choice([17, 50, 150], m),
        free=rng.integers(-1, 4, m),
        ends=rng.choice([90, 130, 10**6], m),
        demand=rng.choice([0.0, 1.0], m),
        barometer=rng.choice([0.0, 0.5, 1.0], m),
        company_rate=rng.random(m),
        occupation_rate=rng.random(m),
        words=rng.integers(0, 2**63, m, dtype=np.int64).astype(np.uint64) * (rng.random(m) < 0.7),
    )
    car = rng.integers(5, 90, (towns, towns)).astype(float)
    car[rng.random((towns, towns)) < 0.1] = np.inf  # some distances are not known
    public = np.where(rng.random((towns, towns)) < 0.5, car * 1.5, car * 0.8)
    return people, openings, engine.Travel(car, public)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 25),
    m=st.integers(1, 25),
    towns=st.integers(1, 6),
    weights=st.lists(st.integers(0, 10), min_size=len(ORDER), max_size=len(ORDER)),
    today=st.integers(80, 140),
)
def test_fast_scoring_gives_the_reference_scores(seed, n, m, towns, weights, today):
    people, openings, travel = world(seed, n, m, towns)
    w = np.array(weights, np.float64)
    rng = np.random.default_rng(seed + 1)
    pi = rng.integers(0, n, 3 * n * m)  # pairs in any order, some twice
    oj = rng.integers(0, m, 3 * n * m)
    reference = engine.evaluate(people, openings, travel, w, today, pi, oj)
    keep, score = engine.scores(people, openings, travel, w, today, pi, oj)
    assert keep.tolist() == np.flatnonzero(reference.ok()).tolist()
    assert score.tolist() == reference.score[reference.ok()].tolist()  # exactly the same


def test_without_a_distance_table_nothing_is_in_reach():
    people, openings, _ = world(1, 5, 5, 3)
    pi, oj = np.repeat(np.arange(5), 5), np.tile(np.arange(5), 5)
    keep, score = engine.scores(
        people, openings, engine.Travel.empty(), np.ones(len(ORDER)), 100, pi, oj
    )
    assert len(keep) == len(score) == 0
    reference = engine.evaluate(people, openings, engine.Travel.empty(), np.ones(len(ORDER)), 100)
    assert not reference.ok().any()
