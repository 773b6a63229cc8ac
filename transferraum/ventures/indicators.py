"""The ventures' figures for the research indicators (catalogue: `transferraum/indicators`):
ventures founded and ventures settled in the region.

Where a venture belongs: town, the town of its seat (else its own town); round, the round of
the practice project it came from (none for other origins); year, the year it was founded
(foundings) or settled (settling). Confidential ventures are counted; their record rows show a
name only to coordinators and the venture's people."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.types import Viewer
from transferraum.indicators.registry import (
    Indicator,
    Kind,
    RecordRow,
    Unit,
    indicator_register,
)
from transferraum.ventures.models import Stage, Venture
from transferraum.ventures.permissions import can_view

VENTURES = gettext_lazy("Ventures")
TOWN = Coalesce("founded_town", "municipality")


def _founded() -> QuerySet[Venture]:
    return Venture.objects.filter(
        stage__in=(Stage.FOUNDED, Stage.SETTLED), founded_on__isnull=False
    )


def _settled() -> QuerySet[Venture]:
    return Venture.objects.filter(stage=Stage.SETTLED, settled_on__isnull=False)


def _records(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        Venture.objects.filter(pk__in=rows.values("pk"))
        .select_related("founded_town", "municipality")
        .prefetch_related("founders", "mentorships")
        .defer("founded_town__boundary", "municipality__boundary")
        .order_by("-founded_on", "pk")
    )


def _row(venture: Venture, viewer: Viewer) -> RecordRow:
    town = venture.founded_town or venture.municipality
    founded = date_format(venture.founded_on, "SHORT_DATE_FORMAT") if venture.founded_on else "–"
    if not can_view(viewer, venture):
        return RecordRow(_("A confidential venture"), "", (str(town or "–"), founded))
    return RecordRow(venture.name, venture.get_absolute_url(), (str(town or "–"), founded))


indicator_register(
    Indicator(
        key="ventures_founded",
        label=gettext_lazy("Ventures founded"),
        definition=gettext_lazy(
            "Ventures of the programme that were founded as a company (the gate “founded” "
            "passed, with date, legal form and register number), by the year of founding."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTCOME,
        area=VENTURES,
        rows=_founded,
        town=TOWN,
        round="origin_project__round",
        year=ExtractYear("founded_on"),
        records=_records,
        record_row=_row,
        order=500,
        record_columns=(gettext_lazy("Town"), gettext_lazy("Founded")),
    ),
    Indicator(
        key="ventures_settled",
        label=gettext_lazy("Ventures settled in the region"),
        definition=gettext_lazy(
            "Founded ventures whose seat is in a town of the programme's region (the gate "
            "“settled in the region” passed), by the year they settled."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTCOME,
        area=VENTURES,
        rows=_settled,
        town=TOWN,
        round="origin_project__round",
        year=ExtractYear("settled_on"),
        records=_records,
        record_row=_row,
        order=510,
        record_columns=(gettext_lazy("Town"), gettext_lazy("Founded")),
    ),
)
