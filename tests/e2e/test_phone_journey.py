"""Issue 17's story on a phone, once through: a newcomer signs up, asks for the student role, a
coordinator grants it, the student finds the open round on her start page, ranks and submits, and
the bell shows the confirmation; then the town officer of Eilenburg acts on a recommendation from
his start page. Every page passes axe with the phone menu closed and open."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import StudyProgrammeFactory
from transferraum.projects.models import Application
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
    team_project,
)

from .helpers import de, de_n, expect_message, fill_login_form, log_in, log_out

PHONE = {"width": 390, "height": 844}
PASSWORD = "Mulde-Ufer-2026!"
EMAIL = "mia.neumann@example.org"
NOTE = "Ich studiere Geographie im dritten Semester."
ROUND = "Sommersemester 2027"
PROJECTS = ("Leerstand am Markt", "Mit dem Rad zur S-Bahn", "Jugend in Zeitz")
PARKING = "Fahrradparken am Bahnhof Eilenburg ausbauen"


@pytest.fixture
def story(transactional_db, coordinator, town_eilenburg, officer_eilenburg):
    """A study programme, a round taking applications for three projects (two ranked, one
    motivated), and a recommendation handed over to Eilenburg, waiting for the officer's
    receipt."""
    programme = StudyProgrammeFactory(name="Geographie")
    round = RoundFactory(name=ROUND, min_choices=2, max_choices=3, motivation_ranks=1)
    for title in PROJECTS:
        ProjectFactory(round=round, title=title)
    recommendation = RecommendationFactory(
        project=team_project(town_eilenburg, title="Mit dem Rad zum Bahnhof"),
        title=PARKING,
        status=Recommendation.Status.HANDED_OVER,
        first_answer_due=timezone.localdate() + dt.timedelta(days=42),
    )
    RecommendationEventFactory(recommendation=recommendation, action="hand_over")
    return SimpleNamespace(programme=programme, round=round, officer=officer_eilenburg)


def unread(count: int) -> str:
    return de_n("%(counter)s unread", "%(counter)s unread", count, counter=count)


def test_from_sign_up_to_application_and_the_officer_acts(page: Page, open_page, check_a11y, story):
    page.set_viewport_size(PHONE)

    # Mia signs up on her own and confirms her address from the e-mail.
    page.goto("/konto/signup/")
    check_a11y.with_phone_menu(page)
    page.get_by_label("E-Mail-Adresse").fill(EMAIL)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label(de("Password (again)")).fill(PASSWORD)
    page.get_by_role("button", name=de("Sign Up")).click()
    check_a11y.with_phone_menu(page)
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body)[0]
    page.goto(link)
    check_a11y.with_phone_menu(page)
    page.get_by_role("button", name=de("Confirm")).click()
    # Confirmed, she is asked to sign in.
    expect(page.get_by_label("E-Mail-Adresse")).to_be_visible()
    check_a11y.with_phone_menu(page)
    fill_login_form(page, EMAIL, PASSWORD)
    assert User.objects.get(email=EMAIL).roles == set()

    # She lands on her start page: nothing waits, it offers to ask for a role.
    expect(page).to_have_url("/mein-bereich/")
    expect(page.get_by_text(de("Nothing waits for you right now."))).to_be_visible()
    expect(page.get_by_role("link", name=de("Ask for a role"))).to_be_visible()
    expect(page.get_by_role("link", name=de("Look at the challenges on the board"))).to_be_visible()
    check_a11y.with_phone_menu(page)

    # "My projects" is for students: the 403 page says so and offers the request.
    page.goto("/projekte/meine/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("You may not open this page"))
    expect(page.get_by_text(de("Only students apply for projects."))).to_be_visible()
    check_a11y.with_phone_menu(page)
    page.get_by_role("link", name=de("Ask for the role “%(role)s”", role=de("Student"))).click()

    # The form arrives with the student role chosen; sent without her programme, it says so
    # and keeps her note.
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Ask for a role"))
    expect(page.get_by_label(de("Role you ask for"))).to_have_value("student")
    check_a11y.with_phone_menu(page)
    note = page.get_by_label(re.compile("^" + de("Note to the coordinators")))
    note.fill(NOTE)
    page.get_by_role("button", name=de("Send the request")).click()
    expect(page.get_by_text(de("Please choose your study programme.")).first).to_be_visible()
    expect(note).to_have_value(NOTE)
    check_a11y.with_phone_menu(page)
    page.get_by_label(re.compile("^" + de("Study programme"))).select_option(
        label=str(story.programme)
    )
    page.get_by_label(re.compile("^" + de("Semester"))).fill("3")
    page.get_by_role("button", name=de("Send the request")).click()
    expect_message(page, de("Your request has been sent. The coordinators will answer by e-mail."))
    expect(page.get_by_text(de("Waiting for an answer"))).to_be_visible()
    check_a11y.with_phone_menu(page)

    # At the same time, on her own phone, the coordinator finds the request on her start page
    # and grants it.
    coordinator = open_page(viewport=PHONE)
    log_in(coordinator, "koordination@uni-leipzig.example")
    expect(coordinator).to_have_url("/mein-bereich/")
    asks = de("%(person)s asks for the role “%(role)s”", person=EMAIL, role=de("Student"))
    coordinator.get_by_role("link", name=f"{de('Decide')}: {asks}").click()
    expect(coordinator.get_by_text(f"{story.programme}, 3. Semester")).to_be_visible()
    expect(coordinator.get_by_text(NOTE)).to_be_visible()
    check_a11y.with_phone_menu(coordinator)
    coordinator.get_by_role("button", name=de("Grant the role")).click()
    expect(coordinator.get_by_text(de("Nothing is waiting."))).to_be_visible()
    check_a11y.with_phone_menu(coordinator)
    assert mail.outbox[-1].to == [EMAIL]
    assert mail.outbox[-1].subject.endswith(de("Your role: %(role)s", role=de("Student")))

    # Mia's start page now shows the open round; she ranks two projects and submits.
    page.goto("/mein-bereich/")
    expect(page.get_by_role("link", name=de("Ask for a role"))).to_have_count(0)
    area = page.locator("#start-projects")
    expect(area.get_by_role("heading", level=3, name=ROUND)).to_be_visible()
    check_a11y.with_phone_menu(page)
    area.get_by_role("link", name=f"{de('Rank the projects')}: {ROUND}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Apply for projects"))
    check_a11y.with_phone_menu(page)
    first, second, _third = PROJECTS
    for title in (second, first):
        page.get_by_role("button", name=de("Add %(title)s to the ranking", title=title)).click()
    page.get_by_label(de("Why “%(title)s”?", title=second)).fill("Ich fahre jeden Tag mit dem Rad.")
    page.get_by_role("button", name=de("Submit application")).click()
    expect_message(
        page,
        de(
            "Thank you! Your application has been submitted. We have sent you a confirmation "
            "by e-mail."
        ),
    )
    check_a11y.with_phone_menu(page)
    ranked = Application.objects.get(student__email=EMAIL).choices.order_by("rank")
    assert [choice.project.title for choice in ranked] == [second, first]

    # The bell counts the role and the confirmation; the list shows the confirmation first.
    bell = page.get_by_role("link", name=re.compile(de("Notifications")))
    expect(bell).to_contain_text(unread(2))
    bell.click()
    expect(page.get_by_role("heading", level=1, name=de("Notifications"))).to_be_visible()
    check_a11y.with_phone_menu(page)
    items = page.locator(".tr-notification--unread")
    expect(items).to_have_count(2)
    received = de("Your application for “%(round)s” has been received", round=ROUND)
    expect(items.first.get_by_role("link", name=received)).to_be_visible()
    items.first.get_by_role("button", name=re.compile(de("Mark as read"))).click()
    expect(items).to_have_count(1)
    expect(bell).to_contain_text(unread(1))  # swapped out of band, no reload
    page.get_by_role("button", name=de("Mark all as read")).click()
    expect_message(page, de("All notifications are marked as read."))
    expect(items).to_have_count(0)
    expect(bell.locator(".tr-bell__count")).to_have_count(0)
    log_out(page)

    # The town officer signs in on his phone and lands on his start page, where the
    # recommendation waits for his receipt.
    log_in(page, story.officer.email)
    expect(page).to_have_url("/mein-bereich/")
    confirm = f"{de('Confirm receipt')}: {PARKING}"
    area = page.locator("#start-recommendations")
    expect(area.get_by_role("heading", level=3, name=PARKING)).to_be_visible()
    check_a11y.with_phone_menu(page)
    area.get_by_role("link", name=confirm).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PARKING)
    check_a11y.with_phone_menu(page)
    # The link opens the step's form: no need to unfold it.
    step = page.locator("details#step-confirm_receipt")
    expect(step).to_have_attribute("open", "")
    step.get_by_role("button", name=de("Confirm receipt"), exact=True).click()
    with translation.override("de"):
        status = str(Recommendation.Status.RECEIVED.label)
    expect_message(page, de("Done: the recommendation is now “%(status)s”.", status=status))

    # Back on his start page the item has moved on to the next step.
    page.goto("/mein-bereich/")
    expect(page.get_by_role("link", name=confirm)).to_have_count(0)
    expect(page.get_by_role("link", name=f"{de('Start the review')}: {PARKING}")).to_be_visible()
    check_a11y.with_phone_menu(page)
