"""The impact report of a town and a year: what the programme did there and what came of it,
for the town council and the funder, as a page and as a tagged PDF.

It holds a short introduction, the key figures of the town and year with their definitions
(the public subset: small cells that count people are suppressed), the projects of the year,
the recommendations handed over in the year and where they stand, and the recommendations
implemented in the year. Everyone may read it, so it shows what everyone may see: no
confidential recommendation, and a project's public summary only once it is completed. The
figures count every recommendation (confidential ones too): only numbers leave them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.indicators.indicators import (
    PROJECT_TOWN,
    RECOMMENDATION_YEAR,
    TAKING_PLACE,
    project_year,
)
from transferraum.indicators.registry import Scope, catalogue
from transferraum.indicators.selectors import TOWN, Figure, figures
from transferraum.projects.models import Project
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.standing import Standing, standing
from transferraum.regions.models import Municipality

# Lists of the report show at most this many entries each; the tracker has the rest.
LIMIT = 100


@dataclass(frozen=True)
class Entry:
    recommendation: Recommendation
    standing: Standing


@dataclass(frozen=True)
class Report:
    municipality: Municipality
    year: int
    figures: list[Figure]
    projects: list[Project]
    recommendations: list[Entry]
    implemented: list[Entry]
    created_on: object

    @property
    def title(self) -> str:
        return _("Impact report %(town)s %(year)s") % {
            "town": self.municipality.name,
            "year": self.year,
        }

    @property
    def file_name(self) -> str:
        return f"wirkungsbericht-{self.municipality.ags}-{self.year}.pdf"


def report_projects(municipality: Municipality, year: int) -> QuerySet[Project]:
    """The projects of the town that take or took place in the year (as the indicator counts
    them)."""

    return (
        Project.objects.filter(status__in=TAKING_PLACE)
        .alias(town=PROJECT_TOWN, year=project_year())
        .filter(town=municipality.pk, year=year)
        .select_related("round", "challenge__organisation")
        .order_by("round__name", "title", "pk")
    )


def _public(municipality: Municipality) -> QuerySet[Recommendation]:
    return Recommendation.objects.public().filter(municipality=municipality)


def report_recommendations(municipality: Municipality, year: int) -> QuerySet[Recommendation]:
    """The town's public recommendations first handed over in the year."""
    return (
        _public(municipality)
        .alias(year=RECOMMENDATION_YEAR)
        .filter(year=year)
        .select_related("project")
        .order_by("title", "pk")
    )


def report_implemented(municipality: Municipality, year: int) -> QuerySet[Recommendation]:
    """The town's public recommendations whose implementation was recorded as finished in the
    year (whenever they were handed over)."""
    finished = RecommendationEvent.objects.filter(
        recommendation_id=OuterRef("pk"),
        to_status=Recommendation.Status.IMPLEMENTED,
        at__year=year,
    )
    return (
        _public(municipality)
        .filter(status__in=Recommendation.IMPLEMENTED_STATUSES)
        .filter(Exists(finished))
        .select_related("project")
        .order_by("title", "pk")
    )


def impact_report(municipality: Municipality, year: int) -> Report:
    scope = Scope(town=municipality.pk, year=year)
    return Report(
        municipality=municipality,
        year=year,
        # a figure that belongs to no town (the pseudonymous survey outcomes) says nothing here
        figures=figures(
            scope, TOWN, public=True, indicators=[i for i in catalogue() if i.town is not None]
        ),
        projects=list(report_projects(municipality, year)[:LIMIT]),
        recommendations=[
            Entry(r, standing(r)) for r in report_recommendations(municipality, year)[:LIMIT]
        ],
        implemented=[Entry(r, standing(r)) for r in report_implemented(municipality, year)[:LIMIT]],
        created_on=timezone.localdate(),
    )
