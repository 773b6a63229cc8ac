"""E-mails of the ventures area, sent after the service's transaction commits."""

from __future__ import annotations

from transferraum.core.tasks import task
from transferraum.notifications.services import absolute_url, notify
from transferraum.ventures.models import Founder, Mentorship, Venture
from transferraum.ventures.notification_kinds import (
    FOUNDER_INVITATION,
    GATE_PASSED,
    MENTOR_REQUEST,
)


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def founder_invitation_send(founder_id: int) -> None:
    """Tell an invited co-founder, in their language."""
    founder = Founder.objects.select_related("venture", "user", "invited_by").get(pk=founder_id)
    if founder.status != Founder.Status.INVITED or not founder.user.is_active:
        return
    url = absolute_url(founder.venture.get_absolute_url())
    notify(
        recipient=founder.user,
        kind=FOUNDER_INVITATION,
        template="ventures/email/founder_invitation",
        context={"venture": founder.venture, "founder": founder, "link": url},
        language=founder.user.language,
        url=url,
    )


@task(retry=True)
def mentor_request_send(mentorship_id: int) -> None:
    """Tell a person that a venture asks them to mentor it."""
    mentorship = Mentorship.objects.select_related("venture", "mentor", "asked_by").get(
        pk=mentorship_id
    )
    if mentorship.status != Mentorship.Status.ASKED or not mentorship.mentor.is_active:
        return
    url = absolute_url(mentorship.venture.get_absolute_url())
    notify(
        recipient=mentorship.mentor,
        kind=MENTOR_REQUEST,
        template="ventures/email/mentor_request",
        context={"venture": mentorship.venture, "mentorship": mentorship, "link": url},
        language=mentorship.mentor.language,
        url=url,
    )


@task(retry=True)
def gate_passed_send(venture_id: int, event: str) -> None:
    """Tell the founders and mentors that the venture passed a gate."""
    venture = Venture.objects.get(pk=venture_id)
    url = absolute_url(venture.get_absolute_url())
    people = {f.user for f in venture.founders.filter(status="active").select_related("user")}
    people |= {
        m.mentor for m in venture.mentorships.filter(status="accepted").select_related("mentor")
    }
    for person in people:
        if person.is_active:
            notify(
                recipient=person,
                kind=GATE_PASSED,
                template="ventures/email/gate_passed",
                context={"venture": venture, "link": url},
                language=person.language,
                url=url,
            )
