"""Issue 22's trial-living and journey story: a student agrees to have her journey recorded and
applies to a town's trial-living call; the town accepts her and arranges the stay; the stay
becomes a step of her journey; after she moved, the 12-month follow-up reaches her by e-mail
and her answer through its link (without signing in) counts as "still living in the region"
on the coordinators' funnel. Every page passes axe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.tokens import token_for
from transferraum.regions.tests.factories import eilenburg
from transferraum.talent.models import JourneyFollowUp, Step
from transferraum.talent.services import journeys
from transferraum.talent.tests.factories import call_make, consent_text, consenting

from .helpers import de, expect_message, log_in, log_out


@pytest.fixture
def story(transactional_db, officer_eilenburg, town_eilenburg, student_geography, coordinator):
    consent_text()
    call = call_make(officer_eilenburg, town_eilenburg, title="Probewohnen in Eilenburg")
    # Four earlier movers who answered "still here": with her, the cell reaches five people.
    moved = timezone.localdate() - dt.timedelta(days=400)
    for _n in range(4):
        person = consenting(UserFactory(role=User.Role.STUDENT), town=eilenburg())
        journeys.journey_step_record(person, Step.MOVED, town=eilenburg(), on=moved)
    journeys.follow_ups_run()
    for follow_up in JourneyFollowUp.objects.all():
        journeys.follow_up_answer(
            token=token_for(journeys.TOKEN_PURPOSE, follow_up.token_seed), still_living=True
        )
    mail.outbox.clear()
    return call


def test_trial_living_to_a_counted_twelve_month_answer(
    page: Page, open_page, check_a11y, story, student_geography, officer_eilenburg, coordinator
):
    # The student agrees to have her journey recorded and applies.
    log_in(page, student_geography.email)
    page.goto("/mein-bereich/mein-weg/")
    check_a11y(page)
    page.get_by_label(de("I agree")).check()
    page.get_by_role("button", name=de("Record my journey")).click()
    expect_message(page, de("Thank you: your journey is recorded from now on."))
    check_a11y(page)
    page.goto("/probewohnen/")
    check_a11y(page)
    page.get_by_role("link", name="Probewohnen in Eilenburg").click()
    check_a11y(page)
    page.get_by_role("button", name=de("Send my application")).click()  # empty: refused
    expect(page.locator("#form-errors")).to_be_visible()
    check_a11y(page)
    page.get_by_label(de("Why would you like to come?")).fill("Ich möchte Eilenburg kennenlernen.")
    page.get_by_role("button", name=de("Send my application")).click()
    expect_message(page, de("Your application is sent."))
    check_a11y(page)
    log_out(page)

    # The town accepts her and arranges the stay.
    log_in(page, officer_eilenburg.email)
    page.goto(story.get_absolute_url())
    check_a11y(page)
    page.get_by_role("button", name=f"{de('Accept')}: {student_geography.name}").click()
    expect_message(page, de("Done."))
    page.get_by_role("link", name=student_geography.name).click()
    check_a11y(page)
    page.get_by_label(re.compile(de("coworking"), re.I)).fill("Coworking im Rathaus")
    page.get_by_role("button", name=de("Save the stay")).click()
    expect_message(page, de("The stay is saved."))
    check_a11y(page)
    log_out(page)

    # She sees her stay, and it is a step of her journey; later she tells that she moved.
    log_in(page, student_geography.email)
    page.goto("/mein-bereich/")
    page.goto(story.get_absolute_url())
    page.get_by_role("link", name=re.compile(de("Accepted"))).click()
    expect(page.locator("#stay")).to_contain_text("Coworking im Rathaus")
    check_a11y(page)
    page.goto("/mein-bereich/mein-weg/")
    expect(page.locator('[data-step="trial_stay"]')).to_be_visible()
    page.get_by_label(de("Step")).select_option("moved")
    moved_on = timezone.localdate() - dt.timedelta(days=370)
    page.get_by_label(de("Date")).fill(moved_on.isoformat())
    page.get_by_label(re.compile(f"^{de('Town')}")).select_option(label="Eilenburg")
    page.get_by_role("button", name=de("Add the step")).click()
    expect_message(page, de("The step is added."))
    expect(page.locator('[data-step="moved"]')).to_be_visible()
    check_a11y(page)
    log_out(page)

    # The daily run sends the 12-month question; she answers through the link, signed out.
    journeys.follow_ups_run()
    letter = next(
        m for m in mail.outbox if m.to == [student_geography.email] and "/rueckfrage/" in m.body
    )
    link = re.search(r"https?://\S+/rueckfrage/\S+/", letter.body)[0]
    other = open_page()
    other.goto(link)
    check_a11y(other)
    other.get_by_label(de("Yes"), exact=True).check()
    other.get_by_role("button", name=de("Send my answer")).click()
    expect(other.locator("#done")).to_be_visible()
    check_a11y(other)
    other.goto(link)  # a second use is refused
    expect(other.locator("#refused")).to_be_visible()
    check_a11y(other)

    # The coordinators' funnel counts her among those still living in the region.
    log_in(page, coordinator.email)
    page.goto("/wege/")
    check_a11y(page)
    expect(page.locator('#retention [data-months="12"] [data-still]')).to_have_text("5")
    expect(page.locator('#funnel [data-step="trial_stay"] [data-count]')).to_have_text("< 5")
