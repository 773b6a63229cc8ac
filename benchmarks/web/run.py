"""Web benchmark: Lighthouse's mobile profile on the main pages, served as in production.

`make bench-web` builds a fresh SQLite database with the demo data in a temporary directory,
collects the static files, serves them with gunicorn and production settings on 127.0.0.1, runs
Lighthouse (npm `lighthouse`, Debian's Chromium) on each page and writes the web section of
docs/benchmarks.md (between its markers, other sections untouched). The signed-in page gets the
session cookie of the demo coordinator through Lighthouse's `--extra-headers`.

Each page runs `--runs` times; the run with the median performance score is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks import sections
from benchmarks.serve import DATABASE_STEPS, manage, manage_shell, serve, server_env

ROOT = Path(__file__).resolve().parents[2]
SECTION = "web"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The flags of the browser journeys (DEVELOPERS.md), headless.
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
# The signed-in start page ("Mein Bereich").
START_PAGE = os.environ.get("BENCH_WEB_START_PAGE", "/mein-bereich/")

TARGET_PERFORMANCE = 95
TARGET_CLS = 0.1
BUDGET_BYTES = 150 * 1024  # JavaScript and CSS of one page, compressed


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    path: str
    signed_in: bool = False


@dataclass(frozen=True)
class Score:
    """What one Lighthouse run says about one page."""

    performance: int
    cls: float
    lcp_ms: float
    total_bytes: int
    script_bytes: int
    style_bytes: int
    font_bytes: int

    @property
    def code_bytes(self) -> int:
        return self.script_bytes + self.style_bytes


def score_from_lighthouse(report: dict) -> Score:
    """The numbers of a Lighthouse JSON report (`--output=json`). Bytes are transfer sizes,
    i.e. as compressed on the wire."""
    audits = report["audits"]
    by_type: dict[str, int] = {}
    for item in audits["network-requests"]["details"]["items"]:
        kind = item.get("resourceType", "Other")
        by_type[kind] = by_type.get(kind, 0) + int(item.get("transferSize") or 0)
    return Score(
        performance=round((report["categories"]["performance"]["score"] or 0) * 100),
        cls=float(audits["cumulative-layout-shift"]["numericValue"]),
        lcp_ms=float(audits["largest-contentful-paint"]["numericValue"]),
        total_bytes=int(audits["total-byte-weight"]["numericValue"]),
        script_bytes=by_type.get("Script", 0),
        style_bytes=by_type.get("Stylesheet", 0),
        font_bytes=by_type.get("Font", 0),
    )


def median_score(scores: list[Score]) -> Score:
    """The run with the median performance (the lower middle one of an even count)."""
    if not scores:
        raise ValueError("no Lighthouse run finished")
    ordered = sorted(scores, key=lambda s: s.performance)
    return ordered[(len(ordered) - 1) // 2]


def _kb(value: int) -> str:
    return f"{value / 1024:,.0f} KB"


def _mark(met: bool) -> str:
    return "met" if met else "**not met**"


def meets_targets(score: Score) -> bool:
    return (
        score.performance >= TARGET_PERFORMANCE
        and score.cls < TARGET_CLS
        and score.code_bytes < BUDGET_BYTES
    )


def render(
    results: list[tuple[Page, Score, list[int]]], *, measured: str, versions: str, runs: int
) -> str:
    """The web section of docs/benchmarks.md; `results` pairs each page with its median run
    and the performance scores of all its runs."""
    header = ["Page", "Path", "Performance", "CLS", "LCP", "Total", "JS + CSS", "Fonts", "Targets"]
    rows = [
        [
            page.title + (" (signed in)" if page.signed_in else ""),
            f"`{page.path}`",
            f"{score.performance}" + (f" ({', '.join(map(str, all_runs))})" if runs > 1 else ""),
            f"{score.cls:.3f}",
            f"{score.lcp_ms / 1000:.1f} s",
            _kb(score.total_bytes),
            f"{_kb(score.code_bytes)} ({_kb(score.script_bytes)} + {_kb(score.style_bytes)})",
            _kb(score.font_bytes),
            _mark(meets_targets(score)),
        ]
        for page, score, all_runs in results
    ]
    table = "\n".join(
        [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows),
        ]
    )
    met = sum(meets_targets(score) for _, score, _ in results)
    return "\n".join(
        [
            "## Web pages on a phone",
            "",
            f"Measured {measured}; {versions}. `make bench-web`: Lighthouse's mobile profile "
            "(simulated slow 4G and a 4× slower CPU) against gunicorn with production settings "
            "on 127.0.0.1, a fresh SQLite database with the demo data, static files from "
            "WhiteNoise (compressed, hashed names), map tiles switched off (a local URL that "
            f"answers 404). Each page ran {runs} time(s); the table shows the run with the "
            "median performance score, the scores of all runs in brackets. The signed-in page "
            "is the demo coordinator's. Bytes are transfer sizes (compressed).",
            "",
            f"Targets: performance ≥ {TARGET_PERFORMANCE}, CLS < {TARGET_CLS}, JavaScript and "
            f"CSS under {BUDGET_BYTES // 1024} KB compressed. Met on {met} of {len(results)} "
            "pages. The machine is shared: a lower score on a busy machine is the CPU, not the "
            "page.",
            "",
            table,
            "",
        ]
    )


# --- Serving and measuring (not unit-tested: they need Chromium, gunicorn and node) ---------


def prepare_database(env: dict[str, str], *, reuse: bool) -> None:
    """A fresh database with the demo data (kept when `reuse`), then the static files."""
    database = (
        []
        if reuse
        else [
            *(list(step) for step in DATABASE_STEPS),
            ["demo", "--force"],  # a throwaway database: the demo password is no risk here
        ]
    )
    for command in [*database, ["collectstatic", "--no-input", "-v0"]]:
        print("manage.py", *command, file=sys.stderr)
        manage(env, *command)


def prepare_pages() -> dict[str, object]:
    """Inside Django (through `manage.py shell`): the pages' paths and the coordinator's session
    cookie."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.urls import reverse

    from transferraum.accounts.models import User
    from transferraum.demo.data.people import COORDINATOR
    from transferraum.projects.models import Project
    from transferraum.projects.permissions import can_view_project

    anonymous = AnonymousUser()
    project = next(
        p
        for p in Project.objects.select_related("round").order_by("pk")
        if can_view_project(anonymous, p)
    )
    coordinator = User.objects.get(email=COORDINATOR)
    session = SessionStore()
    session[SESSION_KEY] = str(coordinator.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = coordinator.get_session_auth_hash()
    session.create()
    return {
        "paths": {
            "home": reverse("regions:home"),
            "directory": reverse("network:directory"),
            "board": reverse("challenges:board"),
            "project": project.get_absolute_url(),
            "tracker": reverse("recommendations:tracker"),
            "start": START_PAGE,
        },
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
    }


PAGE_TITLES = {
    "home": ("Home page", False),
    "directory": ("Directory", False),
    "board": ("Challenge board", False),
    "project": ("A project", False),
    "tracker": ("Recommendation tracker", False),
    "start": ("Start page", True),
}


LIGHTHOUSE_ATTEMPTS = 3


def lighthouse(url: str, out: Path, cookie: str | None) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=performance",
        f"--chrome-flags={CHROMIUM_FLAGS}",
    ]
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    # Lighthouse now and then loses the trace of a load (NO_NAVSTART, "run Lighthouse
    # again"): such a run measured nothing, so it is repeated, at most twice.
    for attempt in range(LIGHTHOUSE_ATTEMPTS):
        finished = subprocess.run(  # noqa: S603 (node_modules' lighthouse)
            command, cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=False
        )
        if finished.returncode == 0:
            return json.loads(out.read_text())
        print(f"  Lighthouse failed (exit {finished.returncode}), attempt {attempt + 1}")
    raise RuntimeError(f"Lighthouse failed {LIGHTHOUSE_ATTEMPTS} times on {url}")


def benchmark(
    runs: int, port: int, workdir: Path, *, reuse: bool, only: list[str]
) -> tuple[list, str]:
    env = server_env(workdir, port)
    prepare_database(env, reuse=reuse)
    # The last line: Django's shell may print its automatic imports first.
    prepared = json.loads(manage_shell(env, _PREPARE))
    results: list[tuple[Page, Score, list[int]]] = []
    versions = ""
    with serve(env, port) as server:
        base = server.base
        for key, path in prepared["paths"].items():
            if only and key not in only:
                continue
            title, signed_in = PAGE_TITLES[key]
            page = Page(key, title, path, signed_in)
            scores = []
            for n in range(runs):
                print(f"lighthouse {path} ({n + 1}/{runs})", file=sys.stderr)
                report = lighthouse(
                    base + path,
                    workdir / f"{key}-{n}.json",
                    prepared["cookie"] if signed_in else None,
                )
                if report.get("runtimeError"):
                    raise RuntimeError(f"{path}: {report['runtimeError']}")
                if report.get("finalDisplayedUrl", "").rstrip("/") != (base + path).rstrip("/"):
                    raise RuntimeError(f"{path} ended at {report.get('finalDisplayedUrl')}")
                scores.append(score_from_lighthouse(report))
                versions = (
                    f"Lighthouse {report['lighthouseVersion']}, "
                    f"{report['environment']['hostUserAgent'].split(') ')[-1]}"
                )
            results.append((page, median_score(scores), [s.performance for s in scores]))
    return results, versions


# `manage.py shell -c` runs this with the server's settings.
_PREPARE = (
    "import json; from benchmarks.web.run import prepare_pages; print(json.dumps(prepare_pages()))"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, help="markdown file to update, e.g. docs/benchmarks.md")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--workdir", type=Path, help="keep the database and reports here; reuse its database"
    )
    parser.add_argument("--pages", default="", help=f"some of {', '.join(PAGE_TITLES)}")
    args = parser.parse_args(argv)

    if not LIGHTHOUSE.exists():
        parser.error("node_modules/.bin/lighthouse is missing: run `npm ci`")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="transferraum-bench-web-"))
    reuse = (workdir / "transferraum.sqlite3").exists()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        results, versions = benchmark(
            args.runs, args.port, workdir, reuse=reuse, only=[p for p in args.pages.split(",") if p]
        )
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    section = render(results, measured=sections.measured(), versions=versions, runs=args.runs)
    print(section)
    if args.out:
        sections.write_section(args.out, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
