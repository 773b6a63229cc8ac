"""The lifecycles of trial living as data (`core.workflow`): a town's call and a person's
application. Services take the steps; tests walk them as tables."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.core.workflow import Lifecycle, Step
from transferraum.talent.models import TrialApplication, TrialCall

C = TrialCall.Status
A = TrialApplication.Status
TOWN = "town"  # a member of the call's town administration
COORDINATOR = "coordinator"
APPLICANT = "applicant"  # the person who applied


def _step(name: str, sources: set[str], target: str, roles: set[str], label: Promise) -> Step:
    return Step(name, frozenset(sources), target, frozenset(roles), label)


CALL_LIFECYCLE = Lifecycle(
    "trial_call",
    (
        _step("publish", {C.DRAFT}, C.PUBLISHED, {TOWN, COORDINATOR}, _("Publish the call")),
        _step("close", {C.PUBLISHED}, C.CLOSED, {TOWN, COORDINATOR}, _("Close the call")),
    ),
)

APPLICATION_LIFECYCLE = Lifecycle(
    "trial_application",
    (
        _step("accept", {A.SUBMITTED, A.WAITLISTED}, A.ACCEPTED, {TOWN}, _("Accept")),
        _step("waitlist", {A.SUBMITTED}, A.WAITLISTED, {TOWN}, _("Put on the waiting list")),
        _step("decline", {A.SUBMITTED, A.WAITLISTED}, A.DECLINED, {TOWN}, _("Decline")),
        _step(
            "withdraw",
            {A.SUBMITTED, A.WAITLISTED, A.ACCEPTED},
            A.WITHDRAWN,
            {APPLICANT},
            _("Withdraw my application"),
        ),
    ),
)
