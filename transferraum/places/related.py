"""What innovation places add to other pages (`core.related`): a town's welcome page lists the
places in the town where one can work or build."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy

from transferraum.core.related import TOWN, RelatedGroup, RelatedProvider, related_register
from transferraum.core.site_search import SearchHit, first_and_total
from transferraum.places.selectors import places_for_viewer


def _town_places(town: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    """The town's innovation places (at most two queries)."""
    found, total = first_and_total(places_for_viewer(viewer).filter(municipality_id=town.pk), limit)
    if not found:
        return None
    items = [
        SearchHit(place.name, place.get_absolute_url(), str(place.get_kind_display()))
        for place in found
    ]
    return RelatedGroup(
        "places", gettext_lazy("Innovation places"), items, total, list_url=reverse("places:places")
    )


related_register(RelatedProvider(TOWN, "places", _town_places, order=20))
