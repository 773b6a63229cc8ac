from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from transferraum.accounts.forms import ProfileForm
from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.services import user_set_language, user_update_profile
from transferraum.core.errors import DomainError
from transferraum.core.related import PERSON, related_for


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                user_update_profile(user=user, **form.cleaned_data)
            except DomainError as error:
                error.attach_to(form)
            else:
                activate(user.language)
                messages.success(request, _("Your profile has been saved."))
                response = HttpResponseRedirect(reverse("accounts:profile"))
                _set_language_cookie(response, user.language)
                return response
    else:
        form = ProfileForm(initial={"name": user.name, "language": user.language})
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            # reverse accessor: accounts must not import a domain app
            "memberships": user.memberships.select_related("organisation__municipality"),
            # the challenges the person follows (the apps above register them)
            "related": related_for(PERSON, user, user),
        },
    )


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; works without JavaScript and without an account."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=language)
    _set_language_cookie(response, language)
    return response


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
