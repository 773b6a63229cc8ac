"""The lifecycle of a recommendation as data (`core.workflow`): which step leads from which status
to which, who may take it and what it needs. Services take the steps; tests walk it as a table.

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

from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.core.workflow import Lifecycle, Step
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
REQUEST_APPROVAL = "request_approval"


def _step(
    name: str,
    sources: set[str] | frozenset[str],
    target: str | None,
    roles: set[str] | frozenset[str],
    label: Promise,
    needs: tuple[str, ...] = (),
    event: str = "",
) -> Step:
    return Step(name, frozenset(sources), target, frozenset(roles), label, needs, event)


# Every step a person can take on a recommendation, in the order the page offers them: the
# lifecycle's, then the notices. A notice changes no status: it tells someone that it is their
# turn (the team asks its supervisors, the coordinators for research, to approve a complete
# draft). `needs`: what the step's service takes besides the note.
LIFECYCLE = Lifecycle(
    "recommendation",
    (
        _step("approve", {S.DRAFTED}, S.APPROVED, {APPROVER}, _("Approve")),
        _step("reopen", {S.APPROVED}, S.DRAFTED, {AUTHOR, APPROVER}, _("Reopen for changes")),
        _step(
            "hand_over",
            {S.APPROVED},
            S.HANDED_OVER,
            {AUTHOR},
            _("Hand over to the partner"),
            ("first_answer_due",),
        ),
        _step(
            "confirm_receipt",
            {S.HANDED_OVER},
            S.RECEIVED,
            PARTNER_SIDE,
            _("Confirm receipt"),
            ("responsible_person", "first_answer_due"),
        ),
        _step("start_review", {S.RECEIVED}, S.UNDER_REVIEW, PARTNER_SIDE, _("Start the review")),
        _step(
            "put_on_agenda",
            {S.UNDER_REVIEW, S.DEFERRED},
            S.ON_AGENDA,
            PARTNER_SIDE,
            _("Put on an agenda"),
            ("agenda_body", "agenda_date", "agenda_item", "council_url"),
        ),
        _step(
            "adopt",
            DECIDABLE,
            S.ADOPTED,
            PARTNER_SIDE,
            _("Record the decision: adopted"),
            ("decided_on",),
        ),
        _step(
            "adopt_with_changes",
            DECIDABLE,
            S.ADOPTED_WITH_CHANGES,
            PARTNER_SIDE,
            _("Record the decision: adopted with changes"),
            ("decided_on",),
        ),
        _step(
            "reject",
            DECIDABLE,
            S.REJECTED,
            PARTNER_SIDE,
            _("Record the decision: rejected"),
            ("decided_on",),
        ),
        _step("defer", DECIDABLE, S.DEFERRED, PARTNER_SIDE, _("Record the decision: deferred")),
        _step("resume_review", {S.DEFERRED}, S.UNDER_REVIEW, PARTNER_SIDE, _("Resume the review")),
        _step(
            "start_implementation",
            {S.ADOPTED, S.ADOPTED_WITH_CHANGES},
            S.IN_IMPLEMENTATION,
            PARTNER_SIDE,
            _("Start the implementation"),
        ),
        _step(
            "mark_implemented",
            {S.IN_IMPLEMENTATION},
            S.IMPLEMENTED,
            PARTNER_SIDE,
            _("Mark as implemented"),
        ),
        _step(
            "evaluate",
            {S.IMPLEMENTED},
            S.EVALUATED,
            {PARTNER, COORDINATOR, RESEARCHER},
            _("Record the evaluation"),
            ("evaluation", "indicator", "indicator_value"),
        ),
        _step(
            REQUEST_APPROVAL,
            {S.DRAFTED},
            None,
            {AUTHOR},
            _("Ask for approval"),
            event="approval_requested",
        ),
    ),
)

# The first decision ends the wait that the research figures measure.
DECISION_ACTIONS = ("adopt", "adopt_with_changes", "reject")

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


def event_label(action: str) -> str:
    transitions = LIFECYCLE.transitions
    if action in transitions:
        return str(transitions[action].label)
    return str(EVENT_LABELS.get(action) or action)


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
