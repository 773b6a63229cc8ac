"""The lifecycle of a role request as data (`core.workflow`): open → granted, refused or
withdrawn. Services take the steps; tests walk it as a table."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import RoleRequest
from transferraum.core.workflow import Lifecycle, Step

S = RoleRequest.Status
REQUESTER = "requester"  # the person who asked
COORDINATOR = "coordinator"
# The platform itself, granting the student role for a verified address at a university's
# e-mail domain; no person takes this part.
EMAIL_DOMAIN = "email_domain"

LIFECYCLE = Lifecycle(
    "role_request",
    (
        Step(
            "grant",
            frozenset({S.OPEN}),
            S.GRANTED,
            frozenset({COORDINATOR, EMAIL_DOMAIN}),
            _("Grant"),
        ),
        Step(
            "refuse",
            frozenset({S.OPEN}),
            S.REFUSED,
            frozenset({COORDINATOR}),
            _("Refuse"),
            ("note",),
        ),
        Step("withdraw", frozenset({S.OPEN}), S.WITHDRAWN, frozenset({REQUESTER}), _("Withdraw")),
    ),
)
