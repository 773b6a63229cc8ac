"""The lifecycle of a challenge as data: which action leads from which status to which, and who
may take it. Services consult it; tests walk it as a table."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from transferraum.challenges.models import Challenge

S = Challenge.Status
SUBMITTER = "submitter"  # a member of the challenge's organisation
COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "submit", frozenset({S.DRAFT, S.CHANGES_REQUESTED}), S.SUBMITTED, frozenset({SUBMITTER})
        ),
        Transition("start_review", frozenset({S.SUBMITTED}), S.IN_REVIEW, frozenset({COORDINATOR})),
        Transition(
            "request_changes",
            frozenset({S.SUBMITTED, S.IN_REVIEW}),
            S.CHANGES_REQUESTED,
            frozenset({COORDINATOR}),
        ),
        Transition(
            "accept", frozenset({S.SUBMITTED, S.IN_REVIEW}), S.ACCEPTED, frozenset({COORDINATOR})
        ),
        Transition("publish", frozenset({S.ACCEPTED}), S.PUBLISHED, frozenset({COORDINATOR})),
        Transition("start", frozenset({S.PUBLISHED}), S.IN_PROGRESS, frozenset({COORDINATOR})),
        Transition("complete", frozenset({S.IN_PROGRESS}), S.COMPLETED, frozenset({COORDINATOR})),
        Transition(
            "reject",
            frozenset({S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED}),
            S.REJECTED,
            frozenset({COORDINATOR}),
        ),
        Transition(
            "withdraw",
            frozenset(
                {S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.ACCEPTED, S.PUBLISHED}
            ),
            S.WITHDRAWN,
            frozenset({SUBMITTER, COORDINATOR}),
        ),
    )
}


def allowed_actions(status: str, roles: set[str]) -> list[str]:
    """Actions a person with these roles may take on a challenge in this status."""
    return [
        action
        for action, transition in TRANSITIONS.items()
        if status in transition.sources and transition.roles & roles
    ]


ACTION_LABELS = {
    "submit": _("Submit to the coordinators"),
    "start_review": _("Start the review"),
    "request_changes": _("Ask for changes"),
    "accept": _("Accept"),
    "publish": _("Publish"),
    "start": _("Mark as in progress"),
    "complete": _("Mark as completed"),
    "reject": _("Reject"),
    "withdraw": _("Withdraw"),
}


def labelled(actions: list[str]) -> list[tuple[str, str]]:
    return [(action, str(ACTION_LABELS[action])) for action in actions]
