"""What trial living adds to other pages (`core.related`): a town's welcome page lists the
town's trial-living calls, open ones first."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.core.related import TOWN, RelatedGroup, RelatedProvider, related_register
from transferraum.core.site_search import SearchHit, first_and_total
from transferraum.talent.selectors.trial import calls_for_viewer


def _town_calls(town: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    """The published calls of the town (at most two queries)."""
    found, total = first_and_total(
        calls_for_viewer(viewer).filter(municipality_id=town.pk).order_by("-starts_on", "pk"),
        limit,
    )
    if not found:
        return None
    items = [
        SearchHit(
            call.title,
            call.get_absolute_url(),
            _("%(start)s to %(end)s")
            % {
                "start": formats.date_format(call.starts_on, "SHORT_DATE_FORMAT"),
                "end": formats.date_format(call.ends_on, "SHORT_DATE_FORMAT"),
            },
        )
        for call in found
    ]
    return RelatedGroup(
        "trial_living", gettext_lazy("Trial living"), items, total, list_url=reverse("talent:calls")
    )


related_register(RelatedProvider(TOWN, "trial_living", _town_calls, order=10))
