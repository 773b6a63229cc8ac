"""The phases of a round as data: the order, what each step needs, and which actions each phase
allows. Services consult it; tests walk it as a table."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from transferraum.projects.models import Round

P = Round.Phase

# phase → the phase the coordinator may advance it to
NEXT_PHASE: dict[str, str] = {
    P.PREPARATION: P.APPLICATIONS,
    P.APPLICATIONS: P.ALLOCATION,
    P.ALLOCATION: P.WORK,
    P.WORK: P.PRESENTATION,
    P.PRESENTATION: P.CLOSED,
}

# The only step back: applications reopen while the allocation is not published yet.
PREVIOUS_PHASE: dict[str, str] = {P.ALLOCATION: P.APPLICATIONS}

ADVANCE_LABELS = {
    P.APPLICATIONS: _("Open applications"),
    P.ALLOCATION: _("Close applications and start the allocation"),
    P.WORK: _("Start the work phase"),
    P.PRESENTATION: _("Start the final presentations"),
    P.CLOSED: _("Close the round"),
}

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
