"""Issue 21's survey story: a researcher builds a survey with a condition (and edits it: texts,
an outcome flag, a condition of two rules, a move refused through htmx), invites the students of
the finished round, and a student answers through the e-mailed link on a phone, without signing
in; the researcher exports and finds the pseudonym, and the dashboard's survey outcome opens the
response behind it. Every page passes axe, the survey pages included."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, place
from transferraum.research.models import Answer, Response
from transferraum.research.pseudonyms import pseudonym
from transferraum.research.tests.factories import study_make

from .helpers import de, expect_message, log_in

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def story(transactional_db, researcher, student_geography):
    # the finished round: its final presentation is past, so a wave now is "after"
    today = timezone.localdate()
    round = RoundFactory(
        name="Wintersemester 2026/27",
        phase="closed",
        applications_open_at=timezone.now() - dt.timedelta(days=200),
        applications_close_at=timezone.now() - dt.timedelta(days=180),
        work_starts_on=today - dt.timedelta(days=150),
        presentation_on=today - dt.timedelta(days=20),
        ends_on=today - dt.timedelta(days=10),
    )
    place(student_geography, ProjectFactory(round=round))
    return study_make(researcher, title="Bindung nach dem Projekt")


def test_a_researcher_builds_and_invites_and_a_student_answers_on_a_phone(
    page: Page, open_page, check_a11y, story, researcher, student_geography
):
    log_in(page, researcher.email)
    page.goto("/forschung/")
    check_a11y(page)
    page.get_by_role("link", name="Bindung nach dem Projekt").click()
    check_a11y(page)

    # a survey with a Likert question, and a second page only for those who feel bound
    page.get_by_text(de("New survey"), exact=True).click()
    form = page.locator("details[open]")
    form.get_by_label(de("title (German)")).fill("Nach dem Projekt")
    form.get_by_label(de("title (English)")).fill("After the project")
    form.get_by_role("button", name=de("Create the survey")).click()
    expect(page.get_by_role("heading", name=re.compile("Nach dem Projekt"))).to_be_visible()
    check_a11y(page)
    page.get_by_text(de("Add a question"), exact=True).click()
    form = page.locator("details[open]")
    form.get_by_label(de("variable name")).fill("bindung")
    form.get_by_label(de("type")).select_option("likert5")
    form.get_by_label(de("question (German)")).fill("Ich fühle mich der Region verbunden.")
    form.get_by_label(de("question (English)")).fill("I feel attached to the region.")
    form.get_by_label(de("answer required")).check()
    form.get_by_role("button", name=de("Add the question")).click()
    page.get_by_text(de("Add a page"), exact=True).click()
    form = page.locator("details[open]")
    form.get_by_label(de("title (German)")).fill("Bleiben")
    form.get_by_label(de("rule %(n)s: question", n=1)).select_option("bindung")
    form.get_by_label(de("rule %(n)s: operator", n=1)).select_option("at_least")
    form.get_by_label(de("rule %(n)s: value", n=1)).fill("4")
    form.get_by_role("button", name=de("Add the page")).click()
    expect(page.get_by_text("bindung ≥ 4").first).to_be_visible()
    page.get_by_text(de("Add a question"), exact=True).click()
    form = page.locator("details[open]")
    form.get_by_label(de("page"), exact=True).select_option(label="2: Bleiben")
    form.get_by_label(de("variable name")).fill("warum")
    form.get_by_label(de("type")).select_option("text")
    form.get_by_label(de("question (German)")).fill("Was hält Sie hier?")
    form.get_by_label(de("question (English)")).fill("What keeps you here?")
    form.get_by_role("button", name=de("Add the question")).click()
    expect(page.get_by_text("Was hält Sie hier?")).to_be_visible()
    check_a11y(page)

    # editing: bindung becomes an outcome measure; warum gets a new English text and a
    # condition of two rules (any)
    page.get_by_role("link", name=de("Edit %(code)s", code="bindung")).click()
    check_a11y(page)
    page.get_by_label(de("outcome measure")).check()
    page.get_by_role("button", name=de("Save the question")).click()
    expect_message(page, de("The question was saved."))
    page.get_by_role("link", name=de("Edit %(code)s", code="warum")).click()
    page.get_by_label(de("question (English)")).fill("What keeps you in the region?")
    page.get_by_label(de("the condition holds when")).select_option("any")
    page.get_by_label(de("rule %(n)s: question", n=1)).select_option("bindung")
    page.get_by_label(de("rule %(n)s: operator", n=1)).select_option("at_least")
    page.get_by_label(de("rule %(n)s: value", n=1)).fill("5")
    page.get_by_label(de("rule %(n)s: question", n=2)).select_option("bindung")
    page.get_by_label(de("rule %(n)s: operator", n=2)).select_option("equals")
    page.get_by_label(de("rule %(n)s: value", n=2)).fill("4")
    page.get_by_role("button", name=de("Save the question")).click()
    expect_message(page, de("The question was saved."))
    expect(page.get_by_text("What keeps you in the region?")).to_be_visible()
    check_a11y(page)
    # moving page 2 before the question its condition needs is refused (htmx, in place)
    page.get_by_role("button", name=de("Move page %(n)s up", n=2)).click()
    expect(page.locator("#builder").get_by_role("status")).to_contain_text("später")
    expect(page.get_by_role("heading", name="2. Bleiben")).to_be_visible()
    check_a11y(page)
    page.get_by_role("link", name=de("Preview")).click()
    expect(page.get_by_text("Ich fühle mich der Region verbunden.")).to_be_visible()
    check_a11y(page)

    # a wave for the round's students, invited at once
    page.get_by_role("link", name=de("Back to the survey")).click()
    page.get_by_role("link", name=de("Back to the study")).click()
    page.get_by_text(de("New wave"), exact=True).click()
    form = page.locator("details[open]")
    form.get_by_label(de("name"), exact=True).fill("Nachher")
    form.get_by_label(de("round")).select_option(label="Wintersemester 2026/27")
    today = timezone.localdate()
    form.get_by_label(de("invitations go out on")).fill(today.isoformat())
    form.get_by_label(de("closes on")).fill(today.replace(year=today.year + 1).isoformat())
    form.get_by_role("button", name=de("Plan the wave")).click()
    page.get_by_role("button", name=de("Invite now")).click()
    expect_message(page, de("Done."))
    check_a11y(page)

    # the student opens the e-mailed link on her phone, without signing in
    letter = next(m for m in mail.outbox if m.to == [student_geography.email])
    link = re.search(r"https?://\S+/befragung/\S+/", letter.body)[0]
    phone = open_page(viewport=PHONE)
    phone.goto(link)
    check_a11y.with_phone_menu(phone)
    phone.get_by_role("button", name=de("Start the survey")).click()
    expect(phone.get_by_role("alert")).to_be_visible()
    check_a11y.with_phone_menu(phone)
    phone.get_by_label(de("I have read the text and agree to take part.")).check()
    phone.get_by_role("button", name=de("Start the survey")).click()
    expect(phone.get_by_text(de("Page %(number)s of %(total)s", number=1, total=2))).to_be_visible()
    check_a11y.with_phone_menu(phone)
    # nothing chosen: the error names the question and links to it
    phone.get_by_role("button", name=de("Save and continue")).click()
    expect(phone.get_by_role("link", name="Ich fühle mich der Region verbunden.")).to_be_visible()
    check_a11y.with_phone_menu(phone)
    phone.get_by_label("5 – stimme voll zu").check()
    phone.get_by_role("button", name=de("Save and continue")).click()
    expect(phone.get_by_text(de("Page %(number)s of %(total)s", number=2, total=2))).to_be_visible()
    check_a11y.with_phone_menu(phone)
    phone.get_by_label("Was hält Sie hier?").fill("Die Menschen im Verein")
    phone.get_by_role("button", name=de("Save and finish")).click()
    expect(phone.get_by_role("heading", name=de("Thank you!"))).to_be_visible()
    check_a11y.with_phone_menu(phone)

    response = Response.objects.get()
    assert response.status == "completed"
    assert response.pseudonym == pseudonym(story, student_geography)
    assert set(Answer.objects.values_list("question__code", flat=True)) == {"bindung", "warum"}
    # the researcher sees the response rate, never the student's name
    page.reload()
    expect(page.get_by_text("100 %")).to_be_visible()
    assert student_geography.name not in page.content()

    # the wide export: the pseudonym, never the name
    with page.expect_download() as waiting:
        page.get_by_role(
            "link",
            name=de("Wide table: one row per pseudonym and wave (ZIP: CSV, codebook, R syntax)"),
        ).click()
    with zipfile.ZipFile(waiting.value.path()) as archive:
        wide = archive.read("antworten-breit.csv").decode("utf-8-sig")
    assert pseudonym(story, student_geography) in wide
    assert student_geography.name not in wide
    # one person answered: the frequency table shows no count below 5
    page.get_by_role(
        "link", name=de("Frequency tables (cells with fewer than 5 people suppressed)")
    ).click()
    expect(page.locator('[data-frequency="bindung"]')).to_contain_text("< 5")
    check_a11y(page)

    # the dashboard's survey outcome after the projects opens the response it rests on
    page.goto("/kennzahlen/auswertung/")
    figure = page.locator("[data-figure=survey-outcome-after]")
    expect(figure.locator("[data-figure-value]")).to_have_text("5,0")
    check_a11y(page)
    figure.locator("[data-records-link]").click()
    expect(page.locator("[data-record]")).to_have_count(1)
    expect(page.locator("[data-record]")).to_contain_text(pseudonym(story, student_geography))
    assert student_geography.name not in page.content()
    check_a11y(page)
