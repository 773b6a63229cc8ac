"""E-mails of the places area, sent after the booking's transaction commits."""

from __future__ import annotations

from django.urls import reverse

from transferraum.core.tasks import task
from transferraum.notifications.services import Attachment, notify
from transferraum.places.ical import bookings_ical
from transferraum.places.models import Booking
from transferraum.places.notification_kinds import BOOKING


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def booking_notify(booking_ids: list[int], event: str) -> None:
    """Tell the person about their booking(s): created (with an iCal file of every date),
    confirmed (with the file) or refused (with the reason)."""
    bookings = list(
        Booking.objects.filter(pk__in=booking_ids)
        .select_related("resource__place__municipality", "user")
        .order_by("starts_at")
    )
    if not bookings or bookings[0].user is None or not bookings[0].user.is_active:
        return
    person = bookings[0].user
    attachments: tuple[Attachment, ...] = ()
    if event in ("created", "confirmed"):
        attachments = (Attachment("buchung.ics", bookings_ical(bookings), "text/calendar"),)
    notify(
        recipient=person,
        kind=BOOKING,
        template=f"places/email/booking_{event}",
        context={"bookings": bookings, "first": bookings[0], "person": person},
        language=person.language,
        url=reverse("places:my-bookings"),
        attachments=attachments,
    )
