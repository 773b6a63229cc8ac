"""The start page (core.start): a researcher with nothing waiting is offered the indicators
(coordinators reach them through the menu; their empty page stays empty)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.core.start import IDEA, StartItem, start_register
from transferraum.indicators.permissions import can_view_dashboard

AREA = "indicators"


@start_register(AREA, gettext_lazy("Indicators"), order=90)
def items_for(user: Any) -> list[StartItem]:
    if not (can_view_dashboard(user) and user.has_role(User.Role.RESEARCHER)):
        return []
    return [
        StartItem(
            title=_("See what the programme achieves: the indicators and their records"),
            area=AREA,
            url=reverse("indicators:dashboard"),
            action=_("Open the indicators"),
            kind=IDEA,
        )
    ]
