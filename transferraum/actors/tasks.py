from __future__ import annotations

from django_tasks import task

from transferraum.actors.models import Invitation
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
