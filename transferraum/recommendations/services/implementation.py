"""The implementation: milestones and the progress, kept by the partner from the adoption on."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.recommendations import permissions, selectors
from transferraum.recommendations.models import ImplementationMilestone, Recommendation
from transferraum.recommendations.services.common import locked, record

# --- implementation -------------------------------------------------------------------------


def _check_percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise DomainError(
            _("Please give the progress as a whole number from 0 to 100."), field="progress"
        )
    return int(value)


def _progress_follow(recommendation: Recommendation) -> None:
    """Unless set by hand, the progress is the mean of the milestones (rounded half up)."""
    if recommendation.progress_is_manual:
        return
    values = list(recommendation.milestones.values_list("progress", flat=True))
    if values:
        recommendation.progress = (2 * sum(values) + len(values)) // (2 * len(values))
        recommendation.save(update_fields=["progress", "updated_at"])


def _may_manage(actor: User, recommendation: Recommendation) -> None:
    if not permissions.can_manage_milestones(actor, recommendation):
        raise PermissionDenied(
            _(
                "Only people of %(partner)s or the coordinators keep the implementation up to "
                "date, from the adoption until it is implemented."
            )
            % {"partner": selectors.partner_name(recommendation)}
        )


@transaction.atomic
def milestone_add(
    *,
    actor: User,
    recommendation: Recommendation,
    title: str,
    due: date | None = None,
    progress: int = 0,
) -> ImplementationMilestone:
    """Plan a step of the implementation (the partner's side, adopted until implemented).
    Raises PermissionDenied, DomainError (no title, progress not 0–100)."""
    recommendation = locked(recommendation)
    _may_manage(actor, recommendation)
    title = title.strip()
    if not title:
        raise DomainError(_("Please give the milestone a title."), field="title")
    progress = _check_percent(progress)
    milestone = ImplementationMilestone.objects.create(
        recommendation=recommendation,
        title=title,
        due=due,
        progress=progress,
        done=progress == 100,
    )
    _progress_follow(recommendation)
    record(
        recommendation=recommendation,
        actor=actor,
        action="milestone_added",
        from_status=recommendation.status,
        data={"milestone": title, "progress": progress, "overall": recommendation.progress},
    )
    return milestone


@transaction.atomic
def milestone_update(
    *,
    actor: User,
    milestone: ImplementationMilestone,
    title: str | None = None,
    due: date | None = None,
    progress: int | None = None,
    done: bool | None = None,
) -> ImplementationMilestone:
    """Update a milestone: done means 100 percent, 100 percent means done; reopening a done one
    without a progress sets it back to 90. The recommendation's progress follows (the mean).
    Raises PermissionDenied, DomainError."""
    recommendation = locked(milestone.recommendation)
    _may_manage(actor, recommendation)
    milestone = ImplementationMilestone.objects.select_for_update().get(pk=milestone.pk)
    if title is not None:
        if not title.strip():
            raise DomainError(_("Please give the milestone a title."), field="title")
        milestone.title = title.strip()
    if due is not None:
        milestone.due = due
    if progress is not None:
        milestone.progress = _check_percent(progress)
        milestone.done = milestone.progress == 100
    if done is True:
        milestone.done, milestone.progress = True, 100
    elif done is False and milestone.done:
        milestone.done = False
        if progress is None or progress == 100:
            milestone.progress = 90
    milestone.save()
    _progress_follow(recommendation)
    record(
        recommendation=recommendation,
        actor=actor,
        action="milestone_updated",
        from_status=recommendation.status,
        data={
            "milestone": milestone.title,
            "progress": milestone.progress,
            "overall": recommendation.progress,
        },
    )
    return milestone


@transaction.atomic
def recommendation_progress_set(
    *, actor: User, recommendation: Recommendation, progress: int | None
) -> Recommendation:
    """Set the progress by hand (it then stays until set again), or with None return to the mean
    of the milestones. Raises PermissionDenied, DomainError."""
    recommendation = locked(recommendation)
    _may_manage(actor, recommendation)
    if progress is None:
        recommendation.progress_is_manual = False
        recommendation.save(update_fields=["progress_is_manual", "updated_at"])
        _progress_follow(recommendation)
    else:
        recommendation.progress = _check_percent(progress)
        recommendation.progress_is_manual = True
        recommendation.save(update_fields=["progress", "progress_is_manual", "updated_at"])
    record(
        recommendation=recommendation,
        actor=actor,
        action="progress_set",
        from_status=recommendation.status,
        data={"overall": recommendation.progress, "by_hand": recommendation.progress_is_manual},
    )
    return recommendation
