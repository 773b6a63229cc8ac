"""Messages of the opportunities area, sent after the commit (`notifications.notify`)."""

from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.core.tasks import task
from transferraum.notifications.services import notify
from transferraum.opportunities.models import Application, Opportunity
from transferraum.opportunities.notification_kinds import (
    OPPORTUNITY_APPLICATION,
    OPPORTUNITY_REVIEW,
    OPPORTUNITY_SUBMITTED,
)

ORGANISATION_EVENTS = {"return", "publish"}


def _members(opportunity: Opportunity) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organisation_id=opportunity.organisation_id, is_active=True
        ).order_by("pk")
    )


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def opportunity_notify(opportunity_id: int, event: str) -> None:
    """A submitted item goes to the coordinators; the organisation hears of publication and of
    being sent back."""
    opportunity = Opportunity.objects.select_related("organisation").get(pk=opportunity_id)
    if event == "submit":
        recipients = list(User.objects.with_role(User.Role.COORDINATOR).filter(is_active=True))
        kind = OPPORTUNITY_SUBMITTED
    elif event in ORGANISATION_EVENTS:
        recipients = _members(opportunity)
        kind = OPPORTUNITY_REVIEW
    else:
        return
    for person in recipients:
        notify(
            recipient=person,
            kind=kind,
            template=f"opportunities/email/{event}",
            context={"opportunity": opportunity, "person": person},
            language=person.language,
            url=opportunity.get_absolute_url(),
        )


@task(retry=True)
def expiry_reminder_notify(opportunity_id: int) -> None:
    """Remind the organisation that its item leaves the feed soon and can be renewed."""
    opportunity = Opportunity.objects.select_related("organisation").get(pk=opportunity_id)
    for person in _members(opportunity):
        notify(
            recipient=person,
            kind=OPPORTUNITY_REVIEW,
            template="opportunities/email/expiry",
            context={"opportunity": opportunity, "person": person},
            language=person.language,
            url=opportunity.get_absolute_url(),
        )


@task(retry=True)
def application_notify(application_id: int, event: str) -> None:
    """A new application goes to the organisation; a decision or review to the applicant."""
    application = Application.objects.select_related("opportunity__organisation", "applicant").get(
        pk=application_id
    )
    if event in {"submit", "withdraw"}:
        recipients = _members(application.opportunity)
    else:
        recipients = [application.applicant] if application.applicant.is_active else []
    for person in recipients:
        notify(
            recipient=person,
            kind=OPPORTUNITY_APPLICATION,
            template=f"opportunities/email/application_{event}",
            context={
                "application": application,
                "opportunity": application.opportunity,
                "person": person,
            },
            language=person.language,
            url=application.get_absolute_url(),
        )


@task(retry=True)
def alert_digest_notify(user_id: int, opportunity_ids: list[int]) -> None:
    """One e-mail with every new item of a person's saved searches (see `alerts.alerts_send`)."""
    from transferraum.opportunities.alerts import alert_digest_mail

    alert_digest_mail(user_id=user_id, opportunity_ids=opportunity_ids)
