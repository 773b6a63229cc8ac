"""The search across the whole platform (`/suche/`, the field in the header), filled by the apps.

`core` knows no app: each app that has something to find registers a provider in a module
`<app>/site_search.py`, which `CoreConfig.ready()` imports for every installed app
(`autodiscover_modules("site_search")`), so a new area joins without touching `core`, the page
or any `apps.py`:

    # transferraum/events/site_search.py
    from django.utils.translation import gettext_lazy as _

    from transferraum.core.site_search import SearchHit, SearchProvider, search_register
    from transferraum.events.selectors import events_visible_to

    def _events(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
        found = search_queryset(events_visible_to(viewer), query)
        return [SearchHit(e.title, e.get_absolute_url(), e.town) for e in found[:limit]], \
            found.count()

    search_register(SearchProvider("events", _("Events"), _events, order=60,
                                   list_url=lambda query: reverse("events:list") + f"?q=…"))

A provider answers `(query, viewer, limit) -> (hits, total)`: at most `limit` hits, best first,
and how many it found in all. It owns the rules of its kind: it reads through the app's
selector scoped to `viewer` (nobody finds what they may not see) and matches the stored,
stemmed `search_text` with `core.search.search_queryset` (no search document is computed per
row at query time), in a constant number of queries. `list_url(query)` is the kind's own list
page filtered by the query ("all 23 on the board"), where one exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.core.filters import Filters, search
from transferraum.core.pagination import (
    COUNT_LIMIT,
    capped_count,
    count_text,
    counted_in_page,
    with_window_count,
)
from transferraum.core.search import query_stems

M = TypeVar("M", bound=Model)

QUERY_MAX_LENGTH = 200
HITS_PER_KIND = 5


@dataclass(frozen=True)
class SearchHit:
    """One thing found: its name, its page and a short line that tells it apart."""

    title: str
    url: str
    detail: str = ""


SearchFunction = Callable[[str, Any, int], tuple[list[SearchHit], int]]


@dataclass(frozen=True)
class SearchProvider:
    kind: str
    label: str | Promise
    search: SearchFunction
    order: int
    # The kind's own list page filtered by the query, if it has one.
    list_url: Callable[[str], str] | None = None


@dataclass(frozen=True)
class SearchGroup:
    """The hits of one kind as a person sees them on one page."""

    kind: str
    label: str
    hits: list[SearchHit]
    total: int
    list_url: str

    @property
    def more(self) -> bool:
        return self.total > len(self.hits)

    @property
    def capped(self) -> bool:
        return self.total > COUNT_LIMIT

    @property
    def total_text(self) -> str:
        """The total as the page shows it ("more than 1000")."""
        return count_text(self.total)


def first_and_total(queryset: QuerySet[M], limit: int) -> tuple[list[M], int]:
    """The first `limit` rows and how many there are in all: one query, a second (the count,
    which stops past `COUNT_LIMIT`) only when the first `limit` are not all. A search ranked on
    PostgreSQL counts in the same query (`core.pagination.with_window_count`)."""
    if counted_in_page(queryset):
        ranked = list(with_window_count(queryset)[:limit])
        return ranked, ranked[0].found_candidates if ranked else 0
    first = list(queryset[:limit])
    return first, capped_count(queryset) if len(first) == limit else len(first)


_PROVIDERS: dict[str, SearchProvider] = {}


def search_register(*providers: SearchProvider) -> None:
    """Add providers; registering a kind again replaces it (a module imported twice)."""
    for provider in providers:
        _PROVIDERS[provider.kind] = provider


def search_providers() -> list[SearchProvider]:
    return sorted(_PROVIDERS.values(), key=lambda provider: (provider.order, provider.kind))


@dataclass(frozen=True)
class SiteSearchFilters(Filters):
    """The words of the search page (`q`): whitespace collapsed, NUL bytes dropped, cut short."""

    query: str = search("q", label=_("Search"), max_length=QUERY_MAX_LENGTH)


def site_search(query: str, viewer: Any, *, limit: int = HITS_PER_KIND) -> list[SearchGroup]:
    """Every kind's hits for `query` as `viewer` may see them, in the providers' order; kinds
    without hits are left out. Nothing is searched for a query without a word of two letters."""
    if not query_stems(query):
        return []
    groups = []
    for provider in search_providers():
        hits, total = provider.search(query, viewer, limit)
        if total:
            groups.append(
                SearchGroup(
                    kind=provider.kind,
                    label=str(provider.label),
                    hits=hits[:limit],
                    total=total,
                    list_url=provider.list_url(query) if provider.list_url else "",
                )
            )
    return groups
