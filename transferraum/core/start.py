"""The start page "Mein Bereich": what waits for a person, gathered from every app, without
`core` knowing them.

Each app that has something for a person's start page puts a provider into `<app>/start.py`:

    from transferraum.core.start import StartItem, bounded_items, start_register

    @start_register("challenges", _("Challenges"), order=40)
    def items_for(user: User) -> list[StartItem]:
        return bounded_items(
            challenges_to_finish(user),
            lambda c: StartItem(title=c.title, area="challenges", url=…, action=_("Continue")),
            more_url=reverse("challenges:mine"),
            more_title=_("All challenges of your organisations"),
        )

`CoreConfig.ready()` imports every installed app's `start` module (`autodiscover_modules`, as
the admin finds `admin.py`), so registering is all an app does; the page (`core.views.start`,
`/mein-bereich/`) never names an app. A provider:

- returns what waits for *this* person now, computed from what exists (no stored to-do list):
  each `StartItem` has one link to act and, where there is one, its due date or moment;
- is bounded: at most `LIMIT` items of a kind (`bounded_items` reads `LIMIT + 1` rows and adds
  a "show all" item linking to the app's list page when there are more) and a constant number
  of queries however many items there are (`select_related`/`prefetch_related`/annotations);
- may add `idea` items: what the person can start. They are shown only when nothing waits for
  the person in any area (the page's empty state).

Areas appear in `order` (gaps of ten, as in `core.menu`); within an area items keep the
provider's order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

LIMIT = 10
T = TypeVar("T")

Kind = Literal["task", "more", "idea"]
TASK: Kind = "task"
MORE: Kind = "more"
IDEA: Kind = "idea"


@dataclass(frozen=True)
class StartItem:
    """One thing on a person's start page.

    `area` is the key the provider registered; `url` is where the person acts and `action` the
    label of that link; `due` a date or an aware moment when something is due (shown in Berlin
    time, marked when past); `detail` a short line under the title. `kind`: a `task` waits for
    the person, `more` links to the whole list when a kind was cut at `LIMIT`, an `idea` is
    something the person can start (shown only when no task waits anywhere)."""

    title: str
    area: str
    url: str
    action: str
    due: dt.date | dt.datetime | None = None
    detail: str = ""
    kind: Kind = TASK

    def is_overdue(self, now: dt.datetime) -> bool:
        if self.due is None:
            return False
        if isinstance(self.due, dt.datetime):
            return self.due < now
        return self.due < timezone.localdate(now)

    @property
    def due_is_moment(self) -> bool:
        return isinstance(self.due, dt.datetime)


Provider = Callable[[Any], list[StartItem]]


@dataclass(frozen=True)
class StartArea:
    key: str
    label: str | Promise
    order: int
    provider: Provider


@dataclass(frozen=True)
class StartRow:
    item: StartItem
    overdue: bool


@dataclass(frozen=True)
class StartGroup:
    """One area of the page as a person sees it."""

    key: str
    label: str
    rows: list[StartRow] = field(default_factory=list)


@dataclass(frozen=True)
class StartPage:
    groups: list[StartGroup]
    ideas: list[StartItem]

    @property
    def is_empty(self) -> bool:
        return not self.groups


_AREAS: dict[str, StartArea] = {}


def start_register(key: str, label: str | Promise, *, order: int) -> Callable[[Provider], Provider]:
    """Register `items_for(user) -> list[StartItem]` as the provider of an area; registering
    the same key again replaces it (a reloaded module does not count twice)."""

    def register(provider: Provider) -> Provider:
        _AREAS[key] = StartArea(key=key, label=label, order=order, provider=provider)
        return provider

    return register


def start_areas() -> list[StartArea]:
    """Every registered area in page order."""
    return sorted(_AREAS.values(), key=lambda area: (area.order, area.key))


def bounded(
    items: Sequence[StartItem], *, more_url: str = "", more_title: str = "", limit: int = LIMIT
) -> list[StartItem]:
    """At most `limit` items of one kind; when there were more (pass `limit + 1`) and the app has
    a page listing them all, a "show all" item titled `more_title` links there."""
    shown = list(items[:limit])
    if len(items) > limit and more_url:
        shown.append(
            StartItem(
                title=more_title,
                area=shown[-1].area,
                url=more_url,
                action=_("Show all"),
                kind=MORE,
            )
        )
    return shown


def bounded_items(
    rows: QuerySet[Any, T] | Sequence[T],
    item: Callable[[T], StartItem],
    *,
    more_url: str = "",
    more_title: str = "",
    limit: int = LIMIT,
) -> list[StartItem]:
    """The start page's shape of a kind: reads `limit + 1` of `rows` (one query for a QuerySet),
    makes an item of each with `item` and passes them through `bounded`: at most `limit`, and a
    "show all" item linking to `more_url` when there were more."""
    return bounded(
        [item(row) for row in rows[: limit + 1]],
        more_url=more_url,
        more_title=more_title,
        limit=limit,
    )


def start_page_for(user: Any, *, now: dt.datetime | None = None) -> StartPage:
    """What waits for `user` in every area (areas without tasks left out), and the ideas for the
    empty state."""
    now = now or timezone.now()
    groups: list[StartGroup] = []
    ideas: list[StartItem] = []
    for area in start_areas():
        items = area.provider(user)
        rows = [StartRow(item, item.is_overdue(now)) for item in items if item.kind != IDEA]
        ideas.extend(item for item in items if item.kind == IDEA)
        if any(row.item.kind == TASK for row in rows):
            groups.append(StartGroup(key=area.key, label=str(area.label), rows=rows))
    return StartPage(groups=groups, ideas=ideas)
