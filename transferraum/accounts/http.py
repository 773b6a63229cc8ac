from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.core.http import HtmxHttpRequest


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request behind @login_required: `user` is a real account."""

    user: User
