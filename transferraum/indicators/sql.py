"""The two SQL pieces the indicators need that Django does not ship: a median as an aggregate
and the whole days between two dates, each written once per database.

PostgreSQL has the median built in (`percentile_cont(0.5) WITHIN GROUP (ORDER BY …)`); SQLite
has none, so the same aggregate is registered on each SQLite connection as a small Python class
(`sqlite3.Connection.create_aggregate`) before a query that uses it is compiled. Either way the
database computes the median per group: only one number per group reaches Python.
"""

from __future__ import annotations

import statistics
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, FloatField, Func, IntegerField
from django.db.models.sql.compiler import SQLCompiler

SQLITE_MEDIAN = "TR_MEDIAN"


class _SqliteMedian:
    """SQLite's aggregate protocol: `step` per row, `finalize` once per group."""

    def __init__(self) -> None:
        self.values: list[float] = []

    def step(self, value: float | None) -> None:
        if value is not None:
            self.values.append(value)

    def finalize(self) -> float | None:
        return float(statistics.median(self.values)) if self.values else None


def sqlite_median_register(connection: BaseDatabaseWrapper) -> None:
    """Make `TR_MEDIAN` known to the SQLite connection (again: registering is idempotent)."""
    connection.ensure_connection()
    connection.connection.create_aggregate(SQLITE_MEDIAN, 1, _SqliteMedian)


class Median(Aggregate):
    """The median of a numeric expression over each group; NULLs are left out, an empty group
    gives NULL. Even counts give the mean of the two middle values on both databases."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()
    allow_distinct = False

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> Any:
        sqlite_median_register(connection)
        return super().as_sql(
            compiler,
            connection,
            function=SQLITE_MEDIAN,
            template="%(function)s(%(expressions)s)",
            **extra_context,
        )


class DaysBetween(Func):
    """Whole days from the first date expression to the second (`end - start`)."""

    arity = 2
    output_field = IntegerField()
    # PostgreSQL: date - date is an integer number of days.
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def __init__(self, start: Any, end: Any, **extra: Any) -> None:
        super().__init__(end, start, **extra)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> Any:
        # SQLite keeps dates as ISO text; julianday() counts days (rounded: no time of day).
        return super().as_sql(
            compiler,
            connection,
            template="CAST(ROUND(julianday(%(expressions)s)) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )
