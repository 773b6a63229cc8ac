"""A town officer chooses which e-mails he wants, and unsubscribes from a kind by the link in an
e-mail, signed out. (The bell, the list and marking as read are in test_phone_journey.py.)"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.helpers import de, expect_message, log_in, log_out
from transferraum.challenges.notification_kinds import CHALLENGE_PUBLISHED, CHALLENGE_REVIEW
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.notifications.models import Delivery, Preference
from transferraum.notifications.services import notify


@pytest.fixture
def told(transactional_db, officer_eilenburg, town_eilenburg):
    for kind, event, title in (
        (CHALLENGE_REVIEW, "submit", "Radweg zur Mulde"),
        (CHALLENGE_PUBLISHED, "publish", "Leerstand am Markt"),
    ):
        challenge = ChallengeFactory(title=title, organisation=town_eilenburg)
        notify(
            recipient=officer_eilenburg,
            kind=kind,
            template=f"challenges/email/{event}",
            context={"challenge": challenge, "person": officer_eilenburg},
            url=challenge.get_absolute_url(),
        )
    return officer_eilenburg


def test_the_preferences_and_unsubscribe(page: Page, check_a11y, told):
    log_in(page, told.email)
    page.get_by_role("link", name=re.compile(de("Notifications"))).click()
    page.get_by_role("link", name=de("Choose which e-mails you receive")).click()
    check_a11y(page)
    group = page.get_by_role("group", name=str(CHALLENGE_PUBLISHED.label).strip())
    group.get_by_label(de("in a daily digest")).check()
    page.get_by_role("button", name=de("Save")).click()
    expect_message(page, de("Your choices have been saved."))
    assert Preference.objects.get(kind=CHALLENGE_PUBLISHED.key).delivery == Delivery.DIGEST
    log_out(page)

    # the link from the footer of the first e-mail, opened signed out
    link = re.search(r"https?://\S+/abbestellen/\S+/", mail.outbox[0].body)[0]
    page.goto(link)
    check_a11y(page)
    page.get_by_role("button", name=de("Unsubscribe")).click()
    expect(page.get_by_text(de("You are unsubscribed."))).to_be_visible()
    check_a11y(page)
    page.goto(link)
    expect(page.get_by_text(re.compile("bereits abbestellt"))).to_be_visible()
    assert Preference.objects.get(kind=CHALLENGE_REVIEW.key).delivery == Delivery.PLATFORM
