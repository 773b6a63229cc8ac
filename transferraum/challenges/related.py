"""What challenges add to other pages (`core.related`): an organisation's challenges and the
challenges a person follows (on their own account page)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from transferraum.challenges.selectors import followed_challenges, organisation_challenges
from transferraum.core.related import (
    ORGANISATION,
    PERSON,
    RelatedGroup,
    RelatedProvider,
    related_register,
)
from transferraum.core.site_search import SearchHit, first_and_total


def _organisation_challenges(organisation: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    """The organisation's challenges `viewer` may see (at most two queries)."""
    challenges, total = first_and_total(organisation_challenges(viewer, organisation.pk), limit)
    if not challenges:
        return None
    items = [
        SearchHit(challenge.title, challenge.get_absolute_url(), challenge.get_status_display())
        for challenge in challenges
    ]
    return RelatedGroup("challenges", _("Challenges"), items, total)


def _followed_challenges(user: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    """The challenges the person follows (at most two queries); only on their own page."""
    if user.pk != viewer.pk:
        return None
    challenges, total = first_and_total(followed_challenges(user), limit)
    items = [
        SearchHit(
            challenge.title,
            challenge.get_absolute_url(),
            f"{challenge.organisation.name} · {challenge.get_status_display()}",
        )
        for challenge in challenges
    ]
    return RelatedGroup(
        "followed",
        _("Challenges you follow"),
        items,
        total,
        empty_text=_(
            "You follow no challenge yet. Follow one on its page to hear when work on it starts "
            "or ends."
        ),
    )


related_register(
    RelatedProvider(ORGANISATION, "challenges", _organisation_challenges, order=10),
    RelatedProvider(PERSON, "followed", _followed_challenges, order=10),
)
