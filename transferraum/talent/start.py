"""The talent area's part of the start page (core.start): messages from organisations waiting
for the person's answer, and applications waiting for a town's decision."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.core.start import StartItem, bounded_items, start_register
from transferraum.talent.models import TalentContact, TrialApplication

AREA = "talent"


def _contact_item(contact: TalentContact) -> StartItem:
    return StartItem(
        title=_("%(organisation)s wrote to you through the talent pool")
        % {"organisation": contact.organisation.name},
        area=AREA,
        url=reverse("talent:contact-answer", args=[contact.pk]),
        action=_("Read and answer"),
    )


def _application_item(application: TrialApplication) -> StartItem:
    return StartItem(
        title=_("Application to “%(call)s” waits for a decision")
        % {"call": application.call.title},
        area=AREA,
        url=application.call.get_absolute_url(),
        action=_("Decide"),
        due=application.call.starts_on,
    )


@start_register(AREA, gettext_lazy("Talent into the region"), order=75)
def items_for(user: Any) -> list[StartItem]:
    contacts = (
        TalentContact.objects.filter(profile__person=user, answered_at__isnull=True)
        .select_related("organisation")
        .order_by("-sent_at", "pk")
    )
    items = bounded_items(
        contacts,
        _contact_item,
        more_url=reverse("talent:inbox"),
        more_title=_("All messages from organisations"),
    )
    applications = (
        TrialApplication.objects.filter(
            status=TrialApplication.Status.SUBMITTED, call__town__memberships__user=user
        )
        .select_related("call")
        .order_by("call__starts_on", "pk")
    )
    items += bounded_items(
        applications,
        _application_item,
        more_url=reverse("talent:calls"),
        more_title=_("All trial-living calls"),
    )
    return items
