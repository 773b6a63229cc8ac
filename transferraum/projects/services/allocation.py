"""Every write of the allocation in a round: start a run, carry it out in the background, move
a student by hand, publish. The engine (transferraum.allocation) stays pure: these services load
the round, call it and store what it answers."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from transferraum.accounts.models import User
from transferraum.allocation import engine
from transferraum.allocation.engine import AllocationError, Violation
from transferraum.allocation.io import check_pins, instance_to_json, result_to_json
from transferraum.allocation.model import Explanation, Instance, InstanceError, Result
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.core.services import activity_record
from transferraum.notifications.services import notifications_enabled
from transferraum.projects import phases
from transferraum.projects.models import (
    AllocationRun,
    Application,
    Assignment,
    Choice,
    Counterfactual,
    Project,
    Round,
)
from transferraum.projects.permissions import can_manage_rounds
from transferraum.projects.selectors.allocation import (
    ACTIVE_RUN,
    COUNTERFACTUAL_ACTIVE,
    Names,
    active_language,
    counterfactual_is_stale,
    counterfactual_run,
    counterfactual_texts,
    current_assignment,
    engine_ids_in,
    error_texts,
    first_choice_of,
    humanise_error,
    key_pk,
    names_for_round,
    project_key,
    render_texts,
    round_instance,
    student_key,
)

# Steps of a run as the board shows them; translated when shown (gettext_noop marks them).
STEP_QUEUED = gettext_noop("Waiting for a free worker")
STEP_PREPARING = gettext_noop("Preparing the input")
STEP_SOLVING = gettext_noop("Solving")
STEP_EXPLAINING = gettext_noop("Writing the explanations")
STEP_SAVING = gettext_noop("Saving the teams")
STEP_DONE = gettext_noop("Finished")
STEP_FAILED = gettext_noop("Failed")
STEP_STALE = AllocationRun.STEP_STOPPED
STEP_RESTARTED = gettext_noop("Waiting to start again after the background worker stopped")

# Errors of a run, stored in every language (see `error_texts`); the engine's own detail stays
# English.
ERROR_STALE = gettext_noop("The background worker stopped before the run finished.")
ERROR_INSTANCE = gettext_noop(
    "The hand moves or the round's settings contradict each other. Details: %(detail)s"
)
ERROR_ENGINE = gettext_noop("No allocation was found within the time limit. Details: %(detail)s")
ERROR_UNEXPECTED = gettext_noop(
    "The run stopped because of an unexpected error. Please try again; if it happens again, "
    "tell the technical support."
)
ERROR_PUBLISHED = gettext_noop(
    "The allocation was published before this run finished, so its result was not saved."
)
ERROR_CHANGED = gettext_noop(
    "The applications changed after the last run; please run the allocation again."
)

logger = logging.getLogger(__name__)


def _require_coordinator(actor: User) -> None:
    if not can_manage_rounds(actor):
        raise PermissionDenied(_("Only coordinators run the allocation."))


def _require_allocation_phase(round: Round) -> None:
    if not phases.phase_allows(round.phase, phases.ALLOCATE):
        raise DomainError(_("This is only possible while the round is in the allocation phase."))
    if round.published_at is not None:
        raise DomainError(_("The allocation of this round is published already."))


def _lock(round: Round) -> Round:
    """Reload under a row lock, so that two clicks cannot both start, move or publish."""
    return Round.objects.select_for_update().get(pk=round.pk)


def _require_no_active_run(round: Round) -> None:
    # A run whose worker was lost does not stay active: the task's heartbeat tells (see
    # `allocation_task_stopped`).
    if AllocationRun.objects.filter(round=round, status__in=ACTIVE_RUN).exists():
        raise DomainError(_("An allocation run of this round is still going on. Please wait."))


# --------------------------------------------------------------------------------------------
# Running the engine


@transaction.atomic
def allocation_start(*, actor: User, round: Round, seed: int = 0) -> AllocationRun:
    """Queue a run of the allocation engine for `round`; a background task carries it out.

    Rules: coordinators only; the round is in the allocation phase and not published; at least
    one student applied; no other run of the round is waiting or running. Hand moves made
    earlier are pins the run keeps. The run gets the round's next number (1 for its first run),
    under the round's lock. Raises PermissionDenied, DomainError.
    """
    from transferraum.projects.tasks.allocation import allocation_run

    _require_coordinator(actor)
    round = _lock(round)
    _require_allocation_phase(round)
    if not Application.objects.filter(round=round).exists():
        raise DomainError(_("No student has applied in this round, so there is nothing to do."))
    _require_no_active_run(round)
    if seed < 0:
        raise DomainError(_("The seed must not be negative."), field="seed")
    last = AllocationRun.objects.filter(round=round).aggregate(last=Max("number"))["last"]
    run = AllocationRun.objects.create(
        round=round,
        number=(last or 0) + 1,
        started_by=actor,
        objective=round.objective,
        seed=seed,
        progress_note=STEP_QUEUED,
    )
    activity_record(
        actor=actor, verb="allocation.started", target=round, data={"run": run.pk, "seed": seed}
    )
    run_id = run.pk
    transaction.on_commit(lambda: allocation_run.enqueue(run_id))
    return run


def _test_pause() -> None:
    """Tests only (`ALLOCATION_TEST_STEP_DELAY_MS`): wait before a step, so that the worker-kill
    test can stop the worker in the middle of a run."""
    if settings.ALLOCATION_TEST_STEP_DELAY_MS:
        time.sleep(settings.ALLOCATION_TEST_STEP_DELAY_MS / 1000)


def _progress(run: AllocationRun, percent: int, step: str) -> None:
    """Saved at once (outside any transaction), so that the board sees it while the run goes on."""
    _test_pause()
    run.progress, run.progress_note = percent, step
    run.save(update_fields=["progress", "progress_note", "updated_at"])


def allocation_execute(*, run_id: int) -> AllocationRun:
    """Carry out a queued run: build the input, solve, explain, save the teams.

    Not one transaction on purpose: each step's progress is committed so that the board can show
    it. The teams are replaced in one transaction at the end. A run that is no longer queued
    (a task delivered twice) is left alone. Errors of the engine (contradicting pins, no answer
    within the time limit) mark the run as failed with a readable message; the teams stay as
    they were.
    """
    with transaction.atomic():
        run = AllocationRun.objects.select_for_update().select_related("round").get(pk=run_id)
        if run.status != AllocationRun.Status.QUEUED:
            return run
        run.status = AllocationRun.Status.RUNNING
        run.progress, run.progress_note = 5, STEP_PREPARING
        run.save(update_fields=["status", "progress", "progress_note", "updated_at"])
    round = run.round
    steps = {"solving": (20, STEP_SOLVING), "explaining": (75, STEP_EXPLAINING)}
    try:
        _test_pause()
        instance = round_instance(round, seed=run.seed)
        run.instance = instance_to_json(instance)
        run.save(update_fields=["instance", "updated_at"])
        check_pins(instance)  # hand moves that contradict each other, named one by one
        result = engine.allocate(instance, progress=lambda step: _progress(run, *steps[step]))
        _progress(run, 90, STEP_SAVING)
        return _save_result(run, instance, result)
    except InstanceError as error:
        return _fail(run, str(error), ERROR_INSTANCE)
    except AllocationError as error:
        return _fail(run, str(error), ERROR_ENGINE)
    except Exception:
        logger.exception("Allocation run %s failed", run.pk)
        return _fail(run, "", ERROR_UNEXPECTED)


def allocation_task_stopped(*, run_id: int, lost: bool, retrying: bool) -> AllocationRun | None:
    """The task carrying out run `run_id` stopped without finishing: its worker was lost
    (`lost`) or it raised past the run's own error handling.

    Rules: a run that is no longer waiting or running is left alone. `retrying`: the run waits
    again from the start (the task runs it again; the teams are saved only at the end, in one
    transaction, so nothing of the lost attempt remains). Otherwise it fails with a message in
    every language, so that the coordinator reads what happened and can start a new run at
    once. Returns the run, or None when it no longer exists.
    """
    with transaction.atomic():
        run = AllocationRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status not in ACTIVE_RUN:
            return run
        if retrying:
            run.status = AllocationRun.Status.QUEUED
            run.progress, run.progress_note = 0, STEP_RESTARTED
            run.save(update_fields=["status", "progress", "progress_note", "updated_at"])
            return run
        message = ERROR_STALE if lost else ERROR_UNEXPECTED
        _failed_save(run, STEP_STALE, _english(message), error_texts(message))
    return run


def _failed_save(run: AllocationRun, note: str, error: str, texts: dict[str, str]) -> None:
    """Save `run` as failed with its step note, the error and its texts in every language,
    and record the failure in the activity log."""
    run.status = AllocationRun.Status.FAILED
    run.progress_note = note
    run.error = error
    run.result = {"error_texts": texts}
    run.finished_at = timezone.now()
    run.save(
        update_fields=["status", "progress_note", "error", "result", "finished_at", "updated_at"]
    )
    activity_record(
        actor=run.started_by,
        verb="allocation.failed",
        target=run.round,
        data={"run": run.pk, "error": run.error},
    )


def _fail(run: AllocationRun, error: str, message: str) -> AllocationRun:
    """Mark `run` as failed with `message` (a gettext_noop msgid) in every language; `error`
    is the engine's detail, with names instead of ids. A run that is no longer running (stopped
    as stale meanwhile) keeps its state."""
    names = names_for_round(run.round)
    students = {
        u.pk: str(u) for u in User.objects.filter(pk__in=engine_ids_in(error)).only("name", "email")
    }
    detail = humanise_error(error, names, students)
    with transaction.atomic():
        current = AllocationRun.objects.select_for_update().get(pk=run.pk)
        if current.status != AllocationRun.Status.RUNNING:
            return current
        _failed_save(
            run,
            STEP_FAILED,
            detail or _english(message),
            error_texts(message, detail=detail),
        )
    return run


def _entry(
    explanation: Explanation, project_id: int, rank: int | None, names: Names
) -> dict[str, Any]:
    """One stored explanation: the project, the rank the student gave it, kind and texts."""
    params = dict(explanation.params)
    kind = explanation.kind
    if kind == "assigned":
        if rank is None:  # moved by hand into a project the student did not rank
            kind, params = "pinned", {"pinned": project_key(project_id)}
        else:
            params["rank"] = rank
    return {
        "project": project_id,
        "rank": rank,
        "kind": kind,
        "texts": render_texts(kind, params, names),
    }


def _explanations(
    items: tuple[Explanation, ...], ranks: Mapping[int, int], names: Names
) -> list[dict[str, Any]]:
    entries = []
    for item in items:
        project_id = key_pk(item.project)
        entries.append(_entry(item, project_id, ranks.get(project_id), names))
    return entries


def _english(message: str) -> str:
    return error_texts(message)["en"]


@transaction.atomic
def _save_result(run: AllocationRun, instance: Instance, result: Result) -> AllocationRun:
    """Store the run's result and replace the round's teams by it; hand moves of students who
    still apply stay, rows of students who withdrew go. Only a run that is still running in a
    round not yet published saves anything: a run stopped as stale leaves everything alone, one
    overtaken by the publication fails."""
    round = _lock(run.round)
    current = AllocationRun.objects.select_for_update().get(pk=run.pk)
    if current.status != AllocationRun.Status.RUNNING:
        return current
    if round.published_at is not None:
        current.status = AllocationRun.Status.FAILED
        current.progress_note = STEP_FAILED
        current.error = _english(ERROR_PUBLISHED)
        current.result = {"error_texts": error_texts(ERROR_PUBLISHED)}
        current.finished_at = timezone.now()
        current.save()
        return current
    data = result_to_json(result)
    run.result = data
    run.seed = int(result.meta.get("seed", run.seed))
    run.status = AllocationRun.Status.DONE
    run.progress, run.progress_note = 100, STEP_DONE
    run.finished_at = timezone.now()
    run.save()
    ranks: dict[int, dict[int, int]] = {}
    for student_id, project_id, rank in Choice.objects.filter(application__round=round).values_list(
        "application__student_id", "project_id", "rank"
    ):
        ranks.setdefault(student_id, {})[project_id] = rank
    names = names_for_round(round)
    applicants = set(Application.objects.filter(round=round).values_list("student_id", flat=True))
    Assignment.objects.filter(round=round).exclude(student_id__in=applicants).delete()
    pinned = {a.student_id: a for a in Assignment.objects.filter(round=round, pinned=True)}
    Assignment.objects.filter(round=round, pinned=False).delete()
    new_rows = []
    for student in instance.students:
        student_id = key_pk(student.id)
        if student_id not in applicants:
            continue  # withdrew while the run went on
        mine = ranks.get(student_id, {})
        key = result.assignment.get(student.id)
        placed_in = key_pk(key) if key is not None else None
        row = pinned.get(student_id)
        if row is not None:
            row.run = run
            row.rank = mine.get(row.project_id) if row.project_id is not None else None
            row.explanation = (
                [] if row.project_id is None else _pinned_explanation(row.project_id, mine, names)
            )
            row.save(update_fields=["run", "rank", "explanation", "updated_at"])
            continue
        new_rows.append(
            Assignment(
                round=round,
                student_id=student_id,
                project_id=placed_in,
                rank=mine.get(placed_in) if placed_in is not None else None,
                run=run,
                explanation=_explanations(result.explanations.get(student.id, ()), mine, names),
            )
        )
    Assignment.objects.bulk_create(new_rows)
    activity_record(
        actor=run.started_by,
        verb="allocation.finished",
        target=round,
        data={
            "run": run.pk,
            "placed": len(result.assignment),
            "students": len(instance.students),
            "profile": list(result.profile),
            "optimal": result.optimal,
            "gap": data["gap"],
            "seed": run.seed,
            "solvers": dict(result.meta.get("solvers", {})),
        },
    )
    return run


def _pinned_explanation(
    project_id: int, ranks: Mapping[int, int], names: Names
) -> list[dict[str, Any]]:
    """A student moved by hand: every project they ranked higher was left out because the
    coordination placed them; then the place itself."""
    own = ranks.get(project_id)
    pinned: dict[str, Any] = {"pinned": project_key(project_id)}
    entries = [
        {
            "project": other,
            "rank": rank,
            "kind": "pinned",
            "texts": render_texts("pinned", pinned, names),
        }
        for other, rank in sorted(ranks.items(), key=lambda item: item[1])
        if own is None or rank < own
    ]
    kind, params = ("pinned", dict(pinned)) if own is None else ("assigned", {"rank": own})
    entries.append(
        {
            "project": project_id,
            "rank": own,
            "kind": kind,
            "texts": render_texts(kind, params, names),
        }
    )
    return entries


# --------------------------------------------------------------------------------------------
# Moving a student by hand


@dataclass(frozen=True)
class MoveProblem:
    """A rule a hand move breaks; a `blocking` one (an overfilled team) refuses the move."""

    kind: str
    message: str
    blocking: bool


def _problem(violation: Violation, names: Names, student: User) -> MoveProblem:
    language = active_language()
    project = names.title(violation.project) if violation.project else ""
    values = {
        "project": project,
        "student": str(student),
        "count": violation.count,
        "limit": violation.limit,
        "supervisor": names.person(violation.supervisor),
        "competence": names.competence(violation.competence, language),
    }
    texts = {
        "max_size": _("“%(project)s” would have %(count)s members, but takes at most %(limit)s."),
        "min_size": _(
            "“%(project)s” would have only %(count)s members; it needs at least %(limit)s."
        ),
        "competence": _(
            "Nobody in “%(project)s” would have the required competence %(competence)s."
        ),
        "capacity": _(
            "%(supervisor)s would supervise %(count)s students; their capacity in this round is "
            "%(limit)s."
        ),
        "not_ranked": _("%(student)s did not rank “%(project)s”."),
        "excluded": _("%(student)s is excluded from “%(project)s”."),
        "pin": _("%(student)s is fixed to “%(project)s” by a hand move."),
        "unknown": _("“%(project)s” is not open in this round."),
    }
    return MoveProblem(
        kind=violation.kind,
        message=texts.get(violation.kind, violation.text) % values,
        blocking=violation.kind == "max_size",
    )


def _check_move_target(round: Round, student: User, project: Project | None) -> None:
    if not Application.objects.filter(round=round, student=student).exists():
        raise DomainError(_("%(student)s has not applied in this round.") % {"student": student})
    if project is not None and (
        project.round_id != round.pk or project.status != Project.Status.OPEN
    ):
        raise DomainError(
            _("“%(project)s” is not an open project of this round.") % {"project": project},
            field="project",
        )


def _check_changes(round: Round, moves: Mapping[int, Project | None]) -> list[MoveProblem]:
    """Every rule that putting each student (user pk) of `moves` into their project (None: out
    of every team) at once would break and that is not broken already."""
    instance = round_instance(round, free_students=set(moves))
    before_assignment = current_assignment(round)
    after_assignment = dict(before_assignment)
    for student_pk, project in moves.items():
        after_assignment.pop(student_key(student_pk), None)
        if project is not None:
            after_assignment[student_key(student_pk)] = project_key(project.pk)
    before = set(engine.violation_list(instance, before_assignment))
    names = names_for_round(round)
    people = {student_key(user.pk): user for user in User.objects.filter(pk__in=list(moves))}
    return [
        _problem(v, names, people.get(v.student or "") or next(iter(people.values())))
        for v in engine.violation_list(instance, after_assignment)
        if v not in before
    ]


def allocation_move_check(
    *, round: Round, student: User, project: Project | None
) -> list[MoveProblem]:
    """Every rule that moving `student` into `project` (None: out of every team) would break and
    that is not broken already: an overfilled team (refused outright), a team below its minimum,
    a supervisor over capacity, a required competence missing, a project the student did not
    rank, an exclusion. Raises DomainError for a student without application or a project that
    is not open in the round."""
    _check_move_target(round, student, project)
    return _check_changes(round, {student.pk: project})


def _pin(
    round: Round, student: User, current: Assignment | None, project: Project | None
) -> Assignment:
    """Save `student`'s place in `project` as a hand move (pinned), with its rank and the
    explanation a pinned place gets."""
    ranks = dict(
        Choice.objects.filter(application__round=round, application__student=student).values_list(
            "project_id", "rank"
        )
    )
    assignment = current or Assignment(round=round, student=student)
    assignment.project = project
    assignment.rank = ranks.get(project.pk) if project is not None else None
    assignment.pinned = True
    assignment.explanation = (
        _pinned_explanation(project.pk, ranks, names_for_round(round)) if project else []
    )
    assignment.save()
    return assignment


def _require_confirmed(problems: list[MoveProblem], confirm: bool, message: str) -> None:
    blocking = [p for p in problems if p.blocking]
    if blocking:
        raise DomainError(blocking[0].message, field="project")
    if problems and not confirm:
        raise DomainError(message, field="confirm")


@transaction.atomic
def allocation_move(
    *, actor: User, round: Round, student: User, project: Project | None, confirm: bool
) -> Assignment:
    """Move `student` into `project`'s team (None: out of every team) by hand.

    The move is pinned: later runs keep it. Rules: coordinators only; allocation phase, not
    published, no run going on; the student applied; the project is open in the round; a move
    that overfills a team is refused; any other broken rule (see `allocation_move_check`) needs
    `confirm`. Raises PermissionDenied, DomainError; nothing changes on error.
    """
    _require_coordinator(actor)
    round = _lock(round)
    _require_allocation_phase(round)
    _require_no_active_run(round)
    current = Assignment.objects.filter(round=round, student=student).first()
    current_project = current.project_id if current is not None else None
    target = project.pk if project is not None else None
    if current is not None and current_project == target and current.pinned:
        raise DomainError(_("%(student)s is already there.") % {"student": student})
    problems = allocation_move_check(round=round, student=student, project=project)
    _require_confirmed(
        problems,
        confirm,
        _("This move breaks the rules listed. Please confirm that you want it anyway."),
    )
    assignment = _pin(round, student, current, project)
    activity_record(
        actor=actor,
        verb="allocation.moved",
        target=round,
        data={
            "student": student.pk,
            "from": current_project,
            "to": target,
            "broken": [p.kind for p in problems],
        },
    )
    return assignment


def _swap_places(round: Round, student: User, other: User) -> tuple[Assignment | None, Assignment]:
    """The current places of the two students of a swap; `other` must be in a team, and not in
    `student`'s. Raises DomainError."""
    _check_move_target(round, student, None)
    _check_move_target(round, other, None)
    if student.pk == other.pk:
        raise DomainError(_("Choose two different students to swap."), field="other")
    places = {
        a.student_id: a
        for a in Assignment.objects.filter(
            round=round, student__in=[student, other]
        ).select_related("project")
    }
    mine, theirs = places.get(student.pk), places.get(other.pk)
    if theirs is None or theirs.project is None:
        raise DomainError(
            _("%(student)s has no team to swap with.") % {"student": other}, field="other"
        )
    if mine is not None and mine.project_id == theirs.project_id:
        raise DomainError(
            _("%(student)s and %(other)s are in the same team already.")
            % {"student": student, "other": other},
            field="other",
        )
    return mine, theirs


def allocation_swap_check(*, round: Round, student: User, other: User) -> list[MoveProblem]:
    """Every rule that swapping the places of `student` and `other` would break and that is not
    broken already (the rules of `allocation_move_check`; a swap keeps every team's size unless
    `student` had no team, then `other` ends without one). Raises DomainError when `other` has
    no team, both are in the same team, or either did not apply."""
    mine, theirs = _swap_places(round, student, other)
    return _check_changes(
        round, {student.pk: theirs.project, other.pk: mine.project if mine else None}
    )


@transaction.atomic
def allocation_swap(
    *, actor: User, round: Round, student: User, other: User, confirm: bool
) -> tuple[Assignment, Assignment]:
    """Swap the places of `student` and `other` in one step: `student` takes `other`'s place in
    their team and `other` takes `student`'s (or ends without a team if `student` had none), so
    that a student can go into a full team.

    Both places are pinned. Rules: those of `allocation_move`, checked for both students at once
    (see `allocation_swap_check`); any broken rule needs `confirm`. Raises PermissionDenied,
    DomainError; nothing changes on error.
    """
    _require_coordinator(actor)
    round = _lock(round)
    _require_allocation_phase(round)
    _require_no_active_run(round)
    problems = allocation_swap_check(round=round, student=student, other=other)
    _require_confirmed(
        problems,
        confirm,
        _("This swap breaks the rules listed. Please confirm that you want it anyway."),
    )
    mine, theirs = _swap_places(round, student, other)
    my_project, their_project = (mine.project if mine else None), theirs.project
    placed = _pin(round, student, mine, their_project)
    swapped = _pin(round, other, theirs, my_project)
    activity_record(
        actor=actor,
        verb="allocation.swapped",
        target=round,
        data={
            "student": student.pk,
            "other": other.pk,
            "from": my_project.pk if my_project else None,
            "to": their_project.pk if their_project else None,
            "broken": [p.kind for p in problems],
        },
    )
    return placed, swapped


# --------------------------------------------------------------------------------------------
# Publishing


def _changed_after(round: Round, moment: dt.datetime) -> bool:
    """Whether an application of `round` was submitted, changed or withdrawn, or applications
    were reopened, after `moment` (the start of the newest run)."""
    if Application.objects.filter(round=round, updated_at__gt=moment).exists():
        return True
    return (
        Activity.objects.for_object(round)
        .filter(verb__in=("application.withdrawn", "round.reopened"), created_at__gt=moment)
        .exists()
    )


@transaction.atomic
def allocation_publish(*, actor: User, round: Round) -> Round:
    """Publish the round's teams: students, supervisors and partners see them.

    Projects with members start, projects without members close; every placed and unplaced
    student, every supervisor and partner contact hears of it by e-mail. Their challenges move
    on to "in progress" (and followers hear that the work has begun) only when the round
    enters the work phase (`round_advance`). Rules: coordinators only; allocation phase; not
    published yet; the newest run finished. Raises PermissionDenied, DomainError.
    """
    _require_coordinator(actor)
    round = _lock(round)
    _require_allocation_phase(round)
    latest = AllocationRun.objects.filter(round=round).order_by("-created_at", "-pk").first()
    if latest is None or latest.status != AllocationRun.Status.DONE:
        raise DomainError(_("Please wait for a finished allocation run before publishing."))
    if _changed_after(round, latest.created_at):
        raise DomainError(_(ERROR_CHANGED))
    round.published_at = timezone.now()
    round.save(update_fields=["published_at", "updated_at"])
    staffed = set(
        Assignment.objects.filter(round=round, project__isnull=False).values_list(
            "project_id", flat=True
        )
    )
    started, closed = [], []
    for project in Project.objects.filter(round=round, status=Project.Status.OPEN):
        if project.pk in staffed:
            project.status = Project.Status.RUNNING
            started.append(project.pk)
            project.save(update_fields=["status", "updated_at"])
        else:
            project.status = Project.Status.CLOSED
            closed.append(project.pk)
            project.save(update_fields=["status", "updated_at"])
    activity_record(
        actor=actor,
        verb="allocation.published",
        target=round,
        data={"run": latest.pk, "running": started, "closed": closed},
    )
    if notifications_enabled():
        from transferraum.projects.tasks.allocation import allocation_notify

        round_id = round.pk
        transaction.on_commit(lambda: allocation_notify.enqueue(round_id))
    return round


# --------------------------------------------------------------------------------------------
# A student's question: what if I had got my first choice?


@transaction.atomic
def counterfactual_request(*, actor: User, round: Round) -> Counterfactual:
    """Ask the engine, in the background, what giving `actor` their first choice would have
    cost the others; a task carries it out (`counterfactual_execute`).

    It is computed once per run and student: asking again returns the question already asked
    (waiting, being computed or answered); a failed one, or one whose worker was lost, is asked
    again. Rules: the round's allocation is published; `actor` applied, has a place, did not get
    their first choice and the round has a finished run. Raises DomainError.
    """
    from transferraum.projects.tasks.allocation import allocation_counterfactual

    if round.published_at is None:
        raise DomainError(_("The allocation of this round is not published yet."))
    # Locked, so that two clicks at once ask once.
    assignment = Assignment.objects.select_for_update().filter(round=round, student=actor).first()
    first = first_choice_of(round, actor)
    if assignment is None or assignment.project_id is None or first is None:
        raise DomainError(_("This question is only asked for a place in a team."))
    if assignment.project_id == first.pk:
        raise DomainError(_("You got your first choice, so there is nothing to compare."))
    run = counterfactual_run(round, actor)
    if run is None:
        raise DomainError(_("The engine cannot answer this question for this round."))
    question, created = Counterfactual.objects.get_or_create(
        run=run, student=actor, defaults={"project": first}
    )
    if not created:
        if question.status == Counterfactual.Status.DONE or (
            question.status in COUNTERFACTUAL_ACTIVE and not counterfactual_is_stale(question)
        ):
            return question
        question.project = first
        question.status = Counterfactual.Status.QUEUED
        question.texts, question.failure, question.finished_at = {}, "", None
        question.save()
    activity_record(
        actor=actor,
        verb="allocation.counterfactual_asked",
        target=round,
        data={"run": run.pk, "question": question.pk},
    )
    question_id = question.pk
    transaction.on_commit(lambda: allocation_counterfactual.enqueue(question_id))
    return question


def counterfactual_execute(*, counterfactual_id: int) -> Counterfactual:
    """Answer a waiting first-choice question: the engine solves the round again with the
    student in their first choice (within the run's time limit) and the answer is stored in
    every language. A question that is not waiting (a task delivered twice) is left alone. An
    unusable run or no answer in time marks it failed, with the reason for a kind message."""
    with transaction.atomic():
        question = (
            Counterfactual.objects.select_for_update()
            .select_related("run__round")
            .get(pk=counterfactual_id)
        )
        if question.status != Counterfactual.Status.QUEUED:
            return question
        question.status = Counterfactual.Status.RUNNING
        question.save(update_fields=["status", "updated_at"])
    try:
        texts = counterfactual_texts(question.run, question.student_id, question.project_id)
    except InstanceError:
        return _counterfactual_failed(question, Counterfactual.Failure.NO_ANSWER)
    except AllocationError:
        return _counterfactual_failed(question, Counterfactual.Failure.TIME)
    except Exception:
        # Anything else would leave the student waiting for ever: fail kindly, keep the trace.
        logger.exception("First-choice question %s failed", question.pk)
        return _counterfactual_failed(question, Counterfactual.Failure.UNEXPECTED)
    question.status = Counterfactual.Status.DONE
    question.texts = texts
    question.finished_at = timezone.now()
    question.save(update_fields=["status", "texts", "finished_at", "updated_at"])
    return question


def counterfactual_task_stopped(*, counterfactual_id: int, retrying: bool) -> Counterfactual | None:
    """The task answering question `counterfactual_id` stopped without finishing (its worker was
    lost, or it raised). Rules: a question no longer waiting or being computed is left alone;
    `retrying`: it waits again and the task computes it anew; otherwise it fails as unexpected,
    and the student may ask again. Returns the question, or None when it no longer exists."""
    with transaction.atomic():
        question = Counterfactual.objects.select_for_update().filter(pk=counterfactual_id).first()
        if question is None or question.status not in COUNTERFACTUAL_ACTIVE:
            return question
        if retrying:
            question.status = Counterfactual.Status.QUEUED
            question.save(update_fields=["status", "updated_at"])
            return question
        return _counterfactual_failed(question, Counterfactual.Failure.UNEXPECTED)


def _counterfactual_failed(question: Counterfactual, failure: str) -> Counterfactual:
    question.status = Counterfactual.Status.FAILED
    question.failure = failure
    question.finished_at = timezone.now()
    question.save(update_fields=["status", "failure", "finished_at", "updated_at"])
    return question
