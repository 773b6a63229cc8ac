"""The main menu: entries registered by the apps, shown per person, the current page marked."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from transferraum.core import menu
from transferraum.core.menu import MenuEntry, menu_for, menu_register, signed_in

PUBLIC = [
    "regions:home",
    "regions:region",
    "network:directory",
    "challenges:board",
    "projects:rounds",
    "recommendations:tracker",
    "actors:organisations",
    "network:graph",
]


def urls(links: list[menu.MenuLink]) -> list[str]:
    return [link.url for link in links]


@pytest.fixture
def registry():
    """Restore the registry after a test that registers an entry of its own."""
    saved = dict(menu._ENTRIES)
    yield
    menu._ENTRIES.clear()
    menu._ENTRIES.update(saved)


@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        (None, []),
        ("outsider", ["challenges:mine"]),
        ("officer_eilenburg", ["challenges:mine"]),
        ("student_geography", ["challenges:mine"]),
        (
            "coordinator",
            [
                "challenges:mine",
                "challenges:queue",
                "accounts:role_requests",
                "actors:competences",
            ],
        ),
    ],
)
def test_each_person_sees_the_entries_meant_for_them_in_menu_order(request, persona, extra):
    user = request.getfixturevalue(persona) if persona else AnonymousUser()
    personal = ["start"] if persona else []  # "Mein Bereich" first, for everyone signed in
    assert urls(menu_for(user, "/")) == [reverse(name) for name in personal + PUBLIC + extra]


def test_staff_see_the_administration_last(coordinator):
    coordinator.is_staff = True
    links = menu_for(coordinator, "/")
    assert links[-1].url == reverse("admin:index")


def test_the_current_section_is_marked_on_its_pages_below(db):
    board = reverse("challenges:board")
    links = menu_for(AnonymousUser(), board + "123/")
    assert [link.url for link in links if link.current] == [board]


def test_an_exact_entry_is_marked_only_on_its_own_address(db):
    home = reverse("regions:home")
    assert [link.url for link in menu_for(AnonymousUser(), home) if link.current] == [home]
    assert not any(link.current for link in menu_for(AnonymousUser(), "/impressum/"))


def test_a_new_app_adds_its_entry_without_touching_the_header(client, registry, outsider):
    menu_register(MenuEntry("impressum", "Probewohnen", order=55, visible=signed_in))
    page = client.get(reverse("regions:home")).content.decode()
    assert "Probewohnen" not in page
    client.force_login(outsider)
    page = client.get(reverse("regions:home")).content.decode()
    nav = re.search(r'<nav class="tr-nav".*?</nav>', page, re.S).group(0)
    labels = re.findall(r'class="tr-nav__link"[^>]*>([^<]+)</a>', nav)
    # between "Projekte" (50) and "Empfehlungen" (60)
    assert labels.index("Probewohnen") == labels.index("Projekte") + 1


def test_the_header_marks_the_current_page_in_german(client, db):
    page = client.get(reverse("network:directory")).content.decode()
    assert re.search(r'href="/verzeichnis/" aria-current="page">Verzeichnis</a>', page)
