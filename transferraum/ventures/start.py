"""The ventures' part of the start page (core.start): invitations to a founding team and
requests to mentor wait for an answer; founders see their ventures' next gate. One query."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.core.start import IDEA, StartItem, bounded_items, start_register
from transferraum.ventures.models import Founder, Mentorship, Stage, Venture
from transferraum.ventures.permissions import can_create
from transferraum.ventures.workflow import next_gate

AREA = "ventures"
INVITED, ASKED, OWN = 0, 1, 2  # what waits first


def _item(venture: Venture) -> StartItem:
    kind = venture.waiting  # type: ignore[attr-defined]
    if kind == INVITED:
        title = _("You are invited to found “%(venture)s”") % {"venture": venture.name}
        return StartItem(title=title, area=AREA, url=venture.get_absolute_url(), action=_("Answer"))
    if kind == ASKED:
        title = _("“%(venture)s” asks you to be their mentor") % {"venture": venture.name}
        return StartItem(title=title, area=AREA, url=venture.get_absolute_url(), action=_("Answer"))
    gate = next_gate(venture.stage)
    return StartItem(
        title=venture.name,
        area=AREA,
        url=venture.get_absolute_url() + "#gate",
        action=_("Next gate"),
        detail=str(Stage(gate or venture.stage).label),
    )


@start_register(AREA, gettext_lazy("Ventures"), order=75)
def items_for(user: Any) -> list[StartItem]:
    if not user.is_authenticated:
        return []
    founder = Founder.objects.filter(venture=OuterRef("pk"), user_id=user.pk).values("status")[:1]
    mentor = Mentorship.objects.filter(venture=OuterRef("pk"), mentor_id=user.pk).values("status")[
        :1
    ]
    ventures = (
        Venture.objects.annotate(founder=Subquery(founder), mentor=Subquery(mentor))
        .filter(
            Q(founder__in=(Founder.Status.INVITED, Founder.Status.ACTIVE))
            | Q(mentor=Mentorship.Status.ASKED)
        )
        .annotate(
            waiting=Case(
                When(founder=Founder.Status.INVITED, then=Value(INVITED)),
                When(mentor=Mentorship.Status.ASKED, then=Value(ASKED)),
                default=Value(OWN),
                output_field=IntegerField(),
            )
        )
        .only("pk", "name", "stage")
        .order_by("waiting", "name", "pk")
    )
    items = bounded_items(
        ventures, _item, more_url=reverse("ventures:mine"), more_title=_("All your ventures")
    )
    # The idea only for founders: the others start ventures from "My ventures".
    if items or not (can_create(user) and user.has_role(User.Role.FOUNDER)):
        return items
    return [
        StartItem(
            title=_("Start a venture"),
            area=AREA,
            url=reverse("ventures:create"),
            action=_("New venture"),
            detail=_("From the idea to a company in the region, with mentors and funding."),
            kind=IDEA,
        )
    ]
