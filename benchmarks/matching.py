"""Matching's benchmarks (issue 11 item 7): the engine on synthetic instances.

    nice -n 10 uv run python benchmarks/matching.py   # all three sizes
    uv run python benchmarks/matching.py --quick         # the municipal size only
    uv run python benchmarks/matching.py --size national --highs-ratio 42   # JSON of one size

Instances: 500 x 300 (a municipality), 5,000 x 2,000 and 50,000 x 20,000 (national), about
100 compatible openings per citizen, capacities 1-5, 15 towns. Reported, as ratios in one
run (the machine is shared, so absolute times wander):

- municipal whole pipeline (candidates, scoring, optimal solve, top 5 per citizen) against
  its 50 ms target;
- one citizen's suggestions (compatibility and score against every opening, top 10) against
  5 ms;
- the proposal (scoring the candidates, building the flow, solving, reading the assignment)
  against the bare min-cost-flow solve of the same network: target <= 1.5x;
- the same LP in HiGHS (scipy.optimize.linprog), target >= 40x the proposal's CPU time,
  with the optimum compared. HiGHS runs in a forked child that is stopped once it has used
  --highs-ratio times the proposal's CPU seconds (HiGHS's own time_limit is wall clock, which
  a loaded machine stretches): if it has not finished by then, the ratio is at least that;
- peak memory (max RSS) of the national run, measured in a process of its own (HiGHS's child
  reported apart).

Times are CPU time (time.process_time; HiGHS's child from /proc/<pid>/stat), never wall
clock: the machine is shared. The municipal pipeline and one citizen's suggestions are
repeated and given as p50 and p95.

No database: the engine is what the pages and the background task run (jobbro/matching/
engine.py); loading from the database is measured by the pages' query counts instead.
"""

import argparse
import json
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobbro.matching import engine  # noqa: E402
from jobbro.matching.factors import DEFAULT_WEIGHTS, ORDER  # noqa: E402

TOWNS = 15
WEIGHTS = np.array([DEFAULT_WEIGHTS[f] for f in ORDER], np.float64)
TODAY = 740000  # a date ordinal
SIZES = {"municipal": (500, 300), "regional": (5_000, 2_000), "national": (50_000, 20_000)}
CANDIDATES_PER_CITIZEN = 100
CHUNK = 1_000_000


def synthetic(n: int, m: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    codes = rng.integers(1000, 9999, 60)  # a labour market of 60 occupations

    def code_matrix(k):
        out = rng.choice(codes, (n, k))
        out[rng.random((n, k)) < 0.4] = -1
        return out

    people = engine.People(
        danish=rng.integers(0, 4, n),
        licence=rng.random(n) < 0.2,
        max_hours=np.where(rng.random(n) < 0.3, 25.0, np.inf),
        no_shifts=rng.random(n) < 0.2,
        town=rng.integers(0, TOWNS, n),
        max_minutes=rng.choice([30.0, 45.0, 60.0], n),
        available_from=np.zeros(n, np.int64),
        age=rng.integers(18, 60, n),
        wishes=code_matrix(5),
        experience=code_matrix(5),
        reserved=code_matrix(5),
        industries=rng.random((n, 100)) < 0.05,
        words=rng.integers(0, 2**63, n, dtype=np.int64).astype(np.uint64),
    )
    openings = engine.Openings(
        danish=rng.choice([0, 1, 2, 2], m),
        licence=rng.random(m) < 0.1,
        hours=rng.choice([15.0, 25.0, 37.0], m),
        shifts=rng.random(m) < 0.15,
        town=rng.integers(0, TOWNS, m),
        occupation=rng.choice(codes, m),
        industry=rng.integers(0, 100, m),
        min_age=np.full(m, 15),
        max_age=np.full(m, 150),
        free=rng.integers(1, 6, m),
        ends=np.full(m, TODAY + 365),
        demand=(rng.random(m) < 0.5).astype(float),
        barometer=rng.choice([0.0, 0.5, 1.0], m),
        company_rate=rng.random(m),
        occupation_rate=rng.random(m),
        words=rng.integers(0, 2**63, m, dtype=np.int64).astype(np.uint64),
    )
    minutes = rng.integers(10, 120, (TOWNS, TOWNS)).astype(float)
    minutes = np.minimum(minutes, minutes.T)
    travel = engine.Travel(minutes * 0.6, minutes)
    return people, openings, travel


def candidate_pairs(n: int, m: int, per: int, seed: int = 2):
    """About `per` openings per citizen, as the national instance's candidates."""
    rng = np.random.default_rng(seed)
    pi = np.repeat(np.arange(n, dtype=np.int64), per)
    oj = rng.integers(0, m, n * per)
    key = np.unique(pi * m + oj)
    return key // m, key % m


def timed(function, *args, repeat: int = 1, **kwargs):
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.process_time()
        result = function(*args, **kwargs)
        best = min(best, time.process_time() - started)
    return best, result


def percentiles(function, *args, repeat: int) -> tuple[float, float, object]:
    """CPU seconds of `function(*args)` at the 50th and 95th percentile of `repeat` runs."""
    seconds, result = [], None
    for _ in range(repeat):
        started = time.process_time()
        result = function(*args)
        seconds.append(time.process_time() - started)
    p50, p95 = np.percentile(seconds, [50, 95])
    return float(p50), float(p95), result


def score_pairs(people, openings, travel, pi, oj):
    """Score pairs in chunks (memory), keep the compatible ones: the proposal's scoring
    (engine.scores, as proposal.py)."""
    keep_p, keep_o, keep_s = [], [], []
    for start in range(0, len(pi), CHUNK):
        p, o = pi[start : start + CHUNK], oj[start : start + CHUNK]
        keep, score = engine.scores(people, openings, travel, WEIGHTS, TODAY, p, o)
        keep_p.append(p[keep])
        keep_o.append(o[keep])
        keep_s.append(score)
    return np.concatenate(keep_p), np.concatenate(keep_o), np.concatenate(keep_s)


def score_pairs_reference(people, openings, travel, pi, oj):
    """The same with engine.evaluate (every factor of every pair, as the suggestions show
    them): what the proposal ran before engine.scores, kept to report the speed-up."""
    keep_p, keep_o, keep_s = [], [], []
    for start in range(0, len(pi), CHUNK):
        s = engine.evaluate(
            people,
            openings,
            travel,
            WEIGHTS,
            TODAY,
            pi[start : start + CHUNK],
            oj[start : start + CHUNK],
        )
        ok = s.ok()
        keep_p.append(s.people[ok])
        keep_o.append(s.openings[ok])
        keep_s.append(s.score[ok])
    return np.concatenate(keep_p), np.concatenate(keep_o), np.concatenate(keep_s)


def municipal_pipeline(people, openings, travel):
    """Every pair's compatibility and score (engine.scores, as the proposal), the optimal
    solve and the top 5 per citizen."""
    n, m = len(people), len(openings)
    pi, oj = np.repeat(np.arange(n), m), np.tile(np.arange(m), n)
    keep, score = engine.scores(people, openings, travel, WEIGHTS, TODAY, pi, oj)
    pi, oj = pi[keep], oj[keep]
    best = engine.optimal(n, m, pi, oj, score, openings.free)
    ok = np.zeros(len(pi), np.int16)
    top = engine.top_k(engine.Scored(pi, oj, ok, np.zeros((0, 0)), score), 5)
    return best, top, len(pi)


def one_citizen(people, openings, travel, i: int = 0):
    m = len(openings)
    scored = engine.evaluate(
        people, openings, travel, WEIGHTS, TODAY, np.full(m, i, np.int64), np.arange(m)
    )
    return engine.top_k(scored, 10)


def bare_solve(n, m, pi, oj, score, capacity):
    """The min-cost flow alone: the same network as engine.optimal, only solve() timed."""
    from ortools.graph.python import min_cost_flow

    people = np.unique(pi)
    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = n + m, n + m + 1
    tails = np.concatenate([np.full(len(people), source), pi, n + np.arange(m), [source]])
    heads = np.concatenate([people, n + oj, np.full(m, sink), [sink]])
    caps = np.concatenate([np.ones(len(people) + len(pi), np.int64), capacity, [len(people)]])
    costs = np.concatenate(
        [
            np.zeros(len(people), np.int64),
            -np.rint(score * engine.SCALE).astype(np.int64),
            np.zeros(m + 1, np.int64),
        ]
    )
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    flow.set_node_supply(source, len(people))
    flow.set_node_supply(sink, -len(people))
    started = time.process_time()
    status = flow.solve()
    seconds = time.process_time() - started
    assert status == flow.OPTIMAL
    return seconds, -flow.optimal_cost() / engine.SCALE


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process, all its threads (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _highs_child(n, m, pi, oj, score, capacity, connection) -> None:
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    e = len(pi)
    rows = np.concatenate([pi, n + oj])
    a = coo_matrix((np.ones(2 * e), (rows, np.tile(np.arange(e), 2))), shape=(n + m, e)).tocsr()
    b = np.concatenate([np.ones(n), capacity])
    cost = -np.rint(score * engine.SCALE) / engine.SCALE
    connection.send("start")  # the parent counts this process's CPU from here
    started = time.process_time()
    res = linprog(cost, A_ub=a, b_ub=b, bounds=(0, 1), method="highs")
    seconds = time.process_time() - started
    connection.send((seconds, (-res.fun if res.status == 0 else None), int(res.status)))


def highs(n, m, pi, oj, score, capacity, cpu_limit: float) -> dict:
    """The same LP in HiGHS (scipy's linprog) in a forked child, stopped once the solve has
    used `cpu_limit` CPU seconds. Returns its CPU seconds, optimum (None when stopped) and
    whether it was stopped, and the child's peak memory."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    child = context.Process(target=_highs_child, args=(n, m, pi, oj, score, capacity, theirs))
    child.start()
    assert ours.recv() == "start"
    before = _cpu_seconds(child.pid)
    out: dict = {"highs_limit_s": cpu_limit}
    while not ours.poll(0.2):
        used = _cpu_seconds(child.pid) - before
        if used >= cpu_limit:
            child.kill()
            out.update(highs_s=used, highs_total=None, highs_status="stopped at its CPU limit")
            break
    else:
        seconds, total, status = ours.recv()
        out.update(highs_s=seconds, highs_total=total, highs_status=f"finished, status {status}")
    child.join()
    out["highs_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def run_size(name: str, highs_ratio: float) -> dict:
    n, m = SIZES[name]
    people, openings, travel = synthetic(n, m)
    out: dict = {"size": name, "citizens": n, "openings": m, "places": int(openings.free.sum())}
    if name == "municipal":
        p50, p95, (best, top, candidates) = percentiles(
            municipal_pipeline, people, openings, travel, repeat=50
        )
        out.update(pipeline_ms=p50 * 1000, pipeline_p95_ms=p95 * 1000, candidates=candidates)
        pi_all = np.repeat(np.arange(n), m)
        oj_all = np.tile(np.arange(m), n)
        pi, oj, score = score_pairs(people, openings, travel, pi_all, oj_all)
    else:
        pi, oj = candidate_pairs(n, m, CANDIDATES_PER_CITIZEN * 3)  # a third are compatible
        t_ref, (_, _, ref_score) = timed(score_pairs_reference, people, openings, travel, pi, oj)
        t_score, (pi, oj, score) = timed(score_pairs, people, openings, travel, pi, oj)
        same = bool(np.array_equal(score, ref_score))
        out.update(score_s=t_score, score_reference_s=t_ref, same_scores=same, candidates=len(pi))
        del ref_score
    p50, p95, _ = percentiles(one_citizen, people, openings, travel, repeat=200)
    out.update(one_citizen_ms=p50 * 1000, one_citizen_p95_ms=p95 * 1000)
    t_opt, best = timed(engine.optimal, n, m, pi, oj, score, openings.free)
    out.update(optimal_s=t_opt, optimal_total=best.total, placed=len(best))
    t_bare, bare_total = bare_solve(n, m, pi, oj, score, openings.free)
    out.update(bare_solve_s=t_bare, bare_total=bare_total)
    t_greedy, g = timed(engine.greedy, n, pi, oj, score, openings.free)
    out.update(
        greedy_s=t_greedy, greedy_total=g.total, greedy_loss=(best.total - g.total) / best.total
    )
    if name != "municipal":
        out["proposal_s"] = out["score_s"] + t_opt
    else:
        out["proposal_s"] = t_opt
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if highs_ratio > 0:
        out.update(highs(n, m, pi, oj, score, openings.free, highs_ratio * out["proposal_s"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--size", choices=SIZES)
    parser.add_argument(
        "--highs-ratio",
        type=float,
        default=42.0,
        help="stop HiGHS after this many times the proposal's CPU seconds (0: no HiGHS)",
    )
    args = parser.parse_args()
    if args.size:  # one size in this process (peak memory is the process's)
        print(json.dumps(run_size(args.size, args.highs_ratio)))
        return
    sizes = ["municipal"] if args.quick else list(SIZES)
    results = []
    for name in sizes:
        done = subprocess.run(  # noqa: S603 (this script itself, for its own peak memory)
            [sys.executable, __file__, "--size", name, "--highs-ratio", str(args.highs_ratio)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load {' '.join(load)}, {platform.machine()} Python {platform.python_version()}, "
        f"numpy {np.__version__}, CPU time (time.process_time)"
    )
    for r in results:
        lines = [
            f"## {r['size']}: {r['citizens']:,} x {r['openings']:,}, {r['candidates']:,} candidate pairs"
        ]
        if "pipeline_ms" in r:
            lines.append(
                f"whole pipeline {r['pipeline_ms']:.1f} ms CPU p50, {r['pipeline_p95_ms']:.1f} ms p95"
                f" = {r['pipeline_p95_ms'] / 50:.2f} x the 50 ms target at p95"
            )
        lines.append(
            f"one citizen's suggestions {r['one_citizen_ms']:.2f} ms CPU p50, "
            f"{r['one_citizen_p95_ms']:.2f} ms p95 = {r['one_citizen_p95_ms'] / 5:.2f} x the 5 ms target at p95"
        )
        if "score_s" in r:
            lines.append(
                f"scoring {r['score_s']:.3f} s (engine.evaluate: {r['score_reference_s']:.3f} s, "
                f"same scores: {r['same_scores']}), the proposal's solve {r['optimal_s']:.3f} s"
            )
        lines.append(
            f"proposal {r['proposal_s']:.3f} s, bare solve {r['bare_solve_s']:.3f} s: "
            f"{r['proposal_s'] / r['bare_solve_s']:.2f} x (target <= 1.5, national)"
        )
        lines.append(
            f"optimum {r['optimal_total']:.1f} (bare {r['bare_total']:.1f}); greedy loses {100 * r['greedy_loss']:.2f} %"
        )
        if "highs_s" in r:
            ratio = r["highs_s"] / r["proposal_s"]
            if r["highs_total"] is None:
                lines.append(
                    f"HiGHS stopped at its limit of {r['highs_limit_s']:.1f} CPU s "
                    f"({r['highs_s']:.1f} s used) without an optimum; ratio >= {ratio:.1f} (target >= 40, national)"
                )
            else:
                same = (  # the same LP: scores at 0.1 points
                    abs(r["highs_total"] - r["bare_total"]) < 1e-6 * max(1, r["bare_total"]) + 0.05
                )
                lines.append(
                    f"HiGHS {r['highs_s']:.2f} CPU s = {ratio:.1f} x the proposal (target >= 40, national), "
                    f"{'same optimum' if same else 'optimum ' + str(r['highs_total'])}"
                )
            lines.append(f"HiGHS's child process: peak memory {r['highs_peak_rss_mb']:.0f} MB")
        lines.append(f"peak memory {r['peak_rss_mb']:.0f} MB")
        print("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
