"""The lifecycle of a challenge as data (`core.workflow`): which step leads from which status to
which, who may take it and what it needs. Services take the steps; tests walk it as a table."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.challenges.models import Challenge
from transferraum.core.workflow import Lifecycle, Step

S = Challenge.Status
SUBMITTER = "submitter"  # a member of the challenge's organisation
COORDINATOR = "coordinator"


def _step(
    name: str,
    sources: set[str],
    target: str,
    roles: set[str],
    label: Promise,
    needs: tuple[str, ...] = (),
) -> Step:
    return Step(name, frozenset(sources), target, frozenset(roles), label, needs)


# `needs`: what the step's service takes besides the actor (asking for changes and rejecting
# need a note the submitter reads).
LIFECYCLE = Lifecycle(
    "challenge",
    (
        _step(
            "submit",
            {S.DRAFT, S.CHANGES_REQUESTED},
            S.SUBMITTED,
            {SUBMITTER},
            _("Submit to the coordinators"),
        ),
        _step("start_review", {S.SUBMITTED}, S.IN_REVIEW, {COORDINATOR}, _("Start the review")),
        _step(
            "request_changes",
            {S.SUBMITTED, S.IN_REVIEW},
            S.CHANGES_REQUESTED,
            {COORDINATOR},
            _("Ask for changes"),
            ("note",),
        ),
        _step("accept", {S.SUBMITTED, S.IN_REVIEW}, S.ACCEPTED, {COORDINATOR}, _("Accept")),
        _step("publish", {S.ACCEPTED}, S.PUBLISHED, {COORDINATOR}, _("Publish")),
        _step("start", {S.PUBLISHED}, S.IN_PROGRESS, {COORDINATOR}, _("Mark as in progress")),
        _step("complete", {S.IN_PROGRESS}, S.COMPLETED, {COORDINATOR}, _("Mark as completed")),
        _step(
            "reject",
            {S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED},
            S.REJECTED,
            {COORDINATOR},
            _("Reject"),
            ("note",),
        ),
        _step(
            "withdraw",
            {S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.ACCEPTED, S.PUBLISHED},
            S.WITHDRAWN,
            {SUBMITTER, COORDINATOR},
            _("Withdraw"),
        ),
    ),
)
