"""The lifecycles of an opportunity and of an application as data (`core.workflow`). Services
take the steps; tests walk them as tables (state × step × role)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.core.workflow import Lifecycle, Step
from transferraum.opportunities.models import Application, Opportunity

S = Opportunity.Status
A = Application.Status
POSTER = "poster"  # a member of the opportunity's organisation
COORDINATOR = "coordinator"
SYSTEM = "system"  # the daily run (expiry); no person holds it
APPLICANT = "applicant"


def _step(
    name: str,
    sources: set[str],
    target: str,
    roles: set[str],
    label: Promise,
    needs: tuple[str, ...] = (),
) -> Step:
    return Step(name, frozenset(sources), target, frozenset(roles), label, needs)


LIFECYCLE = Lifecycle(
    "opportunity",
    (
        _step("submit", {S.DRAFT}, S.SUBMITTED, {POSTER}, _("Submit for publication")),
        _step(
            "return",
            {S.SUBMITTED},
            S.DRAFT,
            {COORDINATOR},
            _("Send back for changes"),
            ("note",),
        ),
        _step("publish", {S.SUBMITTED}, S.PUBLISHED, {COORDINATOR}, _("Publish")),
        _step("fill", {S.PUBLISHED}, S.FILLED, {POSTER, COORDINATOR}, _("Mark as filled")),
        _step("expire", {S.PUBLISHED}, S.EXPIRED, {SYSTEM}, _("Expire")),
        _step(
            "renew",
            {S.PUBLISHED, S.EXPIRED},
            S.PUBLISHED,
            {POSTER, COORDINATOR},
            _("Renew"),
            ("expires_on",),
        ),
        _step(
            "withdraw",
            {S.DRAFT, S.SUBMITTED, S.PUBLISHED},
            S.WITHDRAWN,
            {POSTER, COORDINATOR},
            _("Withdraw"),
        ),
    ),
)

APPLICATION_LIFECYCLE = Lifecycle(
    "opportunity_application",
    (
        _step("review", {A.SUBMITTED}, A.UNDER_REVIEW, {POSTER}, _("Start the review")),
        _step("accept", {A.SUBMITTED, A.UNDER_REVIEW}, A.ACCEPTED, {POSTER}, _("Accept")),
        _step("decline", {A.SUBMITTED, A.UNDER_REVIEW}, A.DECLINED, {POSTER}, _("Decline")),
        _step(
            "withdraw",
            {A.SUBMITTED, A.UNDER_REVIEW},
            A.WITHDRAWN,
            {APPLICANT},
            _("Withdraw my application"),
        ),
    ),
)
