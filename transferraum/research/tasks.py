"""E-mails of the research area, sent after the wave's transaction commits."""

from __future__ import annotations

from transferraum.core.tasks import task
from transferraum.notifications.services import absolute_url, notify
from transferraum.research.models import Invitation
from transferraum.research.notification_kinds import SURVEY_INVITATION


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def invitation_send(invitation_id: int, reminder: bool) -> None:
    """Send the personal link of a survey invitation (or its one reminder) to the person, in
    their language. The link is written into the e-mail only: the in-app notification links to
    nothing, so the token is never stored."""
    from transferraum.research.services.studies import invitation_link

    invitation = Invitation.objects.select_related("wave__study", "person").get(pk=invitation_id)
    person = invitation.person
    if not person.is_active or invitation.wave.status != invitation.wave.Status.OPEN:
        return
    notify(
        recipient=person,
        kind=SURVEY_INVITATION,
        template="research/email/reminder" if reminder else "research/email/invitation",
        context={
            "wave": invitation.wave,
            "study": invitation.wave.study,
            "person": person,
            "link": absolute_url(invitation_link(invitation)),
        },
        language=person.language,
    )
