"""The directory and its map: filters, search, who sees which people, pages, htmx, queries."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import StudyProgrammeFactory, UserFactory
from transferraum.actors.models import (
    Competence,
    Listing,
    ListingCategory,
    Organisation,
    PersonProfile,
)
from transferraum.actors.services import organisation_index, person_index
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.actors.vocabulary import competences_load_starter
from transferraum.network.directory import (
    PAGE_SIZE,
    PEOPLE,
    DirectoryFilters,
    directory_organisations,
    directory_people,
)
from transferraum.regions.tests.factories import MunicipalityFactory, eilenburg, zeitz

OFFER, NEED = Listing.Direction.OFFER, Listing.Direction.NEED


def organisation_with(
    organisation: Organisation,
    *,
    competences: tuple[str, ...] = (),
    listings: tuple[tuple[str, str, str], ...] = (),
) -> Organisation:
    """Give the organisation competences (slugs) and listings, then index it as services do."""
    organisation.competences.set(Competence.objects.filter(slug__in=competences))
    for direction, category, text in listings:
        Listing.objects.create(
            organisation=organisation, direction=direction, category=category, text=text
        )
    organisation_index(organisation)
    return organisation


def person_with(
    user: User,
    *,
    visibility: str = PersonProfile.Visibility.PUBLIC,
    competences: tuple[str, ...] = (),
    bio: str = "",
) -> PersonProfile:
    profile = PersonProfile.objects.create(user=user, visibility=visibility, bio=bio)
    profile.competences.set(Competence.objects.filter(slug__in=competences))
    person_index(profile)
    return profile


def build_directory(town_eilenburg: Organisation, company_zeitz: Organisation) -> SimpleNamespace:
    """Four organisations around the personas; three have a place on the map.

    Stadtverwaltung Eilenburg (town, Eilenburg): Verwaltungsmanagement; needs practice projects.
    Zeitzer Werkstätten GmbH (company, Zeitz): Metallbau; offers internships, needs skilled staff.
    Geodaten Muldental GmbH (company, Eilenburg, own coordinates): Fernerkundung; offers data.
    Institut für Geographie (university unit, no town): Geoinformatik; offers practice projects;
    its description speaks of "Leerstand".
    """
    competences_load_starter()
    town = organisation_with(
        town_eilenburg,
        competences=("verwaltungsmanagement",),
        listings=(
            (NEED, ListingCategory.PRACTICE_PROJECTS, "Leerstandskataster für die Altstadt"),
        ),
    )
    company = organisation_with(
        company_zeitz,
        competences=("metallbau",),
        listings=(
            (OFFER, ListingCategory.INTERNSHIPS, "Praktikum in der Werkstatt"),
            (NEED, ListingCategory.SKILLED_STAFF, "Schweißerin oder Schweißer"),
        ),
    )
    geodata = organisation_with(
        OrganisationFactory(
            name="Geodaten Muldental GmbH",
            kind=Organisation.Kind.COMPANY,
            municipality=eilenburg(),
            lat=Decimal("51.461000"),
            lon=Decimal("12.640000"),
            short_description="Luftbilder und Drohnenbefliegung",
        ),
        competences=("fernerkundung",),
        listings=((OFFER, ListingCategory.DATA, "Luftbilder der Region"),),
    )
    institute = organisation_with(
        OrganisationFactory(
            name="Institut für Geographie",
            kind=Organisation.Kind.UNIVERSITY_UNIT,
            description="Wir kartieren den Leerstand in Kleinstädten.",
        ),
        competences=("geoinformatik",),
        listings=((OFFER, ListingCategory.PRACTICE_PROJECTS, "Projektseminar Stadtgeographie"),),
    )
    from transferraum.actors.aggregates import map_cells_refresh  # noqa: PLC0415

    map_cells_refresh()  # factories write around the services that rebuild the map's cells
    return SimpleNamespace(town=town, company=company, geodata=geodata, institute=institute)


@pytest.fixture
def directory(town_eilenburg, company_zeitz) -> SimpleNamespace:
    return build_directory(town_eilenburg, company_zeitz)


def filters(query: str = "") -> DirectoryFilters:
    return DirectoryFilters.from_query(QueryDict(query))


def names(queryset) -> set[str]:
    return {str(item) for item in queryset}


# --- filters from the URL ---------------------------------------------------------------------


@pytest.mark.django_db
def test_filters_keep_known_values_in_a_fixed_order(directory):
    parsed = filters(
        "q=+GIS++Leipzig+&typ=personen&art=town&art=company&kreis=14730&gemeinde=14730110"
        "&kompetenz=geoinformatik&angebot=data&bedarf=internships&seite=3"
    )
    assert parsed == DirectoryFilters(
        query="GIS Leipzig",
        tab=PEOPLE,
        kinds=("town", "company"),  # the order of the choices
        district="14730",
        municipality="14730110",
        competence="geoinformatik",
        offer="data",
        need="internships",
        page=3,
    )
    assert parsed.querystring() == (
        "?q=GIS+Leipzig&typ=personen&art=town&art=company&kreis=14730&gemeinde=14730110"
        "&kompetenz=geoinformatik&angebot=data&bedarf=internships&seite=3"
    )
    assert parsed.querystring(page=1, tab="organisationen").endswith("bedarf=internships")
    assert parsed.cleared() == DirectoryFilters(tab=PEOPLE)


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored(directory):
    parsed = filters(
        "typ=firmen&art=castle&kreis=99999&gemeinde=00000000&kompetenz=zauberei"
        "&angebot=gold&bedarf=&seite=-2"
    )
    assert parsed == DirectoryFilters()
    assert not parsed.is_filtered
    assert parsed.querystring() == ""
    assert filters("seite=abc").page == filters("seite=%C2%B2").page == 1
    # A valid key with more after it is not that key.
    assert filters("kreis=147301&gemeinde=1473011099").district == ""
    assert filters("kreis=147301&gemeinde=1473011099").municipality == ""
    # NUL characters (which PostgreSQL refuses) are dropped.
    assert filters("q=GIS%00&kreis=%0014730&kompetenz=%00") == DirectoryFilters(
        query="GIS", district="14730"
    )


# --- organisations ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            {
                "Geodaten Muldental GmbH",
                "Institut für Geographie",
                "Stadtverwaltung Eilenburg",
                "Zeitzer Werkstätten GmbH",
            },
        ),
        ("q=GIS", {"Institut für Geographie"}),  # a synonym of Geoinformatik
        ("q=eilenburger+verwaltung", {"Stadtverwaltung Eilenburg"}),
        ("q=Leerstände", {"Institut für Geographie", "Stadtverwaltung Eilenburg"}),
        ("q=Praktikum", {"Zeitzer Werkstätten GmbH"}),
        ("art=company", {"Geodaten Muldental GmbH", "Zeitzer Werkstätten GmbH"}),
        (
            "art=company&art=town",
            {"Geodaten Muldental GmbH", "Stadtverwaltung Eilenburg", "Zeitzer Werkstätten GmbH"},
        ),
        ("kreis=15084", {"Zeitzer Werkstätten GmbH"}),
        ("gemeinde=14730110", {"Geodaten Muldental GmbH", "Stadtverwaltung Eilenburg"}),
        ("kompetenz=geoinformatik", {"Institut für Geographie"}),
        # A category matches the terms beneath it.
        ("kompetenz=raum-und-geodaten", {"Geodaten Muldental GmbH", "Institut für Geographie"}),
        ("angebot=practice_projects", {"Institut für Geographie"}),
        ("bedarf=practice_projects", {"Stadtverwaltung Eilenburg"}),
        ("angebot=internships&bedarf=skilled_staff", {"Zeitzer Werkstätten GmbH"}),
        ("angebot=internships&bedarf=practice_projects", set()),
        ("kreis=14730&kompetenz=raum-und-geodaten", {"Geodaten Muldental GmbH"}),
        ("q=Kartografie&art=university_unit", {"Institut für Geographie"}),
        ("q=Kartografie&art=company", set()),
    ],
)
def test_organisations_are_filtered(directory, query, expected):
    assert names(directory_organisations(filters(query))) == expected


@pytest.mark.django_db
def test_organisations_appear_once_when_several_of_their_terms_match(directory):
    directory.geodata.competences.add(Competence.objects.get(slug="geoinformatik"))
    found = list(directory_organisations(filters("kompetenz=raum-und-geodaten")))
    assert len(found) == len({o.pk for o in found}) == 2


@pytest.mark.django_db
def test_organisations_are_ordered_by_name(directory):
    found = [o.name for o in directory_organisations(filters())]
    assert found == sorted(found)


# --- people -----------------------------------------------------------------------------------

VISIBILITY_TABLE = {
    # viewer: the visibilities whose profiles the viewer finds
    "anonymous": {"public"},
    # registered without a role or an organisation: not a member of the programme
    "outsider": {"public"},
    "student_geography": {"public", "members"},
    "member_eilenburg": {"public", "members"},
    "coordinator": {"public", "members", "coordinators"},
}


@pytest.fixture
def people_of_each_visibility(db) -> dict[str, PersonProfile]:
    return {
        visibility: person_with(UserFactory(name=f"Person {visibility}"), visibility=visibility)
        for visibility in PersonProfile.Visibility.values
    }


@pytest.mark.django_db
@pytest.mark.parametrize("viewer_name", VISIBILITY_TABLE)
def test_people_are_shown_as_their_visibility_allows(
    request, people_of_each_visibility, viewer_name
):
    viewer = AnonymousUser() if viewer_name == "anonymous" else request.getfixturevalue(viewer_name)
    found = names(directory_people(viewer, filters()))
    expected = {f"Person {visibility}" for visibility in VISIBILITY_TABLE[viewer_name]}
    # The personas have no profile; others' profiles are all the table decides.
    assert found == expected


@pytest.mark.django_db
def test_a_person_with_only_a_membership_is_a_member_of_the_programme(people_of_each_visibility):
    from transferraum.actors.permissions import is_programme_member  # noqa: PLC0415

    joined = UserFactory()
    assert not is_programme_member(joined)
    MembershipFactory(user=joined)
    assert is_programme_member(joined)
    assert "Person members" in names(directory_people(joined, filters()))


@pytest.mark.django_db
def test_people_see_their_own_profile_whatever_its_visibility(outsider):
    person_with(outsider, visibility=PersonProfile.Visibility.COORDINATORS)
    assert names(directory_people(outsider, filters())) == {"Paul Fremd"}
    assert names(directory_people(AnonymousUser(), filters())) == set()


@pytest.mark.django_db
def test_deactivated_accounts_are_never_listed(coordinator):
    gone = UserFactory(name="Ehemals Aktiv", is_active=False)
    person_with(gone, visibility=PersonProfile.Visibility.PUBLIC)
    assert names(directory_people(coordinator, filters())) == set()
    assert names(directory_people(gone, filters())) == set()


@pytest.mark.django_db
def test_a_deactivated_viewer_sees_only_public_profiles(people_of_each_visibility):
    viewer = UserFactory(is_active=False, role=User.Role.COORDINATOR)
    assert names(directory_people(viewer, filters())) == {"Person public"}


@pytest.fixture
def people(directory, officer_eilenburg, owner_zeitz, student_geography) -> SimpleNamespace:
    """The officer (town of Eilenburg), the owner (company in Zeitz, also at the institute), a
    student without organisation; all public."""
    MembershipFactory(user=owner_zeitz, organisation=directory.institute)
    return SimpleNamespace(
        officer=person_with(officer_eilenburg, competences=("verwaltungsmanagement",)),
        owner=person_with(owner_zeitz, competences=("metallbau",), bio="Schweißen und Fräsen"),
        student=person_with(student_geography, competences=("geoinformatik",)),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Thomas Berger", "Monika Lehmann", "Lena Schubert"}),
        ("q=GIS", {"Lena Schubert"}),
        ("q=Fräsen", {"Monika Lehmann"}),
        ("q=Geographie", {"Lena Schubert", "Monika Lehmann"}),  # programme; organisation
        ("kompetenz=raum-und-geodaten", {"Lena Schubert"}),
        ("kompetenz=metallbau", {"Monika Lehmann"}),
        ("kreis=14730", {"Thomas Berger"}),
        ("gemeinde=15084590", {"Monika Lehmann"}),
        ("art=university_unit", {"Monika Lehmann"}),
        ("art=town", {"Thomas Berger"}),
        # One organisation must meet kind and place together.
        ("art=university_unit&kreis=15084", set()),
        ("art=company&kreis=15084", {"Monika Lehmann"}),
        # Offers and needs concern organisations only.
        ("angebot=internships", {"Thomas Berger", "Monika Lehmann", "Lena Schubert"}),
    ],
)
def test_people_are_filtered(people, coordinator, query, expected):
    assert names(directory_people(coordinator, filters(query))) == expected


# --- pages ------------------------------------------------------------------------------------
# The pages are read in English, the language of the source texts, so that these tests do not
# depend on the wording of the German translation.


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def results_html(response) -> str:
    content = response.content.decode()
    start = content.index('id="directory-results"')
    return content[start:]


@pytest.mark.django_db
def test_directory_page_lists_organisations_with_counts_for_both_tabs(client, directory, people):
    response = client.get(reverse("network:directory"), {"art": "company"})
    assert response.status_code == 200
    content = response.content.decode()
    assert '<a class="tr-nav__link" href="/verzeichnis/" aria-current="page">Directory' in content
    assert 'id="directory-filters"' in content
    results = results_html(response)
    assert "2 organisations found" in results
    assert "Zeitzer Werkstätten GmbH" in results
    assert "Metalwork" in results  # competence tag
    assert "Internships" in results  # offer badge
    assert "Stadtverwaltung Eilenburg" not in results
    # Both tabs count with the filters and link with them.
    assert 'href="/verzeichnis/?art=company" aria-current="page">Organisations' in results
    assert "(2)" in results
    # Monika Lehmann works at a company; the anonymous visitor sees the public profiles.
    assert 'href="/verzeichnis/?typ=personen&amp;art=company">People' in results
    assert "(1)" in results
    assert 'href="/verzeichnis/karte/?art=company"' in results


@pytest.mark.django_db
def test_people_tab_lists_visible_people_with_their_profile_links(client, people):
    response = client.get(reverse("network:directory"), {"typ": "personen"})
    results = results_html(response)
    assert "3 people found" in results
    assert f'href="{people.student.get_absolute_url()}"' in results
    assert "Geographie (Bachelor)" in results  # programme
    assert "Student" in results  # role
    assert "Geoinformatics" in results
    # The people tab keeps the type and leaves out offers and needs from the form.
    content = response.content.decode()
    assert '<input type="hidden" name="typ" value="personen">' in content
    assert 'name="angebot"' not in content


@pytest.mark.django_db
def test_people_hidden_from_anonymous_visitors_are_not_counted(client, people):
    PersonProfile.objects.filter(pk=people.officer.pk).update(
        visibility=PersonProfile.Visibility.MEMBERS
    )
    results = results_html(client.get(reverse("network:directory"), {"typ": "personen"}))
    assert "2 people found" in results
    assert "Thomas Berger" not in results


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, db):
    for n in range(PAGE_SIZE + 5):
        organisation_with(
            OrganisationFactory(name=f"Werkstatt {n:02}", municipality=zeitz()),
            listings=((OFFER, ListingCategory.INTERNSHIPS, "Praktikum"),),
        )
    OrganisationFactory(name="Anderswo GmbH")
    url = reverse("network:directory")
    first = results_html(client.get(url, {"q": "Werkstatt", "angebot": "internships"}))
    assert "25 organisations found, page 1 of 2" in first
    assert first.count('class="kern-card"') == PAGE_SIZE
    next_url = "/verzeichnis/?q=Werkstatt&amp;angebot=internships&amp;seite=2"
    assert f'href="{next_url}" hx-get="{next_url}" rel="next"' in first

    second = results_html(
        client.get(url, {"q": "Werkstatt", "angebot": "internships", "seite": "2"})
    )
    assert "page 2 of 2" in second
    assert second.count('class="kern-card"') == 5
    assert "Werkstatt 24" in second and "Werkstatt 00" not in second
    assert 'href="/verzeichnis/?q=Werkstatt&amp;angebot=internships" hx-get=' in second

    # Beyond the last page: the last page.
    beyond = results_html(client.get(url, {"q": "Werkstatt", "seite": "99"}))
    assert "page 2 of 2" in beyond


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results_and_a_tidy_address(client, directory):
    response = client.get(
        reverse("network:directory"),
        {"q": "GIS", "kreis": "", "gemeinde": "", "kompetenz": "", "angebot": "", "bedarf": ""},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section id="directory-results"')
    assert "<html" not in content and 'id="directory-filters"' not in content
    assert 'role="status"' in content and "1 organisation found" in content
    assert response.headers["HX-Push-Url"] == "/verzeichnis/?q=GIS"
    assert "HX-Request" in response.headers["Vary"]
    assert "HX-History-Restore-Request" in response.headers["Vary"]


@pytest.mark.django_db
def test_history_restore_gets_the_whole_page(client, directory):
    response = client.get(
        reverse("network:directory"),
        {"q": "GIS"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    content = response.content.decode()
    assert "<html" in content and 'id="directory-filters"' in content
    assert 'value="GIS"' in content
    assert "HX-Push-Url" not in response.headers


@pytest.mark.django_db
def test_unknown_filter_values_show_everything_without_error(client, directory):
    response = client.get(
        reverse("network:directory")
        + "?typ=x&art=castle&kreis=x%00&gemeinde=1&kompetenz=..&angebot=gold&bedarf=%00&seite=0"
    )
    assert response.status_code == 200
    assert "4 organisations found" in results_html(response)
    map_response = client.get(reverse("network:map-data") + "?kreis=x&art=castle&seite=x")
    assert map_response.json()["count"] == 3


@pytest.mark.django_db
def test_filter_form_shows_the_choices_and_what_is_chosen(client, directory):
    response = client.get(
        reverse("network:directory"),
        {"kompetenz": "geoinformatik", "gemeinde": "14730110", "art": "town"},
    )
    content = response.content.decode()
    # Only towns with organisations, grouped by district.
    assert '<optgroup label="Nordsachsen">' in content
    assert '<option value="14730110" selected>Eilenburg</option>' in content
    assert '<option value="15084590">Zeitz</option>' in content
    # Competences grouped by category; a category can be chosen as a whole.
    assert '<optgroup label="Space &amp; geodata">' in content
    assert '<option value="geoinformatik" selected>Geoinformatics</option>' in content
    assert '<option value="raum-und-geodaten">' in content
    assert 'id="art-town" name="art" value="town" checked' in content
    assert '<label class="kern-label" for="id_q">' in content


@pytest.mark.django_db
def test_each_chosen_filter_is_a_chip_that_removes_it_and_keeps_the_tab(client, directory):
    response = client.get(
        reverse("network:directory"),
        {"typ": "personen", "kompetenz": "geoinformatik", "art": ["town", "company"]},
    )
    content = results_html(response)
    chip = '<span class="kern-sr-only">Remove filter </span>'
    assert (
        f'href="/verzeichnis/?typ=personen&amp;art=company&amp;kompetenz=geoinformatik">{chip}'
        "Kind of organisation: Town administration<"
    ) in content
    assert (
        f'href="/verzeichnis/?typ=personen&amp;art=town&amp;art=company">{chip}'
        "Competence: Geoinformatics<"
    ) in content
    assert 'href="/verzeichnis/?typ=personen">Reset all filters' in content
    # The tab is no filter: nothing to remove.
    assert "Active filters" not in results_html(
        client.get(reverse("network:directory"), {"typ": "personen"})
    )


@pytest.mark.django_db
def test_offers_wait_for_the_organisations_tab_without_a_chip_on_the_people_tab(client, directory):
    category = ListingCategory.choices[0][0]
    people = results_html(
        client.get(reverse("network:directory"), {"typ": "personen", "angebot": category})
    )
    assert "Active filters" not in people
    # … but stay in the link back to the organisations, where they narrow the list.
    assert f"angebot={category}" in people
    organisations = results_html(client.get(reverse("network:directory"), {"angebot": category}))
    assert "Offers: " in organisations


@pytest.mark.django_db
def test_competence_link_of_an_organisation_page_filters_the_directory(client, directory):
    page = client.get(directory.institute.get_absolute_url()).content.decode()
    assert 'href="/verzeichnis/?kompetenz=geoinformatik"' in page
    response = client.get("/verzeichnis/?kompetenz=geoinformatik")
    assert "1 organisation found" in results_html(response)


@pytest.mark.django_db
def test_map_page_lists_the_organisations_beside_the_map(client, directory):
    response = client.get(reverse("network:map"), {"art": "company", "typ": "personen"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="directory-map"' in content
    assert 'data-url="/verzeichnis/karte.json?art=company"' in content
    assert "2 organisations on the map" in content
    assert f'href="{directory.geodata.get_absolute_url()}"' in content
    assert "Stadtverwaltung Eilenburg" not in content.split('id="map-results"')[1]
    assert "GeoBasis-DE / BKG" in content  # the region's attribution
    assert "markercluster" not in content  # the server clusters
    assert 'aria-current="page"' in content  # the directory entry of the navigation


@pytest.mark.django_db
def test_map_page_to_htmx_gets_the_list_only(client, directory):
    response = client.get(
        reverse("network:map"), {"angebot": "data"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="map-results"')
    assert 'data-url="/verzeichnis/karte.json?angebot=data"' in content
    assert response.headers["HX-Push-Url"] == "/verzeichnis/karte/?angebot=data"


@pytest.mark.django_db
def test_pages_answer_head_and_refuse_post(client, directory):
    for name in ("network:directory", "network:map", "network:map-data"):
        assert client.head(reverse(name)).status_code == 200
        assert client.post(reverse(name)).status_code == 405


# --- constant queries -------------------------------------------------------------------------


def _add_organisations(count: int) -> None:
    for n in range(count):
        municipality = MunicipalityFactory(name=f"Ort {n}")
        organisation_with(
            OrganisationFactory(name=f"Betrieb {n}", municipality=municipality),
            competences=("metallbau", "logistik"),
            listings=(
                (OFFER, ListingCategory.INTERNSHIPS, "Praktikum"),
                (NEED, ListingCategory.SKILLED_STAFF, "Fachkräfte"),
            ),
        )


def _add_people(count: int) -> None:
    programme = StudyProgrammeFactory(name="Geographie")
    organisation = OrganisationFactory(name="Betrieb", municipality=zeitz())
    for n in range(count):
        user = UserFactory(name=f"Person {n}", study_programme=programme)
        MembershipFactory(user=user, organisation=organisation)
        person_with(user, competences=("metallbau", "logistik"))


def _queries(client, url: str, params: dict[str, str], headers=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params, headers=headers or {})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"q": "Praktikum", "kompetenz": "handwerk-und-technik"}])
@pytest.mark.parametrize("htmx", [False, True])
def test_directory_organisations_need_constant_queries(client, params, htmx):
    competences_load_starter()
    headers = {"HX-Request": "true"} if htmx else None
    _add_organisations(3)
    few = _queries(client, reverse("network:directory"), params, headers)
    _add_organisations(9)
    assert _queries(client, reverse("network:directory"), params, headers) == few


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{}, {"q": "Person", "kompetenz": "metallbau", "art": "company"}]
)
def test_directory_people_need_constant_queries(client, coordinator, params):
    competences_load_starter()
    client.force_login(coordinator)
    params = {"typ": "personen", **params}
    _add_people(3)
    few = _queries(client, reverse("network:directory"), params)
    _add_people(9)
    assert _queries(client, reverse("network:directory"), params) == few


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["network:map", "network:map-data"])
def test_map_needs_constant_queries(client, name):
    competences_load_starter()
    _add_organisations(3)
    few = _queries(client, reverse(name), {"angebot": "internships"})
    _add_organisations(9)
    assert _queries(client, reverse(name), {"angebot": "internships"}) == few
