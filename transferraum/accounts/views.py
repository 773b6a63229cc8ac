from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from transferraum.accounts.forms import ProfileForm, RoleRequestForm
from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.mfa import has_second_factor, mfa_required, mfa_required_reasons
from transferraum.accounts.models import REQUESTABLE_ROLES, RoleRequest
from transferraum.accounts.permissions import can_decide_role_requests, can_request_role
from transferraum.accounts.selectors import (
    RoleRequestFilters,
    role_request_for_reviewer,
    role_request_for_viewer,
    role_requests_of,
    role_requests_queue,
)
from transferraum.accounts.services import (
    STEP_SERVICES,
    role_request_submit,
    role_request_withdraw,
    user_set_language,
    user_update_profile,
)
from transferraum.accounts.sessions import user_session_end
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.forms import RequestDecisionForm
from transferraum.core.listing import listing
from transferraum.core.related import PERSON, related_for
from transferraum.core.views import request_decision_take


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
            "role_requests": role_requests_of(user)[:5],
            # reverse accessor again: requests to join an organisation live in actors
            "membership_requests": user.membership_requests.select_related("organisation").order_by(
                "-created_at"
            )[:5],
            "can_request_role": can_request_role(user),
            # the challenges the person follows (the apps above register them)
            "related": related_for(PERSON, user, user),
            "has_second_factor": has_second_factor(user),
            "mfa_required": mfa_required(user),
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


# --- role requests ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def role_request(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The form to ask for a role; `?role=student` chooses the role (the 403 page links so)."""
    if not can_request_role(request.user):
        raise PermissionDenied(_("Coordinators hold every role already."))
    if request.method == "POST":
        form = RoleRequestForm(request.POST)
        if form.is_valid():
            try:
                created = role_request_submit(actor=request.user, **form.service_data())
            except DomainError as error:
                error.attach_to(form)
            else:
                if created.status == RoleRequest.Status.GRANTED:
                    messages.success(
                        request,
                        _(
                            "Your university e-mail address confirms that you study: "
                            "you have the student role now."
                        ),
                    )
                else:
                    messages.success(
                        request,
                        _("Your request has been sent. The coordinators will answer by e-mail."),
                    )
                return redirect("accounts:profile")
    else:
        wished = request.GET.get("role", "")
        form = RoleRequestForm(
            initial={
                "role": wished if wished in REQUESTABLE_ROLES else "",
                "study_programme": request.user.study_programme_id,
                "semester": request.user.semester,
            }
        )
    return render(request, "accounts/role_request_form.html", {"form": form})


@login_required
@require_POST
def role_request_withdraw_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role_request = role_request_for_viewer(request.user, pk)
    try:
        role_request_withdraw(actor=request.user, role_request=role_request)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request has been withdrawn."))
    return redirect("accounts:profile")


@login_required
def role_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The coordinators' queue of open role requests, oldest first; filter by role."""
    if not can_decide_role_requests(request.user):
        raise PermissionDenied(_("Only coordinators decide on role requests."))
    filters = RoleRequestFilters.from_query(request.GET)
    found = listing(
        request,
        role_requests_queue(request.user, filters),
        filters,
        url=reverse("accounts:role_requests"),
        per_page=30,
        capped=False,  # a queue is worked through: every request counts
    )
    return render(
        request,
        "accounts/role_requests.html",
        found.context | {"selects": [filters.select("role")]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def role_request_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One request for the coordinators: who asks, for what, and the answer."""
    role_request = role_request_for_reviewer(request.user, pk)
    form = RequestDecisionForm(request.POST or None)
    step = request_decision_take(request, form, STEP_SERVICES, role_request=role_request)
    if step is not None:
        message = (
            _("%(person)s is now %(role)s.")
            if step == "grant"
            else _("The request of %(person)s has been refused.")
        )
        messages.success(
            request,
            message % {"person": role_request.user, "role": role_request.get_role_display()},
        )
        return redirect("accounts:role_requests")
    return render(
        request,
        "accounts/role_request_decide.html",
        {"request_item": role_request, "form": form},
    )


# --- second factor and sessions ---------------------------------------------------------------


@login_required
def mfa_required_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Why this person must set up a second factor before going on, and how; everything else
    leads here until they have one (accounts.middleware). Who has one goes to its page."""
    user = request.user
    reasons = mfa_required_reasons(user)
    if not reasons or has_second_factor(user):
        return redirect("mfa_index")
    return render(request, "accounts/mfa_required.html", {"reasons": reasons})


@login_required
@require_POST
def session_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Sign out one of the person's other sessions (the list is allauth's usersessions page)."""
    try:
        user_session_end(
            user=request.user, session_pk=pk, current_session_key=request.session.session_key
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The session has been signed out."))
    return redirect("usersessions_list")
