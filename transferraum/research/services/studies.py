"""Studies, their consent texts and records, and waves with their invitations.

Consent records are append-only: giving and withdrawing each add a row. A withdrawal erases
the person's answers in the study or keeps them, as the consent text they agreed to said.
A wave opens by inviting its group (one e-mail each, through `notify`), may remind once those
who have not finished, and closes; after that its links are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.core.tokens import token_for, token_hash, token_seed
from transferraum.notifications.services import notifications_enabled
from transferraum.projects.models import Round
from transferraum.research.models import (
    ConsentRecord,
    ConsentVersion,
    Invitation,
    Response,
    Study,
    SurveyVersion,
    Wave,
)
from transferraum.research.permissions import can_create_study
from transferraum.research.pseudonyms import key_id_new, pseudonym
from transferraum.research.selectors import current_consent, wave_group
from transferraum.research.services.surveys import study_authorise

TOKEN_PURPOSE = "research.survey"  # noqa: S105 (a purpose, not a secret)


class WaveClosed(DomainError):
    """The wave is not open (not yet, or no longer)."""


class LinkNotYours(DomainError):
    """A personal link opened by somebody else than the person it was sent to."""


@transaction.atomic
def study_create(
    *,
    actor: User,
    title: str,
    purpose: str,
    legal_basis: str,
    retention_months: int,
    researchers: list[User] | None = None,
) -> Study:
    """A new study; its creator is its first researcher, further researchers must hold the
    researcher role. Raises PermissionDenied for anyone without the researcher role."""
    if not can_create_study(actor):
        raise PermissionDenied(
            _("Only researchers may create studies."), needs_role=User.Role.RESEARCHER
        )
    study = Study.objects.create(
        title=title,
        purpose=purpose,
        legal_basis=legal_basis,
        retention_months=retention_months,
        key_id=key_id_new(),
        created_by=actor,
    )
    study.researchers.add(actor)
    for person in researchers or []:
        study_researcher_add(actor=actor, study=study, person=person)
    activity_record(actor=actor, verb="study.created", target=study)
    return study


@transaction.atomic
def study_researcher_add(*, actor: User, study: Study, person: User) -> Study:
    """Make `person` a researcher of `study`. Raises DomainError when they do not hold the
    researcher role."""
    study_authorise(actor, study)
    if not person.has_role(User.Role.RESEARCHER):
        raise DomainError(
            _("%(name)s does not hold the researcher role.") % {"name": person}, field="person"
        )
    study.researchers.add(person)
    activity_record(actor=actor, verb="study.researcher_added", target=study)
    return study


@transaction.atomic
def consent_version_add(
    *, actor: User, study: Study, text_de: str, text_en: str, on_withdrawal: str
) -> ConsentVersion:
    """A new version of the study's consent text; earlier versions and the consents given to
    them stay. Raises PermissionDenied, DomainError for an unknown withdrawal rule."""
    study_authorise(actor, study)
    if on_withdrawal not in ConsentVersion.OnWithdrawal.values:
        raise DomainError(
            _("Say what happens to the answers on withdrawal."), field="on_withdrawal"
        )
    Study.objects.select_for_update().get(pk=study.pk)
    number = (study.consent_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ConsentVersion.objects.create(
        study=study, number=number, text_de=text_de, text_en=text_en, on_withdrawal=on_withdrawal
    )
    activity_record(actor=actor, verb="study.consent_text", target=study, data={"number": number})
    return version


def newest_consent_version(study: Study) -> ConsentVersion | None:
    return study.consent_versions.order_by("-number").first()


@transaction.atomic
def consent_give(
    *, person: User, study: Study, consent_version: ConsentVersion, at: dt.datetime | None = None
) -> ConsentRecord:
    """Record that `person` agrees to `consent_version` of `study` (a row is added, never
    changed). Raises DomainError when the text is not the study's newest."""
    newest = newest_consent_version(study)
    if newest is None or consent_version.pk != newest.pk:
        raise DomainError(_("The consent text has changed meanwhile: please read the new one."))
    return ConsentRecord.objects.create(
        study=study,
        person=person,
        consent_version=consent_version,
        action=ConsentRecord.Action.GIVEN,
        at=at or timezone.now(),
    )


@transaction.atomic
def consent_withdraw(*, person: User, study: Study, at: dt.datetime | None = None) -> ConsentRecord:
    """Record that `person` withdraws consent to `study`. Their answers in every wave of the
    study are erased or kept, as the consent text they agreed to says.

    Raises DomainError when the person has no consent to withdraw."""
    current = current_consent(person, study)
    if current is None:
        raise DomainError(_("You have not given consent to this study."))
    record = ConsentRecord.objects.create(
        study=study,
        person=person,
        consent_version=current.consent_version,
        action=ConsentRecord.Action.WITHDRAWN,
        at=at or timezone.now(),
    )
    if current.consent_version.on_withdrawal == ConsentVersion.OnWithdrawal.ERASE:
        Response.objects.filter(wave__study=study, pseudonym=pseudonym(study, person)).delete()
    return record


@transaction.atomic
def wave_create(
    *,
    actor: User,
    study: Study,
    survey_version: SurveyVersion,
    name: str,
    group: str,
    round: Round,
    invite_on: dt.date,
    closes_at: dt.datetime,
) -> Wave:
    """A planned wave of `study` putting `survey_version` to a group of `round`.

    Raises PermissionDenied; DomainError for a survey of another study, an unknown group or a
    closing time before the invitation date."""
    study_authorise(actor, study)
    if survey_version.survey.study_id != study.pk:
        raise DomainError(_("The survey belongs to another study."), field="survey_version")
    if group not in Wave.Group.values:
        raise DomainError(_("Choose who is invited."), field="group")
    if closes_at.date() <= invite_on:
        raise DomainError(_("The wave must close after the invitations go out."), field="closes_at")
    wave = Wave.objects.create(
        study=study,
        survey_version=survey_version,
        name=name,
        group=group,
        round=round,
        invite_on=invite_on,
        closes_at=closes_at,
    )
    activity_record(actor=actor, verb="wave.created", target=wave)
    return wave


def invitation_link(invitation: Invitation) -> str:
    """The personal link of an invitation (derived from its seed, never stored)."""
    return reverse("research:answer", args=[token_for(TOKEN_PURPOSE, invitation.token_seed)])


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("wave__study", "wave__survey_version", "person")
        .filter(token_hash=token_hash(token))
        .first()
    )


def _enqueue(invitation_ids: list[int], *, reminder: bool) -> None:
    if not invitation_ids or not notifications_enabled():
        return
    from transferraum.research.tasks import invitation_send

    def send() -> None:
        for pk in invitation_ids:
            invitation_send.enqueue(pk, reminder)

    transaction.on_commit(send)


@transaction.atomic
def wave_open(*, actor: User | None, wave: Wave, now: dt.datetime | None = None) -> Wave:
    """Open a planned wave: invite everybody of its group (one invitation each, with a
    personal link in an e-mail). `actor` None: the scheduler on the invitation date.

    Raises PermissionDenied; WaveClosed unless the wave is planned and its closing time ahead;
    DomainError when the study has no consent text yet."""
    if actor is not None:
        study_authorise(actor, wave.study)
    wave = Wave.objects.select_for_update().get(pk=wave.pk)
    now = now or timezone.now()
    if wave.status != Wave.Status.PLANNED or wave.closes_at <= now:
        raise WaveClosed(_("Only a planned wave that has not closed yet can be opened."))
    if newest_consent_version(wave.study) is None:
        raise DomainError(_("Write the study's consent text before inviting anybody."))
    invited = set(wave.invitations.values_list("person_id", flat=True))
    created = []
    for person_id in wave_group(wave):
        if person_id in invited:
            continue
        seed = token_seed()
        created.append(
            Invitation(
                wave=wave,
                person_id=person_id,
                token_seed=seed,
                token_hash=token_hash(token_for(TOKEN_PURPOSE, seed)),
                invited_at=now,
            )
        )
    Invitation.objects.bulk_create(created)
    wave.status = Wave.Status.OPEN
    wave.save(update_fields=["status", "updated_at"])
    activity_record(actor=actor, verb="wave.opened", target=wave, data={"invited": len(created)})
    _enqueue(list(wave.invitations.values_list("pk", flat=True)), reminder=False)
    return wave


@transaction.atomic
def wave_remind(*, actor: User | None, wave: Wave, now: dt.datetime | None = None) -> Wave:
    """Send the one reminder of an open wave to everyone invited who has not finished.

    Raises PermissionDenied; WaveClosed when the wave is not open; DomainError when the
    reminder went out already."""
    if actor is not None:
        study_authorise(actor, wave.study)
    wave = Wave.objects.select_for_update().select_related("study").get(pk=wave.pk)
    now = now or timezone.now()
    if not wave.is_open(now):
        raise WaveClosed(_("Only an open wave sends a reminder."))
    if wave.reminded_at is not None:
        raise DomainError(
            _("The reminder of this wave went out on %(date)s; a wave reminds only once.")
            % {"date": date_format(timezone.localtime(wave.reminded_at), "DATE_FORMAT")}
        )
    finished = set(
        wave.responses.filter(status=Response.Status.COMPLETED).values_list("pseudonym", flat=True)
    )
    waiting = [
        invitation
        for invitation in wave.invitations.select_related("person")
        if pseudonym(wave.study, invitation.person) not in finished
    ]
    Invitation.objects.filter(pk__in=[i.pk for i in waiting]).update(reminded_at=now)
    wave.reminded_at = now
    wave.save(update_fields=["reminded_at", "updated_at"])
    activity_record(actor=actor, verb="wave.reminded", target=wave, data={"reminded": len(waiting)})
    _enqueue([i.pk for i in waiting], reminder=True)
    return wave


@transaction.atomic
def wave_close(*, actor: User | None, wave: Wave) -> Wave:
    """Close a wave: its links are refused from now on. Raises PermissionDenied; WaveClosed
    when it is closed already."""
    if actor is not None:
        study_authorise(actor, wave.study)
    wave = Wave.objects.select_for_update().get(pk=wave.pk)
    if wave.status == Wave.Status.CLOSED:
        raise WaveClosed(_("This wave is closed already."))
    wave.status = Wave.Status.CLOSED
    wave.save(update_fields=["status", "updated_at"])
    activity_record(actor=actor, verb="wave.closed", target=wave)
    return wave


@dataclass(frozen=True)
class WavesReport:
    opened: int
    closed: int


def waves_run(*, now: dt.datetime | None = None) -> WavesReport:
    """The daily step of the waves: open every planned wave whose invitation date has come
    (inviting its group), close every open wave past its closing time. A wave the rules refuse
    (no consent text yet) stays planned and is tried again the next day."""
    now = now or timezone.now()
    opened = closed = 0
    due = Wave.objects.filter(
        status=Wave.Status.PLANNED, invite_on__lte=timezone.localdate(now), closes_at__gt=now
    )
    for wave in due:
        try:
            wave_open(actor=None, wave=wave, now=now)
        except DomainError:
            continue
        opened += 1
    for wave in Wave.objects.filter(status=Wave.Status.OPEN, closes_at__lte=now):
        wave_close(actor=None, wave=wave)
        closed += 1
    return WavesReport(opened=opened, closed=closed)


def invitation_check(
    invitation: Invitation | None, *, viewer: Any, now: dt.datetime | None = None
) -> Invitation:
    """The rules of a personal link: it exists, its wave is open, and whoever is signed in is
    the person it was sent to.

    Raises WaveClosed (unknown links too: nothing tells them apart from an expired one) and
    LinkNotYours."""
    now = now or timezone.now()
    if invitation is None:
        raise WaveClosed(_("This link is not valid. Please use the link from your e-mail."))
    wave = invitation.wave
    if wave.status == Wave.Status.PLANNED:
        raise WaveClosed(_("This survey has not started yet."))
    if not wave.is_open(now):
        raise WaveClosed(
            _("This survey closed on %(date)s; answers can no longer be given.")
            % {"date": date_format(timezone.localtime(wave.closes_at), "DATE_FORMAT")}
        )
    if getattr(viewer, "is_authenticated", False) and viewer.pk != invitation.person_id:
        raise LinkNotYours(
            _(
                "This link was sent to somebody else and opens only their answers. Sign out, "
                "or use the link from your own e-mail."
            )
        )
    return invitation
