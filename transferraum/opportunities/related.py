"""What opportunities add to other pages (`core.related`): an organisation's published
opportunities, and on a town administration's page the link to its welcome page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.actors.models import Organisation
from transferraum.core.related import ORGANISATION, RelatedGroup, RelatedProvider, related_register
from transferraum.core.site_search import SearchHit, first_and_total
from transferraum.opportunities.models import Opportunity
from transferraum.opportunities.selectors import FeedFilters


def _organisation_opportunities(organisation: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    """The organisation's items on the feed (at most two queries); a town's page also links
    its welcome page ("Leben und Arbeiten in …")."""
    found, total = first_and_total(
        Opportunity.objects.published()
        .filter(organisation_id=organisation.pk)
        .order_by("-published_at", "-pk"),
        limit,
    )
    items = [
        SearchHit(item.title, item.get_absolute_url(), str(item.get_kind_display()))
        for item in found
    ]
    if organisation.kind == Organisation.Kind.TOWN and organisation.municipality_id:
        ags = organisation.municipality.ags
        items.insert(
            0,
            SearchHit(
                _("Living and working in %(town)s") % {"town": organisation.municipality.name},
                reverse("opportunities:welcome", kwargs={"ags": ags}),
                _("Welcome page"),
            ),
        )
        total += 1
    if not items:
        return None
    return RelatedGroup(
        "opportunities",
        gettext_lazy("Opportunities"),
        items,
        total,
        list_url=reverse("opportunities:feed") + FeedFilters(query=organisation.name).querystring(),
    )


related_register(
    RelatedProvider(ORGANISATION, "opportunities", _organisation_opportunities, order=30),
)
