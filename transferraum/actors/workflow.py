"""The lifecycle of a membership request as data (`core.workflow`): open → granted, refused or
withdrawn. Services take the steps; tests walk it as a table."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from transferraum.actors.models import MembershipRequest
from transferraum.core.workflow import Lifecycle, Step

S = MembershipRequest.Status
REQUESTER = "requester"  # the person who asks to join
ADMIN = "admin"  # an administrator of the organisation
COORDINATOR = "coordinator"

MEMBERSHIP_REQUEST = Lifecycle(
    "membership_request",
    (
        Step("grant", frozenset({S.OPEN}), S.GRANTED, frozenset({ADMIN, COORDINATOR}), _("Grant")),
        Step(
            "refuse",
            frozenset({S.OPEN}),
            S.REFUSED,
            frozenset({ADMIN, COORDINATOR}),
            _("Refuse"),
            ("note",),
        ),
        Step("withdraw", frozenset({S.OPEN}), S.WITHDRAWN, frozenset({REQUESTER}), _("Withdraw")),
    ),
)
