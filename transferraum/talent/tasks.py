"""E-mails of the talent area, sent after the transaction that caused them commits."""

from __future__ import annotations

from transferraum.core.tasks import task
from transferraum.notifications.services import absolute_url, notify
from transferraum.talent.models import JourneyFollowUp, TalentContact, TrialApplication
from transferraum.talent.notification_kinds import (
    JOURNEY_FOLLOW_UP,
    TALENT_ANSWER,
    TALENT_CONTACT,
    TRIAL_DECISION,
)


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def trial_decision_send(application_id: int) -> None:
    """Tell the applicant how the town decided (accepted, waiting list, declined)."""
    application = TrialApplication.objects.select_related("call", "person").get(pk=application_id)
    person = application.person
    notify(
        recipient=person,
        kind=TRIAL_DECISION,
        template="talent/email/decision",
        context={"application": application, "call": application.call, "person": person},
        language=person.language,
        url=application.get_absolute_url(),
    )


@task(retry=True)
def contact_send(contact_id: int) -> None:
    """Tell the person an organisation wrote to them (the message is read on the platform)."""
    from django.urls import reverse

    contact = TalentContact.objects.select_related("organisation", "profile__person").get(
        pk=contact_id
    )
    person = contact.profile.person
    notify(
        recipient=person,
        kind=TALENT_CONTACT,
        template="talent/email/contact",
        context={"contact": contact, "person": person},
        language=person.language,
        url=reverse("talent:inbox"),
    )


@task(retry=True)
def contact_answer_send(contact_id: int) -> None:
    """Tell the organisation's sender that the person answered."""
    from django.urls import reverse

    contact = TalentContact.objects.select_related("organisation", "sender").get(pk=contact_id)
    sender = contact.sender
    if sender is None or not sender.is_active:
        return
    notify(
        recipient=sender,
        kind=TALENT_ANSWER,
        template="talent/email/answer",
        context={"contact": contact, "person": sender},
        language=sender.language,
        url=reverse("talent:contacts", kwargs={"slug": contact.organisation.slug}),
    )


@task(retry=True)
def follow_up_send(follow_up_id: int, reminder: bool) -> None:
    """Send the personal link of a journey's follow-up (or its one reminder). The link is
    written into the e-mail only: the in-app notification links to nothing."""
    from transferraum.talent.services.journeys import follow_up_link

    follow_up = JourneyFollowUp.objects.select_related("journey__person").get(pk=follow_up_id)
    person = follow_up.journey.person
    if not person.is_active or not follow_up.is_valid():
        return
    notify(
        recipient=person,
        kind=JOURNEY_FOLLOW_UP,
        template="talent/email/follow_up_reminder" if reminder else "talent/email/follow_up",
        context={
            "follow_up": follow_up,
            "person": person,
            "link": absolute_url(follow_up_link(follow_up)),
        },
        language=person.language,
    )
