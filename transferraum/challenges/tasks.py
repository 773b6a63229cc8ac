from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.challenges.models import Challenge
from transferraum.challenges.notification_kinds import (
    CHALLENGE_PROGRESS,
    CHALLENGE_PUBLISHED,
    CHALLENGE_REVIEW,
)
from transferraum.core.tasks import task
from transferraum.notifications.services import notify

# event → who hears of it at once; coordinators learn of everything in their daily digest
SUBMITTER_EVENTS = {"submit", "request_changes", "accept", "publish", "reject"}
FOLLOWER_EVENTS = {"start", "complete", "withdraw"}


def _submitter_recipients(challenge: Challenge) -> list[User]:
    people = {p for p in (challenge.created_by, challenge.contact_person) if p is not None}
    return sorted((p for p in people if p.is_active), key=lambda p: p.pk)


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def challenge_notify(challenge_id: int, event: str) -> None:
    """Tell the submitter (and, for later steps, the followers) what happened, each in their
    own language. Coordinators are not mailed per event: see `send_coordinator_digest`."""
    challenge = Challenge.objects.select_related(
        "organisation", "created_by", "contact_person"
    ).get(pk=challenge_id)
    recipients = _submitter_recipients(challenge) if event in SUBMITTER_EVENTS else []
    if event in FOLLOWER_EVENTS or event == "publish":
        recipients += [f.user for f in challenge.follows.select_related("user") if f.user.is_active]
    change_request = challenge.comments.filter(is_change_request=True).last()
    if event == "publish":
        kind = CHALLENGE_PUBLISHED
    elif event in SUBMITTER_EVENTS:
        kind = CHALLENGE_REVIEW
    else:
        kind = CHALLENGE_PROGRESS
    seen = set()
    for person in recipients:
        if person.pk in seen:
            continue
        seen.add(person.pk)
        notify(
            recipient=person,
            kind=kind,
            template=f"challenges/email/{event}",
            context={"challenge": challenge, "person": person, "change_request": change_request},
            language=person.language,
            url=challenge.get_absolute_url(),
        )
