"""allauth's hooks for logins through a university's identity provider (SAML or OpenID
Connect), where the platform decides: never join an existing account by e-mail alone, take the
name from the identity provider, and explain a refused login in the person's language."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.accounts.sso import (
    LINK_SESSION_KEY,
    OIDC_REFUSED,
    SAML_REFUSED,
    link_nonce,
    link_token_make,
    saml_refusal_message,
)
from transferraum.notifications.services import absolute_url


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        """A first login whose e-mail address belongs to an existing account does not enter
        it: a link goes to that address, and only opening it (in the same browser) joins the
        university login to the account. Who holds the address proves it; a university that
        merely asserts an address proves nothing about our account. The link goes to the
        address the provider named, which the account holds (as its own or a further one)."""
        if sociallogin.is_existing or sociallogin.state.get("process") == AuthProcess.CONNECT:
            return
        email = (sociallogin.user.email if sociallogin.user else "") or ""
        if not email:
            return
        existing = (
            User.objects.filter(email__iexact=email).first()
            or User.objects.filter(emailaddress__email__iexact=email).first()
        )
        if existing is None:
            return
        nonce = link_nonce()
        request.session[LINK_SESSION_KEY] = {
            "sociallogin": sociallogin.serialize(),
            "user": existing.pk,
            "email": email,
            "nonce": nonce,
        }
        link = absolute_url(
            reverse("accounts:sso_link_confirm", args=[link_token_make(user=existing, nonce=nonce)])
        )
        get_account_adapter(request).send_mail(
            "accounts/email/sso_link",
            email,
            {
                "link": link,
                "provider": sociallogin.provider.name,
                "user": existing,
            },
        )
        raise ImmediateHttpResponse(HttpResponseRedirect(reverse("accounts:sso_link_sent")))

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: Any) -> Any:
        """The name the identity provider sends (display name, else given name and surname)."""
        user = super().populate_user(request, sociallogin, data)
        name = (data.get("name") or "").strip()
        if not name:
            name = " ".join(
                part for part in (data.get("first_name"), data.get("last_name")) if part
            ).strip()
        if name and hasattr(user, "name"):
            user.name = name[:200]
        return user

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: dict[str, Any] | None = None,
    ) -> None:
        """Every refused login page shows one clear message (`sso_message`)."""
        super().on_authentication_error(
            request, provider, error=error, exception=exception, extra_context=extra_context
        )
        if extra_context is None or "sso_message" in extra_context:
            return
        reason = extra_context.get("saml_last_error_reason")
        if reason:
            extra_context["sso_message"] = saml_refusal_message(str(reason))
        elif isinstance(exception, OAuth2Error):
            extra_context["sso_message"] = str(OIDC_REFUSED)
        else:
            extra_context["sso_message"] = str(SAML_REFUSED)
