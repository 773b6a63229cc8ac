"""Reads of the indicators pages: the filters (town, round, year in the URL), the figures of a
scope with their breakdown per town, round or year, the public subset (small cells suppressed),
the CSV rows and the records behind a figure. Every figure is one SQL aggregate
(`registry.value_of`, `registry.breakdown`); names of towns and rounds are read once per page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.challenges.models import Challenge
from transferraum.core.filters import Filters, choice
from transferraum.indicators.charts import Chart, bar_chart
from transferraum.indicators.registry import (
    Indicator,
    Scope,
    Unit,
    breakdown,
    catalogue,
    records_of,
    value_of,
)
from transferraum.indicators.suppression import Cell, suppress_one, suppress_table
from transferraum.projects.models import Round
from transferraum.projects.selectors.rounds import round_filter
from transferraum.regions.models import Municipality
from transferraum.regions.selectors import municipality_filter

FIRST_YEAR = 2020
LAST_YEAR = 2040
YEARS = tuple((str(year), str(year)) for year in range(FIRST_YEAR, LAST_YEAR + 1))

TOWN, ROUND, YEAR = "town", "round", "year"
# The breakdown: by town unless the URL says otherwise (the empty choice of the select).
BY_CHOICES = (
    ("runde", gettext_lazy("Round")),
    ("jahr", gettext_lazy("Year")),
)
BY_DIMENSION = {"": TOWN, "runde": ROUND, "jahr": YEAR}


@dataclass(frozen=True)
class IndicatorFilters(Filters):
    """Town (AGS), round (number) and year of the figures; `by` chooses the breakdown."""

    municipality: str = municipality_filter()
    round: int | None = round_filter()
    year: str = choice(
        "jahr", choices=YEARS, label=gettext_lazy("Year"), empty_label=gettext_lazy("All years")
    )
    by: str = choice(
        "nach",
        choices=BY_CHOICES,
        label=gettext_lazy("Broken down by"),
        empty_label=gettext_lazy("Town"),
        sticky=True,
    )

    @property
    def dimension(self) -> str:
        return BY_DIMENSION.get(self.by, TOWN)


def scope_of(filters: IndicatorFilters) -> Scope:
    """The scope the filters name (the town's id in one small query)."""
    town = None
    if filters.municipality:
        town = (
            Municipality.objects.filter(ags=filters.municipality)
            .values_list("pk", flat=True)
            .first()
        )
    return Scope(
        town=town,
        round=filters.round,
        year=int(filters.year) if filters.year else None,
    )


def year_options() -> list[tuple[str, str]]:
    """The years offered in the select: from the first of the programme to next year."""
    last = min(timezone.localdate().year + 1, LAST_YEAR)
    return [(str(year), str(year)) for year in range(FIRST_YEAR, last + 1)]


def town_options() -> list[tuple[str, str]]:
    """The programme's partner towns and every town something was counted in."""
    return list(
        Municipality.objects.filter(Q(programmes__isnull=False) | Q(challenges__isnull=False))
        .distinct()
        .order_by("name")
        .values_list("ags", "name")
    )


def report_towns(ags: str) -> list[tuple[str, str]]:
    """The towns whose impact report the page offers: the chosen one, else the programme's
    partner towns."""
    towns = (
        Municipality.objects.filter(ags=ags)
        if ags
        else Municipality.objects.filter(programmes__isnull=False)
    )
    return list(towns.distinct().order_by("name").values_list("ags", "name"))


def latest_year() -> int:
    """The latest year a challenge was submitted in (this year when there is none): the year
    whose impact reports the pages offer first."""
    latest = Challenge.objects.aggregate(latest=Max("submitted_at"))["latest"]
    return timezone.localtime(latest).year if latest else timezone.localdate().year


def round_options() -> list[tuple[int, str]]:
    return list(Round.objects.order_by("-work_starts_on", "-pk").values_list("pk", "name"))


# --- figures ----------------------------------------------------------------------------------


def display(value: float | int | None, unit: str, *, suppressed: bool = False) -> str:
    if suppressed:
        return _("< 5")
    if value is None:
        return "–"
    if isinstance(value, float):
        return number_format(value, decimal_pos=1)
    return number_format(value)


@dataclass(frozen=True)
class Row:
    """One group of a breakdown: a town, a round or a year."""

    key: Any
    label: str
    code: str  # how files name the group: a town's AGS, a round's number, the year
    cell: Cell
    display: str


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    total: Cell
    display: str
    rows: list[Row]
    chart: Chart
    dimension: str

    @property
    def key(self) -> str:
        return self.indicator.key


def _labels(dimension: str, keys: Iterable[Any]) -> dict[Any, tuple[str, str]]:
    """(label, code) of each group key, in one query."""
    wanted = [key for key in keys if key is not None]
    if dimension == TOWN:
        towns = Municipality.objects.filter(pk__in=wanted).values_list("pk", "name", "ags")
        return {pk: (name, ags) for pk, name, ags in towns}
    if dimension == ROUND:
        rounds = Round.objects.filter(pk__in=wanted).values_list("pk", "name")
        return {pk: (name, str(pk)) for pk, name in rounds}
    return {key: (str(key), str(key)) for key in wanted}


def figures(
    scope: Scope, dimension: str, *, public: bool, indicators: list[Indicator] | None = None
) -> list[Figure]:
    """Every indicator's figure of `scope` with its breakdown by `dimension`; `public`
    suppresses small cells of figures that count people. Two queries per indicator and one
    for the names of the groups."""
    indicators = catalogue() if indicators is None else indicators
    found = [
        (indicator, value_of(indicator, scope), breakdown(indicator, scope, dimension))
        for indicator in indicators
    ]
    names = _labels(dimension, {key for _i, _v, groups in found for key, _value in groups})
    result = []
    for indicator, total, groups in found:
        applies = public and indicator.counts_people
        cells = suppress_table([value for _key, value in groups], applies=applies)
        total_cell = suppress_one(total, applies=applies)
        if applies and indicator.people is not None:
            cells, total_cell = _suppressed_by_people(
                indicator, indicator.people, scope, dimension, groups, total
            )
        rows = [
            Row(
                key=key,
                label=names.get(key, (str(key), str(key)))[0],
                code=names.get(key, (str(key), str(key)))[1],
                cell=cell,
                display=display(cell.value, indicator.unit, suppressed=cell.suppressed),
            )
            for (key, _value), cell in zip(groups, cells, strict=True)
        ]
        result.append(
            Figure(
                indicator=indicator,
                total=total_cell,
                display=display(total, indicator.unit, suppressed=total_cell.suppressed),
                rows=rows,
                chart=bar_chart([(row.label, row.cell.shown, row.display) for row in rows]),
                dimension=dimension,
            )
        )
    return result


def _suppressed_by_people(
    indicator: Indicator,
    people: Callable[[], Any],
    scope: Scope,
    dimension: str,
    groups: list[tuple[Any, float | int]],
    total: float | int | None,
) -> tuple[list[Cell], Cell]:
    """The cells of a figure that is not a count of people (a mean score), suppressed by the
    number of people each cell rests on (`indicator.people`): two more queries."""
    counted = dict(breakdown(indicator, scope, dimension, aggregate=people()))
    flags = suppress_table([counted.get(key, 0) for key, _value in groups], applies=True)
    cells = [
        Cell(value, suppressed=flag.suppressed)
        for (_key, value), flag in zip(groups, flags, strict=True)
    ]
    everyone = value_of(indicator, scope, aggregate=people())
    return cells, Cell(total, suppressed=suppress_one(everyone, applies=True).suppressed)


def figure_value(indicator: Indicator, scope: Scope) -> float | int | None:
    return value_of(indicator, scope)


def records(indicator: Indicator, scope: Scope) -> QuerySet[Any]:
    """The records the figure counts (for the staff's list behind a figure)."""
    return records_of(indicator, scope)


# --- CSV ----------------------------------------------------------------------------------------

CSV_HEADER = (
    "indicator",
    "label",
    "type",
    "unit",
    "breakdown",
    "group_key",
    "group",
    "value",
    "suppressed",
)


def csv_rows(scope: Scope, *, public: bool) -> list[tuple[Any, ...]]:
    """The figures of `scope` as CSV rows: each indicator's total, then its value per town,
    round and year. Suppressed cells have no value and say so."""
    rows: list[tuple[Any, ...]] = []
    per_dimension = {
        dimension: figures(scope, dimension, public=public) for dimension in (TOWN, ROUND, YEAR)
    }
    for index, figure in enumerate(per_dimension[TOWN]):
        indicator = figure.indicator
        head = (indicator.key, str(indicator.label), indicator.kind, indicator.unit)
        rows.append((*head, "total", "", "", _csv(figure.total), _flag(figure.total)))
        for dimension in (TOWN, ROUND, YEAR):
            rows.extend(
                (*head, dimension, row.code, row.label, _csv(row.cell), _flag(row.cell))
                for row in per_dimension[dimension][index].rows
            )
    return rows


def _csv(cell: Cell) -> str:
    value = cell.shown
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _flag(cell: Cell) -> str:
    return "1" if cell.suppressed else ""


UNIT_LABELS = dict(Unit.choices)
