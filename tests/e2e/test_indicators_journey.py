"""The indicators on the demo data: a researcher opens the dashboard, narrows it to a town,
follows a figure to the records behind it (as many as the figure), and reads the public figures
and the impact report of Eilenburg; axe-core finds nothing on any of these pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import de, log_in


@pytest.fixture
def demo(transactional_db):
    from transferraum.demo.services import demo_load

    demo_load()


def test_a_researcher_follows_a_figure_to_its_records(page: Page, check_a11y, demo):
    from transferraum.demo.services import DEMO_PASSWORD
    from transferraum.indicators.registry import Scope, indicator_get, value_of
    from transferraum.indicators.selectors import latest_year
    from transferraum.regions.models import Municipality

    town = Municipality.objects.get(name="Eilenburg")
    students = value_of(indicator_get("students"), Scope(town=town.pk))
    assert students > 0  # the demo fills the dashboard

    log_in(page, "begleitforschung@uni-leipzig.example", DEMO_PASSWORD)
    page.goto("/kennzahlen/auswertung/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Indicators of the programme"))
    check_a11y(page)

    page.get_by_label(de("Town"), exact=True).select_option(label="Eilenburg")
    figure = page.locator("[data-figure=students]")
    expect(figure.locator("[data-figure-value]")).to_have_text(str(students))
    expect(page).to_have_url(re.compile(f"ort={town.ags}"))
    check_a11y(page)

    figure.get_by_role("link", name=re.compile(de("Students in teams"))).click()
    expect(page.locator("#records-status")).to_contain_text(str(students))
    expect(page.locator("[data-record]")).to_have_count(students)
    check_a11y(page)

    page.goto("/kennzahlen/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("The programme in figures"))
    check_a11y(page)

    year = latest_year()
    page.get_by_role(
        "link", name=de("Impact report %(town)s %(year)s", town="Eilenburg", year=year)
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        de("Impact report %(town)s %(year)s", town="Eilenburg", year=year)
    )
    expect(page.locator("[data-report-figure]").first).to_be_visible()
    check_a11y(page)
