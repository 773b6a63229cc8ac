"""What the opportunities area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import coordinators, notification_kind

OPPORTUNITY_REVIEW = notification_kind(
    "opportunity.review",
    _("Your opportunities: published, sent back, about to expire"),
    order=80,
)
OPPORTUNITY_SUBMITTED = notification_kind(
    "opportunity.submitted",
    _("Opportunities waiting for publication"),
    order=81,
    visible=coordinators,
)
OPPORTUNITY_APPLICATION = notification_kind(
    "opportunity.application",
    _("Applications: new ones for your organisation, and news on your own"),
    order=82,
)
OPPORTUNITY_ALERT = notification_kind(
    "opportunity.alert",
    _("New opportunities matching your saved searches"),
    order=83,
)
