"""`manage.py check --deploy` warns when production runs without the MFA rule."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register


@register("security", deploy=True)
def mfa_required_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if getattr(settings, "MFA_REQUIRED_ENFORCED", True):
        return []
    return [
        Warning(
            "MFA_REQUIRED_ENFORCED is off: coordinators, town staff and admins can use the "
            "platform without a second factor.",
            hint="Remove MFA_REQUIRED_ENFORCED=false from the environment (docs/security.md).",
            id="accounts.W001",
        )
    ]
