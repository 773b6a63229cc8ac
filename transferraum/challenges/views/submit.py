"""Writing a challenge: drafts that never lose what was typed, files, submission, comments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.actors.models import Organisation
from transferraum.challenges.forms import STEP_FORMS, ChallengeForm, CommentForm
from transferraum.challenges.models import Challenge
from transferraum.challenges.permissions import (
    can_submit_for,
    roles_for,
)
from transferraum.challenges.selectors import (
    challenge_for_editor,
    challenge_for_reader,
    challenge_for_viewer,
)
from transferraum.challenges.services import (
    CONTENT_FIELDS,
    STEP_SERVICES,
    attachment_add,
    attachment_remove,
    challenge_comment,
    challenge_save,
    challenge_submit,
    next_actions,
)
from transferraum.challenges.workflow import LIFECYCLE
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.http import login_required_keeping_post, pending_post


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The challenges of the person's organisations, in every status."""
    organisations = Organisation.objects.filter(memberships__user=request.user).order_by("name")
    challenges = (
        Challenge.objects.filter(organisation__in=organisations)
        .select_related("organisation")
        .order_by("-updated_at")
    )
    return render(
        request,
        "challenges/mine.html",
        {"organisations": organisations, "challenges": challenges},
    )


def _save(
    request: AuthenticatedHttpRequest,
    form: ChallengeForm,
    organisation: Organisation,
    challenge: Challenge | None,
) -> Challenge | None:
    """Save the form as a draft (and the file, if any); errors go into the form."""
    data = {field: form.cleaned_data[field] for field in CONTENT_FIELDS}
    try:
        saved = challenge_save(
            actor=request.user,
            organisation=organisation,
            data=data,
            topics=form.cleaned_data["topics"],
            challenge=challenge,
            version=form.loaded_version,
        )
    except DomainError as error:
        error.attach_to(form)
        return None
    upload = request.FILES.get("attachment")
    if upload is not None:
        try:
            attachment_add(actor=request.user, challenge=saved, upload=upload)
        except DomainError as error:
            error.attach_to(form)
            messages.warning(request, _("The text has been saved, but not the file."))
            return None
    return saved


def _after_save(request: AuthenticatedHttpRequest, challenge: Challenge) -> HttpResponse:
    if request.POST.get("intent") == "submit":
        try:
            challenge_submit(actor=request.user, challenge=challenge)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("challenges:edit", pk=challenge.pk)
        messages.success(
            request, _("Thank you! Your challenge has been submitted to the coordinators.")
        )
        return redirect(challenge.get_absolute_url())
    messages.success(request, _("Your draft has been saved."))
    return redirect("challenges:edit", pk=challenge.pk)


def _render_form(
    request: AuthenticatedHttpRequest,
    form: ChallengeForm,
    organisation: Organisation,
    challenge: Challenge | None,
    status: int = 200,
) -> HttpResponse:
    comments = []
    if challenge is not None:
        comments = list(
            challenge.comments.filter(visible_to_submitter=True).select_related("author")
        )
    return render(
        request,
        "challenges/form.html",
        {
            "form": form,
            "organisation": organisation,
            "challenge": challenge,
            "comments": comments,
            "attachments": challenge.attachments.all() if challenge else [],
            "actions": LIFECYCLE.labelled(next_actions(request.user, challenge))
            if challenge
            else [],
            # A new draft can always be submitted by its writer; later only while allowed.
            "can_submit": challenge is None or "submit" in next_actions(request.user, challenge),
        },
        status=status,
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = Organisation.objects.filter(memberships__user=request.user).order_by("name")
    slug = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = organisations.filter(slug=slug).first() if slug else None
    if organisation is None:
        if organisations.count() == 1:
            organisation = organisations.get()
        else:
            return render(
                request, "challenges/choose_organisation.html", {"organisations": organisations}
            )
    if not can_submit_for(request.user, organisation.pk):
        raise PermissionDenied(
            _("Only members of %(name)s can write challenges for it.") % {"name": organisation.name}
        )
    kept = pending_post(request)
    if request.method == "POST" or kept is not None:
        form = ChallengeForm(kept or request.POST, request.FILES, organisation_id=organisation.pk)
        if kept is not None:
            messages.info(
                request, _("What you entered has been restored. Please check it and save.")
            )
            form.is_valid()
            return _render_form(request, form, organisation, None)
        if form.is_valid():
            challenge = _save(request, form, organisation, None)
            if challenge is not None:
                return _after_save(request, challenge)
        return _render_form(request, form, organisation, None, status=422)
    form = ChallengeForm(
        organisation_id=organisation.pk,
        initial={"municipality": organisation.municipality, "contact_person": request.user},
    )
    return _render_form(request, form, organisation, None)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_for_editor(request.user, pk)
    organisation = challenge.organisation
    kept = pending_post(request)
    if request.method == "POST" or kept is not None:
        form = ChallengeForm(
            kept or request.POST, request.FILES, instance=challenge, organisation_id=organisation.pk
        )
        if kept is not None:
            messages.info(
                request, _("What you entered has been restored. Please check it and save.")
            )
            form.is_valid()
            return _render_form(request, form, organisation, challenge)
        # Validation writes into the instance; the service gets a fresh copy.
        fresh = Challenge.objects.get(pk=challenge.pk)
        if form.is_valid():
            saved = _save(request, form, organisation, fresh)
            if saved is not None:
                return _after_save(request, saved)
        return _render_form(request, form, organisation, fresh, status=422)
    form = ChallengeForm(instance=challenge, organisation_id=organisation.pk)
    return _render_form(request, form, organisation, challenge)


@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Take a lifecycle step (submit, withdraw, and the coordinators' steps): the step's form
    (if it needs input) reads the note, the step's service decides."""
    challenge = challenge_for_viewer(request.user, pk)
    action = request.POST.get("action", "")
    service = STEP_SERVICES.get(action)
    form = STEP_FORMS[action](request.POST) if action in STEP_FORMS else None
    try:
        if service is None:
            raise DomainError(_("Unknown action."))
        if form is not None and not form.is_valid():
            # Only a tampered note fails the form (a NUL character): say why, take no step.
            raise DomainError(" ".join(str(e) for errors in form.errors.values() for e in errors))
        data = form.service_data() if form is not None else {}
        challenge = service(actor=request.user, challenge=challenge, **data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Done: the challenge is now “%(status)s”.")
            % {"status": challenge.get_status_display()},
        )
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(challenge.get_absolute_url())


@login_required
@require_POST
def attachment_delete(
    request: AuthenticatedHttpRequest, pk: int, attachment_pk: int
) -> HttpResponse:
    challenge = challenge_for_viewer(request.user, pk)
    attachment = get_object_or_404(challenge.attachments, pk=attachment_pk)
    attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, _("The file %(name)s has been removed.") % {"name": attachment.name})
    return redirect("challenges:edit", pk=challenge.pk)


@login_required
@require_POST
def comment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_for_viewer(request.user, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            challenge_comment(
                actor=request.user,
                challenge=challenge,
                text=form.cleaned_data["text"],
                visible_to_submitter=not form.cleaned_data["internal"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your comment has been added."))
    else:
        messages.error(request, _("Please write a comment."))
    if "coordinator" in roles_for(request.user, challenge):
        return redirect("challenges:review", pk=challenge.pk)
    return redirect(challenge.get_absolute_url())


@require_safe
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Files only for those who may read the full text: never a public media URL."""
    challenge = challenge_for_reader(request.user, pk)
    attachment = get_object_or_404(challenge.attachments, pk=attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
