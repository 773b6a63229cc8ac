from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from transferraum.accounts.mfa import MFA_BY_IDP_SESSION_KEY, mfa_status
from transferraum.accounts.models import User

# What a person who must enrol a second factor may still open: the pages of allauth.mfa (every
# URL name starting with "mfa_"), signing out, confirming the password or e-mail address that
# enrolment may ask for, the legal pages, the language switch and the page that explains the
# rule. Static files are served before any view (WhiteNoise).
MFA_ENROLMENT_VIEWS = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "account_email",
        "account_confirm_email",
        "account_email_verification_sent",
        "impressum",
        "privacy",
        "accessibility",
        "accounts:language",
        "accounts:mfa_required",
    }
)


def enrolment_view(view_name: str) -> bool:
    """Whether a person without their required second factor may open this view."""
    return view_name.startswith("mfa_") or view_name in MFA_ENROLMENT_VIEWS


class MfaRequiredMiddleware:
    """The one enforcement point of the MFA rule (`accounts.mfa`): a signed-in person who must
    have a second factor and has none is sent to the page that says why and how to set one
    up, whatever they ask for, except the enrolment views above. Signing in through single
    sign-on counts as having one when the identity provider asserted MFA
    (`MFA_BY_IDP_SESSION_KEY`). Off with settings.MFA_REQUIRED_ENFORCED = False (tests)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if not settings.MFA_REQUIRED_ENFORCED:
            return None
        user = request.user
        if not isinstance(user, User) or request.session.get(MFA_BY_IDP_SESSION_KEY):
            return None
        match = request.resolver_match
        if match is not None and enrolment_view(match.view_name):
            return None
        if not mfa_status(user).blocked:
            return None
        url = reverse("accounts:mfa_required")
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(url)
        return redirect(url)
