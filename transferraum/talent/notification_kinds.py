"""What the talent area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

TRIAL_DECISION = notification_kind(
    "talent.trial_decision", _("Decisions on your trial-living applications"), order=80
)
TALENT_CONTACT = notification_kind(
    "talent.contact", _("Organisations contacting you through the talent pool"), order=81
)
TALENT_ANSWER = notification_kind(
    "talent.contact_answer", _("Answers of people your organisation contacted"), order=82
)
# Transactional: the e-mail carries the personal link, the only way to answer.
JOURNEY_FOLLOW_UP = notification_kind(
    "talent.journey_follow_up",
    _("Follow-up questions of your relocation journey"),
    order=83,
    transactional=True,
)
