"""Two people edit the same challenge at once: the second sees the first's change beside their
own text, keeps both, and nothing of either is lost (core.versions)."""

import re

import pytest
from playwright.sync_api import Page, expect

from transferraum.challenges.services import challenge_save
from transferraum.regions.services import region_load_reference

from .helpers import de, log_in

PROBLEM = re.compile(f"^{de('the problem in your words')}", re.I)


@pytest.fixture
def draft(transactional_db, coordinator, officer_eilenburg, town_eilenburg):
    region_load_reference()
    return challenge_save(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"title": "Leerstand am Marktplatz", "problem": "Sieben Läden stehen leer."},
    )


def test_second_editor_sees_the_first_change_and_keeps_both(
    page: Page, open_page, check_a11y, draft
):
    edit_url = f"/herausforderungen/{draft.pk}/bearbeiten/"
    # The officer opens the draft …
    log_in(page, "wirtschaft@eilenburg.example")
    page.goto(edit_url)
    # … and so does the coordinator, in another browser, who saves first.
    coordinator = open_page()
    log_in(coordinator, "koordination@uni-leipzig.example")
    coordinator.goto(edit_url)
    coordinator.get_by_label(PROBLEM).fill("Sieben Läden stehen leer, zwei davon seit 2019.")
    coordinator.get_by_role("button", name=de("Save")).click()
    expect(coordinator.get_by_text(de("Your draft has been saved."))).to_be_visible()

    # The officer, unaware, writes their own version of the problem and saves.
    page.get_by_label(PROBLEM).fill("Sieben Läden stehen leer; der Markt verliert Kundschaft.")
    page.get_by_role("button", name=de("Save draft")).click()

    # Nothing was saved; both texts are on the page, the officer's still in the field.
    expect(
        page.get_by_role("alert").filter(has_text=de("Someone else has saved this in the meantime"))
    ).to_be_visible()
    theirs = page.locator("#id_problem-theirs")
    expect(theirs).to_contain_text("zwei davon seit 2019")
    expect(page.get_by_label(PROBLEM)).to_have_value(
        "Sieben Läden stehen leer; der Markt verliert Kundschaft."
    )
    mine = de("Mine: the text in the field (you can still edit it)")
    expect(theirs.get_by_label(mine)).to_be_checked()
    check_a11y(page)

    # The officer keeps both: combines the texts in the field and saves again.
    both = "Sieben Läden stehen leer, zwei davon seit 2019; der Markt verliert Kundschaft."
    page.get_by_label(PROBLEM).fill(both)
    page.get_by_role("button", name=de("Save draft")).click()
    expect(page.get_by_text(de("Your draft has been saved."))).to_be_visible()
    expect(page.get_by_label(PROBLEM)).to_have_value(both)
    coordinator.reload()
    expect(coordinator.get_by_label(PROBLEM)).to_have_value(both)
