"""The phases of a round as data: the steps between them as a `core.workflow` lifecycle (who takes
them, their labels), and which actions each phase allows. Services consult it; tests walk it as
a table."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.core.workflow import Lifecycle, Step
from transferraum.projects.models import Round

P = Round.Phase

COORDINATOR = "coordinator"


def _step(name: str, source: str, target: str, label: Promise, event: str) -> Step:
    return Step(name, frozenset({source}), target, frozenset({COORDINATOR}), label, event=event)


# The coordinator advances a round one phase at a time (`services.rounds.round_advance`); the only
# step back reopens applications while the allocation is not published (`round_reopen`). Every
# step forward is logged as `round.advanced` and the step back as `round.reopened` (the
# allocation reads the latter to tell which hand moves are stale).
ADVANCED = "advanced"
REOPENED = "reopened"
ADVANCE_STEPS = (
    _step("open_applications", P.PREPARATION, P.APPLICATIONS, _("Open applications"), ADVANCED),
    _step(
        "start_allocation",
        P.APPLICATIONS,
        P.ALLOCATION,
        _("Close applications and start the allocation"),
        ADVANCED,
    ),
    _step("start_work", P.ALLOCATION, P.WORK, _("Start the work phase"), ADVANCED),
    _step(
        "start_presentations", P.WORK, P.PRESENTATION, _("Start the final presentations"), ADVANCED
    ),
    _step("close", P.PRESENTATION, P.CLOSED, _("Close the round"), ADVANCED),
)
REOPEN_APPLICATIONS = _step(
    "reopen_applications", P.ALLOCATION, P.APPLICATIONS, _("Reopen applications"), REOPENED
)
LIFECYCLE = Lifecycle("round", (*ADVANCE_STEPS, REOPEN_APPLICATIONS))

# phase → the step that advances it
ADVANCE_FROM: dict[str, Step] = {source: step for step in ADVANCE_STEPS for source in step.sources}
# phase → the phase the coordinator may advance it to
NEXT_PHASE: dict[str, str] = {
    source: str(step.target) for step in ADVANCE_STEPS for source in step.sources
}
# The only step back: applications reopen while the allocation is not published yet.
PREVIOUS_PHASE: dict[str, str] = {
    source: str(REOPEN_APPLICATIONS.target) for source in REOPEN_APPLICATIONS.sources
}
# target phase → the label of the step that leads there
ADVANCE_LABELS: dict[str, str | Promise] = {str(step.target): step.label for step in ADVANCE_STEPS}

# action → the phases in which it is possible
EDIT_PROJECTS = "edit_projects"
APPLY = "apply"
ALLOCATE = "allocate"  # run the engine, move students by hand, publish
WORKSPACE = "workspace"  # milestones, meetings, documents, discussion
FEEDBACK_MIDTERM = "feedback_midterm"
FEEDBACK_FINAL = "feedback_final"
DELIVER = "deliver"  # final deliverables and the public summary
COMPLETE = "complete"  # mark a project completed

PHASE_ACTIONS: dict[str, frozenset[str]] = {
    EDIT_PROJECTS: frozenset({P.PREPARATION, P.APPLICATIONS}),
    APPLY: frozenset({P.APPLICATIONS}),
    ALLOCATE: frozenset({P.ALLOCATION}),
    WORKSPACE: frozenset({P.WORK, P.PRESENTATION}),
    FEEDBACK_MIDTERM: frozenset({P.WORK, P.PRESENTATION}),
    FEEDBACK_FINAL: frozenset({P.PRESENTATION, P.CLOSED}),
    DELIVER: frozenset({P.WORK, P.PRESENTATION}),
    COMPLETE: frozenset({P.PRESENTATION, P.CLOSED}),
}


def phase_allows(phase: str, action: str) -> bool:
    return phase in PHASE_ACTIONS[action]
