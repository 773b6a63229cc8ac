"""A booking as an iCalendar file (RFC 5545), attached to the confirmation e-mail."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from transferraum.places.models import Booking


def bookings_ical(bookings: Sequence[Booking]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Transferraum//Innovation places//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "transferraum"
    for booking in bookings:
        place = booking.resource.place
        event = Event()
        event.add("uid", f"booking-{booking.pk}@{host}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", booking.starts_at)
        event.add("dtend", booking.ends_at)
        event.add("summary", f"{booking.resource.name} – {place.name}")
        event.add("location", f"{place.street}, {place.postcode} {place.municipality.name}")
        event.add(
            "status", "CONFIRMED" if booking.status == Booking.Status.CONFIRMED else "TENTATIVE"
        )
        calendar.add_component(event)
    return calendar.to_ical()
