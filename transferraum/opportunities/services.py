"""Every write on opportunities: drafts, the moderation lifecycle (one service per step of
`workflow.LIFECYCLE`), expiry and reminders, applications and their lifecycle, verification of
organisations, saved searches and the welcome pages' contacts. The alert run lives in
`alerts.py`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, Organisation
from transferraum.challenges.files import kind_matches_name, sniff
from transferraum.challenges.models import TopicField
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_document
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.core.workflow import Step, StepRules, step_take
from transferraum.notifications.services import notifications_enabled
from transferraum.opportunities.models import (
    CV_MAX_BYTES,
    EXPIRY_DEFAULT_DAYS,
    EXPIRY_MAX_DAYS,
    LINK_OUT_KINDS,
    REMIND_DAYS_BEFORE,
    Application,
    Kind,
    Opportunity,
    TownContact,
    VerifiedOrganisation,
)
from transferraum.opportunities.permissions import (
    application_roles_for,
    can_apply,
    can_edit,
    can_edit_town_contacts,
    can_verify,
    is_member_of,
    is_verified,
    roles_for,
)
from transferraum.opportunities.signals import application_accepted
from transferraum.opportunities.tasks import (
    application_notify,
    expiry_reminder_notify,
    opportunity_notify,
)
from transferraum.opportunities.workflow import APPLICATION_LIFECYCLE, LIFECYCLE, SYSTEM
from transferraum.regions.models import Municipality

CONTENT_FIELDS = (
    "kind",
    "title",
    "description",
    "municipality",
    "address",
    "languages",
    "start_date",
    "duration",
    "pay_min_cents",
    "pay_max_cents",
    "remote_share",
    "deadline",
    "expires_on",
    "apply_by",
    "external_url",
    "challenge",
    "project",
)


# --- search -----------------------------------------------------------------------------------


def opportunity_search_text(
    opportunity: Opportunity,
    *,
    topics: Iterable[TopicField],
    competences: Iterable[Competence],
) -> str:
    """The search text of an opportunity from memory, for `opportunity_index` and the data
    generator alike."""
    parts = [
        opportunity.title,
        opportunity.description,
        opportunity.organisation.name,
        str(opportunity.get_kind_display()),
        opportunity.languages,
        opportunity.municipality.name,
        opportunity.municipality.district.name,
    ]
    for topic in topics:
        parts.extend([topic.name_de, topic.name_en])
    for competence in competences:
        parts.extend(competence.terms)
    return search_document(parts)


def opportunity_index(opportunity: Opportunity) -> None:
    opportunity.search_text = opportunity_search_text(
        opportunity, topics=opportunity.topics.all(), competences=opportunity.competences.all()
    )
    Opportunity.objects.filter(pk=opportunity.pk).update(search_text=opportunity.search_text)


# --- drafts -----------------------------------------------------------------------------------


def expiry_default(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=EXPIRY_DEFAULT_DAYS)


def _check_expiry(expires_on: date | None, today: date) -> None:
    if expires_on is None:
        return
    if expires_on < today:
        raise DomainError(_("The expiry date lies in the past."), field="expires_on")
    if expires_on > today + timedelta(days=EXPIRY_MAX_DAYS):
        raise DomainError(
            _("An opportunity can be shown for at most one year; please choose an earlier date."),
            field="expires_on",
        )


def _check_content(data: dict[str, Any], *, today: date, new_deadline: bool) -> None:
    """Rules on the content: a title, pay in order, dates in the future and within a year,
    a link where applications go elsewhere."""
    if not str(data.get("title") or "").strip():
        raise DomainError(_("Please give the opportunity a title."), field="title")
    if data.get("municipality") is None:
        raise DomainError(_("Please choose the town."), field="municipality")
    if data.get("kind") not in Kind.values:
        raise DomainError(_("Please choose the kind of opportunity."), field="kind")
    low, high = data.get("pay_min_cents"), data.get("pay_max_cents")
    if low is not None and high is not None and low > high:
        raise DomainError(_("The minimum pay or rent is above the maximum."), field="pay_max_cents")
    remote = data.get("remote_share") or 0
    if not 0 <= remote <= 100:
        raise DomainError(
            _("The remote share is a per cent between 0 and 100."), field="remote_share"
        )
    deadline = data.get("deadline")
    if new_deadline and deadline is not None and deadline < today:
        raise DomainError(_("The application deadline lies in the past."), field="deadline")
    _check_expiry(data.get("expires_on"), today)
    links_out = (
        data.get("kind") in LINK_OUT_KINDS or data.get("apply_by") == Opportunity.ApplyBy.LINK
    )
    if links_out and not str(data.get("external_url") or "").strip():
        raise DomainError(
            _("Please give the link where people apply or sign up."), field="external_url"
        )


def _current(opportunity: Opportunity, field: str) -> Any:
    """The stored value, None for a relation a new item does not have yet."""
    try:
        return getattr(opportunity, field)
    except ObjectDoesNotExist:
        return None


@transaction.atomic
def opportunity_save(
    *,
    actor: User,
    organisation: Organisation,
    data: dict[str, Any],
    topics: Iterable[TopicField] = (),
    competences: Iterable[Competence] = (),
    opportunity: Opportunity | None = None,
    version: int | None = None,
) -> Opportunity:
    """Create a draft or save changes.

    Rules: members of a verified organisation write for it; the organisation edits drafts,
    coordinators also submitted and published items; a title; pay or rent with the minimum
    at or below the maximum; a deadline not in the past (an unchanged one may stay); an expiry
    date within a year (default: 60 days); a link for items that link out; `version` is the
    copy the editor loaded. Raises PermissionDenied, EditConflict, DomainError.
    """
    today = timezone.localdate()
    if opportunity is None:
        if not is_member_of(actor, organisation.pk):
            raise PermissionDenied(
                _("Only members of %(name)s can post opportunities for it.")
                % {"name": organisation.name}
            )
        if not is_verified(organisation):
            raise DomainError(
                _(
                    "%(name)s is not verified yet. A coordinator verifies an organisation "
                    "before it posts opportunities."
                )
                % {"name": organisation.name}
            )
        opportunity = Opportunity(
            organisation=organisation, created_by=actor, expires_on=expiry_default(today)
        )
    elif not can_edit(actor, opportunity):
        raise PermissionDenied(_("This opportunity cannot be changed now."))
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown opportunity fields: {sorted(unknown)}")
    data = dict(data)
    if data.get("expires_on") is None and "expires_on" in data:
        data["expires_on"] = opportunity.expires_on or expiry_default(today)
    merged = {field: _current(opportunity, field) for field in CONTENT_FIELDS} | data
    new_deadline = opportunity.pk is None or merged.get("deadline") != opportunity.deadline
    _check_content(merged, today=today, new_deadline=new_deadline)
    version_claim(opportunity, version)
    for field, value in data.items():
        setattr(opportunity, field, value.strip() if isinstance(value, str) else value)
    created = opportunity.pk is None
    opportunity.save()
    opportunity.topics.set(list(topics))
    opportunity.competences.set(list(competences))
    opportunity_index(opportunity)
    activity_record(
        actor=actor,
        verb="opportunity.created" if created else "opportunity.saved",
        target=opportunity,
    )
    return opportunity


@transaction.atomic
def organisation_verify(*, actor: User, organisation: Organisation) -> VerifiedOrganisation:
    """A coordinator verifies an organisation, so that its members may post opportunities.
    Verifying twice changes nothing. Raises PermissionDenied."""
    if not can_verify(actor):
        raise PermissionDenied(_("Only coordinators verify organisations."))
    found, created = VerifiedOrganisation.objects.get_or_create(
        organisation=organisation, defaults={"verified_by": actor}
    )
    if created:
        activity_record(actor=actor, verb="opportunity.organisation_verified", target=organisation)
    return found


# --- the moderation lifecycle -----------------------------------------------------------------


class OpportunityRules(StepRules[Opportunity]):
    lifecycle = LIFECYCLE

    def lock(self, obj: Opportunity) -> Opportunity:
        return (
            Opportunity.objects.select_for_update()
            .select_related("organisation", "municipality__district")
            .get(pk=obj.pk)
        )

    def roles(self, actor: Any, obj: Opportunity) -> set[str]:
        if actor is None:
            return {SYSTEM}
        return roles_for(actor, obj)

    def refused(self, obj: Opportunity, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("You may not do this with this opportunity."))

    def out_of_order(self, obj: Opportunity, step: Step, roles: set[str]) -> DomainError:
        return DomainError(
            _("This is not possible while the opportunity is “%(status)s”.")
            % {"status": obj.get_status_display()}
        )

    def notify(self, pk: Any, event: str) -> None:
        opportunity_notify.enqueue(pk, event)


RULES = OpportunityRules()


@transaction.atomic
def opportunity_submit(*, actor: User, opportunity: Opportunity, note: str = "") -> Opportunity:
    """The organisation asks the coordinators to publish. Rules: still verified; a deadline
    and an expiry date not in the past. Raises PermissionDenied, DomainError."""
    with step_take(RULES, "submit", actor=actor, obj=opportunity, note=note) as taken:
        item = taken.obj
        if not is_verified(item.organisation):
            raise DomainError(_("%(name)s is not verified.") % {"name": item.organisation.name})
        today = timezone.localdate()
        if item.deadline and item.deadline < today:
            raise DomainError(_("The application deadline lies in the past."), field="deadline")
        _check_expiry(item.expires_on, today)
    return taken.obj


@transaction.atomic
def opportunity_return(*, actor: User, opportunity: Opportunity, note: str = "") -> Opportunity:
    """A coordinator sends a submitted item back to the draft, saying why. Raises
    PermissionDenied, DomainError (no note)."""
    if not note.strip():
        raise DomainError(_("Please say what should change."), field="note")
    with step_take(RULES, "return", actor=actor, obj=opportunity, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def opportunity_publish(*, actor: User, opportunity: Opportunity, note: str = "") -> Opportunity:
    """A coordinator puts a submitted item on the feed. Rules: its expiry date is not past
    (it starts counting again when it is). Raises PermissionDenied, DomainError."""
    with step_take(RULES, "publish", actor=actor, obj=opportunity, note=note) as taken:
        today = timezone.localdate()
        if taken.obj.expires_on < today:
            taken.obj.expires_on = expiry_default(today)
        taken.obj.published_at = timezone.now()
    return taken.obj


@transaction.atomic
def opportunity_fill(*, actor: User, opportunity: Opportunity, note: str = "") -> Opportunity:
    """Filled: it leaves the feed and is never sent in an alert again."""
    with step_take(RULES, "fill", actor=actor, obj=opportunity, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def opportunity_withdraw(*, actor: User, opportunity: Opportunity, note: str = "") -> Opportunity:
    with step_take(RULES, "withdraw", actor=actor, obj=opportunity, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def opportunity_expire(*, opportunity: Opportunity) -> Opportunity:
    """The daily run takes a published item past its expiry date off the feed (role SYSTEM,
    no person). Raises DomainError when it is not due yet."""
    with step_take(RULES, "expire", actor=None, obj=opportunity) as taken:
        if taken.obj.expires_on >= timezone.localdate():
            raise DomainError(_("This opportunity has not reached its expiry date."))
    return taken.obj


@transaction.atomic
def opportunity_renew(
    *, actor: User, opportunity: Opportunity, expires_on: date | None = None, note: str = ""
) -> Opportunity:
    """The organisation keeps a published or expired item on the feed until `expires_on`
    (default: 60 days from today), at most a year ahead. Raises PermissionDenied, DomainError."""
    today = timezone.localdate()
    expires_on = expires_on or expiry_default(today)
    with step_take(RULES, "renew", actor=actor, obj=opportunity, note=note) as taken:
        _check_expiry(expires_on, today)
        if taken.obj.deadline and taken.obj.deadline < today:
            raise DomainError(
                _("The application deadline has passed; please change it first."),
                field="expires_on",
            )
        taken.obj.expires_on = expires_on
        taken.obj.reminded_for = None
        taken.details["expires_on"] = expires_on.isoformat()
    return taken.obj


STEP_SERVICES = {
    "submit": opportunity_submit,
    "return": opportunity_return,
    "publish": opportunity_publish,
    "fill": opportunity_fill,
    "withdraw": opportunity_withdraw,
    "renew": opportunity_renew,
}


def next_actions(actor: Any, opportunity: Opportunity) -> list[str]:
    return LIFECYCLE.allowed(opportunity.status, roles_for(actor, opportunity))


def opportunities_expire(*, today: date | None = None) -> int:
    """Expire every published item past its expiry date, each in its own transaction (one
    failure does not hold back the others); returns how many."""
    today = today or timezone.localdate()
    due = Opportunity.objects.filter(
        status=Opportunity.Status.PUBLISHED, expires_on__lt=today
    ).values_list("pk", flat=True)
    done = 0
    for pk in list(due):
        try:
            opportunity_expire(opportunity=Opportunity(pk=pk))
        except DomainError:
            continue
        done += 1
    return done


@transaction.atomic
def expiry_reminders_send(*, today: date | None = None) -> int:
    """Remind the organisation of items that expire within a week, once per expiry date (a
    renewal sets a new date and so a new reminder); returns how many."""
    today = today or timezone.localdate()
    due = list(
        Opportunity.objects.filter(
            status=Opportunity.Status.PUBLISHED,
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
        )
        .exclude(reminded_for=F("expires_on"))
        .values_list("pk", "expires_on")
    )
    for pk, expires_on in due:
        Opportunity.objects.filter(pk=pk).update(reminded_for=expires_on)
        if notifications_enabled():
            transaction.on_commit(partial(expiry_reminder_notify.enqueue, pk))
    return len(due)


# --- applications -----------------------------------------------------------------------------


def _check_cv(upload: Any) -> None:
    """A PDF recognised by its content (`challenges.files.sniff`, as for attachments)."""
    if upload.size > CV_MAX_BYTES:
        raise DomainError(_("%(name)s is larger than 5 MB.") % {"name": upload.name}, field="cv")
    upload.seek(0)
    content = upload.read(8192)
    upload.seek(0)
    if sniff(content) != "pdf":
        raise DomainError(_("%(name)s is not a PDF.") % {"name": upload.name}, field="cv")
    if not kind_matches_name("pdf", upload.name):
        raise DomainError(
            _("%(name)s is not what its name says; please check the file.") % {"name": upload.name},
            field="cv",
        )


@transaction.atomic
def application_submit(
    *,
    actor: User,
    opportunity: Opportunity,
    cover_note: str,
    cv: Any | None,
    consent: bool,
) -> Application:
    """Apply on the platform.

    Rules: a signed-in person outside the organisation; the item published and taking
    applications on the platform; before its deadline; once per person; a cover note; a CV,
    if any, is a PDF by its content (at most 5 MB); the person agrees that the organisation
    receives their data. Raises PermissionDenied, DomainError.
    """
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if not can_apply(actor, opportunity):
        raise PermissionDenied(_("You cannot apply for this opportunity on the platform."))
    if opportunity.deadline and opportunity.deadline < timezone.localdate():
        raise DomainError(_("The application deadline has passed."))
    if Application.objects.filter(opportunity=opportunity, applicant=actor).exists():
        raise DomainError(_("You have already applied for this opportunity."))
    if not cover_note.strip():
        raise DomainError(_("Please write a few words about yourself."), field="cover_note")
    if not consent:
        raise DomainError(
            _("Please agree that the organisation receives your application."), field="consent"
        )
    if cv:
        _check_cv(cv)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                opportunity=opportunity,
                applicant=actor,
                cover_note=cover_note.strip(),
                cv=cv or "",
                consent_at=timezone.now(),
            )
    except IntegrityError as error:
        raise DomainError(_("You have already applied for this opportunity.")) from error
    activity_record(actor=actor, verb="opportunity.applied", target=opportunity)
    if notifications_enabled():
        transaction.on_commit(lambda: application_notify.enqueue(application.pk, "submit"))
    return application


class ApplicationRules(StepRules[Application]):
    lifecycle = APPLICATION_LIFECYCLE

    def lock(self, obj: Application) -> Application:
        return (
            Application.objects.select_for_update()
            .select_related("opportunity__organisation")
            .get(pk=obj.pk)
        )

    def roles(self, actor: Any, obj: Application) -> set[str]:
        return application_roles_for(actor, obj)

    def refused(self, obj: Application, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("You may not do this with this application."))

    def out_of_order(self, obj: Application, step: Step, roles: set[str]) -> DomainError:
        return DomainError(
            _("This is not possible while the application is “%(status)s”.")
            % {"status": obj.get_status_display()}
        )

    def notify(self, pk: Any, event: str) -> None:
        application_notify.enqueue(pk, event)


APPLICATION_RULES = ApplicationRules()


@transaction.atomic
def application_review(*, actor: User, application: Application, note: str = "") -> Application:
    with step_take(APPLICATION_RULES, "review", actor=actor, obj=application, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def application_accept(*, actor: User, application: Application, note: str = "") -> Application:
    """The organisation accepts; after the commit `signals.application_accepted` is sent, so
    that other areas (relocation journeys) can record the step."""
    with step_take(APPLICATION_RULES, "accept", actor=actor, obj=application, note=note) as taken:
        pass
    accepted = taken.obj
    transaction.on_commit(
        lambda: application_accepted.send(sender=Application, application=accepted, actor=actor)
    )
    return accepted


@transaction.atomic
def application_decline(*, actor: User, application: Application, note: str = "") -> Application:
    with step_take(APPLICATION_RULES, "decline", actor=actor, obj=application, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def application_withdraw(*, actor: User, application: Application, note: str = "") -> Application:
    with step_take(APPLICATION_RULES, "withdraw", actor=actor, obj=application, note=note) as taken:
        pass
    return taken.obj


APPLICATION_STEP_SERVICES = {
    "review": application_review,
    "accept": application_accept,
    "decline": application_decline,
    "withdraw": application_withdraw,
}


# --- town contacts ----------------------------------------------------------------------------

CONTACT_FIELDS = ("kind", "name", "address", "phone", "email", "website", "note")


@transaction.atomic
def town_contact_save(
    *,
    actor: User,
    municipality: Municipality,
    data: dict[str, Any],
    contact: TownContact | None = None,
) -> TownContact:
    """The town's staff (or a coordinator) add or change a contact of the welcome page.
    Raises PermissionDenied, DomainError."""
    if not can_edit_town_contacts(actor, municipality):
        raise PermissionDenied(_("Only the town's staff keep its contacts."))
    if not str(data.get("name") or "").strip():
        raise DomainError(_("Please give the contact a name."), field="name")
    contact = contact or TownContact(municipality=municipality)
    for field in CONTACT_FIELDS:
        if field in data:
            value = data[field]
            setattr(contact, field, value.strip() if isinstance(value, str) else value)
    contact.updated_by = actor
    contact.save()
    activity_record(actor=actor, verb="opportunity.town_contact_saved", target=contact)
    return contact


@transaction.atomic
def town_contact_delete(*, actor: User, contact: TownContact) -> None:
    if not can_edit_town_contacts(actor, contact.municipality):
        raise PermissionDenied(_("Only the town's staff keep its contacts."))
    contact.delete()
