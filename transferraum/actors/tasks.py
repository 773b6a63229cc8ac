from __future__ import annotations

from django_tasks import task

from transferraum.actors.models import Invitation, MembershipRequest
from transferraum.notifications.services import email_send


@task()
def invitation_send_email(invitation_id: int) -> None:
    """Send the invitation link; a withdrawn or accepted invitation is not sent."""
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    if not invitation.is_pending:
        return
    email_send(
        to=invitation.email,
        template="actors/email/invitation",
        context={"invitation": invitation},
        language=invitation.language,
    )


@task()
def membership_request_notify(membership_request_id: int, event: str) -> None:
    """Tell the requester that the organisation granted or refused their request."""
    if event not in ("grant", "refuse"):
        return
    membership_request = MembershipRequest.objects.select_related("user", "organisation").get(
        pk=membership_request_id
    )
    person = membership_request.user
    if not person.is_active:
        return
    email_send(
        to=person.email,
        template=f"actors/email/membership_request_{event}",
        context={"membership_request": membership_request, "person": person},
        language=person.language,
    )
