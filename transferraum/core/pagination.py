"""Page links for paginated result lists: numbers with gaps, previous and next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page


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
