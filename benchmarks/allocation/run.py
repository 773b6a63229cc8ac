"""Run the allocation benchmark: ``python -m benchmarks.allocation.run [--sizes …] [--out …]``.

Every method runs on every size and scenario of the same generated round, one at a time, each
in a fresh subprocess with a timeout, so that wall time and peak memory of one run neither mix
with another's nor hang the benchmark. The parent computes every quality figure from the
returned assignment with ``metrics``, the same way for all methods, prints the tables and writes
the allocation section of docs/benchmarks.md (between its markers, other sections untouched).
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import sections
from benchmarks.allocation import generator, metrics
from benchmarks.allocation.baselines import BASELINES

ROOT = Path(__file__).resolve().parents[2]
SECTION = "allocation"

DEFAULT_SIZES = (200, 1_000, 5_000, 20_000)
SEED = 1

# Method -> (label, objective and time limit for our engine, or None for a baseline).
OURS_10S = "ours-rank-maximal-10s"
OURS_20S = "ours-rank-maximal-20s"
METHODS: dict[str, tuple[str, str | None]] = {
    "stable": ("Stable allocation (`matching`)", None),
    "stable-lottery": ("Stable, supervisors' own order (`matching`)", None),
    "serial-dictatorship": ("Serial dictatorship", None),
    "greedy": ("Greedy first choice first", None),
    "ours-rank-maximal": ("**Ours, rank-maximal**", "rank-maximal"),
    "ours-min-cost": ("**Ours, min-cost**", "min-cost"),
    OURS_10S: ("**Ours, rank-maximal, 10 s limit**", "rank-maximal"),
    OURS_20S: ("**Ours, rank-maximal, 20 s limit**", "rank-maximal"),
}
# The 10-second run checks "a complete feasible answer at 20,000 in ≤ 10 s whatever happens",
# a target of the full scenario only; the 20-second run the gap reached "in ≤ 20 s" with
# diversity (what a coordinator gets who stops the engine there).
ONLY_IN = {OURS_10S: ("full",), OURS_20S: ("diversity",)}
TIME_LIMITS = {OURS_10S: 10.0, OURS_20S: 20.0}
# 20,000 students run for the targets that name them (max sizes only, full constraints); the
# diversity target is at 5,000, and a 20,000 diversity round would take most of the run's time.
LARGEST_IN = {"diversity": 5_000, "programme-tastes": 5_000, "short-skewed": 5_000}
SCENARIO_TITLES = {
    "max-only": "Maximum sizes only",
    "full": "Minimum and maximum sizes, supervisor capacities, required competences",
    "diversity": "Full constraints and `max_programme_share` 0.6",
    "programme-tastes": "Full constraints, tastes correlated by study programme",
    "short-skewed": "Full constraints, short lists of three, heavy popularity skew",
}
VIOLATION_ABBREVIATIONS = {
    "max_size": "max",
    "min_size": "min",
    "supervisor_capacity": "supervisor",
    "required_competences": "skill",
    "pins": "pin",
    "exclusions": "exclusion",
    "unranked": "unranked",
}


@dataclass
class Run:
    scenario: str
    size: int
    method: str
    status: str  # "ok", "timeout" or "error"
    message: str = ""
    seconds: float | None = None
    peak_mb: float | None = None
    gap: float | None = None
    optimal: bool | None = None
    quality: metrics.Quality | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok" and self.quality is not None


@dataclass
class Round:
    """One generated instance and what is known about it beyond any method."""

    scenario: str
    size: int
    projects: int
    placeable: int  # exact with max sizes only, an upper bound otherwise
    first_choices: int  # most students who can get their first choice, an upper bound


# --- the worker: one method on one instance, in its own process ------------------------------


def work(method: str, instance_path: Path, result_path: Path, seed: int, time_limit: float) -> None:
    data = json.loads(instance_path.read_text())
    objective = METHODS[method][1]
    extra: dict[str, Any] = {}
    if objective is None:
        solve = BASELINES[method]
        gc.collect()
        start = time.perf_counter()
        assignment = solve(data, seed)
        seconds = time.perf_counter() - start
    else:
        from transferraum.allocation.engine import allocate
        from transferraum.allocation.io import instance_from_json, result_to_json

        data["options"]["objective"] = objective
        data["options"]["time_limit"] = TIME_LIMITS.get(method, time_limit)
        data["options"]["seed"] = seed
        gc.collect()
        start = time.perf_counter()
        result = result_to_json(allocate(instance_from_json(data)))
        seconds = time.perf_counter() - start
        assignment = result["assignment"]
        extra = {key: result.get(key) for key in ("gap", "optimal", "objective", "bound")}
        extra["engine_seconds"] = result.get("seconds")
        extra["meta"] = result.get("meta", {})
    result_path.write_text(
        json.dumps(
            {
                "assignment": assignment,
                "seconds": seconds,
                "peak_mb": metrics.peak_rss_mb(),
                **extra,
            }
        )
    )


# --- the parent: generate, run each method in a subprocess, measure ---------------------------


def run_one(
    instance: dict[str, Any],
    instance_path: Path,
    scenario: str,
    size: int,
    method: str,
    *,
    seed: int,
    time_limit: float,
    timeout: float,
) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        result_path = Path(tmp) / "result.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.allocation.run",
            "--worker",
            method,
            "--instance",
            str(instance_path),
            "--result",
            str(result_path),
            "--seed",
            str(seed),
            "--time-limit",
            str(time_limit),
        ]
        try:
            done = subprocess.run(  # noqa: S603 (our own module, fixed arguments)
                command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return Run(scenario, size, method, "timeout", f"no answer within {timeout:.0f} s")
        if done.returncode != 0 or not result_path.exists():
            lines = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
            return Run(scenario, size, method, "error", lines[-1][:200])
        out = json.loads(result_path.read_text())
    return Run(
        scenario,
        size,
        method,
        "ok",
        seconds=out["seconds"],
        peak_mb=out["peak_mb"],
        gap=out.get("gap"),
        optimal=out.get("optimal"),
        quality=metrics.evaluate(instance, out["assignment"]),
    )


def benchmark(
    sizes: list[int],
    scenarios: list[str],
    methods: list[str],
    *,
    seed: int,
    time_limit: float,
    timeout: float,
    out: Path | None,
) -> tuple[list[Round], list[Run]]:
    rounds: list[Round] = []
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            for scenario in scenarios:
                if size > LARGEST_IN.get(scenario, size):
                    continue
                instance = generator.generate(size, seed, scenario=scenario)
                path = Path(tmp) / f"{scenario}-{size}.json"
                path.write_text(json.dumps(instance))
                rounds.append(
                    Round(
                        scenario,
                        size,
                        len(instance["projects"]),
                        metrics.max_placeable(instance),
                        metrics.max_first_choices(instance),
                    )
                )
                for method in methods:
                    if scenario not in ONLY_IN.get(method, (scenario,)):
                        continue
                    run = run_one(
                        instance,
                        path,
                        scenario,
                        size,
                        method,
                        seed=seed,
                        time_limit=time_limit,
                        timeout=timeout,
                    )
                    runs.append(run)
                    print(_progress(run), file=sys.stderr, flush=True)
            # Write after each size, so a long run that is stopped keeps what it measured.
            if out is not None:
                sections.write_section(
                    out, SECTION, render(rounds, runs, seed=seed, time_limit=time_limit)
                )
    return rounds, runs


def _progress(run: Run) -> str:
    head = f"{run.scenario:>9} {run.size:>6} {run.method:<22}"
    q = run.quality
    if not run.ok or q is None:
        return f"{head} {run.status}: {run.message}"
    return (
        f"{head} {run.seconds:8.2f} s  first {q.first_choice_share:6.1%}  top3 {q.top3_share:6.1%}"
        f"  unassigned {q.unassigned:>5}  violations {q.violation_count}"
    )


# --- the report ---------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}".replace("%", " %")


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def _gap(run: Run) -> str:
    if run.gap is None:
        return "—"
    text = _percent(run.gap)  # (a gap of 1.24 is "124.0 %", never a bare ratio)
    return f"{text}, proven" if run.optimal else text


def _violations(q: metrics.Quality) -> str:
    parts = [f"{VIOLATION_ABBREVIATIONS[k]} {v}" for k, v in q.violations.items() if v]
    return f"{q.violation_count} ({', '.join(parts)})" if parts else "0"


def _row(run: Run, *, diversity: bool) -> list[str]:
    label = METHODS[run.method][0]
    q = run.quality
    if not run.ok or q is None:
        cells = [run.status] + ["—"] * (10 if diversity else 9)
        return [f"{run.size:,}", label, *cells]
    cells = [
        f"{run.size:,}",
        label,
        _percent(q.first_choice_share),
        _percent(q.top3_share),
        f"{q.unassigned:,} ({_percent(q.unassigned_share)})",
        "—" if q.mean_rank is None else f"{q.mean_rank:.2f}",
        "—" if q.worst_rank is None else str(q.worst_rank),
        f"{q.blocking_pairs:,}",
        _violations(q),
    ]
    if diversity:
        cells.append(str(q.dominated_teams))
    cells += [_gap(run), _seconds(run.seconds), f"{run.peak_mb:.0f} MB"]
    return cells


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _find(runs: list[Run], scenario: str, size: int, method: str) -> Run | None:
    for run in runs:
        if (run.scenario, run.size, run.method) == (scenario, size, method):
            return run
    return None


def _mark(met: bool | None) -> str:
    return {True: "✅ yes", False: "❌ no", None: "—"}[met]


def _timed_target(
    runs: list[Run], scenario: str, size: int, method: str, limit: float, *, proven: bool
) -> tuple[str, bool | None]:
    run = _find(runs, scenario, size, method)
    if run is None:
        return "not run", None
    if run.quality is None or run.seconds is None:
        return run.status, False
    clean = run.quality.violation_count == 0
    text = _seconds(run.seconds) + (", proven optimal" if run.optimal else f", gap {_gap(run)}")
    if not clean:
        text += f", {run.quality.violation_count} violations"
    ok = run.seconds <= limit and clean and (bool(run.optimal) or not proven)
    return text, ok


def _diversity_gap(run: Run | None) -> tuple[str, bool | None]:
    """The rank objective's gap and the time of a diversity run, against "≤ 1 % in ≤ 20 s"."""
    if run is None:
        return "not run", None
    if not run.ok:
        return run.status, False
    if run.gap is None or run.seconds is None:
        return "no gap reported", False
    text = f"gap {_gap(run)} in {_seconds(run.seconds)}"
    if not run.optimal:
        # A zero gap of the rank objective that is not optimal: the soft wishes ran out.
        text += " (soft wishes not proven)" if run.gap == 0 else ", not proven"
    return text, run.gap <= 0.01 and run.seconds <= 20


def targets(rounds: list[Round], runs: list[Run]) -> str:
    """The issue's targets beside what this run measured."""
    rows: list[list[str]] = []

    def add(target: str, before: str, measured: tuple[str, bool | None]) -> None:
        rows.append([target, before, measured[0], _mark(measured[1])])

    big, mid = 20_000, 5_000
    add(
        "Max sizes only, 20,000: convex-cost (min-cost) optimum ≤ 1 s",
        "0.6 s",
        _timed_target(runs, "max-only", big, "ours-min-cost", 1, proven=True),
    )
    add(
        "Max sizes only, 20,000: exact rank-maximal ≤ 5 s",
        "40 s",
        _timed_target(runs, "max-only", big, "ours-rank-maximal", 5, proven=True),
    )
    for size, limit, before in ((mid, 5, "7.9 s"), (big, 60, "95 s")):
        for method in ("ours-rank-maximal", "ours-min-cost"):
            add(
                f"Full constraints, {size:,}: proven optimum ≤ {limit} s ({method[5:]})",
                before,
                _timed_target(runs, "full", size, method, limit, proven=True),
            )
    add(
        "Full constraints, 20,000: complete feasible answer ≤ 10 s (10 s limit)",
        "—",
        _timed_target(runs, "full", big, OURS_10S, 10, proven=False),
    )
    for method in ("ours-rank-maximal", "ours-min-cost"):
        run = _find(runs, "diversity", mid, method)
        measured = _diversity_gap(run)
        if not measured[1] and method == "ours-rank-maximal":
            # Over 20 s with the 60 s limit: what the same engine reaches when stopped at 20 s.
            limited = _diversity_gap(_find(runs, "diversity", mid, OURS_20S))
            if limited[1] is not None:
                measured = (f"{limited[0]} (20 s limit; {measured[0]} with 60 s)", limited[1])
        add(f"Diversity, 5,000: gap ≤ 1 % in ≤ 20 s ({method[5:]})", "43 s", measured)
        stable = _find(runs, "diversity", mid, "stable")
        if run is not None and run.ok and run.quality is not None:
            q = run.quality
            dominated = f"{q.dominated_teams} dominated teams"
            if stable is not None and stable.quality is not None:
                dominated += f" (stable: {stable.quality.dominated_teams})"
            skill = q.violations.get("required_competences", 0)
            add(
                f"Diversity, 5,000: no dominated team, full skill coverage where possible "
                f"({method[5:]})",
                "—",
                (f"{dominated}, {skill} missing skills", None if skill == 0 else False),
            )
    for scenario in SCENARIO_TITLES:
        worst: float | None = None
        for run in runs:
            mine = run.scenario == scenario and run.size == big and run.method.startswith("ours")
            if mine and run.peak_mb is not None:
                worst = max(worst or 0.0, run.peak_mb)
        if any(r.scenario == scenario and r.size == big for r in rounds):
            add(
                f"Memory ≤ 1 GB at 20,000, {scenario} (peak of the process)",
                "—",
                ("no run finished", None) if worst is None else (f"{worst:.0f} MB", worst <= 1000),
            )
    ours = [r for r in runs if r.method.startswith("ours")]
    finished = [r.quality for r in ours if r.quality is not None]
    broken = sum(q.violation_count for q in finished)
    text = f"{broken} in {len(finished)} finished runs"
    if len(finished) < len(ours):
        text += f" ({len(ours) - len(finished)} did not finish)"
    add(
        "Ours: no constraint violations, every run",
        "—",
        (text, None if not ours else broken == 0 and len(finished) == len(ours)),
    )
    table = _table(["Target (issue #6)", "Best measured before", "Measured now", "Met"], rows)
    return table + "\n\n" + against_stable(rounds, runs)


def against_stable(rounds: list[Round], runs: list[Run]) -> str:
    """Nobody unplaced when everyone can be; ≥ 99 % in the top 3; ≥ 4 points more first choices."""
    rows = []
    for rnd in rounds:
        stable = _find(runs, rnd.scenario, rnd.size, "stable")
        for method in ("ours-rank-maximal", "ours-min-cost"):
            run = _find(runs, rnd.scenario, rnd.size, method)
            if run is None or stable is None:
                continue
            head = [f"{rnd.scenario}, {rnd.size:,}", method[5:]]
            q, s = run.quality, stable.quality
            if q is None or s is None:
                rows.append([*head, run.status, "—", "—", "—", "—", "—"])
                continue
            must_unplace = rnd.size - rnd.placeable
            if q.unassigned <= must_unplace:
                placed_ok: bool | None = True
            elif rnd.scenario == "max-only":
                placed_ok = False  # the flow bound is exact here
            else:
                placed_ok = True if run.optimal else None
            gain = q.first_choice_share - s.first_choice_share
            possible = rnd.first_choices / rnd.size - s.first_choice_share
            rows.append(
                [
                    *head,
                    f"{q.unassigned} (stable {s.unassigned}, at least {must_unplace})",
                    _mark(placed_ok),
                    f"{_percent(q.top3_share)} (stable {_percent(s.top3_share)})",
                    _mark(q.top3_share >= 0.99),
                    f"{_percent(q.first_choice_share)} vs stable "
                    f"{_percent(s.first_choice_share)} ({s.violation_count} violations, "
                    f"{s.unassigned} unplaced): {gain * 100:+.1f} points "
                    f"(at most {possible * 100:+.1f})",
                    _mark(gain >= 0.04),
                ]
            )
    header = [
        "Round",
        "Ours",
        "Unassigned",
        "None unplaced if possible",
        "Top 3",
        "≥ 99 %",
        "First choices vs stable",
        "≥ +4 points",
    ]
    return (
        "Against the stable allocation on the same rounds (issue #6: stable leaves 3–5 % "
        'unplaced and 90–93 % in their top 3). "At least" is how many students no allocation '
        "can place by maximum sizes and supervisor capacities alone (exact for max sizes only; "
        'with minimum sizes and skills a proven optimum of ours counts as met). "At most" is '
        "the most first choices any allocation can give (each project's places or its "
        "first-choice applicants, whichever is fewer) minus the stable allocation's.\n\n"
        "Read the first-choice column with care: the stable allocation ignores minimum sizes, "
        "skills, pins and exclusions (its violations and unplaced students are in the tables "
        "above), so with those rules its first-choice share is not reachable by any feasible "
        "allocation, and rank-maximal already gives the most first choices any feasible "
        'allocation can (proven where the gap says so). The "+4 points" target is shown as '
        "measured, not met by redefining it; min-cost trades first choices for top-3 "
        "places on purpose.\n\n" + _table(header, rows)
    )


def _versions() -> str:
    parts = [f"Python {platform.python_version()}"]
    for package in ("highspy", "ortools", "matching"):
        try:
            parts.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package} not installed")
    return ", ".join(parts)


def render(
    rounds: list[Round],
    runs: list[Run],
    *,
    seed: int,
    time_limit: float,
    product: str | None = None,
) -> str:
    sizes = sorted({r.size for r in rounds})
    parts = [
        "## Allocation",
        "",
        f"Measured {sections.measured()}; {_versions()}. Rounds from "
        f"`benchmarks/allocation/generator.py` with seed {seed} at "
        f"{', '.join(f'{s:,}' for s in sizes)} students (about six per project); our engine "
        f"with a time limit of {time_limit:.0f} s. Each method ran alone in a fresh process; "
        "time is wall time from the JSON instance to the assignment, memory the peak resident "
        "size of that process (interpreter and instance included).",
        "",
        "Shares are of all students; mean and worst rank of those placed. Blocking pairs are "
        "counted with maximum sizes only: a student prefers a project that has a free place or "
        "holds someone who ranked it lower. Violations count every broken hard constraint "
        "(maximum and minimum size, supervisor capacity, required skill, pin, exclusion, "
        "unranked project); the baselines know only maximum sizes (the stable allocation also "
        "supervisor capacities), so minimum sizes, skills, pins and exclusions show there. "
        "Gap is the engine's proven gap of the rank objective.",
        "",
    ]
    for scenario, title in SCENARIO_TITLES.items():
        scenario_runs = [r for r in runs if r.scenario == scenario]
        if not scenario_runs:
            continue
        diversity = scenario == "diversity"
        header = ["Students", "Method", "1st choice", "Top 3", "Unassigned", "Mean rank"]
        header += ["Worst rank", "Blocking pairs", "Violations"]
        header += ["Dominated teams"] if diversity else []
        header += ["Gap", "Time", "Memory"]
        projects = ", ".join(
            f"{r.size:,} students: {r.projects:,} projects"
            for r in rounds
            if r.scenario == scenario
        )
        parts += [
            f"### {title}",
            "",
            f"Scenario `{scenario}` ({projects}).",
            "",
            _table(header, [_row(r, diversity=diversity) for r in scenario_runs]),
            "",
        ]
    if product is not None:
        parts += ["### Through the product", "", product, ""]
    parts += ["### Targets", "", targets(rounds, runs), ""]
    return "\n".join(parts)


def through_product(size: int, seed: int, timeout: float) -> dict[str, Any] | None:
    """Time from "start" to teams for a round of ``size`` stored in a fresh SQLite database
    (``benchmarks.allocation.product`` in a subprocess, the service the view calls); None when
    it failed or ran out of time."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'product.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        }
        command = [sys.executable, "-m", "benchmarks.allocation.product", "--migrate", "--json"]
        command += ["--students", str(size), "--seed", str(seed)]
        try:
            done = subprocess.run(  # noqa: S603 - our own module
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return None
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def render_product(product: dict[str, Any] | None, size: int) -> str:
    """The "through the product" lines of the section."""
    if product is None:
        return f"Through the product ({size:,} students, SQLite): failed or ran out of time."
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    cpu = product.get("cpu")
    cpu_text = f" (CPU time of the process {cpu:.1f} s)" if cpu is not None else ""
    return (
        f"Through the product ({product['students']:,} students, scenario `full` stored in "
        "SQLite, the round's default settings: rank-maximal, work-with weight 1): "
        f"**{product['seconds']:.1f} s**{cpu_text} from the coordinator's start "
        "(`allocation_start`, the task run in the same process) to the teams saved, of which "
        "the engine "
        f"{product['engine']:.1f} s; status {product['status']}, optimal {product['optimal']}. "
        f"Load average after the run: {load} (2 cores, shared)."
    )


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--scenarios", default=",".join(generator.SCENARIOS))
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--out", type=Path, help="markdown file to update, e.g. docs/benchmarks.md")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--time-limit", type=float, default=60, help="engine limit, seconds")
    parser.add_argument("--timeout", type=float, default=600, help="per run, seconds")
    parser.add_argument(
        "--product",
        type=int,
        default=5_000,
        help="students of the round timed through the product (0: skip)",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--instance", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        work(args.worker, args.instance, args.result, args.seed, args.time_limit)
        return 0

    methods = _csv(args.methods)
    scenarios = _csv(args.scenarios)
    unknown = [m for m in methods if m not in METHODS] + [
        s for s in scenarios if s not in generator.SCENARIOS
    ]
    if unknown:
        parser.error(f"unknown method or scenario: {', '.join(unknown)}")
    rounds, runs = benchmark(
        [int(s.replace("_", "")) for s in _csv(args.sizes)],
        scenarios,
        methods,
        seed=args.seed,
        time_limit=args.time_limit,
        timeout=args.timeout,
        out=args.out,
    )
    product = None
    if args.product:
        measured = through_product(args.product, args.seed, args.timeout)
        product = render_product(measured, args.product)
        print(product, file=sys.stderr, flush=True)
    section = render(rounds, runs, seed=args.seed, time_limit=args.time_limit, product=product)
    if args.out is not None:
        sections.write_section(args.out, SECTION, section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
