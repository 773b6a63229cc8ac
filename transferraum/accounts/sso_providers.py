"""allauth's SAML and OpenID Connect providers with the checks the platform adds (named in
`SOCIALACCOUNT_PROVIDERS[...]["provider_class"]`):

- SAML: the person must carry a pairwise-id or subject-id; an assertion is accepted once
  (its ID is kept until it expires); a response nobody here asked for is refused with a clear
  message rather than a bare 403; the REFEDS MFA context is remembered for the login.
- OpenID Connect: every authorisation request carries a fresh nonce, and the ID token must
  return it (allauth checks issuer, audience, expiry, and the signature when it verifies).

python3-saml checks the signature (assertion always, whole response when configured),
audience, recipient, destination and validity period (`strict`)."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.models import SocialLogin
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.saml.provider import SAMLProvider
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from onelogin.saml2.errors import OneLogin_Saml2_Error

from transferraum.accounts.sso import (
    MFA_BY_IDP_SESSION_KEY,
    REPLAYED,
    UNREACHABLE,
    SsoError,
    mfa_asserted,
    saml_identifier,
)

logger = logging.getLogger(__name__)

OIDC_NONCE_SESSION_KEY = "tr_oidc_nonces"
OIDC_NONCES_KEPT = 10  # open sign-ins per browser (several tabs)
REPLAY_MIN_SECONDS = 5 * 60


def _refuse(request: HttpRequest, provider: Any, message: str) -> ImmediateHttpResponse:
    return ImmediateHttpResponse(
        render_authentication_error(request, provider, extra_context={"sso_message": message})
    )


class SamlProvider(SAMLProvider):
    package = "allauth.socialaccount.providers.saml"  # allauth's URLs and templates
    _mfa_by_idp = False

    def redirect(
        self,
        request: HttpRequest,
        process: Any,
        next_url: str | None = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Starts the sign-in at the IdP. Metadata from a URL is fetched here (then cached):
        when the IdP's server does not answer, the person reads that, not an error page."""
        try:
            return super().redirect(request, process, next_url, data, **kwargs)
        except (OSError, OneLogin_Saml2_Error) as error:
            logger.warning("SAML metadata of %s not available: %s", self.app.client_id, error)
            return render_authentication_error(
                request, self, extra_context={"sso_message": str(UNREACHABLE)}
            )

    def sociallogin_from_response(self, request: HttpRequest, response: Any) -> SocialLogin:
        """`response` is python3-saml's Auth after it validated the signed response."""
        try:
            saml_identifier(response.get_attributes())
        except SsoError as error:
            raise _refuse(request, self, error.message) from error
        assertion_id = response.get_last_assertion_id() or ""
        expires = response.get_last_assertion_not_on_or_after()
        seconds = REPLAY_MIN_SECONDS
        if expires:
            seconds = max(seconds, int(expires - datetime.now(tz=UTC).timestamp()) + 60)
        if not assertion_id or not cache.add(
            f"tr:saml:assertion:{self.app.client_id}:{assertion_id}", 1, timeout=seconds
        ):
            raise _refuse(request, self, str(REPLAYED))
        self._mfa_by_idp = mfa_asserted(response.get_last_authn_contexts())
        login: SocialLogin = super().sociallogin_from_response(request, response)
        return login

    def unstash_redirect_state(self, request: HttpRequest, state_id: str) -> dict[str, Any]:
        """The state of the sign-in this browser started; a response to another (replayed,
        or started elsewhere) is refused with a message."""
        try:
            state: dict[str, Any] = super().unstash_redirect_state(request, state_id)
        except PermissionDenied as error:
            raise _refuse(request, self, str(REPLAYED)) from error
        state[MFA_BY_IDP_SESSION_KEY] = self._mfa_by_idp
        return state


class OidcProvider(OpenIDConnectProvider):
    package = "allauth.socialaccount.providers.openid_connect"  # allauth's URLs and templates
    _nonce = ""

    def redirect(
        self,
        request: HttpRequest,
        process: Any,
        next_url: str | None = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        self._nonce = secrets.token_urlsafe(24)
        auth_params["nonce"] = self._nonce
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)

    def stash_redirect_state(
        self,
        request: HttpRequest,
        process: Any,
        next_url: str | None = None,
        data: Any = None,
        state_id: str | None = None,
        **kwargs: Any,
    ) -> str:
        state_id = str(
            super().stash_redirect_state(request, process, next_url, data, state_id, **kwargs)
        )
        if self._nonce:
            nonces = dict(request.session.get(OIDC_NONCE_SESSION_KEY, {}))
            nonces[state_id] = self._nonce
            request.session[OIDC_NONCE_SESSION_KEY] = dict(list(nonces.items())[-OIDC_NONCES_KEPT:])
        return state_id

    def sociallogin_from_response(self, request: HttpRequest, response: Any) -> SocialLogin:
        """Refuses an ID token without the nonce this browser's sign-in sent (raises
        OAuth2Error, which allauth turns into the refusal page)."""
        nonces = dict(request.session.get(OIDC_NONCE_SESSION_KEY, {}))
        expected = nonces.pop(request.GET.get("state", ""), "")
        request.session[OIDC_NONCE_SESSION_KEY] = nonces
        got = str((response.get("id_token") or {}).get("nonce", ""))
        if not expected or not constant_time_compare(got, expected):
            raise OAuth2Error("Invalid id_token: nonce")
        login: SocialLogin = super().sociallogin_from_response(request, response)
        return login
