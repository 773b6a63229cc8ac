"""The menus: entries registered by the apps into sections, shown per person, the current page
and section marked."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from transferraum.core import menu
from transferraum.core.menu import (
    NETWORK,
    PERSONAL,
    MenuEntry,
    MenuSection,
    main_menu_for,
    menu_for,
    menu_register,
    section_register,
    signed_in,
)

# In menu order: by section (Programme, Region, Network, …, the personal menu last), then by order.
PROGRAMME = ["challenges:board", "projects:rounds", "recommendations:tracker"]
REGION = [
    "regions:region",
    "network:map",
    "opportunities:feed",
    "places:places",
    "talent:calls",
]
OWN = [
    "start",
    "accounts:profile",
    "research:my-studies",
    "opportunities:mine",
    "opportunities:searches",
    "ventures:mine",
    "talent:journey",
]
NETWORK_ENTRIES = [
    "network:directory",
    "network:graph",
    "ventures:directory",
    "ventures:programmes",
]
RESEARCH = ["indicators:public"]


def urls(links: list[menu.MenuLink]) -> list[str]:
    return [link.url for link in links]


@pytest.fixture
def registry():
    """Restore the registry after a test that registers an entry of its own."""
    saved, saved_sections = dict(menu._ENTRIES), dict(menu._SECTIONS)
    yield
    menu._ENTRIES.clear()
    menu._ENTRIES.update(saved)
    menu._SECTIONS.clear()
    menu._SECTIONS.update(saved_sections)


SIGNED_IN = [
    *PROGRAMME,
    "challenges:mine",
    *REGION,
    *NETWORK_ENTRIES,
    *RESEARCH,
    *OWN,
]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, [*PROGRAMME, *REGION, *NETWORK_ENTRIES, *RESEARCH]),
        ("outsider", SIGNED_IN),
        (
            "officer_eilenburg",
            [
                *PROGRAMME,
                "challenges:mine",
                *REGION,
                "talent:pool-start",
                *NETWORK_ENTRIES,
                *RESEARCH,
                *OWN,
            ],
        ),
        (
            "student_geography",
            [*SIGNED_IN[:-2], "talent:profile", "ventures:mine", "talent:journey"],
        ),
        (
            "coordinator",
            [
                *PROGRAMME,
                "challenges:mine",
                "challenges:queue",
                "accounts:role_requests",
                "ventures:pipeline",
                *REGION[:3],
                "opportunities:queue",
                *REGION[3:],
                "talent:funnel",
                *NETWORK_ENTRIES[:2],
                "actors:competences",
                *NETWORK_ENTRIES[2:],
                "indicators:dashboard",
                *RESEARCH,
                *OWN,
            ],
        ),
    ],
)
def test_each_person_sees_the_entries_meant_for_them_in_menu_order(request, persona, expected):
    user = request.getfixturevalue(persona) if persona else AnonymousUser()
    assert urls(menu_for(user, "/")) == [reverse(name) for name in expected]


@pytest.mark.parametrize(
    ("persona", "sections", "personal"),
    [
        (None, ["programme", "region", "network", "research"], []),
        ("outsider", ["programme", "region", "network", "research"], OWN),
        ("coordinator", ["programme", "region", "network", "research"], OWN),
    ],
)
def test_the_main_menu_has_a_few_sections_and_the_person_a_menu_of_their_own(
    request, persona, sections, personal
):
    user = request.getfixturevalue(persona) if persona else AnonymousUser()
    main, own = main_menu_for(user, "/")
    assert [section.key for section in main] == sections
    assert urls(own) == [reverse(name) for name in personal]


def test_a_section_without_visible_entries_is_not_shown(db, registry):
    section_register(MenuSection("probe", "Probe", order=45))
    menu_register(
        MenuEntry("impressum", "Umfragen", order=10, visible=lambda user: False, section="probe")
    )
    main, _own = main_menu_for(AnonymousUser(), "/")
    assert "probe" not in [section.key for section in main]


def test_an_entry_without_a_section_lands_in_the_programme(db, registry):
    menu_register(MenuEntry("impressum", "Probewohnen", order=55))
    main, _own = main_menu_for(AnonymousUser(), "/")
    assert "Probewohnen" in [link.label for link in main[0].links]
    assert main[0].key == "programme"


def test_staff_see_the_administration_last_in_their_own_menu(coordinator):
    coordinator.is_staff = True
    _main, own = main_menu_for(coordinator, "/")
    assert own[-1].url == reverse("admin:index")
    assert menu_for(coordinator, "/")[-1].url == reverse("admin:index")


def test_the_current_section_is_marked_with_its_entry(db):
    board = reverse("challenges:board")
    main, _own = main_menu_for(AnonymousUser(), board + "123/")
    assert [section.key for section in main if section.current] == ["programme"]


def test_the_directory_is_the_one_entry_for_the_organisation_pages(db):
    links = menu_for(AnonymousUser(), reverse("actors:organisation", args=["stadt-eilenburg"]))
    assert [link.url for link in links if link.current] == [reverse("network:directory")]
    assert reverse("actors:organisations") not in urls(links)
    main, _own = main_menu_for(AnonymousUser(), reverse("actors:organisations"))
    assert [section.key for section in main if section.current] == [NETWORK]


def test_the_longest_matching_address_wins(db):
    """The map lies below the directory's address; on the map only the map is current."""
    links = menu_for(AnonymousUser(), reverse("network:map"))
    assert [link.url for link in links if link.current] == [reverse("network:map")]


def test_the_current_section_is_marked_on_its_pages_below(db):
    board = reverse("challenges:board")
    links = menu_for(AnonymousUser(), board + "123/")
    assert [link.url for link in links if link.current] == [board]


def test_an_exact_entry_is_marked_only_on_its_own_address(db):
    region = reverse("regions:region")
    assert [link.url for link in menu_for(AnonymousUser(), region) if link.current] == [region]
    assert not any(link.current for link in menu_for(AnonymousUser(), region + "x/"))
    assert not any(link.current for link in menu_for(AnonymousUser(), "/impressum/"))


def test_a_new_app_adds_its_entry_without_touching_the_header(client, registry, outsider):
    menu_register(
        MenuEntry("impressum", "Wohnungstausch", order=25, visible=signed_in),
        MenuEntry("privacy", "Meine Buchungen", order=30, section=PERSONAL),
    )
    page = client.get(reverse("regions:home")).content.decode()
    assert "Wohnungstausch" not in page
    client.force_login(outsider)
    page = client.get(reverse("regions:home")).content.decode()
    nav = re.search(r'<nav class="tr-nav".*?</nav>', page, re.S).group(0)
    labels = re.findall(r'class="tr-nav__link"[^>]*>([^<]+)</a>', nav)
    # between "Projekte" (20) and "Empfehlungen" (30)
    assert labels.index("Wohnungstausch") == labels.index("Projekte") + 1
    own = re.search(r'<nav class="tr-personal".*?</nav>', page, re.S).group(0)
    assert re.findall(r'class="tr-nav__link"[^>]*>([^<]+)</a>', own) == [
        "Mein Bereich",
        "Mein Profil",
        "Meine Buchungen",
        "Meine Studien",
        "Meine Bewerbungen",
        "Meine gespeicherten Suchen",
        "Meine Gründungen",
        "Mein Weg in die Region",
    ]


def test_a_new_area_adds_its_section_without_touching_the_header(client, registry, db):
    section_register(MenuSection("places", "Orte", order=25))
    menu_register(MenuEntry("impressum", "Coworking", order=10, section="places"))
    page = client.get(reverse("regions:home")).content.decode()
    summaries = re.findall(r'class="tr-nav__summary"[^>]*>([^<]+)</summary>', page)
    assert summaries == ["Programm", "Region", "Orte", "Netzwerk", "Forschung"]


def test_the_header_marks_the_current_page_and_section_in_german(client, db):
    page = client.get(reverse("network:directory")).content.decode()
    assert re.search(r'href="/verzeichnis/" aria-current="page">Verzeichnis</a>', page)
    assert re.search(r'class="tr-nav__summary" aria-current="true">Netzwerk</summary>', page)
