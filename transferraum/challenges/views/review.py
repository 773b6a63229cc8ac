"""The coordinators' review: the queue, and one challenge with history, advice and actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.models import User
from transferraum.challenges.forms import STEP_FORMS, AssignForm, CommentForm
from transferraum.challenges.models import TopicField
from transferraum.challenges.permissions import can_review
from transferraum.challenges.recommender import recommendations_for
from transferraum.challenges.selectors import (
    QueueFilters,
    challenge_for_reviewer,
    queue_challenges,
)
from transferraum.challenges.services import challenge_assign, next_actions
from transferraum.challenges.workflow import LIFECYCLE
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.listing import listing
from transferraum.core.models import Activity


def _require_coordinator(request: AuthenticatedHttpRequest) -> None:
    if not can_review(request.user):
        raise PermissionDenied(_("Only coordinators review challenges."))


@login_required
@require_safe
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Challenges waiting for the coordinators, oldest submission first; filters in the URL."""
    _require_coordinator(request)
    filters = QueueFilters.from_query(request.GET)
    found = listing(
        request,
        queue_challenges(request.user, filters),
        filters,
        url=reverse("challenges:queue"),
        per_page=30,
        capped=False,  # a queue is worked through: every challenge counts
    )
    return render(
        request,
        "challenges/queue.html",
        found.context
        | {
            "selects": [
                filters.select("status"),
                filters.select("topic", [(t.slug, t.name) for t in TopicField.objects.all()]),
                filters.select("responsible"),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One challenge for the coordinators: text, files, history, comments, format advice,
    assignment and the next steps."""
    challenge = challenge_for_reviewer(request.user, pk)
    assign_form = AssignForm(initial=AssignForm.initial_from(challenge), versioned=challenge)
    if request.method == "POST":
        assign_form = AssignForm(request.POST, versioned=challenge)
        if assign_form.is_valid():
            try:
                challenge_assign(
                    actor=request.user,
                    challenge=challenge,
                    formats=assign_form.cleaned_data["formats"],
                    coordinator=assign_form.cleaned_data["coordinator"],
                    version=assign_form.loaded_version,
                )
            except DomainError as error:
                error.attach_to(assign_form)
            else:
                messages.success(request, _("Formats and responsibility have been saved."))
                return redirect("challenges:review", pk=challenge.pk)
    history = Activity.objects.for_object(challenge).select_related("actor").order_by("created_at")
    return render(
        request,
        "challenges/review.html",
        {
            "challenge": challenge,
            "assign_form": assign_form,
            "comment_form": CommentForm(),
            "comments": challenge.comments.select_related("author"),
            "attachments": challenge.attachments.all(),
            "history": history,
            "recommendations": recommendations_for(challenge),
            "actions": LIFECYCLE.labelled(next_actions(request.user, challenge)),
            "note_actions": STEP_FORMS,  # the steps whose form asks for a note
            "coordinators": User.objects.with_role(User.Role.COORDINATOR),
        },
        status=422 if request.method == "POST" else 200,
    )
