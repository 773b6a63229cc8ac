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
from datetime import date

from django.utils.formats import date_format
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

# A notice is a step that changes no status: it tells someone that it is their turn. The team
# asks its supervisors (the coordinators, for research) to approve a complete draft.
REQUEST_APPROVAL = "request_approval"


@dataclass(frozen=True)
class Notice:
    action: str
    sources: frozenset[str]
    roles: frozenset[str]
    event: str  # the timeline entry it records


NOTICES: dict[str, Notice] = {
    REQUEST_APPROVAL: Notice(
        REQUEST_APPROVAL, frozenset({S.DRAFTED}), frozenset({AUTHOR}), "approval_requested"
    ),
}

# Every step a person can take on a recommendation: the lifecycle's, then the notices.
STEPS: dict[str, Transition | Notice] = {**TRANSITIONS, **NOTICES}

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

NOTICE_LABELS: dict[str, Promise] = {
    REQUEST_APPROVAL: _("Ask for approval"),
}

# Timeline entries that are not steps of the lifecycle.
EVENT_LABELS: dict[str, Promise] = {
    "created": _("Drafted"),
    "approval_requested": _("Approval requested"),
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


def allowed_steps(status: str, roles: set[str] | frozenset[str]) -> list[str]:
    """Steps (of the lifecycle, then notices) a person with these roles may take on a
    recommendation in this status."""
    return [
        action for action, step in STEPS.items() if status in step.sources and step.roles & roles
    ]


def next_actions(status: str) -> list[str]:
    """Every action possible from this status, whoever takes it."""
    return [action for action, t in TRANSITIONS.items() if status in t.sources]


def step_label(action: str) -> str:
    """The label of a step of the lifecycle or of a notice."""
    return str({**ACTION_LABELS, **NOTICE_LABELS}[action])


def labelled(actions: list[str]) -> list[tuple[str, str]]:
    return [(action, step_label(action)) for action in actions]


def event_label(action: str) -> str:
    return str(ACTION_LABELS.get(action) or EVENT_LABELS.get(action) or action)


# --- what happens next ----------------------------------------------------------------------


# Statuses in which the partner owes a first answer (the date is shown while it waits).
def what_happens_next(
    status: str,
    *,
    partner: str,
    approvers: str,
    first_answer_due: date | None = None,
    agenda_body: str = "",
    agenda_date: date | None = None,
    approval_requested: bool = False,
    today: date | None = None,
) -> str:
    """One sentence for everyone who opens the page: whose turn it is and what they do next
    (no queries; `partner` and `approvers` are names, e.g. "Stadtverwaltung Eilenburg",
    "Dr. Miriam Hahn")."""
    values = {"partner": partner, "approvers": approvers}
    if status == S.DRAFTED:
        if approval_requested:
            return _("Waiting for approval by %(approvers)s.") % values
        return (
            _(
                "The authors are writing the draft; when it is complete, they ask "
                "%(approvers)s for approval."
            )
            % values
        )
    if status == S.APPROVED:
        return _("Waiting for the authors to hand it over to %(partner)s.") % values
    if status == S.ON_AGENDA:
        if agenda_date is not None:
            return _("Waiting for the decision of %(body)s at the meeting on %(date)s.") % {
                "body": agenda_body or partner,
                "date": date_format(agenda_date, "DATE_FORMAT"),
            }
        return _("Waiting for the decision of %(body)s.") % {"body": agenda_body or partner}
    sentences = {
        S.HANDED_OVER: _("Waiting for %(partner)s to confirm receipt"),
        S.RECEIVED: _("Waiting for %(partner)s to start the review"),
        S.UNDER_REVIEW: _(
            "Waiting for %(partner)s to decide, or to put it on the agenda of a committee or the "
            "council"
        ),
        S.DEFERRED: _(
            "Deferred: waiting for %(partner)s to resume the review or to put it on an agenda again"
        ),
        S.ADOPTED: _("Waiting for %(partner)s to start the implementation."),
        S.ADOPTED_WITH_CHANGES: _("Waiting for %(partner)s to start the implementation."),
        S.IN_IMPLEMENTATION: _(
            "%(partner)s is implementing it; the implementation below shows how far it has come."
        ),
        S.IMPLEMENTED: _(
            "Implemented. Waiting for the evaluation of what changed (by %(partner)s, the "
            "coordination or the accompanying research)."
        ),
        S.REJECTED: _("Nothing more happens: the recommendation was rejected."),
        S.EVALUATED: _("Nothing more happens: the recommendation is implemented and evaluated."),
    }
    sentence = str(sentences[S(status)]) % values
    if status not in Recommendation.AWAITING_DECISION_STATUSES:  # (on the agenda returned above)
        return sentence
    if first_answer_due is None:
        return f"{sentence}."
    due = {"date": date_format(first_answer_due, "DATE_FORMAT")}
    if today is not None and first_answer_due < today:
        return _("%(sentence)s (the first answer was due on %(date)s).") % {
            "sentence": sentence,
            **due,
        }
    return _("%(sentence)s (first answer due %(date)s).") % {"sentence": sentence, **due}
