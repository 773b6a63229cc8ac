"""The ventures' part of the start page (core.start): invitations to a founding team and
requests to mentor wait for an answer; founders see their ventures' next gate."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.core.start import IDEA, StartItem, bounded_items, start_register
from transferraum.ventures.models import Founder, Mentorship, Stage
from transferraum.ventures.permissions import can_create
from transferraum.ventures.workflow import next_gate

AREA = "ventures"


def _invitation(founder: Founder) -> StartItem:
    return StartItem(
        title=_("You are invited to found “%(venture)s”") % {"venture": founder.venture.name},
        area=AREA,
        url=founder.venture.get_absolute_url(),
        action=_("Answer"),
    )


def _request(mentorship: Mentorship) -> StartItem:
    return StartItem(
        title=_("“%(venture)s” asks you to be their mentor") % {"venture": mentorship.venture.name},
        area=AREA,
        url=mentorship.venture.get_absolute_url(),
        action=_("Answer"),
    )


def _own(founder: Founder) -> StartItem:
    gate = next_gate(founder.venture.stage)
    return StartItem(
        title=founder.venture.name,
        area=AREA,
        url=founder.venture.get_absolute_url() + "#gate",
        action=_("Next gate"),
        detail=str(Stage(gate).label) if gate else str(Stage(founder.venture.stage).label),
    )


@start_register(AREA, gettext_lazy("Ventures"), order=75)
def items_for(user: Any) -> list[StartItem]:
    more = reverse("ventures:mine")
    founders = Founder.objects.filter(user=user).select_related("venture").order_by("pk")
    items = bounded_items(
        founders.filter(status=Founder.Status.INVITED),
        _invitation,
        more_url=more,
        more_title=_("All your ventures"),
    )
    items += bounded_items(
        Mentorship.objects.filter(mentor=user, status=Mentorship.Status.ASKED)
        .select_related("venture")
        .order_by("pk"),
        _request,
        more_url=more,
        more_title=_("All your ventures"),
    )
    own = bounded_items(
        founders.filter(status=Founder.Status.ACTIVE),
        _own,
        more_url=more,
        more_title=_("All your ventures"),
    )
    if items or own or not can_create(user):
        return items + own
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
