from __future__ import annotations

from django.urls import reverse

from transferraum.accounts.models import RoleRequest, User
from transferraum.accounts.notification_kinds import DATA_EXPORT, ROLE_REQUEST
from transferraum.core.tasks import TaskFailure, task
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


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def role_change_notify(person_id: int, role: str, event: str, reason: str) -> None:
    """Tell a person that a coordinator gave them a role ("grant") or took one ("revoke",
    with the reason), in their language."""
    person = User.objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return
    notify(
        recipient=person,
        kind=ROLE_REQUEST,
        template=f"accounts/email/role_{event}",
        context={"person": person, "role": User.Role(role).label, "reason": reason},
        language=person.language,
        url=reverse("accounts:profile"),
    )


def _export_failed(failure: TaskFailure) -> None:
    if not failure.retrying:
        from transferraum.accounts.personal_data import data_export_fail

        data_export_fail(export_id=failure.args[0])


@task(retry=True, on_failure=_export_failed)  # a built export is left alone; the mail goes once
def data_export_prepare(export_id: int) -> None:
    """Build a person's data export and tell them by e-mail that it is ready."""
    # imported here: personal_data enqueues this task
    from transferraum.accounts.personal_data import data_export_build

    export = data_export_build(export_id=export_id)
    if export is None:
        return
    person = export.user
    notify(
        recipient=person,
        kind=DATA_EXPORT,
        template="accounts/email/data_export_ready",
        context={"export": export, "person": person},
        language=person.language,
        url=reverse("accounts:my_data"),
    )
