"""The talent area's part of the start page (core.start): messages from organisations waiting
for the person's answer, and applications waiting for a town's decision."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
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
    # The roles are read once per request: people without them cost this area no query.
    items: list[StartItem] = []
    if user.has_role(User.Role.STUDENT):
        items += _contacts(user)
    if user.has_role(User.Role.STAFF):
        items += _applications(user)
    return items


def _contacts(user: Any) -> list[StartItem]:
    contacts = (
        TalentContact.objects.filter(profile__person=user, answered_at__isnull=True)
        .select_related("organisation")
        .order_by("-sent_at", "pk")
    )
    return bounded_items(
        contacts,
        _contact_item,
        more_url=reverse("talent:inbox"),
        more_title=_("All messages from organisations"),
    )


def _applications(user: Any) -> list[StartItem]:
    applications = (
        TrialApplication.objects.filter(
            status=TrialApplication.Status.SUBMITTED, call__town__memberships__user=user
        )
        .select_related("call")
        .order_by("call__starts_on", "pk")
    )
    return bounded_items(
        applications,
        _application_item,
        more_url=reverse("talent:calls"),
        more_title=_("All trial-living calls"),
    )
