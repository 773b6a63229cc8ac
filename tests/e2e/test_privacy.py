"""A student downloads a copy of her data and deletes her account; a coordinator reads the
record of processing activities. Every page is checked with axe-core."""

from __future__ import annotations

import json
import zipfile

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import de, expect_message, log_in
from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import PASSWORD


@pytest.fixture
def student(transactional_db, student_geography) -> User:
    return student_geography


def test_a_student_downloads_her_data_and_deletes_her_account(page: Page, check_a11y, student):
    log_in(page, student.email)
    page.goto("/konto/profil/")
    page.get_by_role("link", name=de("Get a copy of my data or delete my account")).click()
    expect(page.get_by_role("heading", name=de("My data"), level=1)).to_be_visible()
    check_a11y(page)

    page.get_by_role("button", name=de("Prepare a copy of my data")).click()
    expect_message(
        page, de("We are preparing your data. You will get an e-mail when it is ready to download.")
    )
    check_a11y(page)
    with page.expect_download() as waiting:
        page.get_by_role(
            "link", name=de("Download (until %(until)s)", until="…").split("…")[0]
        ).click()
    download = waiting.value
    with zipfile.ZipFile(download.path()) as archive:
        account = json.loads(archive.read("account.json"))
    assert account["Nutzer/innen"][0]["email"] == student.email

    page.get_by_role("link", name=de("Delete my account")).click()
    expect(page.get_by_role("heading", name=de("Delete my account"), level=1)).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name=de("Delete my account now")).click()
    expect(
        page.get_by_text(de("Please confirm that you want to delete your account."), exact=True)
    ).to_be_visible()
    check_a11y(page)
    page.get_by_label(de("Your password")).fill(PASSWORD)
    page.get_by_label(de("I understand that my account and my data are deleted for good.")).check()
    page.get_by_role("button", name=de("Delete my account now")).click()
    expect_message(page, de("Your account and your data have been deleted."))
    check_a11y(page)
    assert not User.objects.filter(email=student.email).exists()
    expect(page.get_by_role("link", name="Anmelden").first).to_be_visible()


def test_a_coordinator_reads_the_record_of_processing_activities(
    page: Page, check_a11y, transactional_db, coordinator
):
    log_in(page, coordinator.email)
    page.goto("/konto/meine-daten/")
    page.get_by_role("link", name=de("Record of processing activities (Art. 30 GDPR)")).click()
    expect(
        page.get_by_role("heading", name=de("Record of processing activities"), level=1)
    ).to_be_visible()
    expect(page.get_by_role("rowheader", name="Personenprofile").first).to_be_visible()
    check_a11y(page)
