"""Issue 23's venture story: a founder ticks the checklist of the next gate and passes it, and
the coordinator sees the venture move on the pipeline board. Every page passes axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.regions.services import region_load_reference
from transferraum.ventures.services import programmes_load
from transferraum.ventures.tests.factories import venture_make

from .helpers import de, expect_message, log_in


@pytest.fixture
def venture(transactional_db, coordinator):
    region_load_reference()
    programmes_load()
    founder = UserFactory(role=User.Role.FOUNDER, email="gruenderin@example.org", name="Mira A.")
    return venture_make(founder, cofounders=1, name="Kreislaufwerk")


def _column(page: Page, stage: str):
    return page.locator(f'[data-stage="{stage}"] [data-stage-count]')


def test_a_venture_passes_a_gate_and_moves_on_the_pipeline(
    page: Page, open_page, check_a11y, venture, coordinator
):
    log_in(page, coordinator.email)
    page.goto("/gruendungen/pipeline/")
    check_a11y(page)
    expect(_column(page, "idea")).to_have_text("1")
    expect(_column(page, "team")).to_have_text("0")

    founder = open_page()
    log_in(founder, "gruenderin@example.org")
    founder.goto(venture.get_absolute_url())
    check_a11y(founder)
    # passing without the checklist is refused, the note stays
    founder.get_by_label(de("At least two people work on the venture")).check()
    founder.get_by_label(de("Note for the timeline")).fill("Wir sind zu zweit.")
    founder.get_by_role("button", name=de("Pass the gate"), exact=True).click()
    expect(founder.get_by_text(de("Roles and shares are agreed in writing")).first).to_be_visible()
    expect(founder.get_by_label(de("Note for the timeline"))).to_have_value("Wir sind zu zweit.")
    check_a11y(founder)
    founder.get_by_label(de("Roles and shares are agreed in writing")).check()
    founder.get_by_role("button", name=de("Pass the gate"), exact=True).click()
    expect_message(founder, de("The venture has passed the gate: %(stage)s.", stage=de("Team")))
    expect(founder.get_by_text("Wir sind zu zweit.")).to_be_visible()
    check_a11y(founder)

    # the founder's other pages: their ventures, the form, the public directory, the catalogue
    for path in (
        "/gruendungen/meine/",
        f"/gruendungen/{venture.pk}/bearbeiten/",
        "/gruendungen/neu/",
        "/gruendungen/",
        "/gruendungen/foerderprogramme/",
    ):
        founder.goto(path)
        check_a11y(founder)

    page.reload()
    expect(_column(page, "idea")).to_have_text("0")
    expect(_column(page, "team")).to_have_text("1")
    expect(page.locator('[data-pipeline-row][data-venture-stage="team"]')).to_contain_text(
        "Kreislaufwerk"
    )
    check_a11y(page)
