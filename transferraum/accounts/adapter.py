from __future__ import annotations

from typing import Any
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.core import context
from allauth.core.internal.httpkit import clean_client_ip
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.accounts.services import user_grant_student_by_email
from transferraum.accounts.sessions import user_sessions_end_others
from transferraum.accounts.sso import sso_login_apply
from transferraum.core.http import language_cookie_set
from transferraum.notifications.services import absolute_url


class AccountAdapter(DefaultAccountAdapter):
    """allauth's hooks where the platform decides.

    Links in allauth's e-mails lead to the configured site address (`SITE_URL`), as every
    other e-mail's do, never to the host a request happened to arrive on (a development port,
    an internal address behind the proxy)."""

    def get_client_ip(self, request: HttpRequest) -> str:
        """The client's address for the login limits: from X-Forwarded-For for
        `ALLAUTH_TRUSTED_PROXY_COUNT` proxies (allauth's own rule). A request with fewer
        entries than proxies did not pass them all; its direct peer is the address, rather
        than allauth's ImproperlyConfigured (a 500 anyone could cause with one header)."""
        try:
            return str(super().get_client_ip(request))
        except ImproperlyConfigured:
            peer = clean_client_ip(request.META.get("REMOTE_ADDR", ""))
            if not peer:
                raise PermissionDenied("Unable to determine client IP address") from None
            return peer

    def get_login_stages(self) -> list[str]:
        """allauth's stages, with its MFA step skipped after an SSO login that asserted MFA
        (`accounts.stages.MfaAuthenticateStage`)."""
        return [
            "transferraum.accounts.stages.MfaAuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.ACCOUNT_ALLOW_REGISTRATION)

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        """After login the interface speaks the language the person chose last time. A login
        through a university (single sign-on) also applies its affiliation and whether it
        asserted MFA (`accounts.sso.sso_login_apply`)."""
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        sso_login_apply(request=request, user=user, sociallogin=sociallogin)
        response = super().post_login(request, user, **kwargs)
        if getattr(user, "language", None):
            language_cookie_set(response, user.language)
        return response

    def set_password(self, user: AbstractBaseUser, password: str) -> None:
        """A new password (changed, set or reset by e-mail) ends the person's other sessions:
        whoever knew the old one is signed out everywhere. The session that changed it stays
        signed in; a reset by e-mail keeps none."""
        super().set_password(user, password)
        request = context.request
        current = None
        if request is not None and getattr(request, "user", None) == user:
            current = request.session.session_key
        if isinstance(user, User):
            user_sessions_end_others(user=user, current_session_key=current)

    def confirm_email(self, request: HttpRequest, email_address: EmailAddress) -> bool:
        """A verified address at a university's student domain grants the student role (or the
        open student request): the explicit hook after verification, not a signal."""
        verified = bool(super().confirm_email(request, email_address))
        user = email_address.user
        if verified and isinstance(user, User):
            user_grant_student_by_email(user=user)
        return verified

    def get_email_confirmation_url(
        self, request: HttpRequest, emailconfirmation: EmailConfirmation
    ) -> str:
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def send_account_already_exists_mail(self, email: str) -> None:
        context = {
            "signup_url": absolute_url(reverse("account_signup")),
            "password_reset_url": absolute_url(reverse("account_reset_password")),
        }
        self.send_mail("account/email/account_already_exists", email, context)
