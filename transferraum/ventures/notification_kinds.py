"""What the ventures area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

FOUNDER_INVITATION = notification_kind(
    "ventures.founder_invitation", _("Invitations to join a venture's founding team"), order=80
)
MENTOR_REQUEST = notification_kind(
    "ventures.mentor_request", _("Requests to mentor a venture"), order=81
)
GATE_PASSED = notification_kind(
    "ventures.gate_passed", _("A venture you found or mentor passed a gate"), order=82
)
