"""Every write on rounds and the projects in them: creating and changing rounds, the supervisors'
capacities, moving a round through its phases (phases.NEXT_PHASE) and the projects from creation
to completion.

Who may act is decided by `permissions` (PermissionDenied); what may be written by the rules here
(DomainError with the field it concerns). Nothing is stored when either refuses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from transferraum.accounts.models import User
from transferraum.actors.models import Membership
from transferraum.challenges.models import Challenge, TransferFormat
from transferraum.challenges.selectors import public_text
from transferraum.challenges.services import challenge_follow_project
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_document
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.core.workflow import Step, StepRules, Taken, step_take
from transferraum.notifications.services import notifications_enabled
from transferraum.projects import phases
from transferraum.projects.models import (
    AllocationRun,
    Project,
    Round,
    SupervisorCapacity,
)
from transferraum.projects.permissions import (
    COORDINATOR,
    SUPERVISOR,
    can_manage_rounds,
    roles_for,
)

P = Round.Phase

ROUND_FIELDS = (
    "name",
    "description",
    "applications_open_at",
    "applications_close_at",
    "work_starts_on",
    "presentation_on",
    "ends_on",
    "min_choices",
    "max_choices",
    "motivation_ranks",
    "objective",
    "max_programme_share",
    "work_with_weight",
)
# Students rank under these rules: they stay as they are once someone has applied.
CHOICE_FIELDS = ("min_choices", "max_choices", "motivation_ranks")
# The allocation read these: they stay as they are once its result is published.
ALLOCATION_FIELDS = ("objective", "max_programme_share", "work_with_weight")

PROJECT_FIELDS = (
    "format",
    "title",
    "description",
    "min_team_size",
    "max_team_size",
    "module",
    "ects",
    "work_language",
    "site_visit_place",
    "site_visit_frequency",
)
PROJECT_RELATIONS = (
    "supervisors",
    "partner_contacts",
    "required_competences",
    "desired_competences",
    "wanted_programmes",
)
TITLE_MAX = 200
# A project is built from a challenge that is on the board and not finished.
CHALLENGE_STATUSES = (Challenge.Status.PUBLISHED, Challenge.Status.IN_PROGRESS)

# Notification events beside the phases themselves
REOPENED = phases.REOPENED


# --- rounds -----------------------------------------------------------------------------------


def _require_coordinator(actor: User) -> None:
    if not can_manage_rounds(actor):
        raise PermissionDenied(_("Only coordinators manage rounds and their projects."))


def _lock_round(round: Round) -> Round:
    """Reload under a row lock, so that two clicks cannot both move the round."""
    return Round.objects.select_for_update().get(pk=round.pk)


class RoundRules(StepRules[Round]):
    """How a step between a round's phases is authorised, refused and recorded (`core.workflow`).
    The phase is the round's status; the log keeps where the round came from and went to."""

    lifecycle = phases.LIFECYCLE
    status_field = "phase"

    def lock(self, obj: Round) -> Round:
        return _lock_round(obj)

    def roles(self, actor: Any, obj: Round) -> set[str]:
        return {phases.COORDINATOR} if can_manage_rounds(actor) else set()

    def refused(self, obj: Round, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("Only coordinators manage rounds and their projects."))

    def out_of_order(self, obj: Round, step: Step, roles: set[str]) -> DomainError:
        if step is phases.REOPEN_APPLICATIONS:
            return DomainError(
                _("Applications cannot be reopened while the round is “%(phase)s”.")
                % {"phase": obj.get_phase_display()}
            )
        return DomainError(
            _("The round has moved on in the meantime: it is now “%(phase)s”.")
            % {"phase": obj.get_phase_display()}
        )

    def activity_data(self, taken: Taken[Round]) -> dict[str, Any]:
        return {"from": taken.from_status, "to": taken.step.target, **taken.details}


RULES = RoundRules()


def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def _check_round(data: dict[str, Any]) -> None:
    """Rules on a round's content: a name, dates in order, sensible numbers of choices."""
    if not str(data.get("name") or "").strip():
        raise DomainError(_("Please give the round a name."), field="name")
    opens, closes = data.get("applications_open_at"), data.get("applications_close_at")
    if opens and closes and closes <= opens:
        raise DomainError(
            _("The application deadline must lie after the opening."),
            field="applications_close_at",
        )
    min_choices, max_choices = data.get("min_choices") or 0, data.get("max_choices") or 0
    if min_choices < 1:
        raise DomainError(
            _("The fewest projects a student ranks must be at least 1."), field="min_choices"
        )
    if max_choices < min_choices:
        raise DomainError(
            _("The most projects a student ranks cannot be fewer than the fewest."),
            field="max_choices",
        )
    if (data.get("motivation_ranks") or 0) > max_choices:
        raise DomainError(
            _("A motivation cannot be asked for more choices than a student can make."),
            field="motivation_ranks",
        )
    share = data.get("max_programme_share")
    if share is not None and not 0 < share <= 1:
        raise DomainError(
            _("The share of one study programme lies between 0 and 1, for example 0.6."),
            field="max_programme_share",
        )
    work, presentation, ends = (
        data.get("work_starts_on"),
        data.get("presentation_on"),
        data.get("ends_on"),
    )
    if work and closes and work < _local_date(closes):
        raise DomainError(
            _("The work cannot start before the application deadline."), field="work_starts_on"
        )
    if presentation and work and presentation < work:
        raise DomainError(
            _("The final presentation cannot lie before the start of the work."),
            field="presentation_on",
        )
    last = presentation or work
    if ends and last and ends < last:
        raise DomainError(
            _("The round cannot end before its work and presentations."), field="ends_on"
        )


def _clean_round_data(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(ROUND_FIELDS)
    if unknown:
        raise ValueError(f"Unknown round fields: {sorted(unknown)}")
    return {
        field: value.strip() if isinstance(value, str) else value for field, value in fields.items()
    }


@transaction.atomic
def round_create(*, actor: User, **fields: Any) -> Round:
    """Create a round in preparation.

    Rules: coordinators only (PermissionDenied); a name; the deadline after the opening; at least
    one choice and min_choices ≤ max_choices; motivations for at most max_choices; work, final
    presentation and end in order and not before the deadline (DomainError with the field).
    """
    _require_coordinator(actor)
    data = _clean_round_data(fields)
    round = Round(created_by=actor)
    merged = {field: getattr(round, field) for field in ROUND_FIELDS} | data
    _check_round(merged)
    for field, value in data.items():
        setattr(round, field, value)
    round.save()
    activity_record(actor=actor, verb="round.created", target=round)
    return round


@transaction.atomic
def round_update(*, actor: User, round: Round, version: int | None = None, **fields: Any) -> Round:
    """Change a round's name, dates and rules; `version` is the one the editor loaded (None:
    no loaded copy), a newer save wins (EditConflict).

    Rules beyond those of `round_create`: a closed round stays as it is; the ranking rules
    (CHOICE_FIELDS) are fixed once a student has applied, the allocation's settings once its
    result is published; while applications are open the deadline stays in the future.
    Raises PermissionDenied, DomainError; nothing changes on error.
    """
    _require_coordinator(actor)
    round = _lock_round(round)
    if round.phase == P.CLOSED:
        raise DomainError(_("A closed round cannot be changed."))
    version_claim(round, version)
    data = _clean_round_data(fields)
    changed = {field for field, value in data.items() if getattr(round, field) != value}
    fixed_choices = sorted(changed & set(CHOICE_FIELDS))
    if fixed_choices and round.applications.exists():
        raise DomainError(
            _("Students have already applied under these rules: they can no longer change."),
            field=fixed_choices[0],
        )
    fixed_settings = sorted(changed & set(ALLOCATION_FIELDS))
    if fixed_settings and round.is_published:
        raise DomainError(
            _("The allocation is published: its settings can no longer change."),
            field=fixed_settings[0],
        )
    merged = {field: getattr(round, field) for field in ROUND_FIELDS} | data
    deadline = merged["applications_close_at"]
    if (
        round.phase == P.APPLICATIONS
        and "applications_close_at" in changed
        and (deadline is None or deadline <= timezone.now())
    ):
        raise DomainError(
            _("Applications are open: the deadline must lie in the future."),
            field="applications_close_at",
        )
    _check_round(merged)
    for field in changed:
        setattr(round, field, data[field])
    round.save()
    activity_record(
        actor=actor, verb="round.updated", target=round, data={"fields": sorted(changed)}
    )
    return round


@transaction.atomic
def capacity_set(
    *, actor: User, round: Round, supervisor: User, capacity: int | None
) -> SupervisorCapacity | None:
    """How many students `supervisor` takes in `round` over all their projects; None removes
    the limit.

    Rules: coordinators only; only people with the role supervisor; zero or more students; not
    after the allocation is published (it was computed with these numbers).
    Raises PermissionDenied, DomainError.
    """
    _require_coordinator(actor)
    round = _lock_round(round)
    if round.is_published or round.phase == P.CLOSED:
        raise DomainError(
            _("The allocation is published: capacities can no longer change."), field="capacity"
        )
    if not supervisor.has_role(User.Role.SUPERVISOR):
        raise DomainError(
            _("%(name)s is not a supervisor.") % {"name": supervisor}, field="supervisor"
        )
    if capacity is None:
        SupervisorCapacity.objects.filter(round=round, supervisor=supervisor).delete()
        entry = None
    else:
        if capacity < 0:
            raise DomainError(_("A capacity cannot be negative."), field="capacity")
        entry, _created = SupervisorCapacity.objects.update_or_create(
            round=round, supervisor=supervisor, defaults={"capacity": capacity}
        )
    activity_record(
        actor=actor,
        verb="round.capacity_set",
        target=round,
        data={"supervisor": supervisor.pk, "capacity": capacity},
    )
    return entry


def _notify(round: Round, event: str) -> None:
    from transferraum.projects.tasks.rounds import round_notify

    if not notifications_enabled():
        return
    round_id = round.pk
    transaction.on_commit(lambda: round_notify.enqueue(round_id, event))


@transaction.atomic
def round_advance(*, actor: User, round: Round, expected_phase: str | None = None) -> Round:
    """Move the round to its next phase and tell the people concerned: the step of
    `phases.ADVANCE_FROM`, taken through `core.workflow.step_take` (logged as `round.advanced`).

    Rules: coordinators only (PermissionDenied). Opening applications needs at least one open
    project and a deadline in the future, and sets the opening to now if it lay later. Closing
    applications sets the deadline to now if it lay later. The work phase needs the published
    allocation, and moves the challenges of the running projects to "in progress" (their
    followers are told the work has begun). Closing the round completes every project still
    running. `expected_phase` is the phase the coordinator saw: a second click finds the round
    moved on and is refused.
    Raises PermissionDenied, DomainError; nothing changes on error.
    """
    _require_coordinator(actor)
    current = _lock_round(round)
    if expected_phase is not None and current.phase != expected_phase:
        raise DomainError(
            _("The round has moved on in the meantime: it is now “%(phase)s”.")
            % {"phase": current.get_phase_display()}
        )
    step = phases.ADVANCE_FROM.get(current.phase)
    if step is None:
        raise DomainError(_("The round is closed."))
    target = step.target
    with step_take(RULES, step.name, actor=actor, obj=current) as taken:
        current = taken.obj
        now = timezone.now()
        if target == P.APPLICATIONS:
            if not current.projects.filter(status=Project.Status.OPEN).exists():
                raise DomainError(_("Please add at least one project before opening applications."))
            if current.applications_close_at is None or current.applications_close_at <= now:
                raise DomainError(
                    _("Please set an application deadline in the future first."),
                    field="applications_close_at",
                )
            if current.applications_open_at is None or current.applications_open_at > now:
                current.applications_open_at = now
        elif target == P.ALLOCATION:
            if current.applications_close_at is None or current.applications_close_at > now:
                current.applications_close_at = now
        elif target == P.WORK:
            if current.published_at is None:
                raise DomainError(_("Please publish the allocation before the work starts."))
            # The work begins now, not at the publication: only now do the running projects'
            # challenges move to "in progress" and their followers hear of it.
            for project in current.projects.filter(status=Project.Status.RUNNING).select_related(
                "challenge"
            ):
                challenge_follow_project(actor=actor, challenge=project.challenge, event="start")
        elif target == P.CLOSED:
            for project in current.projects.filter(status=Project.Status.RUNNING).select_related(
                "challenge"
            ):
                _complete(actor, project)
    _notify(current, str(target))
    return current


@transaction.atomic
def round_reopen(*, actor: User, round: Round, applications_close_at: dt.datetime) -> Round:
    """Open applications again with a new deadline: the step `phases.REOPEN_APPLICATIONS`,
    taken through `core.workflow.step_take` (logged as `round.reopened` with the deadline).

    Rules: coordinators only; only from a phase that has a step back, while the allocation is
    not published and no allocation run is under way; the new deadline lies in the future and
    not after the start of the work, and the round's dates stay in order (`_check_round`).
    Applicants hear of it. Raises PermissionDenied, DomainError.
    """
    _require_coordinator(actor)
    with step_take(RULES, phases.REOPEN_APPLICATIONS.name, actor=actor, obj=round) as taken:
        current = taken.obj
        if current.is_published:
            raise DomainError(_("The allocation is published: applications cannot be reopened."))
        if current.runs.filter(
            status__in=(AllocationRun.Status.QUEUED, AllocationRun.Status.RUNNING)
        ).exists():
            raise DomainError(
                _("An allocation run is under way: please wait until it has finished.")
            )
        now = timezone.now()
        if applications_close_at <= now:
            raise DomainError(
                _("The new deadline must lie in the future."), field="applications_close_at"
            )
        work = current.work_starts_on
        if work is not None and work < _local_date(applications_close_at):
            raise DomainError(
                _(
                    "The new deadline lies after the start of the work (%(date)s). Please choose "
                    "an earlier deadline, or first move the start of the work in the round's "
                    "settings."
                )
                % {"date": date_format(work, "SHORT_DATE_FORMAT")},
                field="applications_close_at",
            )
        if current.applications_open_at is not None and current.applications_open_at >= now:
            current.applications_open_at = now
        merged = {field: getattr(current, field) for field in ROUND_FIELDS}
        _check_round(merged | {"applications_close_at": applications_close_at})
        current.applications_close_at = applications_close_at
        taken.details["deadline"] = applications_close_at.isoformat()
    # The old result no longer holds: only the hand moves of students who still apply stay.
    from transferraum.projects.models import Application, Assignment

    applicants = Application.objects.filter(round=current).values("student_id")
    stale = Assignment.objects.filter(round=current)
    stale.exclude(pinned=True, student_id__in=applicants).delete()
    _notify(current, REOPENED)
    return current


# --- projects ---------------------------------------------------------------------------------


def project_formats(challenge: Challenge) -> list[TransferFormat]:
    """The challenge's formats that run as a project in a round (catalogue order)."""
    return sorted(
        (f for f in challenge.formats.all() if f.is_project_format),
        key=lambda f: (f.position, f.name_de),
    )


def _split_project_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    unknown = set(fields) - set(PROJECT_FIELDS) - set(PROJECT_RELATIONS)
    if unknown:
        raise ValueError(f"Unknown project fields: {sorted(unknown)}")
    scalars = {
        field: value.strip() if isinstance(value, str) else value
        for field, value in fields.items()
        if field in PROJECT_FIELDS
    }
    relations = {
        field: list(value) for field, value in fields.items() if field in PROJECT_RELATIONS
    }
    return scalars, relations


def _check_project(
    challenge: Challenge, data: dict[str, Any], relations: dict[str, list[Any]]
) -> None:
    """Rules on a project's content; `data` and `relations` hold every field."""
    if data["format"] not in project_formats(challenge):
        raise DomainError(
            _("Please choose one of the challenge's project formats."), field="format"
        )
    title = str(data["title"] or "")
    if not title:
        raise DomainError(_("Please give the project a title."), field="title")
    if len(title) > TITLE_MAX:
        raise DomainError(
            _("The title may have at most %(max)d characters.") % {"max": TITLE_MAX}, field="title"
        )
    if not str(data["description"] or ""):
        raise DomainError(_("Please describe what the team will do."), field="description")
    smallest, largest = data["min_team_size"], data["max_team_size"]
    if smallest is None or smallest < 1:
        raise DomainError(_("A team has at least one member."), field="min_team_size")
    if largest is None or largest < smallest:
        raise DomainError(
            _("The largest team cannot be smaller than the smallest."), field="max_team_size"
        )
    if data["work_language"] not in Project.WorkLanguage.values:
        raise DomainError(_("Please choose the language of work."), field="work_language")
    supervisors = relations["supervisors"]
    if not supervisors:
        raise DomainError(_("Please choose at least one supervisor."), field="supervisors")
    for person in supervisors:
        if not person.has_role(User.Role.SUPERVISOR) or not person.is_active:
            raise DomainError(
                _("%(name)s is not a supervisor.") % {"name": person}, field="supervisors"
            )
    contacts = relations["partner_contacts"]
    members = set(
        Membership.objects.filter(
            organisation_id=challenge.organisation_id, user__in=[p.pk for p in contacts]
        ).values_list("user_id", flat=True)
    )
    for person in contacts:
        if person.pk not in members:
            raise DomainError(
                _("%(name)s is not a member of %(organisation)s.")
                % {"name": person, "organisation": challenge.organisation.name},
                field="partner_contacts",
            )
    both = {c.pk for c in relations["required_competences"]} & {
        c.pk for c in relations["desired_competences"]
    }
    if both:
        raise DomainError(
            _("A skill is either required or desired, not both."), field="desired_competences"
        )


ALREADY_IN_ROUND = gettext_noop("This challenge already has a project in this round.")


def _challenge_in_round(round: Round, challenge: Challenge) -> bool:
    return Project.objects.filter(round=round, challenge=challenge).exists()


def _default_contacts(challenge: Challenge) -> list[User]:
    person = challenge.contact_person
    if person is None or not person.is_active:
        return []
    is_member = Membership.objects.filter(
        organisation_id=challenge.organisation_id, user_id=person.pk
    ).exists()
    return [person] if is_member else []


def project_index(project: Project) -> None:
    """Search text from what the project's public page shows: its title, the public texts, the
    module, the challenge's title, organisation and town (never the team's results)."""
    project.search_text = project_search_text(project)
    Project.objects.filter(pk=project.pk).update(search_text=project.search_text)


def project_search_text(project: Project) -> str:
    """The search text of `project` from memory (its challenge, the challenge's organisation and
    municipality are read from it), for `project_index` and the data generator alike."""
    challenge = project.challenge
    parts = [
        project.title,
        project.description,
        project.public_summary,
        project.module,
        challenge.title,
        challenge.organisation.name,
    ]
    if challenge.municipality:
        parts.append(challenge.municipality.name)
    return search_document(parts)


def _require_edit_phase(round: Round) -> None:
    if not phases.phase_allows(round.phase, phases.EDIT_PROJECTS):
        raise DomainError(_("Projects can be added and changed only until applications close."))


@transaction.atomic
def project_create(*, actor: User, round: Round, challenge: Challenge, **fields: Any) -> Project:
    """Create a project of `round` from a challenge.

    Rules: coordinators only (PermissionDenied); while the round's phase allows editing projects;
    the challenge is published or in progress, has a project format (practice project, student
    research project, thesis) and is not yet in this round. Title, description (the public text),
    format (the first project format) and partner contacts (the challenge's contact person, if a
    member of its organisation) default from the challenge when not given. At least one
    supervisor, each with the role supervisor; partner contacts are members of the challenge's
    organisation; 1 ≤ smallest ≤ largest team; a skill is required or desired, not both. The
    round's row is locked, so that the same form sent twice creates one project and the second
    is refused with a message (as is a conflict the database still finds).
    Raises PermissionDenied, DomainError (with the field); nothing is stored on error.
    """
    _require_coordinator(actor)
    round = _lock_round(round)
    _require_edit_phase(round)
    if challenge.status not in CHALLENGE_STATUSES:
        raise DomainError(_("Only a published challenge can become a project."), field="challenge")
    formats = project_formats(challenge)
    if not formats:
        raise DomainError(
            _(
                "The challenge has no project format (practice project, student research "
                "project or thesis)."
            ),
            field="challenge",
        )
    if _challenge_in_round(round, challenge):
        raise DomainError(_(ALREADY_IN_ROUND), field="challenge")
    scalars, relations = _split_project_fields(fields)
    blank = Project()
    data: dict[str, Any] = {field: getattr(blank, field, None) for field in PROJECT_FIELDS}
    data |= {
        "format": formats[0],
        "title": challenge.title,
        "description": public_text(challenge),
    }
    data |= scalars
    relations.setdefault("partner_contacts", _default_contacts(challenge))
    for field in PROJECT_RELATIONS:
        relations.setdefault(field, [])
    _check_project(challenge, data, relations)
    project = Project(round=round, challenge=challenge, **data)
    try:
        with transaction.atomic():  # a savepoint: the conflict is answered, not a 500
            project.save()
    except IntegrityError as error:
        if not _challenge_in_round(round, challenge):
            raise
        raise DomainError(_(ALREADY_IN_ROUND), field="challenge") from error
    for field in PROJECT_RELATIONS:
        getattr(project, field).set(relations[field])
    project_index(project)
    activity_record(actor=actor, verb="project.created", target=project)
    return project


@transaction.atomic
def project_update(
    *, actor: User, project: Project, version: int | None = None, **fields: Any
) -> Project:
    """Change a project's content; fields not given stay as they are; `version` is the one
    the editor loaded (None: no loaded copy), a newer save wins (EditConflict).

    Rules: coordinators only, while the round's phase allows editing projects (until
    applications close); the rules of `project_create` on the content. The round and the
    challenge do not change. Raises PermissionDenied, DomainError; nothing changes on error.
    """
    _require_coordinator(actor)
    project = (
        Project.objects.select_for_update()
        .select_related("round", "challenge__organisation")
        .get(pk=project.pk)
    )
    _require_edit_phase(project.round)
    version_claim(project, version)
    scalars, relations = _split_project_fields(fields)
    data = {field: getattr(project, field) for field in PROJECT_FIELDS} | scalars
    current = {
        field: list(getattr(project, field).all())
        for field in PROJECT_RELATIONS
        if field not in relations
    }
    _check_project(project.challenge, data, current | relations)
    changed = sorted(
        [field for field, value in scalars.items() if getattr(project, field) != value]
        + list(relations)
    )
    for field, value in scalars.items():
        setattr(project, field, value)
    project.save()
    for field, people in relations.items():
        getattr(project, field).set(people)
    project_index(project)
    activity_record(actor=actor, verb="project.updated", target=project, data={"fields": changed})
    return project


def _complete(actor: User, project: Project) -> Project:
    project.status = Project.Status.COMPLETED
    project.completed_at = timezone.now()
    project.save(update_fields=["status", "completed_at", "updated_at"])
    activity_record(actor=actor, verb="project.completed", target=project)
    # A challenge worked on in another round as well is completed with its last project.
    others_at_work = (
        Project.objects.filter(
            challenge_id=project.challenge_id,
            status__in=(Project.Status.OPEN, Project.Status.RUNNING),
        )
        .exclude(pk=project.pk)
        .exists()
    )
    if not others_at_work:
        challenge_follow_project(actor=actor, challenge=project.challenge, event="complete")
    return project


@transaction.atomic
def project_complete(*, actor: User, project: Project) -> Project:
    """Mark a running project completed; its challenge follows (in progress → completed).

    Rules: its supervisors and coordinators (PermissionDenied); the project is running and the
    round has reached the final presentations (DomainError). Closing the round completes the
    projects still running in the same way.
    """
    if not roles_for(actor, project) & {SUPERVISOR, COORDINATOR}:
        raise PermissionDenied(_("Only the project's supervisors and coordinators complete it."))
    project = (
        Project.objects.select_for_update().select_related("round", "challenge").get(pk=project.pk)
    )
    if project.status != Project.Status.RUNNING:
        raise DomainError(
            _("Only a running project can be completed; this one is “%(status)s”.")
            % {"status": project.get_status_display()}
        )
    if not phases.phase_allows(project.round.phase, phases.COMPLETE):
        raise DomainError(_("Projects are completed from the final presentations on."))
    return _complete(actor, project)
