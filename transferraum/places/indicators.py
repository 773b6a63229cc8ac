"""The innovation places' figures in the programme's catalogue of indicators: bookings and
booked hours per town (the place's municipality) and year. The month-by-month usage of one
place lives in `places.figures`."""

from __future__ import annotations

from typing import Any

from django.db.models import ExpressionWrapper, FloatField, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy

from transferraum.accounts.types import Viewer
from transferraum.indicators.registry import Indicator, Kind, RecordRow, Unit, indicator_register
from transferraum.places.figures import booked_rows

PLACES = gettext_lazy("Innovation places")


def _row(booking: Any, viewer: Viewer) -> RecordRow:
    return RecordRow(
        f"{booking.resource.name} – {booking.resource.place.name}",
        booking.resource.place.get_absolute_url(),
        (booking.starts_at.date().isoformat(),),
    )


def _records(rows: Any) -> Any:
    return rows.select_related("resource__place").order_by("starts_at", "pk")


indicator_register(
    Indicator(
        key="place-bookings",
        label=gettext_lazy("Bookings of innovation places"),
        definition=gettext_lazy(
            "Bookings of desks, rooms and equipment of the innovation places that were asked "
            "for or confirmed (not refused, cancelled or maintenance blocks), per town of the "
            "place and year of the booked day."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTPUT,
        area=PLACES,
        rows=booked_rows,
        town="resource__place__municipality",
        round=None,
        year=ExtractYear("starts_at"),
        records=_records,
        record_row=_row,
        record_columns=(gettext_lazy("Day"),),
        order=300,
    ),
    Indicator(
        key="place-hours",
        label=gettext_lazy("Booked hours in innovation places"),
        definition=gettext_lazy(
            "Hours of the bookings counted in “Bookings of innovation places”, per town of the "
            "place and year of the booked day."
        ),
        unit=Unit.HOURS,
        kind=Kind.OUTPUT,
        area=PLACES,
        rows=booked_rows,
        town="resource__place__municipality",
        round=None,
        year=ExtractYear("starts_at"),
        value=lambda: ExpressionWrapper(Sum("minutes") / 60.0, output_field=FloatField()),
        records=_records,
        record_row=_row,
        record_columns=(gettext_lazy("Day"),),
        is_count=False,
        order=310,
    ),
)
