from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from transferraum.accounts.models import User
from transferraum.accounts.services import user_grant_student_by_email


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.ACCOUNT_ALLOW_REGISTRATION)

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        """After login the interface speaks the language the person chose last time."""
        response = super().post_login(request, user, **kwargs)
        if getattr(user, "language", None):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
            )
        return response

    def confirm_email(self, request: HttpRequest, email_address: EmailAddress) -> bool:
        """A verified address at a university's student domain grants the student role (or the
        open student request): the explicit hook after verification, not a signal."""
        verified = bool(super().confirm_email(request, email_address))
        user = email_address.user
        if verified and isinstance(user, User):
            user_grant_student_by_email(user=user)
        return verified
