"""The main menu, filled by the apps: each registers its entries once, the header shows them.

An app lists its entries in its `AppConfig.ready()`:

    menu_register(
        MenuEntry("challenges:board", _("Challenges"), order=40),
        MenuEntry("challenges:queue", _("Review queue"), order=100, visible=coordinators),
    )

`order` places an entry among all apps' entries (gaps of ten leave room for new ones), `visible`
decides per person, `exact` marks the entry as the current page only on its own address (not on
the pages below it). The header template reads `main_menu` from the context processor
`core.context_processors.platform`; no template names an app's pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise


def anyone(user: Any) -> bool:
    return True


def signed_in(user: Any) -> bool:
    return bool(user.is_authenticated)


def coordinators(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


def staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_staff)


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    order: int
    visible: Callable[[Any], bool] = anyone
    exact: bool = False
    # Whether the entry says so when it is the current page (the admin's entry leaves the site).
    marks_current: bool = True


@dataclass(frozen=True)
class MenuLink:
    """One entry as a person sees it on one page."""

    url: str
    label: str
    current: bool


_ENTRIES: dict[str, MenuEntry] = {}


def menu_register(*entries: MenuEntry) -> None:
    """Add entries to the main menu; registering the same address again replaces its entry."""
    for entry in entries:
        _ENTRIES[entry.url_name] = entry


def menu_entries() -> list[MenuEntry]:
    """Every registered entry in menu order."""
    return sorted(_ENTRIES.values(), key=lambda entry: (entry.order, entry.url_name))


def menu_for(user: Any, path: str) -> list[MenuLink]:
    """The entries this person sees, with the one for `path` marked as current."""
    links = []
    for entry in menu_entries():
        if not entry.visible(user):
            continue
        url = reverse(entry.url_name)
        current = entry.marks_current and (path == url if entry.exact else path.startswith(url))
        links.append(MenuLink(url=url, label=str(entry.label), current=current))
    return links
