"""Page budget: every key page against the empty layout page, at a region's size (issue 18).

`make bench-pages` (and `make bench-web` after Lighthouse) creates or replaces a PostgreSQL
bench database, generates data with `manage.py generate_data` (SIZE=full by default), serves it
with gunicorn and production settings (two workers, 127.0.0.1) in bench mode, and requests each
page alternately with the layout page (layout, page, layout, page …), so that both see the same
machine load. It reads each response's query count (X-Query-Count) and its size compressed
(gzip) and uncompressed, and the resident memory of the workers from /proc. Query counts are
compared with a run on the small preset first: a constant count is the same at both sizes.
Writes the pages section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import sections
from benchmarks.pages.database import DEFAULT_DATABASE_URL, data_load, static_collect
from benchmarks.serve import manage_shell, serve, server_env, worker_rss

SECTION = "pages"
LAYOUT = "/_layout/"
PAGE_FACTOR = 5  # list and detail pages: p95 ≤ 5 × the layout's
DATA_FACTOR = 15  # search, map data and network data
HTML_LIMIT = 200 * 1024
RSS_LIMIT = 400 * 1024 * 1024

PERSONA_TITLES = {
    "anonymous": "anonymous",
    "student": "student",
    "team": "student in a team",
    "town": "town officer",
    "coordinator": "coordinator",
}
# Page key -> (title, kind); the kind sets the target factor.
PAGES = {
    "home": ("Home page", "page"),
    "directory": ("Directory", "page"),
    "directory-search": ("Directory search", "search"),
    "board": ("Challenge board", "page"),
    "board-search": ("Challenge board search", "search"),
    "showcase": ("Showcase", "page"),
    "project": ("A project", "page"),
    "organisation": ("An organisation", "page"),
    "tracker": ("Recommendation tracker", "page"),
    "map": ("Map page", "page"),
    "map-data": ("Map data (JSON)", "data"),
    "network": ("Network page", "page"),
    "network-data": ("Network data (JSON)", "data"),
    "site-search": ("Site search", "search"),
    "start": ("Start page", "page"),
    "apply": ("Apply page", "page"),
    "workspace": ("Team workspace", "page"),
    "recommendation": ("A recommendation", "page"),
    "queue": ("Review queue", "page"),
    "allocation": ("Allocation board", "page"),
}


@dataclass(frozen=True)
class Response:
    status: int
    seconds: float
    queries: int | None
    compressed: int
    uncompressed: int
    html: bool


@dataclass
class Row:
    """One page's measurements and those of the layout requested between them."""

    persona: str
    key: str
    path: str
    page: list[Response] = field(default_factory=list)
    layout: list[Response] = field(default_factory=list)
    rss: int = 0  # the largest worker's resident memory after the page, bytes
    queries_small: int | None = None  # the count on the small preset

    @property
    def kind(self) -> str:
        return PAGES[self.key][1]

    @property
    def factor(self) -> int:
        return PAGE_FACTOR if self.kind == "page" else DATA_FACTOR

    def p(self, share: float, *, layout: bool = False) -> float:
        return sections.percentile(
            [r.seconds for r in (self.layout if layout else self.page)], share
        )

    @property
    def ratio(self) -> float:
        return self.p(0.95) / self.p(0.95, layout=True)

    @property
    def queries(self) -> int | None:
        """The count of the last request (the first ones may fill caches)."""
        return self.page[-1].queries if self.page else None

    @property
    def errors(self) -> int:
        return sum(r.status != 200 for r in self.page)

    @property
    def biggest(self) -> Response:
        return max(self.page, key=lambda r: r.uncompressed)

    def checks(self) -> dict[str, bool | None]:
        """Each target: met, not met, or None when it does not apply."""
        biggest = self.biggest
        return {
            "time": self.ratio <= self.factor,
            "queries": None if self.queries_small is None else self.queries == self.queries_small,
            "html": biggest.uncompressed < HTML_LIMIT if biggest.html else None,
            "memory": self.rss < RSS_LIMIT if self.rss else None,
            "errors": self.errors == 0,
        }

    def met(self) -> bool:
        return all(value is not False for value in self.checks().values())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def _not_met(checks: dict[str, bool | None]) -> str:
    names = {
        "time": "time",
        "queries": "query count",
        "html": "HTML size",
        "memory": "memory",
        "errors": "errors",
    }
    missed = [names[key] for key, value in checks.items() if value is False]
    return "met" if not missed else "**not met**: " + ", ".join(missed)


def render(rows: list[Row], *, measured: str, size: str, load: str, counts: dict[str, int]) -> str:
    """The pages section of docs/benchmarks.md."""
    header = [
        "Persona",
        "Page",
        "p50",
        "p95",
        "Layout p95",
        "× layout",
        "Queries (small)",
        "Compressed",
        "HTML/JSON",
        "Worker RSS",
        "Targets",
    ]
    lines = []
    for row in rows:
        title, _kind = PAGES[row.key]
        biggest = row.biggest
        small = "—" if row.queries_small is None else str(row.queries_small)
        lines.append(
            [
                PERSONA_TITLES[row.persona],
                f"{title} `{row.path}`",
                _ms(row.p(0.5)),
                _ms(row.p(0.95)),
                _ms(row.p(0.95, layout=True)),
                f"{row.ratio:.1f} (≤ {row.factor})",
                f"{row.queries} ({small})",
                _kb(biggest.compressed),
                _kb(biggest.uncompressed),
                _mb(row.rss) if row.rss else "—",
                _not_met(row.checks()) + (f", {row.errors} errors" if row.errors else ""),
            ]
        )
    table = "\n".join(
        [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(line) + " |" for line in lines),
        ]
    )
    met = sum(row.met() for row in rows)
    largest = max((row.rss for row in rows), default=0)
    generated = ", ".join(f"{number:,} {name}" for name, number in counts.items())
    return "\n".join(
        [
            "## Page budget",
            "",
            f"Measured {measured}, {load} at the start, size `{size}` "
            f"(`manage.py generate_data`: {generated or 'counts unknown'}). "
            "`make bench-pages`: PostgreSQL, gunicorn with production settings and two workers "
            "on 127.0.0.1, bench mode on (the empty layout page `/_layout/` and the query count "
            "header). Each page was requested alternately with the layout page "
            f"({len(rows[0].page) if rows else 0} times each after one warm-up), so both see "
            "the same load; times are wall times at the client. Queries are the count of the "
            "last request, in brackets the count on the small preset (the same number: "
            "constant). Sizes are of the largest response, compressed (gzip) and uncompressed; "
            "worker RSS is the largest worker's resident memory after the page.",
            "",
            f"Targets at full size: list and detail pages p95 ≤ {PAGE_FACTOR}× the layout's, "
            f"search, map data and network data ≤ {DATA_FACTOR}×; the same query count at both "
            f"sizes; HTML under {HTML_LIMIT // 1024} KB; worker RSS under "
            f"{RSS_LIMIT // 1024 // 1024} MB; no errors. Met on {met} of {len(rows)} pages; "
            f"largest worker {_mb(largest)}. The machine is shared: the load above slows both "
            "the page and the layout.",
            "",
            table,
            "",
        ]
    )


# --- Measuring (not unit-tested: needs PostgreSQL and gunicorn) ------------------------------


def fetch(port: int, path: str, cookie: str | None) -> Response:
    """GET `path` as a browser that accepts gzip, on a new connection (gunicorn's sync workers
    close each one)."""
    headers = {"Accept-Encoding": "gzip", "Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
    finally:
        connection.close()
    plain = gzip.decompress(body) if response.getheader("Content-Encoding") == "gzip" else body
    count = response.getheader("X-Query-Count")
    return Response(
        status=response.status,
        seconds=seconds,
        queries=int(count) if count else None,
        compressed=len(body),
        uncompressed=len(plain),
        html=(response.getheader("Content-Type") or "").startswith("text/html"),
    )


def _pages(prepared: dict) -> list[tuple[str, str, str]]:
    return [
        (persona, key, path)
        for persona, pages in prepared["paths"].items()
        for key, path in pages.items()
    ]


def query_counts(env: dict[str, str], port: int) -> dict[tuple[str, str], int | None]:
    """Each page's query count (the second request's) at the data size being served."""
    prepared = json.loads(manage_shell(env, _PREPARE))
    counts = {}
    with serve(env, port):
        for persona, key, path in _pages(prepared):
            cookie = prepared["cookies"].get(persona)
            fetch(port, path, cookie)
            counts[(persona, key)] = fetch(port, path, cookie).queries
    return counts


def measure(env: dict[str, str], port: int, requests: int, only: list[str]) -> list[Row]:
    prepared = json.loads(manage_shell(env, _PREPARE))
    rows = []
    with serve(env, port) as server:
        for persona, key, path in _pages(prepared):
            if only and key not in only and f"{persona}:{key}" not in only:
                continue
            cookie = prepared["cookies"].get(persona)
            row = Row(persona, key, path)
            print(f"{persona} {path}", file=sys.stderr, flush=True)
            fetch(port, LAYOUT, cookie)  # warm-up
            fetch(port, path, cookie)
            for _ in range(requests):
                row.layout.append(fetch(port, LAYOUT, cookie))
                row.page.append(fetch(port, path, cookie))
            row.rss = max(worker_rss(server.pid), default=0)
            rows.append(row)
    return rows


_PREPARE = "import json; from benchmarks.pages.prepare import prepare; print(json.dumps(prepare()))"
_COUNTS = (
    "import json; from transferraum.demo.data.generate import SIZES; "
    "from transferraum.accounts.models import User; from transferraum.actors.models import "
    "Organisation; from transferraum.challenges.models import Challenge; "
    "from transferraum.projects.models import Project; print(json.dumps({"
    "'organisations': Organisation.objects.count(), 'people': User.objects.count(), "
    "'challenges': Challenge.objects.count(), 'projects': Project.objects.count()}))"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, help="markdown file to update, e.g. docs/benchmarks.md")
    parser.add_argument("--size", default="full", choices=["small", "medium", "full"])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--requests", type=int, default=20, help="requests per page (and layout)")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the bench database as it is (same size)"
    )
    parser.add_argument("--pages", default="", help="some page keys, e.g. directory,town:start")
    args = parser.parse_args(argv)

    load = sections.machine_load()
    workdir = Path(tempfile.mkdtemp(prefix="transferraum-bench-pages-"))
    env = server_env(workdir, args.port, database_url=args.database_url, bench_mode=True)
    try:
        static_collect(env)
        small: dict[tuple[str, str], int | None] = {}
        if not args.reuse:
            data_load(env, "small", fresh=True)
            small = query_counts(env, args.port)
            if args.size != "small":
                data_load(env, args.size, fresh=False)
        only = [p for p in args.pages.split(",") if p]
        rows = measure(env, args.port, args.requests, only)
        counts = json.loads(manage_shell(env, _COUNTS))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for row in rows:
        row.queries_small = small.get((row.persona, row.key))
    section = render(rows, measured=sections.measured(), size=args.size, load=load, counts=counts)
    print(section)
    if args.out:
        sections.write_section(args.out, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
