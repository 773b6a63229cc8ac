"""The demo's second factors: everyone the MFA rule concerns gets an authenticator app with one
published secret, so that `make run` stays usable (docs/demo-data.md, docs/security.md).

Demo databases only, like the demo password: anyone who reads this file can make the codes.
`manage.py demo_totp` prints the code of the moment; any authenticator app takes the secret.
"""

from __future__ import annotations

from collections.abc import Iterable

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from transferraum.accounts.mfa import mfa_required
from transferraum.accounts.models import User

# Base32, 20 bytes: "TRANSFERRAUMDEMO" twice.
DEMO_TOTP_SECRET = "TRANSFERRAUMDEMOTRANSFERRAUMDEMO"  # noqa: S105


def demo_second_factors(users: Iterable[User]) -> int:
    """Give each of `users` whom the MFA rule concerns an authenticator app with
    DEMO_TOTP_SECRET, unless they have one already; returns how many were added."""
    added = 0
    for user in users:
        if not mfa_required(user):
            continue
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            continue
        TOTP.activate(user, DEMO_TOTP_SECRET)
        added += 1
    return added


def demo_totp_code(counter: int) -> str:
    """The code of DEMO_TOTP_SECRET for the 30-second period `counter` (Unix time // 30)."""
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
