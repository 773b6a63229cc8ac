"""The team workspace: one page with its sections, a form page per write, and downloads that
check rights (never a public media URL). Everyone outside the workspace gets 403."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.http import login_required_keeping_post, pending_post
from transferraum.projects.forms.workspace import (
    DeliverablesForm,
    DocumentUploadForm,
    FeedbackForm,
    MeetingForm,
    MilestoneForm,
    MilestoneStatusForm,
    PostForm,
)
from transferraum.projects.models import Document, DocumentVersion, Feedback, Meeting, Milestone
from transferraum.projects.models import Project as ProjectModel
from transferraum.projects.permissions import (
    can_contribute,
    can_deliver,
    can_edit_summary,
    can_give_feedback,
)
from transferraum.projects.selectors.workspace import (
    feedback_for,
    workspace_for,
    workspace_for_member,
    workspace_people,
)
from transferraum.projects.services.workspace import (
    deliverables_update,
    document_upload,
    feedback_give,
    meeting_add,
    meeting_update,
    milestone_add,
    milestone_update,
    post_add,
)


def _url(project: ProjectModel, anchor: str = "") -> str:
    url = reverse("projects:workspace", kwargs={"pk": project.pk})
    return f"{url}#{anchor}" if anchor else url


def _submitted(request: AuthenticatedHttpRequest) -> QueryDict | None:
    """What the person sent: the POST, or what was kept over an expired session."""
    if request.method == "POST":
        return request.POST
    kept = pending_post(request)
    if kept is not None:
        messages.info(request, _("What you entered has been restored. Please check it and save."))
    return kept


def _require_contribute(request: AuthenticatedHttpRequest, project: ProjectModel) -> None:
    if not can_contribute(request.user, project):
        raise PermissionDenied(_("You cannot work in this workspace now."))


def _render_workspace(
    request: AuthenticatedHttpRequest,
    project: ProjectModel,
    *,
    post_form: PostForm | None = None,
    status: int = 200,
) -> HttpResponse:
    contribute = can_contribute(request.user, project)
    # Delivering needs everything contributing needs, so the second check runs only if useful.
    deliver = contribute and can_deliver(request.user, project)
    workspace = workspace_for(project)
    stages = [
        {
            "stage": stage,
            "label": label,
            "feedback": workspace.feedback.get(stage),
            "can_give": can_give_feedback(request.user, project, stage),
        }
        for stage, label in Feedback.Stage.choices
    ]
    return render(
        request,
        "projects/workspace.html",
        {
            "project": project,
            "ws": workspace,
            "can_contribute": contribute,
            "can_deliver": deliver,
            "can_edit_summary": deliver or can_edit_summary(request.user, project),
            "stages": stages,
            "post_form": post_form or PostForm(),
            "status_choices": Milestone.Status.choices,
        },
        status=status,
    )


def _render_form(
    request: AuthenticatedHttpRequest,
    project: ProjectModel,
    form: forms.BaseForm,
    *,
    heading: str,
    submit: str,
    anchor: str,
    intro: str = "",
    multipart: bool = False,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    status = 422 if request.method == "POST" and form.errors else 200
    return render(
        request,
        "projects/workspace_form.html",
        {
            "project": project,
            "form": form,
            "heading": heading,
            "intro": intro,
            "submit": submit,
            "back": _url(project, anchor),
            "multipart": multipart,
            **(extra or {}),
        },
        status=status,
    )


@login_required
@require_safe
def workspace(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    return _render_workspace(request, project)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def milestone_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    _require_contribute(request, project)
    form = MilestoneForm(_submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            milestone = milestone_add(actor=request.user, project=project, **form.cleaned_data)
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request, _("The milestone “%(title)s” has been added.") % {"title": milestone}
            )
            return redirect(_url(project, "milestones"))
    return _render_form(
        request,
        project,
        form,
        heading=_("New milestone"),
        submit=_("Add milestone"),
        anchor="milestones",
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def milestone_edit(request: AuthenticatedHttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, project=project)
    milestone.project = project  # with its round and challenge, for the permission checks
    _require_contribute(request, project)
    # Validation writes into the instance: the service gets one fresh from the database.
    form = MilestoneForm(_submitted(request), instance=Milestone.objects.get(pk=milestone.pk))
    if request.method == "POST" and form.is_valid():
        try:
            milestone_update(
                actor=request.user,
                milestone=milestone,
                version=form.loaded_version,
                **form.cleaned_data,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request, _("The milestone “%(title)s” has been saved.") % {"title": milestone}
            )
            return redirect(_url(project, "milestones"))
    return _render_form(
        request,
        project,
        form,
        heading=_("Edit milestone"),
        submit=_("Save milestone"),
        anchor="milestones",
    )


@login_required
@require_POST
def milestone_status(request: AuthenticatedHttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    """The quick status change from the table of milestones."""
    project = workspace_for_member(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, project=project)
    milestone.project = project
    _require_contribute(request, project)
    form = MilestoneStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a status from the list."))
        return redirect(_url(project, "milestones"))
    try:
        milestone_update(
            actor=request.user, milestone=milestone, status=form.cleaned_data["status"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(title)s” is now “%(status)s”.")
            % {"title": milestone, "status": milestone.get_status_display()},
        )
    return redirect(_url(project, "milestones"))


def _meeting_form(
    request: AuthenticatedHttpRequest, project: ProjectModel, meeting: Meeting | None
) -> tuple[MeetingForm, HttpResponse | None]:
    """The meeting form, and the response when it was saved."""
    people = workspace_people(project).everyone()
    instance = Meeting.objects.get(pk=meeting.pk) if meeting is not None else None
    form = MeetingForm(_submitted(request), instance=instance, people=people)
    if request.method != "POST" or not form.is_valid():
        return form, None
    data = form.cleaned_data
    values = {
        "kind": data["kind"],
        "starts_at": data["starts_at"],
        "place": data["place"],
        "attendees": list(data["attendees"]),
        "minutes": data["minutes"],
    }
    try:
        if meeting is None:
            meeting_add(actor=request.user, project=project, **values)
        else:
            meeting_update(
                actor=request.user, meeting=meeting, version=form.loaded_version, **values
            )
    except DomainError as error:
        error.attach_to(form)
        return form, None
    messages.success(request, _("The meeting has been saved."))
    return form, redirect(_url(project, "meetings"))


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def meeting_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    _require_contribute(request, project)
    form, done = _meeting_form(request, project, None)
    return done or _render_form(
        request,
        project,
        form,
        heading=_("New meeting or site visit"),
        submit=_("Add meeting"),
        anchor="meetings",
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def meeting_edit(request: AuthenticatedHttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    meeting = get_object_or_404(Meeting, pk=meeting_pk, project=project)
    meeting.project = project
    _require_contribute(request, project)
    form, done = _meeting_form(request, project, meeting)
    return done or _render_form(
        request,
        project,
        form,
        heading=_("Edit meeting"),
        submit=_("Save meeting"),
        anchor="meetings",
        intro=_("Afterwards, write the minutes here."),
    )


def _upload(
    request: AuthenticatedHttpRequest, project: ProjectModel, document: Document | None
) -> HttpResponse:
    deliver = can_deliver(request.user, project)
    initial = {}
    if request.GET.get("kategorie") in Document.Category.values and deliver:
        initial["category"] = request.GET["kategorie"]
    form = DocumentUploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        new_version=document is not None,
        deliver=deliver,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = document_upload(
                actor=request.user,
                project=project,
                upload=data["file"],
                title=data.get("title") or None,
                document=document,
                category=data.get("category") or Document.Category.WORKING,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request,
                _("“%(title)s” has been uploaded as version %(number)d.")
                % {"title": version.document.title, "number": version.number},
            )
            return redirect(_url(project, f"document-{version.document_id}"))
    if document is None:
        heading, submit = _("Upload a document"), _("Upload")
    else:
        heading = _("New version of “%(title)s”") % {"title": document.title}
        submit = _("Upload new version")
    return _render_form(
        request,
        project,
        form,
        heading=heading,
        submit=submit,
        anchor="documents" if document is None else f"document-{document.pk}",
        intro=_("Older versions stay available.") if document is not None else "",
        multipart=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    _require_contribute(request, project)
    return _upload(request, project, None)


@login_required
@require_http_methods(["GET", "POST"])
def document_version(request: AuthenticatedHttpRequest, pk: int, document_pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    document = get_object_or_404(Document, pk=document_pk, project=project)
    _require_contribute(request, project)
    if document.category in Document.DELIVERABLES and not can_deliver(request.user, project):
        raise PermissionDenied(
            _("Final deliverables are uploaded by the team, its supervisors and coordinators.")
        )
    return _upload(request, project, document)


@login_required
@require_safe
def document_download(
    request: AuthenticatedHttpRequest, pk: int, document_pk: int, number: int
) -> FileResponse:
    """Only for the people of the workspace; every version stays downloadable."""
    project = workspace_for_member(request.user, pk)
    version = get_object_or_404(
        DocumentVersion, document_id=document_pk, document__project=project, number=number
    )
    try:
        handle = version.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=version.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def post(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A message in the discussion; a refused one comes back in the form, as typed."""
    project = workspace_for_member(request.user, pk)
    _require_contribute(request, project)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            message = post_add(actor=request.user, project=project, text=form.cleaned_data["text"])
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("Your message has been posted."))
            return redirect(_url(project, f"post-{message.pk}"))
    return _render_workspace(request, project, post_form=form, status=422)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def feedback(request: AuthenticatedHttpRequest, pk: int, stage: str) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    if stage not in Feedback.Stage.values:
        raise Http404
    if not can_give_feedback(request.user, project, stage):
        raise PermissionDenied(
            _(
                "Only the partner gives feedback: at mid-term during the work and the final "
                "presentations, at the end from the final presentations on."
            )
        )
    existing = feedback_for(project, stage)
    form = FeedbackForm(_submitted(request), instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            feedback_give(
                actor=request.user,
                project=project,
                stage=stage,
                version=form.loaded_version,
                **form.cleaned_data,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect(_url(project, "feedback"))
    label = Feedback.Stage(stage).label
    return _render_form(
        request,
        project,
        form,
        heading=_("Feedback: %(stage)s") % {"stage": label},
        submit=_("Send feedback"),
        anchor="feedback",
        intro=(
            _("You have already given this feedback; sending it again replaces it.")
            if existing
            else _(
                "Everyone in the workspace reads your feedback, the team and its supervisors too."
            )
        ),
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def deliverables(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = workspace_for_member(request.user, pk)
    if not can_edit_summary(request.user, project):
        raise PermissionDenied(
            _(
                "The summary and the results are written by the team, its supervisors and "
                "coordinators while the project runs, and afterwards by its supervisors and "
                "coordinators."
            )
        )
    form = DeliverablesForm(_submitted(request), instance=ProjectModel.objects.get(pk=project.pk))
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            deliverables_update(
                actor=request.user,
                project=project,
                version=form.loaded_version,
                **form.cleaned_data,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            saved = True
    if saved:
        if project.status == ProjectModel.Status.COMPLETED and project.public_summary:
            messages.success(
                request,
                _("The summary and the results have been saved; the showcase shows the project."),
            )
        else:
            messages.success(request, _("The summary and the results have been saved."))
        return redirect(_url(project, "deliverables"))
    return _render_form(
        request,
        project,
        form,
        heading=_("Summary and results"),
        submit=_("Save"),
        anchor="deliverables",
        intro=(
            _(
                "The project is completed: it appears in the showcase as soon as it has a "
                "summary for the public."
            )
            if project.status == ProjectModel.Status.COMPLETED
            else ""
        ),
    )


_BASE = "projekte/<int:pk>/arbeitsraum/"

urlpatterns: list[URLPattern] = [
    path(_BASE, workspace, name="workspace"),
    path(f"{_BASE}meilensteine/neu/", milestone_new, name="workspace-milestone-new"),
    path(
        f"{_BASE}meilensteine/<int:milestone_pk>/",
        milestone_edit,
        name="workspace-milestone-edit",
    ),
    path(
        f"{_BASE}meilensteine/<int:milestone_pk>/status/",
        milestone_status,
        name="workspace-milestone-status",
    ),
    path(f"{_BASE}termine/neu/", meeting_new, name="workspace-meeting-new"),
    path(f"{_BASE}termine/<int:meeting_pk>/", meeting_edit, name="workspace-meeting-edit"),
    path(f"{_BASE}dokumente/neu/", document_new, name="workspace-document-upload"),
    path(
        f"{_BASE}dokumente/<int:document_pk>/neue-version/",
        document_version,
        name="workspace-document-version",
    ),
    path(
        f"{_BASE}dokumente/<int:document_pk>/versionen/<int:number>/",
        document_download,
        name="workspace-document-download",
    ),
    path(f"{_BASE}diskussion/", post, name="workspace-post"),
    path(f"{_BASE}rueckmeldung/<str:stage>/", feedback, name="workspace-feedback"),
    path(f"{_BASE}ergebnisse/", deliverables, name="workspace-deliverables"),
]
