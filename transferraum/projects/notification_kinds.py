"""What the projects area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

ROUND_PHASE = notification_kind("round.phase", _("A round reaches its next phase"), order=30)
APPLICATION_CONFIRMATION = notification_kind(
    "application.confirmation",
    _("Confirmations of your applications and withdrawals"),
    order=31,
)
ALLOCATION_PUBLISHED = notification_kind(
    "allocation.published", _("The teams of a round are published"), order=32
)
WORKSPACE_POST = notification_kind(
    "workspace.post", _("New messages in a workspace's discussion"), order=33
)
