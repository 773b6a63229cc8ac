"""Writing a benchmark's section of docs/benchmarks.md, shared by every benchmark.

Each benchmark owns one section between `<!-- name:start -->` and `<!-- name:end -->`; writing
it replaces that section and leaves the others as they are. The section's first lines say when
and on which commit it was measured (`measured()`).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INTRO = """# Benchmarks

Numbers measured by `make bench` on the development machine (2 CPU cores, 24 GiB RAM). Each
section says when, on which commit and with which versions it was measured; run `make bench`
again to refresh them. Tests never assert on time: the targets stand beside the numbers.
"""


def markers(name: str) -> tuple[str, str]:
    """The start and end markers of the section `name`."""
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_section(path: Path, name: str, section: str) -> None:
    """Replace the section `name` of ``path``, or append it (create the file with an intro if
    missing)."""
    start, end = markers(name)
    block = f"{start}\n{section.rstrip()}\n{end}"
    text = path.read_text() if path.exists() else INTRO
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def commit() -> str:
    """The short commit of the working tree, "with local changes" when it differs from it
    (docs/benchmarks.md aside, which the benchmarks themselves write)."""
    git = ["git", "-C", str(ROOT)]
    try:
        head = subprocess.run(  # noqa: S603 (fixed git command)
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603 (fixed git command)
            # The sections written by an earlier benchmark of the same run do not count.
            [*git, "status", "--porcelain", "--", ".", ":!docs/benchmarks.md"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return f"{head} with local changes" if dirty else head


def today() -> str:
    return dt.datetime.now(tz=dt.UTC).astimezone().date().isoformat()


def measured() -> str:
    """ "2026-12-07 on commit abc1234": when and on what a section was measured."""
    return f"{today()} on commit {commit()}"


def machine_load() -> str:
    """The load averages over 1, 5 and 15 minutes and the number of cores, e.g. "load 1.2 /
    0.9 / 0.8 on 2 cores" (the machine may be shared: a busy one measures slower)."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def percentile(values: list[float], share: float) -> float:
    """The `share` (0–1) percentile of `values`, nearest rank (a measured value, not an
    interpolated one); raises ValueError on no values."""
    if not values:
        raise ValueError("no values")
    if not 0 <= share <= 1:
        raise ValueError("share is between 0 and 1")
    ordered = sorted(values)
    rank = max(1, math.ceil(round(len(ordered) * share, 9)))  # at least the first
    return ordered[rank - 1]
