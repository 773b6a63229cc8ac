"""Writing a recommendation: a team from its project's workspace (`?projekt=<pk>`), researchers
with or without a project. A refused draft comes back with the message at its field and
everything as it was typed."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.http import login_required_keeping_post, pending_post
from transferraum.projects.models import Project
from transferraum.recommendations.forms import RecommendationForm
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.selectors import project_for_author, recommendation_for_editor
from transferraum.recommendations.services import (
    DuplicateDraft,
    recommendation_create,
    recommendation_update,
)


def _submitted(request: AuthenticatedHttpRequest) -> QueryDict | None:
    """What the person sent: the POST, or what was kept over an expired session."""
    if request.method == "POST":
        return request.POST
    kept = pending_post(request)
    if kept is not None:
        messages.info(request, _("What you entered has been restored. Please check it and save."))
    return kept


def _render(
    request: AuthenticatedHttpRequest,
    form: RecommendationForm,
    *,
    project: Project | None,
    recommendation: Recommendation | None,
) -> HttpResponse:
    if recommendation is not None:
        back = recommendation.get_absolute_url()
    elif project is not None:
        back = reverse("projects:workspace", kwargs={"pk": project.pk}) + "#recommendations"
    else:
        back = reverse("recommendations:tracker")
    return render(
        request,
        "recommendations/form.html",
        {
            "form": form,
            "project": project,
            "recommendation": recommendation,
            "back": back,
        },
        status=422 if form.errors else 200,
    )


def _project_pk(request: AuthenticatedHttpRequest) -> int | None:
    pk = request.GET.get("projekt", "")
    if not pk:
        return None
    if not pk.isdecimal() or len(pk) > 10:
        raise PermissionDenied(_("Please start from the project's workspace."))
    return int(pk)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    project = project_for_author(request.user, _project_pk(request))
    data = _submitted(request)
    form = RecommendationForm(data, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = recommendation_create(
                actor=request.user,
                project=project,
                data=form.service_data(),
                evidence=form.service_evidence(),
            )
        except DuplicateDraft as duplicate:
            # "Save draft" sent twice: the first click saved it; show that one.
            messages.info(request, duplicate.message)
            return redirect(duplicate.recommendation)
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request,
                _("The draft “%(title)s” has been saved. When it is complete, ask for approval.")
                % {"title": recommendation.title},
            )
            return redirect(recommendation)
    return _render(request, form, project=project, recommendation=None)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recommendation = recommendation_for_editor(request.user, pk)
    project = recommendation.project
    data = _submitted(request)
    form = RecommendationForm(
        data,
        project=project,
        recommendation=recommendation,
        initial=RecommendationForm.initial_from(recommendation),
        versioned=recommendation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            recommendation_update(
                actor=request.user,
                recommendation=recommendation,
                data=form.service_data(),
                evidence=form.service_evidence() if project is not None else None,
                version=form.loaded_version,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The draft has been saved."))
            return redirect(recommendation)
    return _render(request, form, project=project, recommendation=recommendation)


urlpatterns: list[URLPattern] = [
    path("empfehlungen/neu/", create, name="new"),
    path("empfehlungen/<int:pk>/bearbeiten/", edit, name="edit"),
]
