"""The talent pool: a person's opt-in profile and exclusions, and an organisation's messages.

Whether an organisation may see (and so contact) a profile is decided by one selector,
`selectors.pool.talent_visible_to`; `contact_send` asks it like every other path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.notifications.services import notifications_enabled
from transferraum.regions.models import Municipality
from transferraum.talent.models import TalentContact, TalentExclusion, TalentProfile
from transferraum.talent.permissions import can_keep_talent_profile, can_search_pool
from transferraum.talent.selectors.pool import talent_visible_to

MESSAGE_MAX = 3000
TEXT_MAX = 3000


def _enqueue(task: Any, pk: int) -> None:
    if notifications_enabled():
        transaction.on_commit(lambda: task.enqueue(pk))


def _text(value: str, field: str, *, required: bool) -> str:
    if required and not value.strip():
        raise DomainError(_("Please fill in this field."), field=field)
    if len(value) > TEXT_MAX:
        raise DomainError(
            _("Please keep this to %(max)s characters.") % {"max": TEXT_MAX}, field=field
        )
    return value.strip()


@transaction.atomic
def talent_profile_save(
    *,
    person: User,
    headline: str,
    looking_for: str,
    interests: str = "",
    availability: str = TalentProfile.Availability.SOON,
    competences: Iterable[Competence] = (),
    towns: Iterable[Municipality] = (),
    visible: bool = False,
) -> TalentProfile:
    """Create or change the person's profile; `visible` puts it in the pool (opt-in), False
    takes it out at once. Rules: students only; a headline and what they look for; a known
    availability. Raises PermissionDenied, DomainError."""
    if not can_keep_talent_profile(person):
        raise PermissionDenied(
            _("Students and graduates keep a talent-pool profile."), needs_role=User.Role.STUDENT
        )
    headline = _text(headline, "headline", required=True)
    if len(headline) > 200:
        raise DomainError(_("Please keep the headline to 200 characters."), field="headline")
    looking_for = _text(looking_for, "looking_for", required=True)
    interests = _text(interests, "interests", required=False)
    if availability not in TalentProfile.Availability.values:
        raise DomainError(_("Please choose when you are available."), field="availability")
    profile, _created = TalentProfile.objects.select_for_update().get_or_create(
        person=person,
        defaults={"headline": headline, "looking_for": looking_for},
    )
    profile.headline, profile.looking_for, profile.interests = headline, looking_for, interests
    profile.availability, profile.visible = availability, visible
    profile.save()
    profile.competences.set(list(competences))
    profile.towns.set(list(towns))
    activity_record(
        actor=person, verb="talent_profile.save", target=profile, data={"visible": visible}
    )
    return profile


@transaction.atomic
def talent_profile_opt_out(*, person: User) -> TalentProfile:
    """Take the profile out of the pool at once (it stays for the person to opt in again).
    Raises DomainError without a profile."""
    profile = TalentProfile.objects.select_for_update().filter(person=person).first()
    if profile is None:
        raise DomainError(_("You have no talent-pool profile."))
    profile.visible = False
    profile.save(update_fields=["visible", "updated_at"])
    activity_record(actor=person, verb="talent_profile.opt_out", target=profile)
    return profile


@transaction.atomic
def talent_exclusion_add(*, person: User, organisation: Organisation) -> TalentExclusion:
    """The person names an organisation that must never see their profile. Raises
    DomainError without a profile."""
    profile = TalentProfile.objects.filter(person=person).first()
    if profile is None:
        raise DomainError(_("Please save your profile first."))
    exclusion, _created = TalentExclusion.objects.get_or_create(
        profile=profile, organisation=organisation
    )
    return exclusion


@transaction.atomic
def talent_exclusion_remove(*, person: User, organisation: Organisation) -> None:
    TalentExclusion.objects.filter(profile__person=person, organisation=organisation).delete()


@transaction.atomic
def contact_send(
    *, actor: User, organisation: Organisation, profile: TalentProfile, message: str
) -> TalentContact:
    """A member of an organisation of the region writes to a person in the pool; the person
    reads it on the platform and by e-mail, the organisation learns nothing of them beyond the
    profile until they answer. Rules: the actor may search the pool for the organisation; the
    organisation may see the profile now (`talent_visible_to`); a message of at most 3,000
    characters; no second message while the first is unanswered.
    Raises PermissionDenied, DomainError."""
    if not can_search_pool(actor, organisation):
        raise PermissionDenied(
            _("Only members of an organisation of the region search the talent pool.")
        )
    visible = talent_visible_to(organisation).select_for_update().filter(pk=profile.pk).first()
    if visible is None:
        raise DomainError(_("This profile is not in the talent pool (any more)."))
    if not message.strip():
        raise DomainError(_("Please write a message."), field="message")
    if len(message) > MESSAGE_MAX:
        raise DomainError(
            _("Please keep the message to %(max)s characters.") % {"max": MESSAGE_MAX},
            field="message",
        )
    if TalentContact.objects.filter(
        organisation=organisation, profile=visible, answered_at__isnull=True
    ).exists():
        raise DomainError(
            _("Your organisation wrote to this person already; please wait for the answer.")
        )
    contact = TalentContact.objects.create(
        organisation=organisation, sender=actor, profile=visible, message=message.strip()
    )
    activity_record(actor=actor, verb="talent_contact.send", target=contact)
    from transferraum.talent.tasks import contact_send as contact_task

    _enqueue(contact_task, contact.pk)
    return contact


@transaction.atomic
def contact_answer(*, person: User, contact: TalentContact, answer: str) -> TalentContact:
    """The person answers a message; from now on the organisation sees their e-mail address
    with the answer. Rules: the person's own message; answered once; an answer of at most
    3,000 characters. Raises PermissionDenied, DomainError."""
    contact = TalentContact.objects.select_for_update().select_related("profile").get(pk=contact.pk)
    if contact.profile.person_id != person.pk:
        raise PermissionDenied(_("This message was sent to somebody else."))
    if contact.answered_at is not None:
        raise DomainError(_("You have answered this message already."))
    if not answer.strip():
        raise DomainError(_("Please write an answer."), field="answer")
    if len(answer) > MESSAGE_MAX:
        raise DomainError(
            _("Please keep the answer to %(max)s characters.") % {"max": MESSAGE_MAX},
            field="answer",
        )
    contact.answer = answer.strip()
    contact.answered_at = timezone.now()
    contact.save(update_fields=["answer", "answered_at"])
    activity_record(actor=person, verb="talent_contact.answer", target=contact)
    from transferraum.talent.tasks import contact_answer_send

    _enqueue(contact_answer_send, contact.pk)
    return contact
