"""A company posts an internship, the coordinator publishes it, a student's saved search brings
it into her alert e-mail, she applies from the link in the mail, and the company accepts."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.helpers import PDF, de, expect_message, log_in, log_out
from transferraum.opportunities.alerts import alerts_send
from transferraum.opportunities.models import Application
from transferraum.opportunities.tests.factories import VerifiedOrganisationFactory
from transferraum.regions.services import region_load_reference

TITLE = "Praktikum Instandhaltung und Digitalisierung"


@pytest.fixture
def region(transactional_db, company_zeitz, owner_zeitz, coordinator, student_geography):
    region_load_reference()
    VerifiedOrganisationFactory(organisation=company_zeitz)


def test_from_posting_to_acceptance(page: Page, check_a11y, region, student_geography, owner_zeitz):
    # The student saves a search for internships …
    log_in(page, student_geography.email)
    page.goto("/chancen/?art=internship")
    check_a11y(page)
    page.get_by_text(de("Save this search and get new opportunities by e-mail")).click()
    page.get_by_label(re.compile(de("Name of the search"))).fill("Praktika")
    page.get_by_label(de("Daily")).check()
    page.get_by_role("button", name=de("Save search")).click()
    expect_message(page, de("Your search has been saved. We will e-mail you new opportunities."))
    check_a11y(page)
    log_out(page)

    # … the company posts an internship in Zeitz and submits it …
    log_in(page, owner_zeitz.email)
    page.goto("/chancen/neu/")
    check_a11y(page)
    page.get_by_label(re.compile(f"^{de('kind')}", re.I)).select_option("internship")
    page.get_by_label(re.compile(f"^{de('title')}", re.I)).fill(TITLE)
    page.get_by_label(re.compile(f"^{de('town')}", re.I)).select_option(label="Zeitz")
    page.get_by_label(re.compile(re.escape(de("Pay or rent from (euros per month)")))).fill("700")
    page.get_by_label(re.compile(re.escape(de("Pay or rent up to (euros per month)")))).fill("900")
    page.get_by_role("button", name=de("Save and submit for publication")).click()
    expect_message(page, de("Submitted: a coordinator will publish it soon."))
    check_a11y(page)
    log_out(page)

    # … the coordinator publishes it.
    log_in(page, "koordination@uni-leipzig.example")
    page.goto("/chancen/pruefung/")
    check_a11y(page)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name=de("Publish")).click()
    expect(page.get_by_text(de("Published")).first).to_be_visible()
    log_out(page)

    # The daily alert run mails the student, with the item's link.
    mail.outbox.clear()
    report = alerts_send()
    assert report.items == 1
    (message,) = [m for m in mail.outbox if m.to == [student_geography.email]]
    assert TITLE in message.body
    link = re.search(r"https?://\S+/chancen/\d+/", message.body)[0]
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]

    # She applies with her CV …
    log_in(page, student_geography.email)
    page.goto(path)
    check_a11y(page)
    page.get_by_role("link", name=de("Apply on the platform")).click()
    cover_note = page.get_by_label(re.compile(f"^{de('Cover note')}"))
    cover_note.fill("Ich studiere Informatik in Leipzig.")
    page.get_by_label(re.compile(re.escape(de("CV (PDF, at most 5 MB)")))).set_input_files(
        {"name": "lebenslauf.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label(de("I agree that the organisation receives my application and CV.")).check()
    check_a11y(page)
    page.get_by_role("button", name=de("Send application")).click()
    expect_message(page, de("Thank you! Your application has been sent."))
    check_a11y(page)
    log_out(page)

    # … the company accepts …
    log_in(page, owner_zeitz.email)
    page.goto("/chancen/unsere/")
    check_a11y(page)
    page.get_by_role("link", name="1", exact=True).click()
    check_a11y(page)
    page.get_by_role("link", name=re.compile(student_geography.name)).click()
    page.get_by_role("button", name=de("Accept")).click()
    expect_message(page, de("Done: the application is now “%(status)s”.", status=de("Accepted")))
    log_out(page)

    # … and she sees it under "Meine Bewerbungen".
    log_in(page, student_geography.email)
    page.goto("/bewerbungen/")
    check_a11y(page)
    expect(page.get_by_role("cell", name=de("Accepted"))).to_be_visible()
    application = Application.objects.get()
    assert application.status == Application.Status.ACCEPTED
    application.cv.delete(save=False)
