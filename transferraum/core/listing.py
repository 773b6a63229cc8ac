"""One page of a filtered list: the shape every list view shares.

A list view parses its filters (`core.filters`), selects the matching rows, and then always does
the same: paginate, show the last page for a number beyond it (and say so in the address), build
the page links, the chips of the active filters and the reset link, and tell whether htmx asked
for the results alone and whether the new heading takes the focus. `listing()` does that once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from transferraum.core.filters import Filters
from transferraum.core.htmx import wants_partial
from transferraum.core.pagination import CappedPaginator, pagination_context

F = TypeVar("F", bound=Filters)


@dataclass(frozen=True)
class Listing(Generic[F]):
    filters: F  # with the page number actually shown
    page: Page[Any]
    partial: bool  # htmx asked for the results alone
    context: dict[str, Any]  # filters, page, page links, chips, reset_url, partial, focus_results

    @property
    def counted(self) -> int:
        """How many rows match; a capped list counts at most `COUNT_LIMIT + 1`."""
        paginator = self.page.paginator
        return paginator.counted if isinstance(paginator, CappedPaginator) else paginator.count


def listing(
    request: HttpRequest,
    objects: Any,
    filters: F,
    *,
    url: str,
    per_page: int,
    name: str = "",
    capped: bool = True,
    count: int | None = None,
    number: int | None = None,
    paging: F | None = None,
) -> Listing[F]:
    """The page of `objects` that `filters` asks for, at `url`, `per_page` rows a page.

    `capped` counts at most `COUNT_LIMIT` rows (`CappedPaginator`: for lists over a whole
    region; a template says "more than …" when `page.paginator.capped`); lists bounded by
    their parent (a round's projects) count them all. `count` is a count the view knows
    already (no count query). `number` overrides the page asked for (the page that holds an
    open item). The page links keep `paging` (the filters without what a page change drops).
    `name` is the prefix of the page links' ids (`{name}-page-2`): after htmx followed one,
    the results' heading takes the focus (`focus_results`)."""
    paginator: Paginator[Any]
    if count is not None:
        paginator = Paginator(objects, per_page)
        paginator.count = count
    else:
        paginator = (CappedPaginator if capped else Paginator)(objects, per_page)
    page = paginator.get_page(filters.page if number is None else number)
    # A page number beyond the last shows the last page, and the address says so.
    filters = replace(filters, page=page.number)
    links = replace(paging, page=page.number) if paging is not None else filters
    partial = wants_partial(request)
    trigger = getattr(getattr(request, "htmx", None), "trigger", None) or ""
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        **pagination_context(page, lambda n: url + links.querystring(page=n)),
        "chips": filters.chips(url),
        "reset_url": url,
        "partial": partial,
        # A page link disappears with the old results: the new heading takes the focus
        # (htmx focuses [autofocus] in swapped content).
        "focus_results": bool(name) and partial and trigger.startswith(f"{name}-page-"),
    }
    return Listing(filters=filters, page=page, partial=partial, context=context)
