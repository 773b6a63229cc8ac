from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.models import User
from transferraum.actors.errors import InvitationInvalid
from transferraum.actors.forms import AcceptInvitationForm, InvitationForm
from transferraum.actors.models import Organisation
from transferraum.actors.permissions import can_manage_organisation, can_see_members
from transferraum.actors.selectors import (
    members_of,
    organisation_for_manage,
    organisations_list,
    pending_invitations_of,
)
from transferraum.actors.services import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_revoke,
)
from transferraum.core.errors import DomainError
from transferraum.core.htmx import render_page_or_partial


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("art") or None
    if kind not in Organisation.Kind.values:
        kind = None
    return render(
        request,
        "actors/organisation_list.html",
        {
            "organisations": organisations_list(kind=kind),
            "kinds": Organisation.Kind.choices,
            "kind": kind,
        },
    )


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.select_related("municipality__district"), slug=slug
    )
    show_members = can_see_members(request.user, organisation)
    return render(
        request,
        "actors/organisation_detail.html",
        {
            "organisation": organisation,
            "members": members_of(organisation) if show_members else None,
            "can_manage": can_manage_organisation(request.user, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Members, pending invitations and the invitation form of one organisation."""
    organisation = organisation_for_manage(request.user, slug)
    allow_coordinator = request.user.is_coordinator
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST, allow_coordinator=allow_coordinator)
        if form.is_valid():
            try:
                invitation = invitation_create(
                    actor=request.user, organisation=organisation, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(error.field, error.message)
                status = 422
            else:
                messages.success(
                    request,
                    _("The invitation to %(email)s has been sent.") % {"email": invitation.email},
                )
                if not request.htmx:
                    return redirect("actors:manage", slug=organisation.slug)
                form = InvitationForm(allow_coordinator=allow_coordinator)
        else:
            status = 422
    else:
        form = InvitationForm(allow_coordinator=allow_coordinator)
    return render_page_or_partial(
        request,
        "actors/organisation_manage.html",
        "invitations",
        {
            "organisation": organisation,
            "members": members_of(organisation),
            "invitations": pending_invitations_of(organisation),
            "form": form,
        },
        status=status,
    )


@login_required
@require_POST
def invitation_withdraw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_for_manage(request.user, slug)
    invitation = get_object_or_404(organisation.invitations, pk=pk)
    try:
        invitation_revoke(actor=request.user, invitation=invitation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
        )
    return redirect("actors:manage", slug=organisation.slug)


@require_http_methods(["GET", "POST"])
def invitation_respond(request: HttpRequest, token: str) -> HttpResponse:
    """The page behind the link in the invitation e-mail."""
    try:
        invitation = invitation_for_token(token)
    except InvitationInvalid as error:
        return render(
            request, "actors/invitation_invalid.html", {"reason": error.message}, status=410
        )

    logged_in = request.user.is_authenticated
    if request.method == "POST":
        form = AcceptInvitationForm(request.POST) if not logged_in else None
        if form is None or form.is_valid():
            data = form.cleaned_data if form else {"name": "", "password1": ""}
            try:
                membership = invitation_accept(
                    token=token,
                    name=data["name"],
                    password=data["password1"],
                    user=request.user if isinstance(request.user, User) else None,
                )
            except InvitationInvalid as error:
                return render(
                    request, "actors/invitation_invalid.html", {"reason": error.message}, status=410
                )
            except DomainError as error:
                if form is None:
                    messages.error(request, error.message)
                    return redirect("actors:invitation", token=token)
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if not logged_in:
                    login(
                        request,
                        membership.user,
                        backend="django.contrib.auth.backends.ModelBackend",
                    )
                messages.success(
                    request,
                    _("Welcome! You are now a member of %(organisation)s.")
                    % {"organisation": membership.organisation.name},
                )
                return HttpResponseRedirect(membership.organisation.get_absolute_url())
    else:
        form = AcceptInvitationForm(initial={"name": invitation.name}) if not logged_in else None
    return render(
        request,
        "actors/invitation_accept.html",
        {"invitation": invitation, "form": form},
        status=422 if request.method == "POST" else 200,
    )
