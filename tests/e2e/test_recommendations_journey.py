"""Recommendations in the browser: a team drafts two and asks for approval, its supervisor
approves them, the team hands them over, the Eilenburg officer confirms receipt and records the
council's decisions; the public tracker shows both and the transfer dossier downloads."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.text import capfirst
from playwright.sync_api import Locator, Page, expect

from transferraum.projects.models import Document
from transferraum.projects.services.workspace import document_upload
from transferraum.projects.tests.factories import SupervisorFactory
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import team_project

from .helpers import PDF, PDF_TIMEOUT_MS, de, expect_message, log_in, log_out

PARKING = "Fahrradparken am Bahnhof Eilenburg ausbauen"
SHUTTLE = "Rufbus zwischen Bahnhof und Gewerbegebiet Ost"


def named(text: str) -> re.Pattern[str]:
    """A field's whole label (an optional field's label goes on with "– optional", one that the
    approval needs with "– für die Freigabe nötig")."""
    return re.compile("^" + re.escape(text) + r"( – [^–]+)?$")


def label(verbose_name: str) -> re.Pattern[str]:
    """A form field's German label made from a model field's verbose name."""
    return named(capfirst(de(verbose_name)))


def status_label(status: str) -> str:
    with translation.override("de"):
        return str(Recommendation.Status(status).label)


def step(page: Page, action_label: str) -> Locator:
    """One step's disclosure on the recommendation's page (its summary carries the label)."""
    return page.locator("details.rc-step").filter(has=page.get_by_text(action_label, exact=True))


def take_step(page: Page, action_label: str) -> Locator:
    """Open the step's form and return it."""
    details = step(page, action_label)
    details.locator("summary").click()
    return details


def submit_step(page: Page, action_label: str) -> None:
    step(page, action_label).get_by_role("button", name=action_label, exact=True).click()


@pytest.fixture
def team(
    transactional_db,
    coordinator,
    town_eilenburg,
    officer_eilenburg,
    student_geography,
    student_informatics,
):
    supervisor = SupervisorFactory(name="Dr. Miriam Hahn", email="betreuung@uni-leipzig.example")
    project = team_project(
        town_eilenburg,
        student_geography,
        student_informatics,
        title="Mit dem Rad zur S-Bahn",
        supervisors=[supervisor],
    )
    project.partner_contacts.add(officer_eilenburg)
    document_upload(
        actor=student_geography,
        project=project,
        upload=SimpleUploadedFile("zaehlung.pdf", PDF, content_type="application/pdf"),
        title="Zählung der Fahrradstellplätze",
        category=Document.Category.REPORT,
    )
    return SimpleNamespace(
        project=project,
        supervisor=supervisor,
        lena=student_geography,
        officer=officer_eilenburg,
    )


def draft(page: Page, project_pk: int, title: str, summary: str) -> None:
    page.goto(f"/projekte/{project_pk}/arbeitsraum/#recommendations")
    page.get_by_role("link", name=de("New recommendation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(de("New recommendation"))
    page.get_by_label(label("title")).fill(title)
    page.get_by_label(label("summary")).fill(summary)
    page.get_by_label(label("rationale")).fill(
        "Unsere Zählung im Mai 2026 ergab 140 Räder an 60 Bügeln; Pendler weichen aufs Auto aus."
    )
    page.get_by_label(label("expected effect")).fill(
        "Mehr Pendler fahren mit dem Rad zur S-Bahn statt mit dem Auto nach Leipzig."
    )
    page.get_by_label(label("cost from (euros)")).fill("20000")
    page.get_by_label(label("cost up to (euros)")).fill("45000")
    page.get_by_label("Zählung der Fahrradstellplätze").check()
    page.get_by_label(label("addressed to")).select_option("council")
    page.get_by_label(label("name of the addressee")).fill("Stadtrat Eilenburg")
    page.get_by_role("button", name=de("Save draft")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect_message(
        page,
        de(
            "The draft “%(title)s” has been saved. When it is complete, ask for approval.",
            title=title,
        ),
    )
    # Nobody else sees the draft yet; the team asks its supervisor for approval.
    expect(page.locator(".rc-badges")).to_contain_text(de("Not public yet"))
    take_step(page, de("Ask for approval"))
    submit_step(page, de("Ask for approval"))
    expect_message(
        page,
        de("Asked for approval: %(names)s will hear of it by e-mail.", names="Dr. Miriam Hahn"),
    )
    expect(page.locator(".rc-next")).to_contain_text(
        de("Waiting for approval by %(approvers)s.", approvers="Dr. Miriam Hahn")
    )


def test_team_to_council_decision(page: Page, check_a11y, team):
    project = team.project

    # The team drafts two recommendations from its workspace.
    log_in(page, team.lena.email)
    page.goto(f"/projekte/{project.pk}/arbeitsraum/")
    check_a11y(page)
    draft(
        page,
        project.pk,
        PARKING,
        "120 überdachte Stellplätze am Bahnhof, davon 20 in abschließbaren Boxen.",
    )
    check_a11y(page)
    draft(page, project.pk, SHUTTLE, "Ein Rufbus im Takt der S4 zum Gewerbegebiet Ost.")
    log_out(page)

    # The supervisor approves both.
    log_in(page, team.supervisor.email)
    for title in (PARKING, SHUTTLE):
        page.goto(f"/projekte/{project.pk}/arbeitsraum/#recommendations")
        page.get_by_role("link", name=title).click()
        check_a11y(page)
        form = take_step(page, de("Approve"))
        form.get_by_label(de("Note")).fill("Gut belegt, so kann es an die Stadt gehen.")
        submit_step(page, de("Approve"))
        expect(page.locator(".rc-badges")).to_contain_text(status_label("approved"))
    log_out(page)

    # The team hands them over, with a date for the first answer.
    answer_due = timezone.localdate() + dt.timedelta(days=42)
    log_in(page, team.lena.email)
    for title in (PARKING, SHUTTLE):
        page.goto(f"/projekte/{project.pk}/arbeitsraum/#recommendations")
        page.get_by_role("link", name=title).click()
        form = take_step(page, de("Hand over to the partner"))
        form.get_by_label(de("First answer due")).fill(answer_due.isoformat())
        submit_step(page, de("Hand over to the partner"))
        expect(page.locator(".rc-badges")).to_contain_text(status_label("handed_over"))
    check_a11y(page)
    log_out(page)

    # The Eilenburg officer confirms receipt of both, puts them on the council's agenda, …
    log_in(page, team.officer.email)
    council_day = timezone.localdate()  # the council met today; the officer records it at once
    for title in (PARKING, SHUTTLE):
        page.goto("/empfehlungen/")
        page.get_by_role("link", name=title).click()
        take_step(page, de("Confirm receipt"))
        submit_step(page, de("Confirm receipt"))
        expect(page.locator(".rc-badges")).to_contain_text(status_label("received"))
        take_step(page, de("Start the review"))
        submit_step(page, de("Start the review"))
        form = take_step(page, de("Put on an agenda"))
        form.get_by_label(named(de("Body"))).fill("Stadtrat Eilenburg")
        form.get_by_label(de("Date of the meeting")).fill(council_day.isoformat())
        form.get_by_label(de("Agenda item")).fill("Ö 7.2")
        # A council link that is not a web address is refused, and what was typed stays.
        form.get_by_label(de("Link to the council information system")).fill("Ratsinfo Ö 7.2")
        submit_step(page, de("Put on an agenda"))
        # … said at the field and in the summary on top, which names the field and links to it
        expect(page.get_by_text(re.compile(r"Ratsinfo Ö 7\.2.*https://")).first).to_be_visible()
        expect(
            page.locator("#form-errors").get_by_role(
                "link", name=de("Link to the council information system")
            )
        ).to_be_visible()
        expect(form.get_by_label(de("Agenda item"))).to_have_value("Ö 7.2")
        check_a11y(page)
        form.get_by_label(de("Link to the council information system")).fill(
            "https://eilenburg.ratsinfo.example/vo0050.asp?__kvonr=4711"
        )
        submit_step(page, de("Put on an agenda"))
        expect(page.locator(".rc-badges")).to_contain_text(status_label("on_agenda"))
    check_a11y(page)

    # … records the decision adopting the first …
    page.goto("/empfehlungen/")
    page.get_by_role("link", name=PARKING).click()
    form = take_step(page, de("Record the decision: adopted"))
    form.get_by_label(de("Decided on")).fill(council_day.isoformat())
    form.get_by_label(de("Note")).fill("Einstimmig beschlossen; Umsetzung 2027.")
    submit_step(page, de("Record the decision: adopted"))
    expect(page.locator(".rc-badges")).to_contain_text(status_label("adopted"))
    expect(page.get_by_text("Einstimmig beschlossen; Umsetzung 2027.").first).to_be_visible()
    check_a11y(page)

    # … and rejects the second, which needs a reason.
    page.goto("/empfehlungen/")
    page.get_by_role("link", name=SHUTTLE).click()
    form = take_step(page, de("Record the decision: rejected"))
    form.get_by_label(de("Decided on")).fill(council_day.isoformat())
    submit_step(page, de("Record the decision: rejected"))
    expect(form.get_by_text(de("Please give the reason for the rejection.")).first).to_be_visible()
    expect(page.locator(".rc-badges")).to_contain_text(status_label("on_agenda"))
    check_a11y(page)
    form.get_by_label(de("Reason for the rejection")).fill(
        "Der Landkreis plant eine eigene Buslinie ab 2027."
    )
    submit_step(page, de("Record the decision: rejected"))
    expect(page.locator(".rc-badges")).to_contain_text(status_label("rejected"))
    # The history names who did what.
    history = page.locator("#history")
    expect(history).to_contain_text(team.officer.name)
    expect(history).to_contain_text("Der Landkreis plant eine eigene Buslinie ab 2027.")
    log_out(page)

    # The public tracker shows both with their decisions.
    page.goto("/empfehlungen/")
    check_a11y(page)
    expect(page.get_by_role("link", name=PARKING)).to_be_visible()
    expect(page.get_by_role("link", name=SHUTTLE)).to_be_visible()
    page.get_by_label(de("Status")).select_option("rejected")
    expect(page.get_by_role("link", name=SHUTTLE)).to_be_visible()
    expect(page.get_by_role("link", name=PARKING)).to_have_count(0)
    check_a11y(page)

    # The dossier of the project is a page and downloads as a PDF.
    page.goto(f"/empfehlungen/transferdossier/projekte/{project.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(PARKING).first).to_be_visible()
    check_a11y(page)
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download_info:
        page.get_by_role("link", name=de("Download as PDF")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


@pytest.fixture
def demo(transactional_db):
    from transferraum.demo.services import demo_load

    demo_load()


def test_the_chain_on_the_demo_data(page: Page, check_a11y, demo):
    """The demo's finished round: the public tracker and the Eilenburg dossier show the
    recommendations; the Eilenburg officer confirms receipt of the one that waits for it."""
    from transferraum.demo.rounds import FINISHED_ROUND
    from transferraum.demo.services import DEMO_PASSWORD
    from transferraum.projects.models import Round
    from transferraum.regions.models import Municipality

    waiting = Recommendation.objects.get(
        status=Recommendation.Status.HANDED_OVER, municipality__name="Eilenburg"
    )
    page.goto("/empfehlungen/")
    expect(page.get_by_role("link", name=waiting.title)).to_be_visible()
    check_a11y(page)

    log_in(page, "wirtschaft@eilenburg.example", DEMO_PASSWORD)
    page.goto("/empfehlungen/")
    page.get_by_role("link", name=waiting.title).click()
    check_a11y(page)
    take_step(page, de("Confirm receipt"))
    submit_step(page, de("Confirm receipt"))
    expect(page.locator(".rc-badges")).to_contain_text(status_label("received"))
    expect(page.locator("#history")).to_contain_text("Thomas Berger")
    log_out(page)

    town = Municipality.objects.get(name="Eilenburg")
    round = Round.objects.get(name=FINISHED_ROUND)
    page.goto(f"/empfehlungen/transferdossier/{town.ags}/runden/{round.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(waiting.title).first).to_be_visible()
    check_a11y(page)
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download_info:
        page.get_by_role("link", name=de("Download as PDF")).click()
    with open(download_info.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"
