"""The funnel of relocation journeys for coordinators, per town and cohort, counted in SQL.

Definitions (docs/talent.md):
- count of a step: the journeys of the selection that reached it;
- conversion: the count of a step as a share of the count of the step before it;
- median time in a step: days from reaching it to reaching the next step the same journey
  reached (journeys that went no further leave it out);
- retention at 12 (24) months: of the follow-ups answered, the share answering "still living
  in the region"; the journeys whose move lies 12 (24) months back and the answers are shown
  beside it.
Every cell that counts fewer than five people is suppressed (`indicators.suppression`), so no
person is recognisable; a share or median resting on a suppressed count is suppressed too.
Only aggregates leave the database: two queries for the funnel, one for the breakdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy

from transferraum.core.filters import Filters, choice
from transferraum.indicators.sql import DaysBetween, Median
from transferraum.indicators.suppression import Cell, suppress_one
from transferraum.regions.selectors import municipality_filter
from transferraum.talent.models import (
    STEP_ORDER,
    Journey,
    JourneyFollowUp,
    JourneyStep,
    Step,
)
from transferraum.talent.periods import years_before


@dataclass(frozen=True)
class FunnelFilters(Filters):
    """The funnel's selection: one town (`ort`) and one cohort (`jahrgang`)."""

    town: str = municipality_filter("ort")
    cohort: str = choice(
        "jahrgang",
        choices=(),
        label=gettext_lazy("Cohort"),
        empty_label=gettext_lazy("All cohorts"),
    )


def cohort_choices() -> list[tuple[str, str]]:
    years = Journey.objects.order_by("cohort").values_list("cohort", flat=True).distinct()
    return [(str(year), str(year)) for year in years]


def journeys_in(filters: FunnelFilters) -> QuerySet[Journey]:
    rows = Journey.objects.all()
    if filters.town:
        rows = rows.filter(town__ags=filters.town)
    if filters.cohort:
        rows = rows.filter(cohort=int(filters.cohort))
    return rows


@dataclass(frozen=True)
class FunnelRow:
    step: str
    label: str
    count: Cell
    conversion: Cell  # percent of the step before; None for the first step
    median_days: Cell


@dataclass(frozen=True)
class Retention:
    months: int
    due: Cell  # journeys whose move lies `months` back or more
    answered: Cell
    still_living: Cell
    rate: Cell  # percent of the answered


@dataclass(frozen=True)
class Funnel:
    rows: list[FunnelRow]
    retention: list[Retention]


def _percent(part: Cell, whole: Cell) -> Cell:
    if part.value is None or not whole.value:
        return Cell(None)
    return Cell(
        round(100 * float(part.value) / float(whole.value), 1),
        suppressed=part.suppressed or whole.suppressed,
    )


def funnel(filters: FunnelFilters, *, today: dt.date | None = None) -> Funnel:
    """The funnel and retention of the journeys the filters select (two queries)."""
    today = today or timezone.localdate()
    journeys = journeys_in(filters)
    next_on = Subquery(
        JourneyStep.objects.filter(journey=OuterRef("journey"), rank__gt=OuterRef("rank"))
        .order_by("rank")
        .values("on")[:1]
    )
    aggregates: dict[str, Any] = {}
    for step in STEP_ORDER:
        aggregates[f"n_{step}"] = Count("pk", filter=Q(step=step))
        # A Case rather than `filter=`: other steps' rows give NULL, which the median leaves out
        # (Django cannot put a FILTER clause on SQLite's registered median).
        aggregates[f"m_{step}"] = Median(
            Case(When(step=step, then=DaysBetween(F("on"), F("next_on"))))
        )
        aggregates[f"k_{step}"] = Count("pk", filter=Q(step=step, next_on__isnull=False))
    for months in (12, 24):
        cutoff = years_before(today, months // 12)
        aggregates[f"due_{months}"] = Count("pk", filter=Q(step=Step.MOVED, on__lte=cutoff))
    figures = (
        JourneyStep.objects.filter(journey__in=journeys)
        .annotate(next_on=next_on)
        .aggregate(**aggregates)
    )
    rows: list[FunnelRow] = []
    previous: Cell | None = None
    for step in STEP_ORDER:
        count = suppress_one(figures[f"n_{step}"], applies=True)
        people_in_median = suppress_one(figures[f"k_{step}"], applies=True)
        median = figures[f"m_{step}"]
        rows.append(
            FunnelRow(
                step=step,
                label=str(Step(step).label),
                count=count,
                conversion=Cell(None) if previous is None else _percent(count, previous),
                median_days=Cell(median, suppressed=people_in_median.suppressed),
            )
        )
        previous = count
    answers = JourneyFollowUp.objects.filter(journey__in=journeys).aggregate(
        **{
            f"{what}_{months}": Count("pk", filter=Q(months=months, **condition))
            for months in (12, 24)
            for what, condition in (
                ("answered", {"answered_at__isnull": False}),
                ("yes", {"still_living": True}),
            )
        }
    )
    retention = []
    for months in (12, 24):
        answered = suppress_one(answers[f"answered_{months}"], applies=True)
        still = suppress_one(answers[f"yes_{months}"], applies=True)
        retention.append(
            Retention(
                months=months,
                due=suppress_one(figures[f"due_{months}"], applies=True),
                answered=answered,
                still_living=still,
                rate=_percent(still, answered),
            )
        )
    return Funnel(rows=rows, retention=retention)


@dataclass(frozen=True)
class BreakdownRow:
    town: str
    cohort: int
    journeys: Cell
    moved: Cell
    stayed_12: Cell
    stayed_24: Cell


def funnel_breakdown(filters: FunnelFilters) -> list[BreakdownRow]:
    """Journeys, moves and people still there after 12 and 24 months per town and cohort (one
    grouped query; its size is towns × cohorts)."""
    rows = (
        journeys_in(filters)
        .values("town__name", "cohort")
        .annotate(
            journeys=Count("pk", distinct=True),
            moved=Count("steps", filter=Q(steps__step=Step.MOVED)),
            stayed_12=Count("steps", filter=Q(steps__step=Step.STAYED_12)),
            stayed_24=Count("steps", filter=Q(steps__step=Step.STAYED_24)),
        )
        .order_by("town__name", "cohort")
    )
    return [
        BreakdownRow(
            town=row["town__name"] or "–",
            cohort=row["cohort"],
            journeys=suppress_one(row["journeys"], applies=True),
            moved=suppress_one(row["moved"], applies=True),
            stayed_12=suppress_one(row["stayed_12"], applies=True),
            stayed_24=suppress_one(row["stayed_24"], applies=True),
        )
        for row in rows
    ]
