"""What waits for a person on their start page (core.start): items to publish for
coordinators; drafts, items about to expire and new applications for the organisations."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.start import IDEA, StartItem, bounded_items, start_register
from transferraum.opportunities.models import REMIND_DAYS_BEFORE, Application, Opportunity
from transferraum.opportunities.workflow import LIFECYCLE

AREA = "opportunities"
S = Opportunity.Status


def _to_publish() -> list[StartItem]:
    waiting = (
        Opportunity.objects.filter(status=S.SUBMITTED)
        .select_related("organisation")
        .order_by("updated_at", "pk")
    )
    return bounded_items(
        waiting,
        lambda item: StartItem(
            title=item.title,
            area=AREA,
            url=item.get_absolute_url(),
            action=str(LIFECYCLE["publish"].label),
            detail=_("Submitted by %(organisation)s") % {"organisation": item.organisation.name},
        ),
        more_url=reverse("opportunities:queue"),
        more_title=_("All opportunities to publish"),
    )


def _of_organisations(user: User) -> list[StartItem]:
    """Drafts, and published items that leave the feed within a week."""
    soon = timezone.localdate() + timedelta(days=REMIND_DAYS_BEFORE)
    items = (
        Opportunity.objects.filter(organisation__memberships__user=user)
        .filter(Q(status=S.DRAFT) | Q(status=S.PUBLISHED, expires_on__lte=soon))
        .select_related("organisation")
        .distinct()
        .order_by("status", "expires_on", "pk")
    )
    return bounded_items(
        items,
        lambda item: StartItem(
            title=item.title or _("(untitled draft)"),
            area=AREA,
            url=item.get_absolute_url(),
            action=_("Finish and submit the draft")
            if item.status == S.DRAFT
            else str(LIFECYCLE["renew"].label),
            detail=f"{item.get_status_display()}, {item.organisation.name}",
            due=item.expires_on if item.status == S.PUBLISHED else None,
        ),
        more_url=reverse("opportunities:ours"),
        more_title=_("All opportunities of your organisations"),
    )


def _new_applications(user: User) -> list[StartItem]:
    applications = (
        Application.objects.filter(
            opportunity__organisation__memberships__user=user,
            status=Application.Status.SUBMITTED,
        )
        .select_related("opportunity")
        .distinct()
        .order_by("created_at", "pk")
    )
    return bounded_items(
        applications,
        lambda application: StartItem(
            title=application.opportunity.title,
            area=AREA,
            url=application.get_absolute_url(),
            action=_("Look at the application"),
            detail=_("A new application"),
        ),
        more_url=reverse("opportunities:ours"),
        more_title=_("All opportunities of your organisations"),
    )


@start_register(AREA, gettext_lazy("Opportunities"), order=65)
def items_for(user: User) -> list[StartItem]:
    items: list[StartItem] = []
    if user.is_coordinator:
        items += _to_publish()
    if Organisation.objects.filter(memberships__user=user).exists():
        items += _of_organisations(user) + _new_applications(user)
    elif not user.is_coordinator:
        items.append(
            StartItem(
                title=_("Opportunities in the region"),
                area=AREA,
                url=reverse("opportunities:feed"),
                action=_("Look at the opportunities"),
                detail=_("Save a search and we e-mail you what is new."),
                kind=IDEA,
            )
        )
    return items
