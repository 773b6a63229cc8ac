"""The catalogue of the programme's indicators: one registry, filled by every app.

Each app that provides figures puts an `indicators.py` module beside its models and registers
them there with `indicator_register(Indicator(…))`; `IndicatorsConfig.ready()` imports every
installed app's module (`autodiscover_modules("indicators")`, as core does for `privacy.py`),
so an app that lands later (the surveys' outcomes of `research`, bookings, ventures …) adds its
indicators without touching this one. The programme's own figures from challenges, projects and
recommendations live in `transferraum/indicators/indicators.py`.

An indicator is data: a key (stable: in URLs and CSV files), its name and definition (English
source, German in the catalogue of translations), unit, type (input, output, outcome), and how
it is computed:

- `rows()`: the rows it is computed over, a QuerySet (never read into Python);
- `town`, `round`, `year`: an expression per row giving its municipality id, round id and
  year, so every figure is computed per town, round and year by the same code;
- `value()`: the SQL aggregate over the rows (a distinct count, a median);
- `records(rows)`: the records the figure counts, for the traceable list behind a figure
  (for a count its length equals the figure); `record_row` says how one record is shown.

`value_of`, `breakdown` and `records_of` below turn an indicator and a `Scope` into one SQL
query each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Count, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from transferraum.accounts.types import Viewer

Label = str | Promise


class Kind(models.TextChoices):
    """What an indicator measures in the logic of the programme's evaluation."""

    INPUT = "input", _("Input")
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


class Unit(models.TextChoices):
    COUNT = "count", pgettext_lazy("indicator unit", "number")
    PEOPLE = "people", _("people")
    ORGANISATIONS = "organisations", _("organisations")
    PERSON_DAYS = "person_days", _("person-days")
    DAYS = "days", _("days (median)")
    MEAN_SCORE = "mean_score", _("mean score (1–5)")
    HOURS = "hours", _("hours")


@dataclass(frozen=True)
class RecordRow:
    """One record of a figure's list as the list shows it."""

    title: str
    url: str = ""
    details: tuple[str, ...] = ()
    person_id: int | None = None  # a person shown by name (the access log records it)


@dataclass(frozen=True)
class Scope:
    """Which part of the programme a figure covers: one town (municipality id), one round (id),
    one year; None means all."""

    town: int | None = None
    round: int | None = None
    year: int | None = None


def _count_pk() -> Any:
    return Count("pk", distinct=True)


def _same(rows: QuerySet[Any]) -> QuerySet[Any]:
    return rows


def _untitled(record: Any, viewer: Viewer) -> RecordRow:
    return RecordRow(str(record), getattr(record, "get_absolute_url", lambda: "")())


@dataclass(frozen=True)
class Indicator:
    key: str
    label: Label
    definition: Label
    unit: str  # Unit
    kind: str  # Kind
    area: Label  # the heading it is listed under
    rows: Callable[[], QuerySet[Any]]
    town: Any  # expression or field path: the municipality id of a row
    round: Any  # the round id of a row (None: the indicator has no round)
    year: Any  # the year of a row
    value: Callable[[], Any] = _count_pk
    records: Callable[[QuerySet[Any]], QuerySet[Any]] = _same
    record_row: Callable[[Any, Viewer], RecordRow] = _untitled
    # A figure that counts people: small numbers are suppressed where the public reads it.
    counts_people: bool = False
    # For a figure that is not itself a count of people (a mean score): the SQL aggregate that
    # counts the people of a cell, which decides its suppression instead of the value.
    people: Callable[[], Any] | None = None
    # Whether the figure is a count whose record list has exactly as many rows.
    is_count: bool = True
    order: int = 0
    # Names of the record list's columns besides the title (the details of each RecordRow).
    record_columns: tuple[Label, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return str(self.label)

    @property
    def unit_label(self) -> str:
        return str(Unit(self.unit).label)

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)


_INDICATORS: dict[str, Indicator] = {}


def indicator_register(*indicators: Indicator) -> None:
    """Add indicators to the catalogue; a key registered again is replaced (a reloaded module
    does not count twice)."""
    for indicator in indicators:
        _INDICATORS[indicator.key] = indicator


def indicator_unregister(key: str) -> None:
    """Remove an indicator (tests that register their own)."""
    _INDICATORS.pop(key, None)


def catalogue() -> list[Indicator]:
    """Every registered indicator, in their order (then by key)."""
    return sorted(_INDICATORS.values(), key=lambda i: (i.order, i.key))


def indicator_get(key: str) -> Indicator | None:
    return _INDICATORS.get(key)


# --- computing --------------------------------------------------------------------------------

DIMENSIONS = ("town", "round", "year")


def scoped_rows(indicator: Indicator, scope: Scope) -> QuerySet[Any]:
    """The indicator's rows with their town, round and year (`ind_town`, `ind_round`,
    `ind_year`), narrowed to `scope`."""
    rows = indicator.rows().annotate(
        ind_town=_expression(indicator.town),
        ind_round=_expression(indicator.round),
        ind_year=_expression(indicator.year),
    )
    for dimension in DIMENSIONS:
        wanted = getattr(scope, dimension)
        if wanted is not None:
            rows = rows.filter(**{f"ind_{dimension}": wanted})
    return rows


def _expression(expression: Any) -> Any:
    if expression is None:
        return models.Value(None, output_field=models.IntegerField())
    return models.F(expression) if isinstance(expression, str) else expression


def value_of(indicator: Indicator, scope: Scope, *, aggregate: Any = None) -> float | int | None:
    """The figure of `scope` (or another `aggregate` over its rows): one aggregate query."""
    aggregate = indicator.value() if aggregate is None else aggregate
    value = scoped_rows(indicator, scope).aggregate(value=aggregate)["value"]
    return _number(value)


def breakdown(
    indicator: Indicator, scope: Scope, by: str, *, aggregate: Any = None
) -> list[tuple[Any, float | int]]:
    """The figure of `scope` (or another `aggregate`) per town, round or year (`by`): (key,
    value) per group with a value, in the order of the keys; one GROUP BY query. Rows without
    that dimension (a recommendation of no round) form no group."""
    aggregate = indicator.value() if aggregate is None else aggregate
    if by not in DIMENSIONS:
        raise ValueError(f"No such dimension: {by}")
    column = f"ind_{by}"
    groups = (
        scoped_rows(indicator, scope)
        .exclude(**{f"{column}__isnull": True})
        .order_by()
        .values_list(column)
        .annotate(value=aggregate)
        .order_by(column)
    )
    return [(key, number) for key, value in groups if (number := _number(value)) is not None]


def records_of(indicator: Indicator, scope: Scope) -> QuerySet[Any]:
    """The records the figure of `scope` counts (for a count: exactly as many)."""
    return indicator.records(scoped_rows(indicator, scope))


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) else float(value)


def keys(indicators: Iterable[Indicator]) -> list[str]:
    return [indicator.key for indicator in indicators]
