"""What the accounts area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

ROLE_REQUEST = notification_kind(
    "role_request.decided", _("Answers to your role requests"), order=5
)

DATA_EXPORT = notification_kind("data_export.ready", _("Your data export is ready"), order=6)
