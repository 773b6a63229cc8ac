"""Every write on challenges: drafts, the review lifecycle (one service per step of
`workflow.LIFECYCLE`), files, comments, follows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
from transferraum.challenges.tasks import challenge_notify
from transferraum.challenges.workflow import LIFECYCLE
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_document
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.core.workflow import Step, StepRules, Taken, step_take
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
    challenge.search_text = challenge_search_text(
        challenge, topics=challenge.topics.all(), formats=challenge.formats.all()
    )
    Challenge.objects.filter(pk=challenge.pk).update(search_text=challenge.search_text)


def challenge_search_text(
    challenge: Challenge, *, topics: Iterable[TopicField], formats: Iterable[TransferFormat]
) -> str:
    """The search text of a challenge with these topics and formats, from memory (organisation,
    municipality and district are read from the challenge), for `challenge_index` and the data
    generator alike."""
    parts = [challenge.title, challenge.public_summary, challenge.organisation.name]
    if challenge.confidentiality == Challenge.Confidentiality.PUBLIC:
        parts.extend([challenge.problem, challenge.context, challenge.desired_result])
    if challenge.municipality:
        parts.extend([challenge.municipality.name, challenge.municipality.district.name])
    for topic in topics:
        parts.extend([topic.name_de, topic.name_en])
    for transfer_format in formats:
        parts.extend([transfer_format.name_de, transfer_format.name_en])
    return search_document(parts)


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
    version: int | None = None,
) -> Challenge:
    """Create a draft or save changes; a draft may be incomplete, but never inconsistent.

    Rules: members write for their organisation; the organisation edits drafts and challenges
    sent back for changes, coordinators edit until the challenge ends; dates in order; a title;
    `version` is the one the editor loaded (None: no loaded copy), and a newer save wins.
    Raises PermissionDenied, EditConflict, DomainError.
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
    version_claim(challenge, version)
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


def _lock(challenge: Challenge) -> Challenge:
    """Reload under a row lock, so that two clicks cannot both change the status."""
    return Challenge.objects.select_for_update().select_related("organisation").get(pk=challenge.pk)


def _notify(challenge: Challenge, event: str) -> None:
    if not notifications_enabled():
        return
    challenge_id = challenge.pk
    transaction.on_commit(lambda: challenge_notify.enqueue(challenge_id, event))


class ChallengeRules(StepRules[Challenge]):
    """How a step of a challenge is authorised, refused, recorded and announced."""

    lifecycle = LIFECYCLE

    def lock(self, obj: Challenge) -> Challenge:
        return _lock(obj)

    def roles(self, actor: Any, obj: Challenge) -> set[str]:
        return roles_for(actor, obj)

    def refused(self, obj: Challenge, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("You may not do this with this challenge."))

    def out_of_order(self, obj: Challenge, step: Step, roles: set[str]) -> DomainError:
        """A second click finds the new status and is refused here."""
        return DomainError(
            _("This is not possible while the challenge is “%(status)s”.")
            % {"status": obj.get_status_display()}
        )

    def recorded(self, taken: Taken[Challenge]) -> None:
        challenge_index(taken.obj)

    def notify(self, pk: Any, event: str) -> None:
        challenge_notify.enqueue(pk, event)


RULES = ChallengeRules()


def _responsible(challenge: Challenge, actor: User) -> None:
    """The coordinator who first takes the review up becomes responsible, unless one is."""
    if challenge.coordinator_id is None:
        challenge.coordinator = actor


@transaction.atomic
def challenge_submit(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """The organisation sends its draft (or the changed text) to the coordinators. Rules: a
    complete text (title, problem; a public summary unless the challenge is public).
    Raises PermissionDenied (not a member), DomainError (not a draft or sent back, incomplete)."""
    with step_take(RULES, "submit", actor=actor, obj=challenge, note=note) as taken:
        _check_content(
            {field: getattr(taken.obj, field) for field in CONTENT_FIELDS}, complete=True
        )
        taken.obj.submitted_at = timezone.now()
    return taken.obj


@transaction.atomic
def challenge_start_review(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """A coordinator takes a submitted challenge up (and becomes responsible unless someone is).
    Raises PermissionDenied (not a coordinator), DomainError (not submitted)."""
    with step_take(RULES, "start_review", actor=actor, obj=challenge, note=note) as taken:
        _responsible(taken.obj, actor)
    return taken.obj


@transaction.atomic
def challenge_request_changes(*, actor: User, challenge: Challenge, note: str) -> Challenge:
    """A coordinator sends the challenge back; `note` says what should change (required) and
    becomes a comment the submitter reads.
    Raises PermissionDenied (not a coordinator), DomainError (not in review, no note)."""
    with step_take(RULES, "request_changes", actor=actor, obj=challenge, note=note) as taken:
        if not taken.note:
            raise DomainError(_("Please say what should change."), field="note")
        Comment.objects.create(
            challenge=taken.obj, author=actor, text=taken.note, is_change_request=True
        )
    return taken.obj


@transaction.atomic
def challenge_accept(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """A coordinator accepts it for the programme (and becomes responsible unless someone is).
    Raises PermissionDenied (not a coordinator), DomainError (not in review)."""
    with step_take(RULES, "accept", actor=actor, obj=challenge, note=note) as taken:
        _responsible(taken.obj, actor)
    return taken.obj


@transaction.atomic
def challenge_publish(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """A coordinator puts an accepted challenge on the board. Rules: at least one transfer
    format is assigned. Raises PermissionDenied (not a coordinator), DomainError (not accepted,
    no format)."""
    with step_take(RULES, "publish", actor=actor, obj=challenge, note=note) as taken:
        if not taken.obj.formats.exists():
            raise DomainError(
                _("Please assign at least one transfer format before publishing."),
                field="formats",
            )
        taken.obj.published_at = timezone.now()
    return taken.obj


@transaction.atomic
def challenge_start(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """A coordinator marks a published challenge as in progress (a project usually does:
    `challenge_follow_project`). Raises PermissionDenied, DomainError (not published)."""
    with step_take(RULES, "start", actor=actor, obj=challenge, note=note) as taken:
        pass  # no rules beyond the lifecycle's
    return taken.obj


@transaction.atomic
def challenge_complete(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """A coordinator marks a challenge in progress as completed. Raises PermissionDenied,
    DomainError (not in progress)."""
    with step_take(RULES, "complete", actor=actor, obj=challenge, note=note) as taken:
        pass  # no rules beyond the lifecycle's
    return taken.obj


@transaction.atomic
def challenge_reject(*, actor: User, challenge: Challenge, note: str) -> Challenge:
    """A coordinator turns the challenge down; `note` is the reason (required), which the
    submitter reads. Raises PermissionDenied (not a coordinator), DomainError (not in review or
    sent back, no reason)."""
    with step_take(RULES, "reject", actor=actor, obj=challenge, note=note) as taken:
        if not taken.note:
            raise DomainError(_("Please give a reason for the rejection."), field="note")
        taken.obj.rejection_reason = taken.note
    return taken.obj


@transaction.atomic
def challenge_withdraw(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
    """The organisation or a coordinator withdraws it, until it is in progress. Rules: no
    project is open for applications or running on it.
    Raises PermissionDenied, DomainError (in progress or ended, a project works on it)."""
    with step_take(RULES, "withdraw", actor=actor, obj=challenge, note=note) as taken:
        # The projects app sits above this one, so its statuses are named by value here.
        if taken.obj.projects.filter(status__in=("open", "running")):
            raise DomainError(
                _(
                    "Students apply for or work on this challenge in a project; please ask the "
                    "coordinators to close the project first."
                )
            )
    return taken.obj


# The service of each step, for callers that hold a step's name as data (the review page's
# buttons, the demo's tables).
STEP_SERVICES: dict[str, Callable[..., Challenge]] = {
    "submit": challenge_submit,
    "start_review": challenge_start_review,
    "request_changes": challenge_request_changes,
    "accept": challenge_accept,
    "publish": challenge_publish,
    "start": challenge_start,
    "complete": challenge_complete,
    "reject": challenge_reject,
    "withdraw": challenge_withdraw,
}


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
    step = LIFECYCLE[event]
    if challenge.status not in step.sources or step.target is None:
        return challenge
    challenge.status = step.target
    challenge.save(update_fields=["status", "updated_at"])
    challenge_index(challenge)
    activity_record(
        actor=actor,
        verb=f"challenge.{event}",
        target=challenge,
        data={"status": step.target, "by_project": True},
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
    version: int | None = None,
) -> Challenge:
    """Coordinators choose the transfer formats and who is responsible; `version` is the one
    the coordinator loaded (None: no loaded copy), a newer save wins.
    Raises PermissionDenied, EditConflict, DomainError."""
    if not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators assign formats."))
    if coordinator is not None and not coordinator.is_coordinator:
        raise DomainError(_("Only a coordinator can be responsible."), field="coordinator")
    if challenge.status in (Challenge.Status.WITHDRAWN, Challenge.Status.REJECTED):
        raise DomainError(_("This challenge is closed."))
    version_claim(challenge, version)
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
    return LIFECYCLE.allowed(challenge.status, roles_for(actor, challenge))
