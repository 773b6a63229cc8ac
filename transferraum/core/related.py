"""Connections between pages, filled by the apps: what belongs to the thing a page shows.

A page of a lower app cannot name the apps above it (a challenge does not know its projects'
app), so the apps above register what they add to it, in a module `<app>/related.py` that
`CoreConfig.ready()` imports for every installed app (`autodiscover_modules("related")`):

    # transferraum/projects/related.py
    related_register(RelatedProvider(CHALLENGE, "projects", _challenge_projects, order=10))

`target` names the page (`CHALLENGE`, `ORGANISATION`, `PERSON`, `PROJECT`, `TOWN` below); a
provider answers `(obj, viewer, limit) -> RelatedGroup | None` through its app's selectors
scoped to `viewer`, in a constant number of queries (a bounded slice and a count), and `None`
when it has nothing to show. The page calls `related_for(target, obj, viewer)` and includes
`components/related_groups.html`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from transferraum.core.site_search import SearchHit

CHALLENGE = "challenge"
ORGANISATION = "organisation"
# The person's own account page (`accounts:profile`).
PERSON = "person"
# A project's public page (`projects:project`).
PROJECT = "project"
# A town's welcome page ("Leben und Arbeiten in …", `opportunities:welcome`): the object is the
# town's `regions.Municipality`.
TOWN = "town"

RELATED_LIMIT = 5


@dataclass(frozen=True)
class RelatedGroup:
    """Some of the things of one kind that belong to the page, how many there are in all, and
    where to see them all (empty: nowhere)."""

    kind: str
    label: str | Promise
    items: list[SearchHit]
    total: int
    list_url: str = ""
    # Said when the group is there but empty (only where an empty list means something).
    empty_text: str | Promise = ""

    @property
    def more(self) -> bool:
        return self.total > len(self.items)


RelatedFunction = Callable[[Any, Any, int], "RelatedGroup | None"]


@dataclass(frozen=True)
class RelatedProvider:
    target: str
    kind: str
    related: RelatedFunction
    order: int


_PROVIDERS: dict[tuple[str, str], RelatedProvider] = {}


def related_register(*providers: RelatedProvider) -> None:
    """Add providers; registering a (target, kind) again replaces it."""
    for provider in providers:
        _PROVIDERS[provider.target, provider.kind] = provider


def related_for(
    target: str, obj: Any, viewer: Any, *, limit: int = RELATED_LIMIT
) -> list[RelatedGroup]:
    """The groups the apps add to the page of `obj`, in their order; providers with nothing to
    show are left out."""
    providers = sorted(
        (p for p in _PROVIDERS.values() if p.target == target), key=lambda p: (p.order, p.kind)
    )
    groups = []
    for provider in providers:
        group = provider.related(obj, viewer, limit)
        if group is not None:
            groups.append(group)
    return groups
