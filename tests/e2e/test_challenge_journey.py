"""From a town's problem to a published transfer task, and a student who finds it."""

import re

import pytest
from playwright.sync_api import Page, expect

from transferraum.challenges.catalogue import catalogue_load
from transferraum.regions.services import region_load_reference

from .helpers import de, log_in, log_out


@pytest.fixture
def programme(transactional_db, coordinator, officer_eilenburg, student_geography):
    region_load_reference()
    catalogue_load()


def test_challenge_from_draft_to_board(page: Page, check_a11y, programme):
    # The Eilenburg officer drafts a challenge …
    log_in(page, "wirtschaft@eilenburg.example")
    page.goto("/herausforderungen/meine/")
    check_a11y(page)
    page.get_by_role("link", name=re.compile("Stadtverwaltung Eilenburg")).click()
    page.get_by_label(re.compile(f"^{de('Title')}", re.I)).fill(
        "Leerstände am Eilenburger Marktplatz"
    )
    page.get_by_label(re.compile(f"^{de('the problem in your words')}", re.I)).fill(
        "Am Marktplatz stehen sieben Läden leer. Wir suchen Ideen für Zwischennutzungen."
    )
    check_a11y(page)
    page.get_by_role("button", name=de("Save draft")).click()
    expect(page.get_by_text(de("Your draft has been saved."))).to_be_visible()

    # … leaves, returns and submits.
    page.goto("/")
    page.goto("/herausforderungen/meine/")
    page.get_by_role("link", name="Leerstände am Eilenburger Marktplatz").click()
    expect(page.get_by_label(re.compile(f"^{de('Title')}", re.I))).to_have_value(
        "Leerstände am Eilenburger Marktplatz"
    )
    page.get_by_role("button", name=de("Save and submit")).click()
    expect(
        page.get_by_text(de("Thank you! Your challenge has been submitted to the coordinators."))
    ).to_be_visible()
    log_out(page)

    # The coordinator asks for a change.
    log_in(page, "koordination@uni-leipzig.example")
    page.goto("/pruefung/")
    check_a11y(page)
    page.get_by_role("link", name="Leerstände am Eilenburger Marktplatz").click()
    check_a11y(page)
    page.get_by_label(re.compile(de("What should change (the submitter reads it)")[:20])).fill(
        "Bitte nennen Sie, bis wann Ergebnisse gebraucht werden."
    )
    page.get_by_role("button", name=de("Ask for changes")).click()
    expect(page.get_by_text(re.compile(de("Changes requested"))).first).to_be_visible()
    log_out(page)

    # The officer edits.
    log_in(page, "wirtschaft@eilenburg.example")
    page.goto("/herausforderungen/meine/")
    page.get_by_role("link", name="Leerstände am Eilenburger Marktplatz").click()
    expect(
        page.get_by_text("Bitte nennen Sie, bis wann Ergebnisse gebraucht werden.").first
    ).to_be_visible()
    page.get_by_label(re.compile(f"^{de('results needed by')}", re.I)).fill("2027-07-31")
    page.get_by_role("button", name=de("Save and submit")).click()
    log_out(page)

    # The coordinator accepts, assigns "Praxisprojekt" and publishes.
    log_in(page, "koordination@uni-leipzig.example")
    page.goto("/pruefung/")
    page.get_by_role("link", name="Leerstände am Eilenburger Marktplatz").click()
    page.get_by_role("button", name=de("Accept")).click()
    page.get_by_label("Praxisprojekt").check()
    page.get_by_role("button", name=de("Save formats and responsibility")).click()
    expect(page.get_by_text(de("Formats and responsibility have been saved."))).to_be_visible()
    page.get_by_role("button", name=de("Publish")).click()
    expect(page.get_by_text(re.compile(de("Published"))).first).to_be_visible()
    log_out(page)

    # A student finds it through the search, with another word form.
    log_in(page, "lena.schubert@studserv.uni-leipzig.example")
    page.goto("/herausforderungen/")
    board_search = page.get_by_role("searchbox", name=de("Search"), exact=True)
    board_search.fill("Leerstand Marktplatz")
    board_search.press("Enter")
    # The results are swapped in by htmx: wait for the filtered list (its address) before the
    # click, or the click can land on the list being replaced.
    expect(page).to_have_url(re.compile(r"q=Leerstand"))
    page.get_by_role("link", name="Leerstände am Eilenburger Marktplatz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Leerstände am Eilenburger Marktplatz"
    )
    expect(page.get_by_text("Praxisprojekt").first).to_be_visible()
    check_a11y(page)

    # The same challenge through the search field in the header, among the challenges found.
    header_search = page.get_by_role("searchbox", name=de("Search the platform"))
    header_search.fill("Leerstände Eilenburg")
    header_search.press("Enter")
    challenges = page.get_by_role("region", name=re.compile("^" + de("Challenges")))
    expect(
        challenges.get_by_role("link", name="Leerstände am Eilenburger Marktplatz")
    ).to_be_visible()
    check_a11y(page)
