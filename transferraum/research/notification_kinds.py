"""What the research area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

SURVEY_INVITATION = notification_kind(
    "research.survey_invitation", _("Invitations to surveys of the accompanying research"), order=70
)
