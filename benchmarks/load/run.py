"""Load test: how many people at once the two cores serve at p95 ≤ 500 ms without errors.

`make bench-load` fills the PostgreSQL bench database like the page budget (`manage.py
generate_data`, SIZE=full by default; `--reuse` keeps the one `make bench-pages` left), serves it
with gunicorn and production settings (two workers, 127.0.0.1) and runs Locust headless with the
users of benchmarks/load/locustfile.py: anonymous visitors browsing and searching, students
ranking through the apply form, town officers and coordinators at work. The number of users is
stepped up (10, 20, 40, 80 …), each step for a bounded time, until a step misses the target.
Writes the load section of docs/benchmarks.md: requests per second, p95 and errors per step, and
the largest number of users that met the target.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import sections
from benchmarks.pages.database import DEFAULT_DATABASE_URL, data_load, static_collect
from benchmarks.serve import ROOT, manage_shell, serve, server_env, worker_rss

SECTION = "load"
TARGET_P95_MS = 500
DEFAULT_STEPS = (10, 20, 40, 80, 160)
STUDENT_SESSIONS = 200
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


@dataclass(frozen=True)
class Step:
    users: int
    requests: int
    failures: int
    rps: float
    p50_ms: float
    p95_ms: float
    rss: int = 0

    @property
    def met(self) -> bool:
        return self.failures == 0 and self.requests > 0 and self.p95_ms <= TARGET_P95_MS


def step_from_csv(users: int, text: str, rss: int = 0) -> Step:
    """The aggregated row of Locust's `<prefix>_stats.csv`."""
    for row in csv.DictReader(text.splitlines()):
        if row["Name"] == "Aggregated":
            return Step(
                users=users,
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rps=float(row["Requests/s"]),
                p50_ms=_number(row["50%"]),
                p95_ms=_number(row["95%"]),
                rss=rss,
            )
    raise ValueError("no Aggregated row in Locust's statistics")


@dataclass(frozen=True)
class Request:
    """One request name of a step (Locust groups searches under one name)."""

    method: str
    name: str
    requests: int
    failures: int
    p50_ms: float
    p95_ms: float


def requests_from_csv(text: str) -> list[Request]:
    """Every named row of Locust's `<prefix>_stats.csv`, slowest p95 first."""
    rows = [
        Request(
            method=row["Type"],
            name=row["Name"],
            requests=int(row["Request Count"]),
            failures=int(row["Failure Count"]),
            p50_ms=_number(row["50%"]),
            p95_ms=_number(row["95%"]),
        )
        for row in csv.DictReader(text.splitlines())
        if row["Name"] != "Aggregated"
    ]
    return sorted(rows, key=lambda r: -r.p95_ms)


def _number(value: str) -> float:
    return 0.0 if value in ("", "N/A") else float(value)


def held(steps: list[Step]) -> int:
    """The largest number of users of a step that met the target, with every smaller step
    meeting it too (0 when the first missed)."""
    best = 0
    for step in sorted(steps, key=lambda s: s.users):
        if not step.met:
            break
        best = step.users
    return best


def _table(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join(
        [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows),
        ]
    )


def render(
    steps: list[Step],
    *,
    measured: str,
    size: str,
    load: str,
    seconds: int,
    versions: str,
    last: Sequence[Request] = (),
) -> str:
    header = ["Users", "Requests", "Requests/s", "p50", "p95", "Errors", "Worker RSS", "Target"]
    rows = [
        [
            f"{step.users:,}",
            f"{step.requests:,}",
            f"{step.rps:,.1f}",
            f"{step.p50_ms:,.0f} ms",
            f"{step.p95_ms:,.0f} ms",
            f"{step.failures:,}",
            f"{step.rss / 1024 / 1024:,.0f} MB" if step.rss else "—",
            "met" if step.met else "**not met**",
        ]
        for step in steps
    ]
    table = _table(header, rows)
    by_request = _table(
        ["Request", "Count", "p50", "p95", "Errors"],
        [
            [
                f"{r.method} `{r.name}`",
                f"{r.requests:,}",
                f"{r.p50_ms:,.0f} ms",
                f"{r.p95_ms:,.0f} ms",
                f"{r.failures:,}",
            ]
            for r in last
        ],
    )
    best = held(steps)
    verdict = (
        f"**{best} concurrent users** held at p95 ≤ {TARGET_P95_MS} ms with no errors."
        if best
        else f"**No step** met p95 ≤ {TARGET_P95_MS} ms with no errors."
    )
    return "\n".join(
        [
            "## Load test",
            "",
            f"Measured {measured}, {load} at the start, size `{size}`; {versions}. "
            "`make bench-load`: Locust, headless, against gunicorn with production settings "
            "and two workers on 127.0.0.1 (PostgreSQL, the same set-up as the page budget). "
            "The users (`benchmarks/load/locustfile.py`), each waiting 1–3 s between "
            "requests: anonymous visitors (weight 5: home, directory, board, showcase, a "
            "project, an organisation, map and network data, searches with varying words), "
            "students of the open round (weight 3: start page, apply page, submitting a "
            "ranking through the form with its CSRF token), town officers and coordinators "
            "(weight 1 each: start page, a recommendation, the tracker; the review queue, the "
            f"allocation board). Each step ran {seconds} s after all its users had started "
            "(statistics reset then); Locust ran on the same two cores as the server.",
            "",
            f"Target: 0 errors and p95 ≤ {TARGET_P95_MS} ms. {verdict}",
            "",
            table,
            "",
            *(
                [
                    f"By request at {steps[-1].users} users (the last step), slowest first:",
                    "",
                    by_request,
                    "",
                ]
                if last and steps
                else []
            ),
        ]
    )


def _versions() -> str:
    import importlib.metadata

    return f"Locust {importlib.metadata.version('locust')}"


def run_step(base: str, users: int, seconds: int, workdir: Path, prepared: Path) -> str:
    prefix = workdir / f"step-{users}"
    done = subprocess.run(  # noqa: S603 (our own locustfile)
        [
            str(Path(sys.executable).with_name("locust")),
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--host",
            base,
            "--users",
            str(users),
            "--spawn-rate",
            str(max(1, users // 2)),
            "--run-time",
            f"{seconds + 5}s",
            "--reset-stats",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "BENCH_LOAD_PREPARED": str(prepared), "PYTHONPATH": str(ROOT)},
        check=False,  # Locust exits 1 when a request failed: the failures are in the CSV
        capture_output=True,
        text=True,
    )
    if "Traceback" in done.stderr:  # a user class broke: the step measured the wrong mix
        sys.stderr.write(done.stderr[-6000:])
        raise RuntimeError(f"Locust failed at {users} users")
    return Path(f"{prefix}_stats.csv").read_text()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, help="markdown file to update, e.g. docs/benchmarks.md")
    parser.add_argument("--size", default="full", choices=["small", "medium", "full"])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--seconds", type=int, default=60, help="per step")
    parser.add_argument("--steps", default=",".join(map(str, DEFAULT_STEPS)))
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the bench database (its size is --size)"
    )
    args = parser.parse_args(argv)

    load = sections.machine_load()
    workdir = Path(tempfile.mkdtemp(prefix="transferraum-bench-load-"))
    env = server_env(workdir, args.port, database_url=args.database_url)
    steps: list[Step] = []
    last: list[Request] = []
    try:
        static_collect(env)
        if not args.reuse:
            data_load(env, args.size, fresh=True)
        prepared = workdir / "prepared.json"
        prepared.write_text(manage_shell(env, _PREPARE))
        with serve(env, args.port) as server:
            for users in (int(u) for u in args.steps.split(",") if u.strip()):
                print(f"{users} users for {args.seconds} s", file=sys.stderr, flush=True)
                text = run_step(server.base, users, args.seconds, workdir, prepared)
                step = step_from_csv(users, text, max(worker_rss(server.pid), default=0))
                steps.append(step)
                last = requests_from_csv(text)
                print(step, file=sys.stderr, flush=True)
                if not step.met:
                    break
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    section = render(
        steps,
        measured=sections.measured(),
        size=args.size,
        load=load,
        seconds=args.seconds,
        versions=_versions(),
        last=last,
    )
    print(section)
    if args.out:
        sections.write_section(args.out, SECTION, section)
    return 0


_PREPARE = (
    "import json; from benchmarks.pages.prepare import prepare; "
    f"print(json.dumps(prepare(students={STUDENT_SESSIONS})))"
)

if __name__ == "__main__":
    sys.exit(main())
