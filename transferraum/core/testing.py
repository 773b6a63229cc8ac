"""Helpers for tests of list pages: how many rows a page rendered, and that it stayed within its
page size (issue 18: "a test fails when a list view renders more than its page size").

A list marks each of its rows with a data attribute (`data-showcase-item`, `data-team`); the
helpers count the elements that carry it, so a test does not depend on classes or markup that
designers change.

`task_attempt` runs a block as one attempt of a background task, for tests of what a retried
task does again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from types import SimpleNamespace

from django.http import HttpResponse

from transferraum.core.tasks import on_task_started, task_forget


class _Counter(HTMLParser):
    def __init__(self, attribute: str) -> None:
        super().__init__()
        self.attribute = attribute
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == self.attribute for name, _value in attrs):
            self.count += 1


def _html(page: HttpResponse | str | bytes) -> str:
    if isinstance(page, HttpResponse):
        page = page.content
    return page.decode() if isinstance(page, bytes) else page


def rows_marked(page: HttpResponse | str | bytes, attribute: str) -> int:
    """The number of elements of `page` that carry the attribute `attribute`."""
    counter = _Counter(attribute)
    counter.feed(_html(page))
    counter.close()
    return counter.count


def assert_capped(page: HttpResponse | str | bytes, attribute: str, page_size: int) -> int:
    """Fail unless `page` renders between one and `page_size` rows marked with `attribute`;
    returns the number. Create more rows than `page_size` before calling it: a list that lost
    its pagination then renders them all and the test fails."""
    count = rows_marked(page, attribute)
    if count == 0:
        raise AssertionError(f"no element with {attribute!r}: the list or its marker is missing")
    if count > page_size:
        raise AssertionError(f"{count} rows with {attribute!r}, more than the page of {page_size}")
    return count


@contextmanager
def task_attempt(task_id: str) -> Iterator[None]:
    """Code in this block runs as one attempt of the task result `task_id` whose worker is
    lost at the end of the block (`core.tasks.effect_once` sees the task, the task never
    finishes): two blocks with the same id are a task and its retry."""
    on_task_started(None, SimpleNamespace(id=task_id))  # type: ignore[arg-type]
    try:
        yield
    finally:
        task_forget(task_id)
