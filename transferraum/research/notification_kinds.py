"""What the research area tells people (see `notifications.kinds`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.notifications.kinds import notification_kind

# Transactional: the e-mail carries the personal link, the only way into the survey, so it goes
# out at once even to a person who chose the digest or "only in the platform" for other news.
SURVEY_INVITATION = notification_kind(
    "research.survey_invitation",
    _("Invitations to surveys of the accompanying research"),
    order=70,
    transactional=True,
)
