"""Figures for the accompanying research, computed in one place: per town and round, the share
of recommendations adopted and implemented and the median time from hand-over to decision.

Pure functions over `Fact`s (plain data, fast to test against a hand computation) and one
selector, `facts_load`, that reads them from the database: the transfer dossier of one town and
round calls `summarise` on them, as it needs the median. The public tracker counts the whole
programme, so `counts_load` computes its numbers (the same definitions, no median) as aggregates
in SQL: one row per town and round and the total, without reading a recommendation into Python.

Definitions:
- counted: every recommendation handed over (drafts and approved texts are not yet transfer),
  confidential ones included (only numbers leave this module);
- adopted: adopted, adopted with changes, or any later state (in implementation, implemented,
  evaluated); implemented: implemented or evaluated; shares are of the counted ones;
- days to decision: from the day of the (first) hand-over to the date of the first decision
  (adopted, adopted with changes or rejected) as recorded with the decision (`decided_on`);
  a deferral is no decision. Recommendations still undecided do not enter the median.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from transferraum.projects.models import Round
from transferraum.recommendations.models import (
    Recommendation,
    RecommendationEvent,
    RecommendationQuerySet,
)
from transferraum.recommendations.workflow import DECISION_ACTIONS
from transferraum.regions.models import Municipality

S = Recommendation.Status


@dataclass(frozen=True)
class Fact:
    """What the figures need of one recommendation."""

    municipality_id: int | None
    municipality: str
    round_id: int | None
    round: str
    status: str
    handed_over_on: date | None = None
    decided_on: date | None = None


@dataclass(frozen=True)
class Figures:
    municipality_id: int | None
    municipality: str
    round_id: int | None
    round: str
    counted: int
    adopted: int
    implemented: int
    rejected: int
    share_adopted: float | None
    share_implemented: float | None
    median_days_to_decision: float | None
    timed: int  # how many decisions the median rests on


def days_to_decision(fact: Fact) -> int | None:
    if fact.handed_over_on is None or fact.decided_on is None:
        return None
    return (fact.decided_on - fact.handed_over_on).days


def median(values: Iterable[float]) -> float | None:
    values = list(values)
    return float(statistics.median(values)) if values else None


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarise(
    facts: Iterable[Fact],
    *,
    municipality_id: int | None = None,
    municipality: str = "",
    round_id: int | None = None,
    round: str = "",
) -> Figures:
    """The figures of one group of recommendations (all facts given count)."""
    facts = [f for f in facts if f.status not in Recommendation.PREPARATION_STATUSES]
    adopted = sum(1 for f in facts if f.status in Recommendation.ADOPTED_STATUSES)
    implemented = sum(1 for f in facts if f.status in Recommendation.IMPLEMENTED_STATUSES)
    days = [d for d in (days_to_decision(f) for f in facts) if d is not None]
    return Figures(
        municipality_id=municipality_id,
        municipality=municipality,
        round_id=round_id,
        round=round,
        counted=len(facts),
        adopted=adopted,
        implemented=implemented,
        rejected=sum(1 for f in facts if f.status == S.REJECTED),
        share_adopted=_share(adopted, len(facts)),
        share_implemented=_share(implemented, len(facts)),
        median_days_to_decision=median(days),
        timed=len(days),
    )


def figures_by_town_and_round(facts: Iterable[Fact]) -> list[Figures]:
    """One row per town and round (by town name, then round name); groups with nothing handed
    over are left out."""
    groups: dict[tuple[int | None, int | None], list[Fact]] = {}
    for fact in facts:
        groups.setdefault((fact.municipality_id, fact.round_id), []).append(fact)
    rows = [
        summarise(
            group,
            municipality_id=group[0].municipality_id,
            municipality=group[0].municipality,
            round_id=group[0].round_id,
            round=group[0].round,
        )
        for group in groups.values()
    ]
    rows = [row for row in rows if row.counted]
    return sorted(rows, key=lambda r: (r.municipality, r.round, r.municipality_id or 0))


def figures_total(facts: Iterable[Fact]) -> Figures:
    """The whole programme as one group."""
    return summarise(facts)


def facts_load(queryset: RecommendationQuerySet | None = None) -> list[Fact]:
    """Read the facts of the handed-over recommendations of `queryset` (default: all) in two
    queries: the recommendations and their hand-over and decision events."""
    recommendations = list(
        (queryset if queryset is not None else Recommendation.objects.all())
        .handed_over()
        .select_related("municipality", "round")
        .order_by("pk")
    )
    handed_over: dict[int, date] = {}
    decided: dict[int, date] = {}
    events = RecommendationEvent.objects.filter(
        recommendation_id__in=[r.pk for r in recommendations],
        action__in=("hand_over", *DECISION_ACTIONS),
    ).order_by("at", "pk")
    for event in events:
        if event.action == "hand_over":
            handed_over.setdefault(event.recommendation_id, timezone.localdate(event.at))
        elif event.recommendation_id not in decided:
            recorded = event.data.get("decided_on")
            decided[event.recommendation_id] = (
                date.fromisoformat(recorded) if recorded else timezone.localdate(event.at)
            )
    return [
        Fact(
            municipality_id=r.municipality_id,
            municipality=r.municipality.name if r.municipality else "",
            round_id=r.round_id,
            round=r.round.name if r.round else "",
            status=r.status,
            handed_over_on=handed_over.get(r.pk),
            decided_on=decided.get(r.pk),
        )
        for r in recommendations
    ]


# --- counted in SQL (the tracker) ---------------------------------------------------------------

# The tracker's table shows at most this many towns and rounds; a filter shows the others.
TABLE_LIMIT = 50


@dataclass(frozen=True)
class Counts:
    """The numbers of one town and round, or of all (`summarise` without the median)."""

    counted: int
    adopted: int
    implemented: int
    rejected: int
    municipality_id: int | None = None
    municipality: str = ""
    ags: str = ""
    round_id: int | None = None
    round: str = ""

    @property
    def share_adopted(self) -> float | None:
        return _share(self.adopted, self.counted)

    @property
    def share_implemented(self) -> float | None:
        return _share(self.implemented, self.counted)


@dataclass(frozen=True)
class CountsTable:
    total: Counts
    rows: list[Counts]  # by town name, then round name; at most the limit given
    groups: int  # how many towns and rounds there are in all

    @property
    def more(self) -> bool:
        return self.groups > len(self.rows)


def _counts() -> dict[str, Count]:
    return {
        "counted": Count("pk"),
        "adopted": Count("pk", filter=Q(status__in=Recommendation.ADOPTED_STATUSES)),
        "implemented": Count("pk", filter=Q(status__in=Recommendation.IMPLEMENTED_STATUSES)),
        "rejected": Count("pk", filter=Q(status=S.REJECTED)),
    }


def counts_load(queryset: RecommendationQuerySet, *, limit: int | None = None) -> CountsTable:
    """The numbers of the handed-over recommendations of `queryset`, counted in SQL by town and
    round (grouped by their ids alone: a hash of integers, no recommendation sorted by a name),
    then named and ordered as `figures_by_town_and_round` orders them; the table keeps the first
    `limit` rows (default `TABLE_LIMIT`). Three queries: the groups, their towns, their rounds.
    What reaches Python is one row per town and round, never a recommendation."""
    groups = list(
        queryset.handed_over()
        .order_by()
        .values_list("municipality_id", "round_id")
        .annotate(**_counts())
    )
    towns = {
        pk: (name, ags)
        for pk, name, ags in Municipality.objects.filter(
            pk__in={town for town, *_ in groups if town is not None}
        ).values_list("pk", "name", "ags")
    }
    rounds = dict(
        Round.objects.filter(
            pk__in={round for _, round, *_ in groups if round is not None}
        ).values_list("pk", "name")
    )
    rows = [
        Counts(
            counted=counted,
            adopted=adopted,
            implemented=implemented,
            rejected=rejected,
            municipality_id=town,
            municipality=towns.get(town, ("", ""))[0] if town is not None else "",
            ags=towns.get(town, ("", ""))[1] if town is not None else "",
            round_id=round,
            round=rounds.get(round, "") if round is not None else "",
        )
        for town, round, counted, adopted, implemented, rejected in groups
    ]
    rows.sort(key=lambda r: (r.municipality, r.round, r.municipality_id or 0))
    return CountsTable(
        total=Counts(
            counted=sum(r.counted for r in rows),
            adopted=sum(r.adopted for r in rows),
            implemented=sum(r.implemented for r in rows),
            rejected=sum(r.rejected for r in rows),
        ),
        rows=rows[: limit or TABLE_LIMIT],
        groups=len(rows),
    )
