"""The places' part of the start page (core.start): a person's next bookings; the staff of a
place (and coordinators) the bookings that wait for their confirmation."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.actors.models import Membership
from transferraum.core.start import StartItem, bounded_items, start_register
from transferraum.places import calendar
from transferraum.places.models import Booking, PlaceMember

AREA = "places"


def _when(booking: Booking) -> str:
    return formats.date_format(calendar.local(booking.starts_at), "SHORT_DATETIME_FORMAT")


@start_register(AREA, gettext_lazy("Innovation places"), order=75)
def items_for(user: User) -> list[StartItem]:
    waiting = Booking.objects.filter(status=Booking.Status.REQUESTED, starts_at__gte=timezone.now())
    if not user.is_coordinator:
        admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
            "organisation_id"
        )
        staff_of = PlaceMember.objects.filter(user=user, role=PlaceMember.Role.STAFF).values(
            "place_id"
        )
        waiting = waiting.filter(
            Q(resource__place__organisation_id__in=admin_of) | Q(resource__place_id__in=staff_of)
        )
    items = bounded_items(
        waiting.select_related("resource__place", "user").order_by("starts_at", "pk"),
        lambda booking: StartItem(
            title=_("%(person)s asks for %(resource)s on %(when)s")
            % {
                "person": booking.user or "–",
                "resource": booking.resource.name,
                "when": _when(booking),
            },
            area=AREA,
            url=reverse("places:staff", args=[booking.resource.place.slug]),
            action=_("Confirm or refuse"),
        ),
    )
    mine = Booking.objects.filter(
        user=user, status__in=Booking.HOLDING, starts_at__gte=timezone.now()
    ).select_related("resource__place")
    return items + bounded_items(
        mine.order_by("starts_at", "pk"),
        lambda booking: StartItem(
            title=_("%(resource)s, %(place)s on %(when)s")
            % {
                "resource": booking.resource.name,
                "place": booking.resource.place.name,
                "when": _when(booking),
            },
            area=AREA,
            url=reverse("places:my-bookings"),
            action=_("Your bookings"),
        ),
        more_url=reverse("places:my-bookings"),
        more_title=_("All your bookings"),
    )
