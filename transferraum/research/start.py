"""The research area's part of the start page (core.start): a researcher sees the waves of
their studies that are open (closing date as due) or due to be invited; without a study, the
idea to start one."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.core.start import IDEA, StartItem, bounded_items, start_register
from transferraum.research.models import Study, Wave
from transferraum.research.permissions import is_researcher

AREA = "research"


def _item(wave: Wave) -> StartItem:
    if wave.status == Wave.Status.PLANNED:
        title = _("Wave “%(wave)s” is due to be invited") % {"wave": wave.name}
        action, due = _("Invite"), wave.invite_on
    else:
        title = _("Wave “%(wave)s” is open") % {"wave": wave.name}
        action, due = _("See the responses"), wave.closes_at
    return StartItem(
        title=title,
        area=AREA,
        url=wave.get_absolute_url(),
        action=action,
        due=due,
        detail=wave.study.title,
    )


@start_register(AREA, gettext_lazy("Accompanying research"), order=70)
def items_for(user: Any) -> list[StartItem]:
    if not is_researcher(user):
        return []
    now = timezone.now()
    waves = (
        Wave.objects.filter(study__researchers=user)
        .filter(
            Q(status=Wave.Status.OPEN, closes_at__gt=now)
            | Q(status=Wave.Status.PLANNED, invite_on__lte=timezone.localdate(now))
        )
        .select_related("study")
        .order_by("closes_at", "pk")
    )
    items = bounded_items(
        waves, _item, more_url=reverse("research:studies"), more_title=_("All your studies")
    )
    if items or Study.objects.filter(researchers=user).exists():
        return items
    return [
        StartItem(
            title=_("Start a study of the accompanying research"),
            area=AREA,
            url=reverse("research:study-new"),
            action=_("New study"),
            detail=_("Surveys with consent, waves and pseudonyms, on the programme's own data."),
            kind=IDEA,
        )
    ]
