"""What the places area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

BOOKING = notification_kind(
    "places.booking", _("Bookings of innovation places: confirmations and refusals"), order=80
)
