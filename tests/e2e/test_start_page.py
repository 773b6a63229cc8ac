"""The start page in the browser: the Eilenburg officer signs in, lands on "Mein Bereich", follows
the item to a recommendation waiting for his receipt, confirms it, and the item is gone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
    team_project,
)

from .helpers import de, expect_message, log_in

PARKING = "Fahrradparken am Bahnhof Eilenburg ausbauen"


@pytest.fixture
def waiting(transactional_db, town_eilenburg, officer_eilenburg, student_geography):
    project = team_project(town_eilenburg, student_geography, title="Mit dem Rad zur S-Bahn")
    recommendation = RecommendationFactory(
        project=project,
        title=PARKING,
        status=Recommendation.Status.HANDED_OVER,
        first_answer_due=timezone.localdate() + dt.timedelta(days=42),
    )
    RecommendationEventFactory(recommendation=recommendation, action="hand_over")
    return recommendation


def test_the_officer_acts_from_his_start_page(page: Page, check_a11y, waiting, officer_eilenburg):
    log_in(page, officer_eilenburg.email)

    # Signing in lands on "Mein Bereich": the recommendation waits for his receipt.
    expect(page).to_have_url("/mein-bereich/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("My area"))
    area = page.locator("#start-recommendations")
    expect(area.get_by_role("heading", level=3, name=PARKING)).to_be_visible()
    check_a11y(page)

    confirm = de("Confirm receipt")
    area.get_by_role("link", name=f"{confirm}: {PARKING}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PARKING)
    # The link opens the step's form: no need to unfold it.
    step = page.locator("details#step-confirm_receipt")
    expect(step).to_have_attribute("open", "")
    check_a11y(page)
    step.get_by_role("button", name=confirm, exact=True).click()
    with translation.override("de"):
        received = str(Recommendation.Status.RECEIVED.label)
    expect_message(page, de("Done: the recommendation is now “%(status)s”.", status=received))

    # Back on his start page the item has moved on to the next step.
    page.goto("/mein-bereich/")
    expect(page.get_by_role("link", name=f"{confirm}: {PARKING}")).to_have_count(0)
    expect(page.get_by_role("link", name=f"{de('Start the review')}: {PARKING}")).to_be_visible()
    check_a11y(page)


def test_a_newcomer_is_told_what_to_start(page: Page, check_a11y, transactional_db, outsider):
    log_in(page, outsider.email)
    expect(page).to_have_url("/mein-bereich/")
    expect(page.get_by_text(de("Nothing waits for you right now."))).to_be_visible()
    page.get_by_role("link", name=de("Look at the challenges on the board")).click()
    expect(page).to_have_url("/herausforderungen/")
    page.go_back()
    check_a11y(page)
