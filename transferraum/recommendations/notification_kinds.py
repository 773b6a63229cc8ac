"""What the recommendations area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

RECOMMENDATION_APPROVAL_REQUESTED = notification_kind(
    "recommendation.approval_requested", _("Recommendations to approve"), order=40
)
RECOMMENDATION_HANDED_OVER = notification_kind(
    "recommendation.handed_over", _("Recommendations handed over to you"), order=41
)
RECOMMENDATION_PROGRESS = notification_kind(
    "recommendation.progress",
    _("Your recommendations: approved, received, on the agenda, decided, implemented"),
    order=42,
)
RECOMMENDATION_REMINDER = notification_kind(
    "recommendation.reminder",
    _("Reminders of recommendations waiting for their next step"),
    order=43,
)
