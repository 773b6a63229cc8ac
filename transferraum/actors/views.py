from __future__ import annotations

import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.models import User
from transferraum.actors.errors import DuplicateOrganisation, InvitationInvalid
from transferraum.actors.forms import (
    AcceptInvitationForm,
    InvitationForm,
    ListingForm,
    MembershipRequestForm,
    OrganisationCreateForm,
    OrganisationForm,
    PersonProfileForm,
)
from transferraum.actors.models import Competence, Invitation, Listing, Organisation
from transferraum.actors.permissions import (
    can_create_organisation,
    can_curate_competences,
    can_manage_organisation,
    can_request_membership,
    can_see_members,
)
from transferraum.actors.selectors import (
    OrganisationFilters,
    competence_hits,
    competences_grouped,
    contacts_of,
    first_of,
    invitation_for_addressee,
    listings_of,
    members_of,
    membership_request_for_reviewer,
    membership_request_for_viewer,
    membership_requests_open,
    organisation_for_editor,
    organisation_for_viewer,
    organisation_logo_for_viewer,
    organisations_list,
    own_profile,
    pending_invitations_of,
    person_for_viewer,
    suggestions_for,
)
from transferraum.actors.services import (
    MEMBERSHIP_REQUEST_SERVICES,
    ORGANISATION_FIELDS,
    competence_approve,
    competence_merge,
    competence_suggest,
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_revoke,
    invitation_usable,
    listing_add,
    listing_remove,
    membership_request_submit,
    membership_request_withdraw,
    membership_set_contact,
    organisation_register,
    organisation_update,
    profile_update,
)
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import Filters
from transferraum.core.forms import RequestDecisionForm
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.listing import listing
from transferraum.core.related import ORGANISATION, related_for
from transferraum.core.views import request_decision_take


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = OrganisationFilters.from_query(request.GET)
    return render(
        request,
        "actors/organisation_list.html",
        {
            "organisations": organisations_list(kind=filters.kind or None),
            "selects": [filters.select("kind")],
        },
    )


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_viewer(request.user, slug)
    show_members = can_see_members(request.user, organisation)
    can_manage = can_manage_organisation(request.user, organisation)
    return render(
        request,
        "actors/organisation_detail.html",
        {
            "organisation": organisation,
            "offers": first_of(listings_of(organisation, Listing.Direction.OFFER)),
            "needs": first_of(listings_of(organisation, Listing.Direction.NEED)),
            "contacts": first_of(contacts_of(organisation)),
            "members": first_of(members_of(organisation)) if show_members else None,
            "suggestions": suggestions_for(organisation, request.user),
            "can_manage": can_manage,
            # where the bounded lists are shown in full: to those who manage them
            "edit_url": reverse("actors:edit", args=[organisation.slug]) if can_manage else "",
            "manage_url": reverse("actors:manage", args=[organisation.slug]) if can_manage else "",
            "can_request_membership": can_request_membership(request.user, organisation),
            # its challenges, projects and recommendations (the apps above register them)
            "related": related_for(ORGANISATION, organisation, request.user),
        },
    )


def _competences_with_suggestion(
    request: AuthenticatedHttpRequest, chosen: list[Competence], suggestion: str
) -> list[Competence]:
    """The chosen terms plus a newly suggested one (suggestions can be used at once)."""
    if suggestion.strip():
        chosen = [*chosen, competence_suggest(actor=request.user, label=suggestion)]
    return chosen


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_editor(request.user, slug)
    can_change_kind = request.user.is_coordinator
    duplicate = None
    if request.method == "POST":
        form = OrganisationForm(
            request.POST, request.FILES, instance=organisation, can_change_kind=can_change_kind
        )
        # A refused save must not leave the edited values on the object the page shows.
        organisation = Organisation.objects.get(pk=organisation.pk)
        if form.is_valid():
            data = {key: form.cleaned_data[key] for key in ORGANISATION_FIELDS}
            if not can_change_kind:
                data.pop("kind")
            try:
                competences = _competences_with_suggestion(
                    request,
                    list(form.cleaned_data["competences"]),
                    request.POST.get("competence_suggestion", ""),
                )
                organisation_update(
                    actor=request.user,
                    organisation=organisation,
                    data=data,
                    competences=competences,
                    logo=request.FILES.get("logo"),
                    remove_logo=form.cleaned_data["remove_logo"],
                    allow_duplicate=form.cleaned_data["allow_duplicate"],
                    version=form.loaded_version,
                )
            except DuplicateOrganisation as error:
                duplicate = error.existing
                error.attach_to(form)
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("The profile has been saved."))
                return redirect(organisation.get_absolute_url())
    else:
        form = OrganisationForm(instance=organisation, can_change_kind=can_change_kind)
    return render(
        request,
        "actors/organisation_edit.html",
        {
            "organisation": organisation,
            "form": form,
            "duplicate": duplicate,
            "listing_form": ListingForm(),
            "listings": organisation.listings.all(),
            "competence_groups": competences_grouped(),
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def listing_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_editor(request.user, slug)
    form = ListingForm(request.POST)
    status = 200
    if form.is_valid():
        try:
            listing_add(actor=request.user, organisation=organisation, **form.cleaned_data)
        except DomainError as error:
            error.attach_to(form)
            status = 422
        else:
            messages.success(request, _("Added."))
            form = ListingForm()
            if not request.htmx:
                return redirect("actors:edit", slug=organisation.slug)
    else:
        status = 422
    if not request.htmx:
        messages.error(request, _("Please check your entries."))
        return redirect("actors:edit", slug=organisation.slug)
    return render(
        request,
        "actors/organisation_edit.html#listings",
        {
            "organisation": organisation,
            "listing_form": form,
            "listings": organisation.listings.all(),
        },
        status=status,
    )


@login_required
@require_POST
def listing_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_for_editor(request.user, slug)
    listing = get_object_or_404(organisation.listings, pk=pk)
    listing_remove(actor=request.user, listing=listing)
    messages.success(request, _("Removed."))
    if request.htmx:
        return render(
            request,
            "actors/organisation_edit.html#listings",
            {
                "organisation": organisation,
                "listing_form": ListingForm(),
                "listings": organisation.listings.all(),
            },
        )
    return redirect("actors:edit", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Coordinators create organisations for partners who are not on the platform yet."""
    if not can_create_organisation(request.user):
        raise PermissionDenied(_("Only coordinators can create organisations."))
    duplicate = None
    if request.method == "POST":
        form = OrganisationCreateForm(request.POST)
        if form.is_valid():
            try:
                organisation = organisation_register(actor=request.user, **form.cleaned_data)
            except DuplicateOrganisation as error:
                duplicate = error.existing
                error.attach_to(form)
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(
                    request, _("%(name)s has been created.") % {"name": organisation.name}
                )
                return redirect("actors:edit", slug=organisation.slug)
    else:
        form = OrganisationCreateForm()
    return render(
        request,
        "actors/organisation_new.html",
        {"form": form, "duplicate": duplicate},
        status=422 if request.method == "POST" else 200,
    )


@require_safe
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if isinstance(request.user, User) and request.user.pk == pk:
        # One's own page shows from the first visit, before the profile is saved (reads
        # never write: the first save creates it).
        profile = own_profile(request.user)
    else:
        profile = person_for_viewer(request.user, pk)
    memberships = profile.user.memberships.select_related("organisation__municipality")
    return render(
        request,
        "actors/person_detail.html",
        {"profile": profile, "person": profile.user, "memberships": memberships},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A person's own profile: text, photo, competences, interests, who may see it. Opening
    the form writes nothing; the first save creates the profile."""
    profile = own_profile(request.user)
    memberships = request.user.memberships.select_related("organisation")
    if request.method == "POST":
        form = PersonProfileForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                competences = _competences_with_suggestion(
                    request,
                    list(data["competences"]),
                    request.POST.get("competence_suggestion", ""),
                )
                profile_update(
                    actor=request.user,
                    profile=profile,
                    bio=data["bio"],
                    languages=data["languages"],
                    visibility=data["visibility"],
                    competences=competences,
                    interests=data["interests"],
                    photo=request.FILES.get("photo"),
                    remove_photo=data["remove_photo"],
                )
                contact_ids = {int(pk) for pk in request.POST.getlist("contact") if pk.isdigit()}
                for membership in memberships:
                    wanted = membership.pk in contact_ids
                    if membership.is_contact != wanted:
                        membership_set_contact(
                            actor=request.user, membership=membership, is_contact=wanted
                        )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("actors:person", pk=request.user.pk)
    else:
        form = PersonProfileForm(
            initial={
                "bio": profile.bio,
                "languages": profile.languages,
                "visibility": profile.visibility,
                "competences": profile.competences.all() if profile.pk else [],
                "interests": profile.interests.all() if profile.pk else [],
            }
        )
    return render(
        request,
        "actors/profile_edit.html",
        {
            "form": form,
            "profile": profile,
            "memberships": memberships,
            "competence_groups": competences_grouped(),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_safe
def competence_search(request: HttpRequest) -> HttpResponse:
    """Autocomplete: terms matching what was typed, as checkboxes for the named form field."""
    field = request.GET.get("field", "competences")
    if field not in {"competences", "interests"}:
        field = "competences"
    query = request.GET.get("competence_query", "")[:100]
    # The terms already chosen come along (hx-include), so that a result is not shown twice.
    chosen = {int(pk) for pk in request.GET.getlist(field) if pk.isdigit()}
    return render(
        request,
        "actors/_competence_results.html",
        {"results": competence_hits(query, exclude=chosen), "field": field, "query": query},
    )


@login_required
@require_http_methods(["GET", "POST"])
def competence_curation(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Coordinators approve suggested terms or fold them into existing ones."""
    if not can_curate_competences(request.user):
        raise PermissionDenied(_("Only coordinators curate the vocabulary."))
    if request.method == "POST":
        competence = get_object_or_404(Competence, pk=request.POST.get("competence"))
        target_pk = request.POST.get("target") or None
        try:
            if request.POST.get("action") == "merge":
                if target_pk is None:
                    raise DomainError(_("Please choose the term to merge into."))
                competence_merge(
                    actor=request.user,
                    competence=competence,
                    into=get_object_or_404(Competence, pk=target_pk),
                )
                messages.success(request, _("The term has been merged."))
            else:
                parent = get_object_or_404(Competence, pk=target_pk) if target_pk else None
                competence_approve(actor=request.user, competence=competence, parent=parent)
                messages.success(request, _("The term has been approved."))
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("actors:competences")
    vocabulary = Competence.objects.select_related("parent").order_by("label_de")
    return render(
        request,
        "actors/competence_curation.html",
        {
            "suggested": [c for c in vocabulary if c.status == Competence.Status.SUGGESTED],
            "categories": [c for c in vocabulary if c.parent_id is None and c.status == "approved"],
            "approved": [c for c in vocabulary if c.status == Competence.Status.APPROVED],
            "groups": competences_grouped(),
        },
    )


MEMBERS_PAGE_SIZE = 50


@login_required
@require_http_methods(["GET", "POST"])
def organisation_manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Members, pending invitations and the invitation form of one organisation."""
    organisation = organisation_for_editor(request.user, slug)
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
                error.attach_to(form)
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
    base = reverse("actors:manage", kwargs={"slug": organisation.slug})
    members = listing(
        request,
        members_of(organisation),
        Filters.from_query(request.GET),
        url=base,
        per_page=MEMBERS_PAGE_SIZE,
        name="members",
        capped=False,  # one organisation's members
    )
    context = members.context | {
        "organisation": organisation,
        "invitations": pending_invitations_of(organisation),
        "membership_requests": membership_requests_open(organisation),
        "form": form,
    }
    if request.method == "GET":
        # htmx follows a page link of the members: the table alone.
        return render_page_or_partial(
            request,
            "actors/organisation_manage.html",
            "members",
            context,
            push_url=base + members.filters.querystring(),
        )
    return render_page_or_partial(
        request, "actors/organisation_manage.html", "invitations", context, status=status
    )


@login_required
@require_POST
def invitation_withdraw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_for_editor(request.user, slug)
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
    return _invitation_page(request, invitation)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_addressee_respond(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The same page for its signed-in addressee, reached from the in-app notification (which
    must not hold the link's token)."""
    invitation = invitation_for_addressee(request.user, pk)
    try:
        invitation_usable(invitation)
    except InvitationInvalid as error:
        return render(
            request, "actors/invitation_invalid.html", {"reason": error.message}, status=410
        )
    return _invitation_page(request, invitation)


def _invitation_page(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Show an invitation that can be used and accept it: a newcomer chooses name and
    password, a signed-in person accepts with one button."""
    logged_in = request.user.is_authenticated
    if request.method == "POST":
        form = AcceptInvitationForm(request.POST) if not logged_in else None
        if form is None or form.is_valid():
            data = form.cleaned_data if form else {"name": "", "password1": ""}
            try:
                membership = invitation_accept(
                    invitation=invitation,
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
                    return HttpResponseRedirect(request.path)
                error.attach_to(form)
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


@require_safe
def organisation_logo(request: HttpRequest, slug: str) -> FileResponse:
    """Logos are public like the organisation's page; served here, as media are not public."""
    organisation = organisation_logo_for_viewer(request.user, slug)
    if not organisation.logo:
        raise Http404
    return _image_response(organisation.logo)


@require_safe
def person_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A photo is shown only to those who may see the person's profile."""
    profile = person_for_viewer(request.user, pk)
    if not profile.photo:
        raise Http404
    response = _image_response(profile.photo)
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _image_response(field: Any) -> FileResponse:
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=mimetypes.guess_type(field.name)[0])
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- membership requests ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def membership_request(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Ask to join an organisation as its staff, with a role wish and a note."""
    organisation = organisation_for_viewer(request.user, slug)
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership_request_submit(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request,
                _("Your request has been sent to %(name)s. You will get an answer by e-mail.")
                % {"name": organisation.name},
            )
            return redirect("accounts:profile")
    return render(
        request,
        "actors/membership_request_form.html",
        {"organisation": organisation, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_request_decide(
    request: AuthenticatedHttpRequest, slug: str, pk: int
) -> HttpResponse:
    """One request to join, for the organisation's administrators and the coordinators."""
    membership_request = membership_request_for_reviewer(request.user, slug, pk)
    form = RequestDecisionForm(request.POST or None)
    step = request_decision_take(
        request, form, MEMBERSHIP_REQUEST_SERVICES, membership_request=membership_request
    )
    if step is not None:
        message = (
            _("%(person)s is now a member.")
            if step == "grant"
            else _("The request of %(person)s has been refused.")
        )
        messages.success(request, message % {"person": membership_request.user})
        return redirect("actors:manage", slug=membership_request.organisation.slug)
    return render(
        request,
        "actors/membership_request_decide.html",
        {"request_item": membership_request, "form": form},
    )


@login_required
@require_POST
def membership_request_withdraw_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    membership_request = membership_request_for_viewer(request.user, pk)
    try:
        membership_request_withdraw(actor=request.user, membership_request=membership_request)
    except (DomainError, PermissionDenied) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request has been withdrawn."))
    return redirect("accounts:profile")
