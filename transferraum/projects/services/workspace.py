"""Every write in a team's workspace: milestones, meetings, documents and their versions, the
discussion, the partner's feedback and the final deliverables.

Who may write is decided by `permissions` (PermissionDenied); what may be written by the rules
here (DomainError with the field it concerns). Nothing is stored when either refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.challenges.files import kind_matches_name, sniff
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.notifications.services import notifications_enabled
from transferraum.projects.models import (
    DOCUMENT_MAX_BYTES,
    Document,
    DocumentVersion,
    Feedback,
    Meeting,
    Milestone,
    Post,
    Project,
)
from transferraum.projects.permissions import (
    can_contribute,
    can_deliver,
    can_edit_summary,
    can_give_feedback,
    can_view_workspace,
)
from transferraum.projects.selectors.workspace import workspace_people
from transferraum.projects.services.rounds import project_index

TITLE_MAX = 200
POST_MAX = 5000
FEEDBACK_TEXT_MAX = 3000


def _require_contribute(actor: User, project: Project) -> None:
    if not can_contribute(actor, project):
        raise PermissionDenied(_("You cannot work in this workspace."))


def _title(value: str, *, field: str = "title") -> str:
    value = " ".join(value.split())
    if not value:
        raise DomainError(_("Please give a title."), field=field)
    if len(value) > TITLE_MAX:
        raise DomainError(
            _("The title may have at most %(max)d characters.") % {"max": TITLE_MAX}, field=field
        )
    return value


def _check_due(project: Project, due_on: dt.date) -> None:
    """A milestone lies within the round: not before the work starts, not after the round ends.
    A date that has already passed is fine (the team may record what it has done)."""
    round = project.round
    if round.work_starts_on is not None and due_on < round.work_starts_on:
        raise DomainError(
            _("The due date lies before the work of the round starts (%(date)s).")
            % {"date": date_format(round.work_starts_on, "SHORT_DATE_FORMAT")},
            field="due_on",
        )
    if round.ends_on is not None and due_on > round.ends_on:
        raise DomainError(
            _("The due date lies after the round ends (%(date)s).")
            % {"date": date_format(round.ends_on, "SHORT_DATE_FORMAT")},
            field="due_on",
        )


def _check_milestone_status(status: str) -> None:
    if status not in Milestone.Status.values:
        raise DomainError(_("Please choose a status from the list."), field="status")


@transaction.atomic
def milestone_add(
    *,
    actor: User,
    project: Project,
    title: str,
    due_on: dt.date,
    description: str = "",
    status: str = Milestone.Status.PLANNED,
) -> Milestone:
    """Add a milestone to the team's plan.

    Rules: everyone of the workspace while the project is at work; a title; the due date within
    the round (not before its work starts, not after it ends); a known status.
    Raises PermissionDenied, DomainError.
    """
    _require_contribute(actor, project)
    title = _title(title)
    _check_due(project, due_on)
    _check_milestone_status(status)
    milestone = Milestone.objects.create(
        project=project,
        title=title,
        description=description.strip(),
        due_on=due_on,
        status=status,
        created_by=actor,
    )
    activity_record(
        actor=actor,
        verb="project.milestone_added",
        target=project,
        data={"milestone": milestone.pk, "title": title},
    )
    return milestone


@transaction.atomic
def milestone_update(
    *,
    actor: User,
    milestone: Milestone,
    title: str | None = None,
    description: str | None = None,
    due_on: dt.date | None = None,
    status: str | None = None,
    version: int | None = None,
) -> Milestone:
    """Change a milestone; arguments left out (None) stay as they are, so that a status change
    alone is one call.

    Rules: as `milestone_add`, for the values that change; `version` is the one the editor
    loaded (None: no loaded copy, as the quick status change), a newer save wins.
    Raises PermissionDenied, EditConflict, DomainError.
    """
    project = milestone.project
    _require_contribute(actor, project)
    version_claim(milestone, version)
    changes: dict[str, Any] = {}
    if title is not None:
        changes["title"] = _title(title)
    if description is not None:
        changes["description"] = description.strip()
    if due_on is not None:
        if due_on != milestone.due_on:
            _check_due(project, due_on)
        changes["due_on"] = due_on
    if status is not None:
        _check_milestone_status(status)
        changes["status"] = status
    previous = milestone.status
    for field, value in changes.items():
        setattr(milestone, field, value)
    milestone.save()
    activity_record(
        actor=actor,
        verb="project.milestone_updated",
        target=project,
        data={"milestone": milestone.pk, "status": milestone.status, "previous": previous},
    )
    return milestone


def _check_meeting(
    project: Project, *, kind: str, starts_at: dt.datetime, place: str, attendees: list[User]
) -> str:
    if timezone.is_naive(starts_at):
        raise ValueError("starts_at must be an aware datetime")
    if kind not in Meeting.Kind.values:
        raise DomainError(_("Please choose whether it is a meeting or a site visit."), field="kind")
    place = " ".join(place.split())
    if not place:
        raise DomainError(_("Please say where you meet."), field="place")
    if len(place) > TITLE_MAX:
        raise DomainError(
            _("The place may have at most %(max)d characters.") % {"max": TITLE_MAX},
            field="place",
        )
    allowed = {person.pk for person in workspace_people(project).everyone()}
    strangers = [person for person in attendees if person.pk not in allowed]
    if strangers:
        raise DomainError(
            _("Only people of this workspace can be chosen: %(names)s is not one of them.")
            % {"names": ", ".join(str(p.name or p.email) for p in strangers)},
            field="attendees",
        )
    return place


@transaction.atomic
def meeting_add(
    *,
    actor: User,
    project: Project,
    kind: str,
    starts_at: dt.datetime,
    place: str,
    attendees: Iterable[User] = (),
    minutes: str = "",
) -> Meeting:
    """Plan a meeting or a site visit, or record one that took place (with its minutes).

    Rules: everyone of the workspace while the project is at work; a known kind; a place; those
    who come are people of the workspace. Raises PermissionDenied, DomainError.
    """
    _require_contribute(actor, project)
    people = list(attendees)
    place = _check_meeting(project, kind=kind, starts_at=starts_at, place=place, attendees=people)
    meeting = Meeting.objects.create(
        project=project,
        kind=kind,
        starts_at=starts_at,
        place=place,
        minutes=minutes.strip(),
        created_by=actor,
    )
    meeting.attendees.set(people)
    activity_record(
        actor=actor,
        verb="project.meeting_added",
        target=project,
        data={"meeting": meeting.pk, "kind": kind, "starts_at": starts_at.isoformat()},
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor: User,
    meeting: Meeting,
    kind: str,
    starts_at: dt.datetime,
    place: str,
    attendees: Iterable[User],
    minutes: str,
    version: int | None = None,
) -> Meeting:
    """Change a meeting: move it, say who comes, write the minutes afterwards.

    Rules: as `meeting_add`; `version` is the one the editor loaded (None: no loaded copy),
    a newer save wins. Raises PermissionDenied, EditConflict, DomainError.
    """
    project = meeting.project
    _require_contribute(actor, project)
    version_claim(meeting, version)
    people = list(attendees)
    meeting.place = _check_meeting(
        project, kind=kind, starts_at=starts_at, place=place, attendees=people
    )
    meeting.kind = kind
    meeting.starts_at = starts_at
    meeting.minutes = minutes.strip()
    meeting.save()
    meeting.attendees.set(people)
    activity_record(
        actor=actor, verb="project.meeting_updated", target=project, data={"meeting": meeting.pk}
    )
    return meeting


def _sniffed_kind(upload: Any) -> str:
    """The file's real type, recognised by its content; refuses big, unknown and forged files."""
    name = str(upload.name)
    if upload.size > DOCUMENT_MAX_BYTES:
        raise DomainError(_("%(name)s is larger than 20 MB.") % {"name": name}, field="file")
    if upload.size == 0:
        raise DomainError(_("%(name)s is empty.") % {"name": name}, field="file")
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = sniff(content)
    if kind is None:
        raise DomainError(
            _("%(name)s is not a PDF, image or office document.") % {"name": name}, field="file"
        )
    if not kind_matches_name(kind, name):
        raise DomainError(
            _("%(name)s is not what its name says; please check the file.") % {"name": name},
            field="file",
        )
    return kind


@transaction.atomic
def document_upload(
    *,
    actor: User,
    project: Project,
    upload: Any,
    title: str | None = None,
    document: Document | None = None,
    category: str = Document.Category.WORKING,
) -> DocumentVersion:
    """Upload a new document (version 1) or, with `document`, a new version of it; the older
    versions stay. A new version keeps its document's title and kind (`title` and `category`
    are for new documents; a new document without a title is named after its file).

    Rules: everyone of the workspace while the project is at work; final deliverables (report,
    presentation, other) only by those who deliver (team, supervisors, coordinators); PDF,
    image or office document recognised by its content, whose name does not lie about its type;
    at most 20 MB. Raises PermissionDenied, DomainError.
    """
    _require_contribute(actor, project)
    if document is not None:
        if document.project_id != project.pk:
            raise DomainError(_("This document belongs to another project."), field="document")
        # Locked, so that two uploads at once cannot both become the same version.
        document = Document.objects.select_for_update().get(pk=document.pk)
        category = document.category
    elif category not in Document.Category.values:
        raise DomainError(_("Please choose what kind of document it is."), field="category")
    if category in Document.DELIVERABLES and not can_deliver(actor, project):
        raise PermissionDenied(
            _("Final deliverables are uploaded by the team, its supervisors and coordinators.")
        )
    kind = _sniffed_kind(upload)
    name = PurePath(str(upload.name)).name[-TITLE_MAX:]
    if document is None:
        document = Document.objects.create(
            project=project,
            title=_title(title or PurePath(name).stem),
            category=category,
            created_by=actor,
        )
        number = 1
    else:
        number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = DocumentVersion.objects.create(
        document=document,
        number=number,
        file=upload,
        name=name,
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    activity_record(
        actor=actor,
        verb="project.document_uploaded",
        target=project,
        data={"document": document.pk, "version": number, "kind": kind},
    )
    return version


@transaction.atomic
def post_add(*, actor: User, project: Project, text: str) -> Post:
    """Write in the team's discussion; the others of the workspace hear of it by e-mail.

    Rules: everyone of the workspace while the project is at work; a message of at most 5000
    characters. Raises PermissionDenied, DomainError.
    """
    _require_contribute(actor, project)
    text = text.strip()
    if not text:
        raise DomainError(_("Please write a message."), field="text")
    if len(text) > POST_MAX:
        raise DomainError(
            _("A message may have at most %(max)d characters.") % {"max": POST_MAX}, field="text"
        )
    post = Post.objects.create(project=project, author=actor, text=text)
    activity_record(actor=actor, verb="project.post_added", target=project, data={"post": post.pk})
    if notifications_enabled():
        from transferraum.projects.tasks.workspace import workspace_post_notify

        post_id = post.pk
        transaction.on_commit(lambda: workspace_post_notify.enqueue(post_id))
    return post


def _scale(value: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise DomainError(_("Please choose a value from 1 to 5."), field=field)
    return value


def _stored_feedback(project: Project, stage: str) -> Feedback | None:
    """The feedback of `stage` already given, locked for the update."""
    return Feedback.objects.select_for_update().filter(project=project, stage=stage).first()


@transaction.atomic
def feedback_give(
    *,
    actor: User,
    project: Project,
    stage: str,
    usefulness: int,
    collaboration: int,
    what_next: str,
    comment: str = "",
    version: int | None = None,
) -> Feedback:
    """The partner's feedback at mid-term or at the end. There is one per stage: a second
    submission of the same stage replaces the first (the partner corrects it), and its author
    becomes whoever sent it last. Two contacts sending the same stage at once are taken one
    after the other (the project's row is locked); should the other's feedback appear between
    loading the form and writing, the second gets EditConflict (its form had no version: 0),
    and replaces it only when called without a loaded version (None).

    Rules: the partner (the project's contacts, members of the challenge's organisation) of a
    published team, mid-term during work and presentations, at the end from the presentations
    on; usefulness and collaboration from 1 to 5; what should happen next. A partner who
    corrects feedback loaded at `version` gets EditConflict when another saved it meanwhile.
    Raises PermissionDenied, EditConflict, DomainError.
    """
    if stage not in Feedback.Stage.values:
        raise DomainError(_("Unknown stage of feedback."), field="stage")
    if not (can_view_workspace(actor, project) and can_give_feedback(actor, project, stage)):
        raise PermissionDenied(
            _(
                "Only the partner gives feedback: at mid-term during the work and the final "
                "presentations, at the end from the final presentations on."
            )
        )
    values: dict[str, Any] = {
        "usefulness": _scale(usefulness, "usefulness"),
        "collaboration": _scale(collaboration, "collaboration"),
        "what_next": what_next.strip(),
        "comment": comment.strip(),
        "author": actor,
    }
    if not values["what_next"]:
        raise DomainError(_("Please say what should happen next."), field="what_next")
    for field in ("what_next", "comment"):
        if len(values[field]) > FEEDBACK_TEXT_MAX:
            raise DomainError(
                _("This text may have at most %(max)d characters.") % {"max": FEEDBACK_TEXT_MAX},
                field=field,
            )
    # Two contacts at once: the second waits here until the first has committed.
    Project.objects.select_for_update().only("pk").get(pk=project.pk)
    feedback = _stored_feedback(project, stage)
    created = feedback is None
    if feedback is None:
        try:
            with transaction.atomic():  # a savepoint: the transaction survives a conflict
                feedback = Feedback.objects.create(project=project, stage=stage, **values)
        except IntegrityError:
            created = False
            feedback = Feedback.objects.select_for_update().get(project=project, stage=stage)
    if not created:
        version_claim(feedback, version)
        for field, value in values.items():
            setattr(feedback, field, value)
        feedback.save()
    activity_record(
        actor=actor,
        verb="project.feedback_given" if created else "project.feedback_updated",
        target=project,
        data={"stage": stage},
    )
    return feedback


@transaction.atomic
def deliverables_update(
    *,
    actor: User,
    project: Project,
    public_summary: str,
    results: str,
    version: int | None = None,
) -> Project:
    """The summary for the public and the results text, shown in the showcase after the round.

    Rules: the team, its supervisors and coordinators while the project is at work (both texts
    may stay empty until the end); after its completion still its supervisors and coordinators
    (a completed project reaches the showcase once it has a summary for the public).
    `version` is the one the editor loaded (None: no loaded copy), a newer save wins.
    Raises PermissionDenied, EditConflict.
    """
    if not can_edit_summary(actor, project):
        raise PermissionDenied(
            _(
                "The summary and the results are written by the team, its supervisors and "
                "coordinators while the project runs, and afterwards by its supervisors and "
                "coordinators."
            )
        )
    version_claim(project, version)
    project.public_summary = public_summary.strip()
    project.results = results.strip()
    project.save(update_fields=["public_summary", "results", "updated_at"])
    project_index(project)
    activity_record(actor=actor, verb="project.deliverables_updated", target=project)
    return project
