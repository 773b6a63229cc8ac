"""What the actors area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

INVITATION = notification_kind("invitation", _("Invitations to join an organisation"), order=10)
MEMBERSHIP_REQUEST = notification_kind(
    "membership_request.decided", _("Answers to your requests to join an organisation"), order=12
)
