"""On a phone: a newcomer signs up, is refused "My projects", asks for the student role from the
403 page, a coordinator grants it, and the student opens her projects and the rounds."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import StudyProgrammeFactory

from .helpers import de, expect_message, fill_login_form, log_in, log_out

PHONE = {"width": 390, "height": 844}
PASSWORD = "Mulde-Ufer-2026!"
EMAIL = "mia.neumann@example.org"


@pytest.fixture
def programme(transactional_db, coordinator):
    return StudyProgrammeFactory(name="Geographie")


def test_newcomer_asks_for_the_student_role_and_a_coordinator_grants_it(
    page: Page, check_a11y, programme
):
    page.set_viewport_size(PHONE)

    # Mia signs up on her own and confirms her address from the e-mail.
    page.goto("/konto/signup/")
    check_a11y(page)
    page.get_by_label("E-Mail-Adresse").fill(EMAIL)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label(de("Password (again)")).fill(PASSWORD)
    page.get_by_role("button", name=de("Sign Up")).click()
    check_a11y(page)
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    check_a11y(page)
    page.get_by_role("button", name=de("Confirm")).click()
    # Signed in after confirming, or asked to sign in (allauth decides): the sign-out form tells.
    if page.locator("form[action='/konto/logout/']").count() == 0:
        page.goto("/konto/login/")
        fill_login_form(page, EMAIL, PASSWORD)
    assert User.objects.get(email=EMAIL).role == User.Role.PUBLIC

    # "My projects" is for students: the 403 page says so and offers the request.
    page.goto("/projekte/meine/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("You may not open this page"))
    expect(page.get_by_text(de("Only students apply for projects."))).to_be_visible()
    check_a11y(page)
    page.get_by_role("link", name=de("Ask for the role “%(role)s”", role=de("Student"))).click()

    # The form arrives with the student role chosen; sent without her programme, it says so
    # and keeps her note.
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Ask for a role"))
    expect(page.get_by_label(de("Role you ask for"))).to_have_value("student")
    check_a11y(page)
    page.get_by_label(re.compile("^" + de("Note to the coordinators"))).fill(
        "Ich studiere Geographie im dritten Semester."
    )
    page.get_by_role("button", name=de("Send the request")).click()
    expect(page.get_by_text(de("Please choose your study programme.")).first).to_be_visible()
    expect(page.get_by_label(re.compile("^" + de("Note to the coordinators")))).to_have_value(
        "Ich studiere Geographie im dritten Semester."
    )
    check_a11y(page)
    page.get_by_label(re.compile("^" + de("Study programme"))).select_option(label=str(programme))
    page.get_by_label(re.compile("^" + de("Semester"))).fill("3")
    page.get_by_role("button", name=de("Send the request")).click()

    # Her profile shows the request waiting.
    expect_message(page, de("Your request has been sent. The coordinators will answer by e-mail."))
    expect(page.get_by_text(de("Waiting for an answer"))).to_be_visible()
    check_a11y(page)
    log_out(page)

    # The coordinator finds the request in her queue (a menu entry of her own) and grants it.
    log_in(page, "koordination@uni-leipzig.example")
    page.goto("/konto/rollenanfragen/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Role requests"))
    check_a11y(page)
    page.get_by_role("link", name=EMAIL).click()
    expect(page.get_by_text("Geographie (Bachelor), 3. Semester")).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name=de("Grant the role")).click()
    expect(page.get_by_text(de("Nothing is waiting."))).to_be_visible()
    check_a11y(page)
    log_out(page)

    # Mia got an e-mail, and now opens her projects and the rounds.
    assert mail.outbox[-1].to == [EMAIL]
    assert mail.outbox[-1].subject.endswith(de("Your role: %(role)s", role=de("Student")))
    log_in(page, EMAIL, PASSWORD)
    page.goto("/konto/profil/")
    expect(page.get_by_text(de("Granted"), exact=True)).to_be_visible()
    check_a11y(page)
    page.goto("/projekte/meine/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("My projects"))
    check_a11y(page)
    page.goto("/projekte/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_a11y(page)
