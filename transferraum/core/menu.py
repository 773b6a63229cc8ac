"""The menus, filled by the apps: each registers its entries once, the header shows them.

The main menu has a few sections (Programme, Region, Network, Research, …); each opens as a
disclosure. Beside it, the person's own menu (section `PERSONAL`) holds what is theirs. An app
lists its entries in its `AppConfig.ready()`, each in a section:

    menu_register(
        MenuEntry("challenges:board", _("Challenges"), order=10, section=PROGRAMME),
        MenuEntry("challenges:queue", _("Review queue"), order=50, visible=coordinators),
    )

`section` names the section (Programme unless said otherwise); a new area that needs a section
of its own registers it with `section_register(MenuSection("places", _("Places"), order=25))`.
A section shows only when the person sees at least one of its entries. `order` places an entry
within its section (gaps of ten leave room for new ones), `visible` decides per person, `exact`
marks the entry as the current page only on its own address (not on the pages below it), `covers`
names further addresses whose pages count as the entry's own (the directory covers the
organisation pages). Of all entries that match a page, the one with the longest address is the
current one, and its section is the current section.

The header template reads `main_menu` (sections) and `personal_menu` (links) from the context
processor `core.context_processors.platform`; no template names an app's pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PROGRAMME = "programme"
REGION = "region"
NETWORK = "network"
RESEARCH = "research"
PERSONAL = "personal"


def anyone(user: Any) -> bool:
    return True


def signed_in(user: Any) -> bool:
    return bool(user.is_authenticated)


def coordinators(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


def staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_staff)


@dataclass(frozen=True)
class MenuSection:
    key: str
    label: str | Promise
    order: int


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    order: int
    visible: Callable[[Any], bool] = anyone
    exact: bool = False
    # Whether the entry says so when it is the current page (the admin's entry leaves the site).
    marks_current: bool = True
    section: str = PROGRAMME
    # URL names of further addresses whose pages (and the pages below them) belong to this entry.
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class MenuLink:
    """One entry as a person sees it on one page."""

    url: str
    label: str
    current: bool


@dataclass(frozen=True)
class MenuGroup:
    """One section as a person sees it on one page: its visible entries, in order."""

    key: str
    label: str
    current: bool
    links: list[MenuLink]


_SECTIONS: dict[str, MenuSection] = {}
_ENTRIES: dict[str, MenuEntry] = {}


def section_register(*sections: MenuSection) -> None:
    """Add sections to the menus; registering the same key again replaces its section."""
    for section in sections:
        _SECTIONS[section.key] = section


def menu_register(*entries: MenuEntry) -> None:
    """Add entries to the menus; registering the same address again replaces its entry."""
    for entry in entries:
        _ENTRIES[entry.url_name] = entry


section_register(
    MenuSection(PROGRAMME, _("Programme"), order=10),
    MenuSection(REGION, _("Region"), order=20),
    MenuSection(NETWORK, _("Network"), order=30),
    MenuSection(RESEARCH, _("Research"), order=40),
    MenuSection(PERSONAL, _("My area"), order=1000),
)


def _section_order(key: str) -> int:
    section = _SECTIONS.get(key)
    return section.order if section else 500


def menu_entries() -> list[MenuEntry]:
    """Every registered entry in menu order: by section, then by order within the section."""
    return sorted(
        _ENTRIES.values(),
        key=lambda entry: (
            _section_order(entry.section),
            entry.section,
            entry.order,
            entry.url_name,
        ),
    )


def _match_length(entry: MenuEntry, url: str, path: str) -> int:
    """How much of `path` the entry claims: the length of its matching address, 0 if none."""
    if not entry.marks_current:
        return 0
    if entry.exact:
        return len(url) if path == url else 0
    prefixes = [url, *(reverse(name) for name in entry.covers)]
    return max((len(prefix) for prefix in prefixes if path.startswith(prefix)), default=0)


def _visible_entries(user: Any, path: str) -> list[tuple[MenuEntry, MenuLink]]:
    found = []
    for entry in menu_entries():
        if entry.visible(user):
            url = reverse(entry.url_name)
            found.append((entry, url, _match_length(entry, url, path)))
    best = max((length for _entry, _url, length in found), default=0)
    return [
        (entry, MenuLink(url=url, label=str(entry.label), current=bool(best) and length == best))
        for entry, url, length in found
    ]


def menu_for(user: Any, path: str) -> list[MenuLink]:
    """The entries this person sees, in menu order, with the one for `path` marked as current."""
    return [link for _entry, link in _visible_entries(user, path)]


def menu_sections_for(user: Any, path: str) -> list[MenuGroup]:
    """The sections this person sees (each with at least one entry), the current one marked."""
    groups: dict[str, list[MenuLink]] = {}
    for entry, link in _visible_entries(user, path):
        groups.setdefault(entry.section, []).append(link)
    return [
        MenuGroup(
            key=key,
            label=str(_SECTIONS[key].label) if key in _SECTIONS else key,
            current=any(link.current for link in links),
            links=links,
        )
        for key, links in groups.items()
    ]


def main_menu_for(user: Any, path: str) -> tuple[list[MenuGroup], list[MenuLink]]:
    """The main menu's sections and the person's own menu, for the header."""
    sections = menu_sections_for(user, path)
    personal = next((group.links for group in sections if group.key == PERSONAL), [])
    return [group for group in sections if group.key != PERSONAL], personal
