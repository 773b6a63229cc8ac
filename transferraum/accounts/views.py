from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.forms import (
    AccountEraseForm,
    ProfileForm,
    RoleGrantForm,
    RoleRequestForm,
    RoleRevokeForm,
)
from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.mfa import has_second_factor, mfa_required, mfa_required_reasons
from transferraum.accounts.models import (
    EXPORT_DAYS,
    REQUESTABLE_ROLES,
    DataExport,
    RoleRequest,
    User,
)
from transferraum.accounts.permissions import (
    can_decide_role_requests,
    can_request_role,
    can_view_processing_record,
)
from transferraum.accounts.personal_data import account_erase, data_export_request
from transferraum.accounts.selectors import (
    ROLE_REQUEST_QUEUE,
    RoleRequestFilters,
    data_export_for_owner,
    data_exports_of,
    person_for_role_manager,
    role_request_for_reviewer,
    role_request_for_viewer,
    role_requests_of,
    role_requests_queue,
)
from transferraum.accounts.services import (
    STEP_SERVICES,
    role_grant,
    role_request_submit,
    role_request_withdraw,
    role_revoke,
    user_set_language,
    user_update_profile,
)
from transferraum.accounts.sessions import user_session_end
from transferraum.core.access_log import access_entries_for, access_record
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.forms import RequestDecisionForm
from transferraum.core.http import language_cookie_set
from transferraum.core.listing import listing
from transferraum.core.privacy import erasure_refusals, processing_record
from transferraum.core.related import PERSON, related_for
from transferraum.core.views import request_decision_take

# The profile page shows the latest entries of the access log; the export holds all.
ACCESS_ENTRIES_SHOWN = 10


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
                language_cookie_set(response, user.language)
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
            "access_entries": access_entries_for(user, limit=ACCESS_ENTRIES_SHOWN),
            "access_limit": ACCESS_ENTRIES_SHOWN,
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
    language_cookie_set(response, language)
    return response


# --- role requests ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def role_request(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The form to ask for a role; `?role=student` chooses the role (the 403 page links so)."""
    if not can_request_role(request.user):
        raise PermissionDenied(_("Coordinators hold every role already."))
    held = request.user.roles
    if request.method == "POST":
        form = RoleRequestForm(request.POST, held=held)
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
            held=held,
            initial={
                "role": wished if wished in REQUESTABLE_ROLES else "",
                "study_programme": request.user.study_programme_id,
                "semester": request.user.semester,
            },
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
    access_record(
        viewer=request.user,
        place=ROLE_REQUEST_QUEUE,
        people=[role_request.user_id for role_request in found.page],
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
    access_record(viewer=request.user, place=ROLE_REQUEST_QUEUE, people=[role_request.user_id])
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


@login_required
@require_http_methods(["GET", "POST"])
def person_roles(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A coordinator's view of a person's roles: give one directly, take one with a reason."""
    person = person_for_role_manager(request.user, pk)
    held = [role for role in User.Role if role in person.roles]
    grant_form = RoleGrantForm(held=person.roles)
    revoke_forms = {role.value: RoleRevokeForm(prefix=role.value) for role in held}
    if request.method == "POST":
        action, role = request.POST.get("action", ""), request.POST.get("role", "")
        form: RoleGrantForm | RoleRevokeForm | None = None
        try:
            if action == "grant":
                form = grant_form = RoleGrantForm(request.POST, held=person.roles)
                if grant_form.is_valid():
                    role = grant_form.cleaned_data["role"]
                    role_grant(actor=request.user, person=person, role=role)
                    messages.success(
                        request,
                        _("%(person)s has the role “%(role)s” now.")
                        % {"person": person, "role": User.Role(role).label},
                    )
                    return redirect("accounts:person_roles", pk=person.pk)
            elif action == "revoke" and role in revoke_forms:
                form = revoke_forms[role] = RoleRevokeForm(request.POST, prefix=role)
                if form.is_valid():
                    reason = form.cleaned_data["reason"]
                    role_revoke(actor=request.user, person=person, role=role, reason=reason)
                    messages.success(
                        request,
                        _("The role “%(role)s” of %(person)s has ended.")
                        % {"person": person, "role": User.Role(role).label},
                    )
                    return redirect("accounts:person_roles", pk=person.pk)
            else:
                messages.info(request, _("Nothing changed: the roles were changed meanwhile."))
                return redirect("accounts:person_roles", pk=person.pk)
        except DomainError as error:
            if form is not None:
                error.attach_to(form)
    return render(
        request,
        "accounts/person_roles.html",
        {
            "person": person,
            "held": [(role, revoke_forms[role.value]) for role in held],
            "grant_form": grant_form,
        },
    )


# --- one's own data: export and erasure; the record of processing activities ----------------


@login_required
@require_safe
def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What the platform keeps about me: ask for a copy, download it, delete my account."""
    exports = list(data_exports_of(request.user))
    return render(
        request,
        "accounts/my_data.html",
        {
            "exports": exports,
            "preparing": any(e.status == DataExport.Status.PREPARING for e in exports),
            "export_days": EXPORT_DAYS,
        },
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
def data_export_request_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        data_export_request(user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("We are preparing your data. You will get an e-mail when it is ready to download."),
        )
    return redirect("accounts:my_data")


@login_required
@require_safe
def data_export_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse | FileResponse:
    """The ZIP, for its person only (404 for everyone else); gone after its days (410)."""
    export = data_export_for_owner(request.user, pk)
    if export.status != DataExport.Status.READY:
        messages.info(request, _("This export is not ready yet."))
        return redirect("accounts:my_data")
    if export.is_expired or not export.file:
        return render(request, "accounts/data_export_gone.html", status=410)
    filename = f"transferraum-{export.created_at:%Y-%m-%d}.zip"
    return FileResponse(
        export.file.storage.open(export.file.name, "rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/zip",
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    refusals = erasure_refusals(user)
    if request.method == "POST":
        form = AccountEraseForm(request.POST)
        if form.is_valid():
            try:
                account_erase(user=user, password=form.cleaned_data["password"])
            except DomainError as error:
                error.attach_to(form)
            else:
                logout(request)
                messages.success(request, _("Your account and your data have been deleted."))
                return redirect("/")
    else:
        form = AccountEraseForm()
    return render(
        request,
        "accounts/account_delete.html",
        {"form": form, "refusals": refusals, "has_password": user.has_usable_password()},
    )


@login_required
@require_safe
def processing_record_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_view_processing_record(request.user):
        raise PermissionDenied(
            _("The record of processing activities is for the programme's coordinators.")
        )
    entries = list(processing_record())
    return render(
        request,
        "accounts/processing_record.html",
        {"entries": entries, "areas": sorted({entry.area for entry in entries}, key=str.casefold)},
    )


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
