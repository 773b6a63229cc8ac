"""The queries of a few requests, each with PostgreSQL's EXPLAIN ANALYZE.

    DATABASE_URL=postgres://… python -m benchmarks.explain /verzeichnis/karte.json?zoom=9 …

Requests the paths in-process (Django's test client, the settings of `DJANGO_SETTINGS_MODULE`,
default the development settings), records their SQL and runs each statement again under
`EXPLAIN (ANALYZE, BUFFERS)`; prints per request the number of queries, the sum of the
execution times the database reports (median of `--runs`) and the plan of the slowest query.
Numbers for docs/benchmarks.md; tests never assert on them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", action="store_true", help="print every query's plan")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        raise SystemExit("EXPLAIN ANALYZE needs PostgreSQL: set DATABASE_URL.")
    client = Client(HTTP_HOST="localhost")
    for path in args.paths:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        statements = [q["sql"] for q in captured.captured_queries]
        statements = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        totals: list[float] = []
        slowest: tuple[float, str, str] = (0.0, "", "")
        for _run in range(args.runs):
            total = 0.0
            for statement in statements:
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}")
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                took = float(plan.rsplit("Execution Time: ", 1)[1].split(" ", 1)[0])
                total += took
                if took > slowest[0]:
                    slowest = (took, statement, plan)
                if args.plans and _run == 0:
                    print(f"--- {took:.1f} ms\n{statement}\n{plan}\n")
            totals.append(total)
        print(
            f"{path}: HTTP {response.status_code}, {len(captured)} queries, "
            f"{len(response.content):,} bytes, database time {statistics.median(totals):.1f} ms "
            f"(median of {args.runs}; min {min(totals):.1f}, max {max(totals):.1f})"
        )
        print(f"  slowest query {slowest[0]:.1f} ms:\n  {slowest[1][:400]}")
        print("  " + slowest[2].replace("\n", "\n  "))
        print()


if __name__ == "__main__":
    main()
