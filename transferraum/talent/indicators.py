"""Talent into the region in the catalogue of `transferraum/indicators`: trial stays,
relocations and retention after 12 and 24 months. The journeys count only people who agreed to
have them recorded; their records are shown without names."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.types import Viewer
from transferraum.indicators.registry import Indicator, Kind, RecordRow, Unit, indicator_register
from transferraum.talent.models import JourneyStep, Step, TrialStay

TALENT = gettext_lazy("Talent into the region")


def _stay_row(stay: Any, viewer: Viewer) -> RecordRow:
    call = stay.application.call
    return RecordRow(
        f"{call.title}: {date_format(stay.starts_on, 'SHORT_DATE_FORMAT')}",
        details=(call.municipality.name,),
    )


def _stays(rows: Any) -> Any:
    return rows.select_related("application__call__municipality").order_by("starts_on", "pk")


def _step_row(step: Any, viewer: Viewer) -> RecordRow:
    return RecordRow(
        _("Journey of cohort %(cohort)s") % {"cohort": step.journey.cohort},
        details=(date_format(step.on, "SHORT_DATE_FORMAT"), step.town.name if step.town else "–"),
    )


def _steps(rows: Any) -> Any:
    return rows.select_related("journey", "town").order_by("on", "pk")


def _journey_steps(step: str) -> Any:
    return lambda: JourneyStep.objects.filter(step=step)


def _step_indicator(step: str, **kwargs: Any) -> Indicator:
    return Indicator(
        unit=Unit.PEOPLE,
        kind=Kind.OUTCOME,
        area=TALENT,
        rows=_journey_steps(step),
        town="town",
        round=None,
        year=ExtractYear("on"),
        value=lambda: Count("journey", distinct=True),
        records=_steps,
        record_row=_step_row,
        record_columns=(gettext_lazy("Date"), gettext_lazy("Town")),
        counts_people=True,
        **kwargs,
    )


indicator_register(
    Indicator(
        key="trial-stays",
        label=gettext_lazy("Trial stays"),
        definition=gettext_lazy(
            "Stays of people accepted to a town's trial-living call, in the town of the call, "
            "counted in the year the stay begins."
        ),
        unit=Unit.PEOPLE,
        kind=Kind.OUTPUT,
        area=TALENT,
        rows=lambda: TrialStay.objects.all(),
        town="application__call__municipality",
        round=None,
        year=ExtractYear("starts_on"),
        records=_stays,
        record_row=_stay_row,
        record_columns=(gettext_lazy("Town"),),
        counts_people=True,
        order=300,
    ),
    _step_indicator(
        Step.MOVED,
        key="relocations",
        label=gettext_lazy("Relocations into the region"),
        definition=gettext_lazy(
            "People who moved to a town of the region, among those who agreed to have their "
            "journey recorded; in the town they moved to, in the year they moved."
        ),
        order=310,
    ),
    _step_indicator(
        Step.STAYED_12,
        key="retention-12",
        label=gettext_lazy("Still living in the region after 12 months"),
        definition=gettext_lazy(
            "People who answered the follow-up question 12 months after moving that they still "
            "live in the region; in the year they answered."
        ),
        order=320,
    ),
    _step_indicator(
        Step.STAYED_24,
        key="retention-24",
        label=gettext_lazy("Still living in the region after 24 months"),
        definition=gettext_lazy(
            "People who answered the follow-up question 24 months after moving that they still "
            "live in the region; in the year they answered."
        ),
        order=330,
    ),
)
