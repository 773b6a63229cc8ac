"""E-mails about recommendations, sent after the step's transaction commits."""

from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.actors.models import Membership
from transferraum.core.tasks import task
from transferraum.notifications.kinds import NotificationKind
from transferraum.notifications.services import absolute_url, notify
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.notification_kinds import (
    RECOMMENDATION_APPROVAL_REQUESTED,
    RECOMMENDATION_HANDED_OVER,
    RECOMMENDATION_PROGRESS,
)
from transferraum.recommendations.selectors import approvers_of, authors_of

# event → template; the approvers hear that the authors ask for approval, the partner of the
# hand-over, the authors of what the approvers and the partner did.
APPROVER_EVENTS = {"approval_requested": "approval_requested"}
PARTNER_EVENTS = {"hand_over": "hand_over"}
AUTHOR_EVENTS = {
    "approve": "approve",
    "confirm_receipt": "confirm_receipt",
    "put_on_agenda": "put_on_agenda",
    "adopt": "decision",
    "adopt_with_changes": "decision",
    "reject": "decision",
    "defer": "decision",
    "mark_implemented": "mark_implemented",
}
NOTIFIED_EVENTS = frozenset(APPROVER_EVENTS) | frozenset(PARTNER_EVENTS) | frozenset(AUTHOR_EVENTS)


def mail_link(recommendation: Recommendation) -> str:
    """The absolute address of the recommendation's page, for e-mails."""
    return absolute_url(recommendation.get_absolute_url())


def partner_recipients(recommendation: Recommendation) -> list[User]:
    """Who receives a hand-over: the responsible person; without one, the project's partner
    contacts; without those, the administrators of the organisation addressed."""
    person = recommendation.responsible_person
    if person is not None and person.is_active:
        return [person]
    if recommendation.project is not None:
        contacts = list(recommendation.project.partner_contacts.filter(is_active=True))
        if contacts:
            return contacts
    if recommendation.addressee_organisation_id is not None:
        return [
            membership.user
            for membership in Membership.objects.filter(
                organisation_id=recommendation.addressee_organisation_id,
                role=Membership.Role.ADMIN,
                user__is_active=True,
            ).select_related("user")
        ]
    return []


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def recommendation_notify(recommendation_id: int, event: str) -> None:
    """Tell the approvers that the authors ask for approval, the partner of a hand-over and the
    authors of every step the approvers and the partner take, each in their own language."""
    recommendation = Recommendation.objects.select_related(
        "project__round",
        "project__challenge__organisation",
        "addressee_organisation",
        "responsible_person",
        "created_by",
    ).get(pk=recommendation_id)
    # The entry in the timeline says who did it and with which note.
    entry = (
        RecommendationEvent.objects.filter(recommendation_id=recommendation.pk, action=event)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )
    kind: NotificationKind
    if event in APPROVER_EVENTS:
        template, recipients = APPROVER_EVENTS[event], approvers_of(recommendation)
        kind = RECOMMENDATION_APPROVAL_REQUESTED
    elif event in PARTNER_EVENTS:
        template, recipients = PARTNER_EVENTS[event], partner_recipients(recommendation)
        kind = RECOMMENDATION_HANDED_OVER
    elif event in AUTHOR_EVENTS:
        template, recipients = AUTHOR_EVENTS[event], authors_of(recommendation)
        kind = RECOMMENDATION_PROGRESS
    else:
        return
    link = mail_link(recommendation)
    partner = recommendation.addressee_organisation or (
        recommendation.project.challenge.organisation if recommendation.project else None
    )
    for person in recipients:
        notify(
            recipient=person,
            kind=kind,
            template=f"recommendations/email/{template}",
            context={
                "recommendation": recommendation,
                "person": person,
                "event": event,
                "link": link,
                "partner": partner.name if partner else recommendation.addressee,
                "actor": entry.actor if entry is not None else None,
                "note": entry.note if entry is not None else "",
            },
            language=person.language,
            url=recommendation.get_absolute_url(),
        )
