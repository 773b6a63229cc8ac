"""What the challenges area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import coordinators, notification_kind

CHALLENGE_REVIEW = notification_kind(
    "challenge.review",
    _("Your challenges: received, changes requested, accepted or not accepted"),
    order=20,
)
CHALLENGE_PUBLISHED = notification_kind(
    "challenge.published", _("A challenge you submitted or follow is published"), order=21
)
CHALLENGE_PROGRESS = notification_kind(
    "challenge.progress",
    _("Challenges you follow: work started, completed or withdrawn"),
    order=22,
)
CHALLENGE_DIGEST = notification_kind(
    "challenge.digest",
    _("Daily summary of what the organisations did with challenges"),
    order=23,
    visible=coordinators,
)
