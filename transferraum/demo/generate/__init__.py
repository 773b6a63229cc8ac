"""`manage.py generate_data`: a region's worth of plausible data for trying pages at scale and
for the benchmarks (issue 18). One module per area, each a short named step that writes in
batches through `bulk_create`, one transaction per batch; search texts come from the project's
own indexing functions (`index.py`); the texts are combined from the tables of
`transferraum.demo.data.generate`. The same seed on the same day gives the same data.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.utils import timezone

from transferraum.actors.aggregates import aggregates_refresh_now
from transferraum.demo.data.generate import SIZES
from transferraum.demo.generate.actors import (
    organisations_generate,
    people_generate,
    personas_generate,
    students_generate,
    team_persona_generate,
)
from transferraum.demo.generate.challenges import challenges_generate, follows_generate
from transferraum.demo.generate.context import Context, context_build
from transferraum.demo.generate.notifications import notifications_generate
from transferraum.demo.generate.opportunities import opportunities_generate
from transferraum.demo.generate.recommendations import recommendations_generate
from transferraum.demo.generate.replace import generated_delete, generated_exists
from transferraum.demo.generate.rounds import rounds_generate
from transferraum.notifications.services import notifications_suppressed

__all__ = ["SIZES", "GeneratedDataExists", "data_generate", "generated_delete", "generated_exists"]


class GeneratedDataExists(Exception):
    """The database holds generated data already; `--replace` deletes it first."""


@contextmanager
def _fast_sqlite() -> Iterator[None]:
    """On SQLite, skip waiting for the disk while generating (a crash leaves a database to throw
    away anyway); PostgreSQL is left as it is, and so is a caller's open transaction (SQLite
    refuses the change inside one)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        (synchronous,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous=OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={int(synchronous)}")


def _statistics_update() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def data_generate(
    *,
    size: str,
    seed: int = 18,
    replace: bool = False,
    today: dt.date | None = None,
    log: Callable[[str], None] = lambda line: None,
) -> Context:
    """Generate the preset `size`; refuses (GeneratedDataExists) when generated data exists,
    unless `replace` deletes it first. Nobody is notified of anything. Returns the context with
    the counts and the personas' ids."""
    if generated_exists():
        if not replace:
            raise GeneratedDataExists
        started = time.monotonic()
        generated_delete()
        log(f"Deleted the generated data ({time.monotonic() - started:.1f} s).")
    ctx = context_build(SIZES[size], seed, today or timezone.localdate())
    steps: list[tuple[str, Callable[[], object]]] = [
        ("organisations", lambda: organisations_generate(ctx)),
        ("people", lambda: people_generate(ctx)),
        ("students", lambda: students_generate(ctx)),
        ("personas", lambda: personas_generate(ctx)),
        ("challenges", lambda: challenges_generate(ctx)),
        ("follows", lambda: follows_generate(ctx)),
    ]
    finished: list = []
    steps += [
        ("rounds", lambda: finished.extend(rounds_generate(ctx))),
        ("team persona", lambda: team_persona_generate(ctx)),
        ("recommendations", lambda: recommendations_generate(ctx, finished)),
        ("notifications", lambda: notifications_generate(ctx)),
        ("opportunities", lambda: opportunities_generate(ctx)),
        # Bulk inserts go around the services that rebuild the map's cells and the links.
        ("map cells and links", aggregates_refresh_now),
        # The planner's statistics, so that the first pages measured afterwards are planned for
        # the tables as they are now (autovacuum would catch up only later).
        ("statistics", _statistics_update),
    ]
    with _fast_sqlite(), notifications_suppressed():
        for name, step in steps:
            started = time.monotonic()
            step()
            log(f"{name}: {time.monotonic() - started:.1f} s")
    return ctx
