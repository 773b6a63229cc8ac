"""Page links for paginated result lists: numbers with gaps, previous and next."""

from __future__ import annotations

from collections.abc import Callable, Sized
from dataclasses import dataclass
from typing import Any, TypeGuard

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

# Beyond this many results a list says "more than 1,000" instead of counting them all.
COUNT_LIMIT = 1000


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the gap between distant pages
    url: str
    current: bool


def pagination_context(page: Page[Any], url_for: Callable[[int], str]) -> dict[str, Any]:
    """What `components/pagination.html` needs; `url_for(n)` is the address of page n."""
    links = [
        PageLink(number, url_for(number), number == page.number)
        if isinstance(number, int)
        else PageLink(None, "", False)
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return {
        "page_links": links,
        "previous_url": url_for(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url_for(page.next_page_number()) if page.has_next() else "",
    }


def capped_count(objects: Sized, limit: int = COUNT_LIMIT) -> int:
    """How many there are, counting at most `limit + 1`: more than `limit` reads as such."""
    if isinstance(objects, QuerySet):
        return objects.order_by().values("pk")[: limit + 1].count()
    return min(len(objects), limit + 1)


def counted_in_page(objects: object) -> TypeGuard[QuerySet[Any]]:
    """Whether a window count can come with the page: a search ranked on PostgreSQL, whose
    candidates `core.search.search_queryset` caps at `COUNT_LIMIT + 1` already."""
    return isinstance(objects, QuerySet) and "search_rank" in objects.query.annotations


def with_window_count(objects: QuerySet[Any]) -> QuerySet[Any]:
    """Each row carries how many rows there are in all as `found_candidates`."""
    return objects.annotate(found_candidates=Window(Count("pk")))


def count_text(count: int, limit: int = COUNT_LIMIT) -> str:
    """A count as a list shows it: "more than 1000" when `capped_count` went past the limit."""
    return _("more than %(limit)s") % {"limit": limit} if count > limit else str(count)


class CappedPaginator(Paginator[Any]):
    """A paginator that counts at most `COUNT_LIMIT` results: the count reads the matching rows
    only up to the limit (one bounded query, no second scan of a whole table), and `capped`
    says that there are more; the pages end at the limit. Pages of a search are ordered by
    rank, so the best ones are always among them."""

    limit = COUNT_LIMIT

    @cached_property
    def counted(self) -> int:
        """How many, counting at most `limit + 1` (see `capped_count`)."""
        return capped_count(self.object_list, self.limit)

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.limit)

    @property
    def capped(self) -> bool:
        return self.counted > self.limit

    def get_page(self, number: Any) -> Page[Any]:
        """The page asked for; a search ranked on PostgreSQL is read and counted in one scan
        (its candidates are capped already, see `core.search.search_queryset`): the page's
        rows carry the number of candidates as a window count, so no count query runs. A page
        beyond the results falls back to counting and shows the last page."""
        objects = self.object_list
        if not counted_in_page(objects):
            return super().get_page(number)
        try:
            wanted = max(1, int(number))
        except (TypeError, ValueError):
            wanted = 1
        if wanted > self.limit // self.per_page + 1:
            return super().get_page(number)
        bottom = (wanted - 1) * self.per_page
        rows = list(with_window_count(objects)[bottom : bottom + self.per_page])
        if not rows:
            return super().get_page(number)
        self.__dict__["counted"] = rows[0].found_candidates
        if wanted > self.num_pages:  # past the limit of 1,000 shown
            return super().get_page(number)
        return Page(rows, wanted, self)
