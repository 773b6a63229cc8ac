"""What a person with the public role can start (core.start): ask for a role.

The role-request page (`accounts:role_request`) arrives with the role requests of issue 17;
until its URL exists, the start page offers nothing here."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.core.start import IDEA, StartItem, start_register

AREA = "account"


def role_request_url() -> str:
    """The address of the role-request page, or "" while there is none."""
    try:
        return reverse("accounts:role_request")
    except NoReverseMatch:
        return ""


@start_register(AREA, gettext_lazy("Your account"), order=10)
def items_for(user: User) -> list[StartItem]:
    url = role_request_url()
    if user.role != User.Role.PUBLIC or not url:
        return []
    return [
        StartItem(
            title=_("Take part in the programme"),
            area=AREA,
            url=url,
            action=_("Ask for a role"),
            detail=_(
                "As a student, supervisor, researcher, founder or staff of an organisation: "
                "the coordinators grant the role."
            ),
            kind=IDEA,
        )
    ]
