from __future__ import annotations

from django.urls import reverse

from transferraum.accounts.models import RoleRequest
from transferraum.accounts.notification_kinds import ROLE_REQUEST
from transferraum.core.tasks import task
from transferraum.notifications.services import notify

# event → the requester hears of it; withdrawing is their own doing
REQUESTER_EVENTS = {"grant", "refuse"}


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def role_request_notify(role_request_id: int, event: str) -> None:
    """Tell the requester that their request was granted or refused, in their language."""
    if event not in REQUESTER_EVENTS:
        return
    role_request = RoleRequest.objects.select_related("user").get(pk=role_request_id)
    person = role_request.user
    if not person.is_active:
        return
    notify(
        recipient=person,
        kind=ROLE_REQUEST,
        template=f"accounts/email/role_request_{event}",
        context={"role_request": role_request, "person": person},
        language=person.language,
        url=reverse("accounts:profile"),
    )
