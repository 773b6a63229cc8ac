"""allauth's login stages as the platform runs them (`AccountAdapter.get_login_stages`)."""

from __future__ import annotations

from allauth.mfa.stages import AuthenticateStage
from django.http import HttpRequest

from transferraum.accounts.mfa import MFA_BY_IDP_SESSION_KEY


class MfaAuthenticateStage(AuthenticateStage):
    """allauth's "enter your code" step, skipped after a single sign-on whose identity provider
    asserted the REFEDS MFA context: the person proved a second factor there (docs/sso.md),
    and asking again for the platform's own factor would only add a step."""

    def _should_handle(self, request: HttpRequest) -> bool:
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and sociallogin.state.get(MFA_BY_IDP_SESSION_KEY):
            return False
        return super()._should_handle(request)
