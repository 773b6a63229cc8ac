"""The cooperation graph: the table first, the drawing (and its script) only when asked for; it
draws under the Content-Security-Policy and leads to organisations."""

import re

import pytest
from playwright.sync_api import Page, expect

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.aggregates import organisation_links_refresh
from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.regions.tests.factories import eilenburg, zeitz


@pytest.fixture
def network(transactional_db):
    town = OrganisationFactory(
        name="Stadtverwaltung Eilenburg", kind=Organisation.Kind.TOWN, municipality=eilenburg()
    )
    company = OrganisationFactory(
        name="Zeitzer Werkstätten GmbH", kind=Organisation.Kind.COMPANY, municipality=zeitz()
    )
    institute = OrganisationFactory(
        name="Institut für Geographie", kind=Organisation.Kind.UNIVERSITY_UNIT
    )
    OrganisationFactory(name="Heimatverein Eilenburg", kind=Organisation.Kind.CIVIL_SOCIETY)
    researcher = UserFactory(name="Dr. Jana Krüger")
    MembershipFactory(user=researcher, organisation=town)
    MembershipFactory(user=researcher, organisation=institute)
    owner = UserFactory(name="Monika Lehmann")
    MembershipFactory(user=owner, organisation=company)
    MembershipFactory(user=owner, organisation=institute)
    organisation_links_refresh()  # factories write around the services that rebuild the links
    return {"town": town, "company": company, "institute": institute}


def test_graph_draws_the_network_and_a_node_opens_its_organisation(page: Page, check_a11y, network):
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    # Tall enough that the drawing is visible without scrolling: Cytoscape caches its offset.
    page.set_viewport_size({"width": 1280, "height": 2400})
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto("/netzwerk/")

    # The page is the table; Cytoscape is not loaded until the drawing is opened.
    expect(page.locator("#network-edges tbody tr")).to_have_count(2)
    expect(page.locator("#summary-isolated")).to_have_attribute("value", "1")
    expect(page.locator('nav a[href="/netzwerk/"]')).to_have_attribute("aria-current", "page")
    check_a11y(page)
    assert not [url for url in scripts if "cytoscape" in url]

    page.get_by_text("Als Netz zeigen").click()
    graph = page.locator("#network-graph")
    expect(graph).to_have_attribute("data-loaded", "true")
    # The organisations at the ends of the drawn links; the one without links is a figure.
    expect(graph).to_have_attribute("data-nodes", "3")
    expect(graph).to_have_attribute("data-edges", "2")
    expect(graph.locator("canvas").first).to_be_visible()
    expect(page.locator("#summary-components")).to_have_attribute("value", "1")
    assert [url for url in scripts if "cytoscape" in url]
    check_a11y(page)
    assert csp_errors == []

    # Click where Cytoscape drew the town (its instance hangs on the container).
    town_id = str(network["town"].pk)
    point = page.evaluate(
        """(id) => {
            const element = document.getElementById("network-graph");
            const position = element._cyreg.cy.getElementById(id).renderedPosition();
            const box = element.getBoundingClientRect();
            return { x: box.left + position.x, y: box.top + position.y };
        }""",
        town_id,
    )
    page.mouse.click(point["x"], point["y"])
    expect(page).to_have_url(re.compile(f"/organisationen/{network['town'].slug}/$"))


def test_filters_narrow_the_drawing_and_the_tables(page: Page, check_a11y, network):
    page.goto("/netzwerk/")
    page.get_by_label("Stadtverwaltung", exact=True).check()
    page.get_by_label("Lehrstuhl", exact=False).check()
    page.get_by_role("button", name="Anzeigen").click()

    expect(page).to_have_url(re.compile(r"/netzwerk/\?art=town&art=university_unit$"))
    page.get_by_text("Als Netz zeigen").click()
    graph = page.locator("#network-graph")
    expect(graph).to_have_attribute("data-loaded", "true")
    expect(graph).to_have_attribute("data-nodes", "2")
    expect(graph).to_have_attribute("data-edges", "1")
    expect(page.locator("#network-edges tbody tr")).to_have_count(1)
    check_a11y(page)

    # The district select narrows further; the chip removes it again.
    page.get_by_label("Landkreis", exact=True).select_option(label="Nordsachsen")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page).to_have_url(re.compile(r"/netzwerk/\?art=town&art=university_unit&kreis=14730$"))
    expect(page.locator("#summary-nodes")).to_have_attribute("value", "1")
    expect(page.locator("#network-edges")).to_have_count(0)
    check_a11y(page)
    page.get_by_role("link", name="Landkreis: Nordsachsen").click()
    expect(page).to_have_url(re.compile(r"/netzwerk/\?art=town&art=university_unit$"))
    expect(page.locator("#network-edges tbody tr")).to_have_count(1)
