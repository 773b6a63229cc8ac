"""Every write on challenges: drafts, the review lifecycle, files, comments, follows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.challenges.files import kind_matches_name, sniff
from transferraum.challenges.models import (
    ATTACHMENT_MAX_BYTES,
    Attachment,
    Challenge,
    Comment,
    Follow,
    TopicField,
    TransferFormat,
)
from transferraum.challenges.permissions import (
    can_comment,
    can_edit,
    can_follow,
    can_submit_for,
    roles_for,
)
from transferraum.challenges.workflow import TRANSITIONS, allowed_actions
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_document
from transferraum.core.services import activity_record
from transferraum.notifications.services import notifications_enabled

CONTENT_FIELDS = (
    "title",
    "problem",
    "context",
    "desired_result",
    "public_summary",
    "municipality",
    "contact_person",
    "earliest_start",
    "deadline",
    "partner_offers",
    "partner_offers_note",
    "confidentiality",
    "nda_required",
    "format_wish",
    "definition",
    "citizen_involvement",
    "technical_depth",
    "expected_team_size",
)


def challenge_index(challenge: Challenge) -> None:
    """Search text from the public parts only, so that search never reveals confidential text."""
    parts = [challenge.title, challenge.public_summary, challenge.organisation.name]
    if challenge.confidentiality == Challenge.Confidentiality.PUBLIC:
        parts.extend([challenge.problem, challenge.context, challenge.desired_result])
    if challenge.municipality:
        parts.extend([challenge.municipality.name, challenge.municipality.district.name])
    for topic in challenge.topics.all():
        parts.extend([topic.name_de, topic.name_en])
    for transfer_format in challenge.formats.all():
        parts.extend([transfer_format.name_de, transfer_format.name_en])
    challenge.search_text = search_document(parts)
    Challenge.objects.filter(pk=challenge.pk).update(search_text=challenge.search_text)


def _check_content(data: dict[str, Any], *, complete: bool) -> None:
    """Rules on the content; `complete` asks for everything a submission needs."""
    start, deadline = data.get("earliest_start"), data.get("deadline")
    if start and deadline and deadline < start:
        raise DomainError(
            _("The date for the results lies before the earliest start."), field="deadline"
        )
    if not str(data.get("title", "")).strip():
        raise DomainError(_("Please give the challenge a title."), field="title")
    if complete:
        if not str(data.get("problem", "")).strip():
            raise DomainError(_("Please describe the problem."), field="problem")
        if (
            data.get("confidentiality") != Challenge.Confidentiality.PUBLIC
            and not str(data.get("public_summary", "")).strip()
        ):
            raise DomainError(
                _("Please write a public summary: the full text will not be public."),
                field="public_summary",
            )


@transaction.atomic
def challenge_save(
    *,
    actor: User,
    organisation: Organisation,
    data: dict[str, Any],
    topics: Iterable[TopicField] = (),
    challenge: Challenge | None = None,
) -> Challenge:
    """Create a draft or save changes; a draft may be incomplete, but never inconsistent.

    Rules: members write for their organisation; the organisation edits drafts and challenges
    sent back for changes, coordinators edit until the challenge ends; dates in order; a title.
    Raises PermissionDenied, DomainError.
    """
    if challenge is None:
        if not can_submit_for(actor, organisation.pk):
            raise PermissionDenied(
                _("Only members of %(name)s can write challenges for it.")
                % {"name": organisation.name}
            )
        challenge = Challenge(organisation=organisation, created_by=actor)
        if organisation.municipality_id:
            challenge.municipality_id = organisation.municipality_id
    elif not can_edit(actor, challenge):
        raise PermissionDenied(_("This challenge cannot be changed now."))
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown challenge fields: {sorted(unknown)}")
    merged = {field: getattr(challenge, field) for field in CONTENT_FIELDS} | data
    _check_content(merged, complete=False)
    for field, value in data.items():
        setattr(challenge, field, value.strip() if isinstance(value, str) else value)
    created = challenge.pk is None
    challenge.save()
    challenge.topics.set(list(topics))
    challenge_index(challenge)
    activity_record(
        actor=actor, verb="challenge.created" if created else "challenge.saved", target=challenge
    )
    return challenge


def _transition(actor: User, challenge: Challenge, action: str) -> str:
    """Check that `actor` may take `action` now; return the target status."""
    transition = TRANSITIONS[action]
    roles = roles_for(actor, challenge)
    if not roles & transition.roles:
        raise PermissionDenied(_("You may not do this with this challenge."))
    if challenge.status not in transition.sources:
        raise DomainError(
            _("This is not possible while the challenge is “%(status)s”.")
            % {"status": challenge.get_status_display()}
        )
    return transition.target


def _lock(challenge: Challenge) -> Challenge:
    """Reload under a row lock, so that two clicks cannot both change the status."""
    return Challenge.objects.select_for_update().select_related("organisation").get(pk=challenge.pk)


def _notify(challenge: Challenge, event: str) -> None:
    from transferraum.challenges.tasks import challenge_notify

    if not notifications_enabled():
        return
    challenge_id = challenge.pk
    transaction.on_commit(lambda: challenge_notify.enqueue(challenge_id, event))


@transaction.atomic
def challenge_act(*, actor: User, challenge: Challenge, action: str, note: str = "") -> Challenge:
    """Move a challenge along its lifecycle (see workflow.TRANSITIONS).

    Rules beyond the table: submitting needs a complete text; asking for changes needs a note
    that the submitter reads; rejecting needs a reason; publishing needs at least one transfer
    format. A second click finds the new status and is refused (DomainError).
    Raises PermissionDenied, DomainError; nothing changes on error.
    """
    if action not in TRANSITIONS:
        raise DomainError(_("Unknown action."))
    challenge = _lock(challenge)
    target = _transition(actor, challenge, action)
    note = note.strip()
    if action == "submit":
        _check_content(
            {field: getattr(challenge, field) for field in CONTENT_FIELDS}, complete=True
        )
        challenge.submitted_at = timezone.now()
    elif action == "request_changes":
        if not note:
            raise DomainError(_("Please say what should change."), field="note")
        Comment.objects.create(challenge=challenge, author=actor, text=note, is_change_request=True)
    elif action == "reject":
        if not note:
            raise DomainError(_("Please give a reason for the rejection."), field="note")
        challenge.rejection_reason = note
    elif action == "publish":
        if not challenge.formats.exists():
            raise DomainError(
                _("Please assign at least one transfer format before publishing."),
                field="formats",
            )
        challenge.published_at = timezone.now()
    elif action == "withdraw" and challenge.projects.filter(status__in=("open", "running")):
        # The projects app sits above this one, so its statuses are named by value here.
        raise DomainError(
            _(
                "Students apply for or work on this challenge in a project; please ask the "
                "coordinators to close the project first."
            )
        )
    elif action in ("start_review", "accept") and challenge.coordinator_id is None:
        challenge.coordinator = actor
    challenge.status = target
    challenge.save()
    challenge_index(challenge)
    activity_record(
        actor=actor,
        verb=f"challenge.{action}",
        target=challenge,
        data={"status": target, "note": note} if note else {"status": target},
    )
    _notify(challenge, action)
    return challenge


@transaction.atomic
def challenge_follow_project(*, actor: User | None, challenge: Challenge, event: str) -> Challenge:
    """Move a challenge along with the project that works on it: "start" when a team begins
    (published → in progress), "complete" when the project is completed (in progress →
    completed). Called by the projects app for whoever changed the project; a challenge already
    there (several projects, a second call) stays as it is. Followers hear of the change.
    """
    if event not in ("start", "complete"):
        raise DomainError(_("Unknown action."))
    challenge = _lock(challenge)
    transition = TRANSITIONS[event]
    if challenge.status not in transition.sources:
        return challenge
    challenge.status = transition.target
    challenge.save(update_fields=["status", "updated_at"])
    challenge_index(challenge)
    activity_record(
        actor=actor,
        verb=f"challenge.{event}",
        target=challenge,
        data={"status": transition.target, "by_project": True},
    )
    _notify(challenge, event)
    return challenge


@transaction.atomic
def challenge_assign(
    *,
    actor: User,
    challenge: Challenge,
    formats: Iterable[TransferFormat],
    coordinator: User | None,
) -> Challenge:
    """Coordinators choose the transfer formats and who is responsible."""
    if not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators assign formats."))
    if coordinator is not None and not coordinator.is_coordinator:
        raise DomainError(_("Only a coordinator can be responsible."), field="coordinator")
    if challenge.status in (Challenge.Status.WITHDRAWN, Challenge.Status.REJECTED):
        raise DomainError(_("This challenge is closed."))
    challenge.formats.set(list(formats))
    challenge.coordinator = coordinator
    challenge.save(update_fields=["coordinator", "updated_at"])
    challenge_index(challenge)
    activity_record(
        actor=actor,
        verb="challenge.formats_assigned",
        target=challenge,
        data={"formats": sorted(f.slug for f in challenge.formats.all())},
    )
    return challenge


@transaction.atomic
def challenge_comment(
    *, actor: User, challenge: Challenge, text: str, visible_to_submitter: bool = True
) -> Comment:
    """A remark in the review; internal notes (hidden from the submitter) are for coordinators."""
    if not can_comment(actor, challenge):
        raise PermissionDenied(_("You may not comment on this challenge."))
    text = text.strip()
    if not text:
        raise DomainError(_("Please write a comment."), field="text")
    if not visible_to_submitter and not actor.is_coordinator:
        visible_to_submitter = True
    comment = Comment.objects.create(
        challenge=challenge, author=actor, text=text, visible_to_submitter=visible_to_submitter
    )
    activity_record(actor=actor, verb="challenge.commented", target=challenge)
    return comment


@transaction.atomic
def attachment_add(*, actor: User, challenge: Challenge, upload: Any) -> Attachment:
    """Attach a file: PDF, image or office document, recognised by its content, at most 10 MB.

    Raises PermissionDenied, DomainError (too big, unknown type, name that lies about its type).
    """
    if not can_edit(actor, challenge):
        raise PermissionDenied(_("This challenge cannot be changed now."))
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise DomainError(
            _("%(name)s is larger than 10 MB.") % {"name": upload.name}, field="attachment"
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = sniff(content)
    if kind is None:
        raise DomainError(
            _("%(name)s is not a PDF, image or office document.") % {"name": upload.name},
            field="attachment",
        )
    if not kind_matches_name(kind, upload.name):
        raise DomainError(
            _("%(name)s is not what its name says; please check the file.") % {"name": upload.name},
            field="attachment",
        )
    attachment = Attachment.objects.create(
        challenge=challenge,
        file=upload,
        name=upload.name[:200],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    activity_record(actor=actor, verb="challenge.file_added", target=challenge)
    return attachment


@transaction.atomic
def attachment_remove(*, actor: User, attachment: Attachment) -> None:
    if not can_edit(actor, attachment.challenge):
        raise PermissionDenied(_("This challenge cannot be changed now."))
    attachment.file.delete(save=False)
    attachment.delete()


@transaction.atomic
def challenge_follow(*, actor: User, challenge: Challenge, follow: bool) -> bool:
    """Follow or unfollow a challenge on the board; returns whether the person follows now."""
    if not can_follow(actor, challenge):
        raise PermissionDenied(_("Log in to follow challenges."))
    if follow:
        Follow.objects.get_or_create(challenge=challenge, user=actor)
    else:
        Follow.objects.filter(challenge=challenge, user=actor).delete()
    return follow


def next_actions(actor: Any, challenge: Challenge) -> list[str]:
    return allowed_actions(challenge.status, roles_for(actor, challenge))
