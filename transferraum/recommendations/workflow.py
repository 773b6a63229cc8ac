"""The lifecycle of a recommendation as data: which action leads from which status to which, and
who may take it. Services consult it; tests walk it as a table.

Roles a person holds for one recommendation (computed in `permissions.roles_for`):

- author: writes it and hands it over. A team-written recommendation: the members of the
  project's team. A research-written one: the researcher who wrote it.
- approver: lets it go to the partner. Team-written: the project's supervisors. Research-written:
  the coordinators, so that nothing reaches a town without a second person's check (a
  researcher does not approve their own text).
- partner: the addressee's side. Members of the organisation addressed, members of the
  organisation that posed the project's challenge (the town), the project's partner contacts and
  the responsible person. A person of another town holds no role.
- coordinator: the programme's coordinators. They may take every partner step on the partner's
  behalf (many towns send a letter rather than log in); the event records `on_behalf`.
- researcher: every researcher of the programme; may record the evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.recommendations.models import Recommendation

S = Recommendation.Status
AUTHOR = "author"
APPROVER = "approver"
PARTNER = "partner"
COORDINATOR = "coordinator"
RESEARCHER = "researcher"
ROLES = (AUTHOR, APPROVER, PARTNER, COORDINATOR, RESEARCHER)

PARTNER_SIDE = frozenset({PARTNER, COORDINATOR})
DECIDABLE = frozenset({S.UNDER_REVIEW, S.ON_AGENDA})


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("approve", frozenset({S.DRAFTED}), S.APPROVED, frozenset({APPROVER})),
        Transition("reopen", frozenset({S.APPROVED}), S.DRAFTED, frozenset({AUTHOR, APPROVER})),
        Transition("hand_over", frozenset({S.APPROVED}), S.HANDED_OVER, frozenset({AUTHOR})),
        Transition("confirm_receipt", frozenset({S.HANDED_OVER}), S.RECEIVED, PARTNER_SIDE),
        Transition("start_review", frozenset({S.RECEIVED}), S.UNDER_REVIEW, PARTNER_SIDE),
        Transition(
            "put_on_agenda", frozenset({S.UNDER_REVIEW, S.DEFERRED}), S.ON_AGENDA, PARTNER_SIDE
        ),
        Transition("adopt", DECIDABLE, S.ADOPTED, PARTNER_SIDE),
        Transition("adopt_with_changes", DECIDABLE, S.ADOPTED_WITH_CHANGES, PARTNER_SIDE),
        Transition("reject", DECIDABLE, S.REJECTED, PARTNER_SIDE),
        Transition("defer", DECIDABLE, S.DEFERRED, PARTNER_SIDE),
        Transition("resume_review", frozenset({S.DEFERRED}), S.UNDER_REVIEW, PARTNER_SIDE),
        Transition(
            "start_implementation",
            frozenset({S.ADOPTED, S.ADOPTED_WITH_CHANGES}),
            S.IN_IMPLEMENTATION,
            PARTNER_SIDE,
        ),
        Transition(
            "mark_implemented", frozenset({S.IN_IMPLEMENTATION}), S.IMPLEMENTED, PARTNER_SIDE
        ),
        Transition(
            "evaluate",
            frozenset({S.IMPLEMENTED}),
            S.EVALUATED,
            frozenset({PARTNER, COORDINATOR, RESEARCHER}),
        ),
    )
}

# The first decision ends the wait that the research figures measure.
DECISION_ACTIONS = ("adopt", "adopt_with_changes", "reject")

ACTION_LABELS: dict[str, Promise] = {
    "approve": _("Approve"),
    "reopen": _("Reopen for changes"),
    "hand_over": _("Hand over to the partner"),
    "confirm_receipt": _("Confirm receipt"),
    "start_review": _("Start the review"),
    "put_on_agenda": _("Put on an agenda"),
    "adopt": _("Record the decision: adopted"),
    "adopt_with_changes": _("Record the decision: adopted with changes"),
    "reject": _("Record the decision: rejected"),
    "defer": _("Record the decision: deferred"),
    "resume_review": _("Resume the review"),
    "start_implementation": _("Start the implementation"),
    "mark_implemented": _("Mark as implemented"),
    "evaluate": _("Record the evaluation"),
}

# Timeline entries that are not steps of the lifecycle.
EVENT_LABELS: dict[str, Promise] = {
    "created": _("Drafted"),
    "updated": _("Changed"),
    "evidence_changed": _("Evidence changed"),
    "milestone_added": _("Milestone added"),
    "milestone_updated": _("Milestone updated"),
    "progress_set": _("Progress updated"),
}


def allowed_actions(status: str, roles: set[str] | frozenset[str]) -> list[str]:
    """Actions a person with these roles may take on a recommendation in this status."""
    return [
        action
        for action, transition in TRANSITIONS.items()
        if status in transition.sources and transition.roles & roles
    ]


def next_actions(status: str) -> list[str]:
    """Every action possible from this status, whoever takes it."""
    return [action for action, t in TRANSITIONS.items() if status in t.sources]


def labelled(actions: list[str]) -> list[tuple[str, str]]:
    return [(action, str(ACTION_LABELS[action])) for action in actions]


def event_label(action: str) -> str:
    return str(ACTION_LABELS.get(action) or EVENT_LABELS.get(action) or action)
