from __future__ import annotations

from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.actors.models import Invitation, MembershipRequest
from transferraum.actors.notification_kinds import INVITATION, MEMBERSHIP_REQUEST
from transferraum.core.tasks import task
from transferraum.notifications.services import notify


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def invitation_send_email(invitation_id: int) -> None:
    """Send the invitation link; a withdrawn or accepted invitation is not sent. Someone who
    already has an account also finds it among their notifications, linked to the invitation's
    page for its signed-in addressee: the link with the token is written into the e-mail only,
    never stored. A new person gets the e-mail only."""
    from transferraum.actors.services import invitation_link  # services enqueue this task

    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    if not invitation.is_pending:
        return
    person = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    notify(
        recipient=person or invitation.email,
        kind=INVITATION,
        template="actors/email/invitation",
        context={"invitation": invitation, "link": invitation_link(invitation)},
        language=invitation.language,
        url=reverse("actors:invitation-addressee", args=[invitation.pk]) if person else "",
    )


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
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
    notify(
        recipient=person,
        kind=MEMBERSHIP_REQUEST,
        template=f"actors/email/membership_request_{event}",
        context={"membership_request": membership_request, "person": person},
        language=person.language,
        url=membership_request.organisation.get_absolute_url(),
    )


@task(retry=True)  # a rebuild replaces the whole table: running it twice does no harm
def aggregates_refresh(*, places: bool, links: bool, requested_at: float | None = None) -> None:
    """Rebuild the map's cells and/or the links between organisations, unless a rebuild that
    started after the write asked for it (`requested_at`) has read it already."""
    from transferraum.actors.aggregates import aggregates_refresh_if_stale

    aggregates_refresh_if_stale(places=places, links=links, requested_at=requested_at)
