"""Practice projects in the browser: a round from its applications to the partner's feedback, and
the two demo rounds end to end."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, PersonProfile
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.demo.rounds import FINISHED_ROUND, OPEN_ROUND
from transferraum.demo.services import DEMO_PASSWORD, demo_load
from transferraum.projects.models import Document, Project, Round
from transferraum.projects.services.rounds import project_index
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorCapacityFactory,
    SupervisorFactory,
)
from transferraum.projects.views.applications import APPLY_PAGE_SIZE
from transferraum.regions.tests.factories import eilenburg, zeitz

from .helpers import PDF, de, de_n, expect_message, log_in, log_out, text


def phase_de(phase: Round.Phase) -> str:
    """The German name of a round's phase."""
    with translation.override("de"):
        return str(phase.label)


# --- the ranking ------------------------------------------------------------------------------


def chosen(page: Page) -> Locator:
    return page.locator("[data-ranking-chosen] > [data-ranking-item]")


def item(page: Page, title: str) -> Locator:
    return page.locator(f'[data-ranking-item][data-title="{title}"]')


def handle(page: Page, title: str) -> Locator:
    return item(page, title).locator("[data-ranking-handle]")


def announced(page: Page, message: str, **values: object) -> None:
    """The live region says `message` (a msgid with {placeholders}) to screen readers."""
    expected = de(message)
    for key, value in values.items():
        expected = expected.replace("{" + key + "}", str(value))
    expect(page.locator("[data-ranking-status]")).to_have_text(expected)


def press(page: Page, name: str, key: str) -> None:
    """Focus a ranking button by its accessible name and press a key on it."""
    button = page.get_by_role("button", name=name, exact=True)
    button.focus()
    expect(button).to_be_focused()
    page.keyboard.press(key)


def expect_ranking(page: Page, titles: list[str]) -> None:
    expect(chosen(page)).to_have_count(len(titles))
    for position, title in enumerate(titles):
        expect(chosen(page).nth(position)).to_have_attribute("data-title", title)


def motivate(page: Page, title: str, motivation: str) -> None:
    page.get_by_label(de("Why “%(title)s”?", title=title)).fill(motivation)


def submit_application(page: Page) -> None:
    page.get_by_role("button", name=de("Submit application")).click()


def team_summary(page: Page, title: str) -> Locator:
    """The folded team of the project `title` on the allocation board."""
    return page.locator("#board-teams summary").filter(has_text=title)


# --- the round --------------------------------------------------------------------------------


@pytest.fixture
def round_data(
    transactional_db,
    coordinator,
    officer_eilenburg,
    owner_zeitz,
    student_geography,
    student_informatics,
):
    """A round in preparation with four projects in Eilenburg and Zeitz, and three students.

    "Leerstand am Markt" takes one student who knows GIS, and only Lena Schubert does: so when
    Lena and Jonas both rank it first, Lena gets it and Jonas his second choice.
    """
    town_eilenburg = officer_eilenburg.memberships.get().organisation
    company_zeitz = owner_zeitz.memberships.get().organisation
    round = RoundFactory(
        name="Wintersemester 2026/27",
        phase=Round.Phase.PREPARATION,
        min_choices=3,
        max_choices=4,
        motivation_ranks=2,
    )
    supervisor = SupervisorFactory(name="Dr. Miriam Hahn", email="betreuung@uni-leipzig.example")
    SupervisorCapacityFactory(round=round, supervisor=supervisor, capacity=12)

    def project(title, organisation, town, contact, *, min_size=1, max_size=3):
        challenge = ChallengeFactory(
            title=title,
            organisation=organisation,
            municipality=town,
            contact_person=contact,
            status=Challenge.Status.PUBLISHED,
        )
        item = ProjectFactory(
            round=round,
            challenge=challenge,
            title=title,
            min_team_size=min_size,
            max_team_size=max_size,
            supervisors=[supervisor],
        )
        item.partner_contacts.add(contact)
        return item

    market = project(
        "Leerstand am Markt", town_eilenburg, eilenburg(), officer_eilenburg, max_size=1
    )
    bike = project("Mit dem Rad zur S-Bahn", town_eilenburg, eilenburg(), officer_eilenburg)
    workshop = project("Fachkräfte für die Werkstatt", company_zeitz, zeitz(), owner_zeitz)
    youth = project("Jugend in Zeitz", company_zeitz, zeitz(), owner_zeitz, min_size=2)

    gis = Competence.objects.create(slug="gis", label_de="GIS", label_en="GIS")
    market.required_competences.add(gis)
    PersonProfile.objects.get_or_create(user=student_geography)[0].competences.add(gis)
    mia = StudentFactory(email="mia.hoffmann@studserv.uni-leipzig.example", name="Mia Hoffmann")
    return SimpleNamespace(
        round=round,
        market=market,
        bike=bike,
        workshop=workshop,
        youth=youth,
        lena=student_geography,
        jonas=student_informatics,
        mia=mia,
    )


def test_round_from_applications_to_feedback(page: Page, check_a11y, round_data):
    data = round_data
    market, bike, workshop, youth = (
        data.market.title,
        data.bike.title,
        data.workshop.title,
        data.youth.title,
    )

    # The coordinator opens applications.
    log_in(page, "koordination@uni-leipzig.example")
    page.goto("/projekte/")
    check_a11y(page)
    page.get_by_role("link", name=data.round.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(data.round.name)
    check_a11y(page)
    page.locator("summary").filter(has_text=de("Open applications")).click()
    check_a11y(page)
    page.get_by_role(
        "button", name=de("Confirm: %(action)s", action=de("Open applications"))
    ).click()
    expect_message(
        page,
        de(
            "Done: the round is now in the phase “%(phase)s”.",
            phase=phase_de(Round.Phase.APPLICATIONS),
        ),
    )
    check_a11y(page)
    log_out(page)

    # Lena ranks by keyboard only; her first try has too few projects.
    log_in(page, data.lena.email)
    page.goto("/projekte/meine/")
    check_a11y(page)
    page.get_by_role("link", name=de("Apply for %(name)s", name=data.round.name)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Apply for projects"))
    check_a11y(page)
    press(page, de("Add %(title)s to the ranking", title=bike), "Enter")
    announced(page, "{title} added at rank {rank}.", title=bike, rank=1)
    # The focus stays with the project: it now offers to move it up.
    expect(
        page.get_by_role("button", name=de("Move %(title)s up", title=bike), exact=True)
    ).to_be_focused()
    press(page, de("Add %(title)s to the ranking", title=market), " ")
    announced(page, "{title} added at rank {rank}.", title=market, rank=2)
    press(page, de("Move %(title)s up", title=market), "Enter")
    announced(page, "{title} moved to rank {rank}.", title=market, rank=1)
    press(page, de("Move %(title)s up", title=market), " ")
    announced(page, "{title} is already your first choice.", title=market)
    expect_ranking(page, [market, bike])
    motivate(page, market, "Ich kartiere gern Leerstände mit GIS.")
    motivate(page, bike, "Ich fahre selbst jeden Tag mit dem Rad zur S-Bahn.")
    check_a11y(page)
    submit_application(page)
    expect(
        page.get_by_text(
            de_n(
                "Please rank at least %(min)d project; you have ranked %(count)d.",
                "Please rank at least %(min)d projects; you have ranked %(count)d.",
                3,
                min=3,
                count=2,
            )
        )
    ).to_be_visible()
    # … the ranking and the motivations she typed are still there.
    expect_ranking(page, [market, bike])
    expect(page.get_by_label(de("Why “%(title)s”?", title=market))).to_have_value(
        "Ich kartiere gern Leerstände mit GIS."
    )
    check_a11y(page)
    press(page, de("Add %(title)s to the ranking", title=workshop), "Enter")
    announced(page, "{title} added at rank {rank}.", title=workshop, rank=3)
    expect_ranking(page, [market, bike, workshop])
    submit_application(page)
    expect_message(
        page,
        de(
            "Thank you! Your application has been submitted. We have sent you a confirmation "
            "by e-mail."
        ),
    )
    check_a11y(page)
    log_out(page)

    # Jonas ranks with the mouse, dragging the projects by their handles.
    page.set_viewport_size({"width": 1280, "height": 4000})
    log_in(page, data.jonas.email)
    page.goto(f"/projekte/runden/{data.round.pk}/bewerbung/")
    check_a11y(page)
    handle(page, youth).drag_to(page.locator("[data-ranking-empty]"))
    announced(page, "{title} added at rank {rank}.", title=youth, rank=1)
    # Dropped on the upper half of a ranked project, a project goes before it.
    handle(page, market).drag_to(item(page, youth), target_position={"x": 40, "y": 10})
    announced(page, "{title} added at rank {rank}.", title=market, rank=1)
    handle(page, bike).drag_to(item(page, youth), target_position={"x": 40, "y": 10})
    expect_ranking(page, [market, bike, youth])
    # … and a ranked project moves within the ranking the same way.
    handle(page, youth).drag_to(item(page, market), target_position={"x": 40, "y": 10})
    announced(page, "{title} moved to rank {rank}.", title=youth, rank=1)
    expect_ranking(page, [youth, market, bike])
    box = item(page, bike).bounding_box()
    assert box is not None
    handle(page, youth).drag_to(
        item(page, bike), target_position={"x": 40, "y": box["height"] - 10}
    )
    announced(page, "{title} moved to rank {rank}.", title=youth, rank=3)
    expect_ranking(page, [market, bike, youth])
    motivate(page, market, "Leerstand interessiert mich.")
    motivate(page, bike, "Ich programmiere gern Karten-Apps.")
    check_a11y(page)
    submit_application(page)
    expect_message(
        page,
        de(
            "Thank you! Your application has been submitted. We have sent you a confirmation "
            "by e-mail."
        ),
    )
    log_out(page)

    # Mia mixes the mouse and the keyboard.
    log_in(page, data.mia.email)
    page.goto(f"/projekte/runden/{data.round.pk}/bewerbung/")
    page.get_by_role("button", name=de("Add %(title)s to the ranking", title=workshop)).click()
    handle(page, bike).drag_to(
        page.locator("[data-ranking-chosen]"), target_position={"x": 40, "y": 5}
    )
    announced(page, "{title} added at rank {rank}.", title=bike, rank=1)
    press(page, de("Add %(title)s to the ranking", title=youth), "Enter")
    press(page, de("Move %(title)s down", title=bike), "Enter")
    press(page, de("Move %(title)s down", title=bike), "Enter")
    announced(page, "{title} moved to rank {rank}.", title=bike, rank=3)
    expect_ranking(page, [workshop, youth, bike])
    motivate(page, workshop, "Ich komme aus Zeitz.")
    motivate(page, youth, "Ich arbeite gern mit Jugendlichen.")
    check_a11y(page)
    submit_application(page)
    expect_message(
        page,
        de(
            "Thank you! Your application has been submitted. We have sent you a confirmation "
            "by e-mail."
        ),
    )
    log_out(page)
    page.set_viewport_size({"width": 1280, "height": 800})

    # The coordinator closes applications and runs the allocation.
    log_in(page, "koordination@uni-leipzig.example")
    page.goto(f"/projekte/runden/{data.round.pk}/")
    close = de("Close applications and start the allocation")
    page.locator("summary").filter(has_text=close).click()
    page.get_by_role("button", name=de("Confirm: %(action)s", action=close)).click()
    expect_message(
        page,
        de(
            "Done: the round is now in the phase “%(phase)s”.",
            phase=phase_de(Round.Phase.ALLOCATION),
        ),
    )
    check_a11y(page)
    page.get_by_role("link", name=de("Allocation board")).click()
    expect(page.get_by_text(de("No allocation has run in this round yet."))).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name=de("Start the allocation")).click()
    expect_message(page, de("The allocation has started."))
    expect(page.locator("#allocation-progress")).to_contain_text(de("Done"))
    teams = page.locator("#board-teams")
    for title in (market, bike, workshop):
        expect(team_summary(page, title)).to_be_visible()
    # A team folds open with its members (htmx loads them).
    team_summary(page, bike).click()
    expect(teams.get_by_role("table", name=de("Members of %(title)s", title=bike))).to_contain_text(
        data.jonas.name
    )
    profile = page.get_by_role("table", name=de("Students per rank they got"))
    expect(profile.get_by_role("row", name=de("choice no. %(rank)s", rank=1))).to_contain_text("2")
    expect(profile.get_by_role("row", name=de("choice no. %(rank)s", rank=2))).to_contain_text("1")
    check_a11y(page)

    # … finds Mia by her name and moves her into her second choice, which leaves that team
    # below its minimum.
    page.get_by_label(de("Find a student")).fill("Mia")
    page.get_by_role("button", name=de("Find"), exact=True).click()
    found = page.get_by_role("table", name=de("Students found and their teams"))
    expect(found.get_by_role("row")).to_have_count(2)
    check_a11y(page)
    found.get_by_role("link", name=de("Move %(name)s", name=data.mia.name)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Move a student by hand"))
    check_a11y(page)
    page.get_by_label(de("New team")).select_option(label=youth)
    page.get_by_role("button", name=de("Show what this move breaks")).click()
    expect(
        page.get_by_role(
            "heading",
            name=de("Effects of moving %(name)s to “%(title)s”", name=data.mia.name, title=youth),
        )
    ).to_be_visible()
    expect(
        page.get_by_text(
            de_n(
                "This move breaks %(counter)s rule:",
                "This move breaks %(counter)s rules:",
                1,
                counter=1,
            )
        )
    ).to_be_visible()
    check_a11y(page)
    page.get_by_label(de("I have read the broken rules and want this move anyway.")).check()
    page.get_by_role("button", name=de("Save the move and pin it")).click()
    expect_message(
        page,
        de(
            "%(student)s is now in “%(project)s” (pinned for later runs).",
            student=data.mia.name,
            project=youth,
        ),
    )
    expect(
        teams.get_by_role("table", name=de("Members of %(title)s", title=youth))
    ).to_contain_text(de("yes, pinned"))
    check_a11y(page)

    # … publishes and starts the work phase.
    page.get_by_role("button", name=de("Publish the allocation")).click()
    expect_message(
        page,
        de("The allocation is published. Students, supervisors and partners are told."),
    )
    check_a11y(page)
    page.get_by_role("link", name=data.round.name).first.click()
    work = de("Start the work phase")
    page.locator("summary").filter(has_text=work).click()
    page.get_by_role("button", name=de("Confirm: %(action)s", action=work)).click()
    expect_message(page, de("Done: the round is now in the phase “%(phase)s”.", phase=de("Work")))
    check_a11y(page)
    log_out(page)

    # Jonas sees his project and why not his first choice …
    log_in(page, data.jonas.email)
    page.goto("/projekte/meine/")
    expect(page.get_by_text(de("You work on “%(title)s”.", title=bike))).to_be_visible()
    check_a11y(page)
    page.get_by_role("link", name=de("Your result and why")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Your result of the allocation"))
    expect(page.get_by_role("link", name=bike)).to_be_visible()
    why = page.locator("section").filter(
        has=page.get_by_role("heading", name=de("Why not a choice you ranked higher"))
    )
    expect(why.get_by_role("listitem").filter(has_text=market)).to_be_visible()
    check_a11y(page)

    # … adds a milestone in the workspace and uploads a document.
    page.get_by_role("link", name=de("To your team's workspace")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(bike)
    check_a11y(page)
    page.get_by_role("link", name=de("Add a milestone")).click()
    check_a11y(page)
    page.get_by_label(text(de("title"))).fill("Radwege kartieren")
    due = data.round.work_starts_on + dt.timedelta(days=28)
    page.get_by_label(text(de("due"))).fill(due.isoformat())
    page.get_by_role("button", name=de("Add milestone")).click()
    expect_message(page, de("The milestone “%(title)s” has been added.", title="Radwege kartieren"))
    expect(
        page.locator("#milestones").get_by_role("rowheader", name="Radwege kartieren")
    ).to_be_visible()
    check_a11y(page)
    page.get_by_role("link", name=de("Upload a document")).click()
    check_a11y(page)
    page.get_by_label(text(de("File"))).first.set_input_files(
        {"name": "arbeitsplan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label(re.compile(f"^{re.escape(de('Title'))}", re.I)).fill("Arbeitsplan")
    page.get_by_role("button", name=de("Upload"), exact=True).click()
    expect_message(
        page,
        de("“%(title)s” has been uploaded as version %(number)d.", title="Arbeitsplan", number=1),
    )
    documents = page.locator("#documents")
    expect(documents.get_by_text("Arbeitsplan", exact=True)).to_be_visible()
    expect(
        documents.get_by_role(
            "link", name=de("%(name)s, version %(number)s", name="arbeitsplan.pdf", number=1)
        )
    ).to_be_visible()
    check_a11y(page)
    log_out(page)

    # The Eilenburg officer, the partner, gives the mid-term feedback.
    log_in(page, "wirtschaft@eilenburg.example")
    page.goto(f"/projekte/{data.bike.pk}/")
    check_a11y(page)
    page.goto(f"/projekte/{data.bike.pk}/arbeitsraum/")
    expect(page.locator("#milestones")).to_contain_text("Radwege kartieren")
    check_a11y(page)
    midterm = de("Mid-term")
    page.get_by_role("link", name=de("Give feedback (%(stage)s)", stage=midterm)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        de("Feedback: %(stage)s", stage=midterm)
    )
    check_a11y(page)
    page.get_by_role("group", name=text(de("how useful is the work for you?"))).get_by_label(
        "4", exact=True
    ).check()
    page.get_by_role("group", name=text(de("how well does the collaboration work?"))).get_by_label(
        "5", exact=True
    ).check()
    page.get_by_label(text(de("what should happen next?"))).fill(
        "Bitte die Bahnhofstraße als Nächstes ansehen."
    )
    page.get_by_role("button", name=de("Send feedback")).click()
    expect_message(page, de("Thank you for your feedback."))
    feedback = page.locator("#feedback")
    expect(feedback).to_contain_text("Bitte die Bahnhofstraße als Nächstes ansehen.")
    expect(feedback).to_contain_text(de("%(value)s of 5", value=4))
    check_a11y(page)
    assert Project.objects.get(pk=data.bike.pk).feedback.count() == 1
    assert User.objects.filter(assignments__project=data.youth).get() == data.mia


# --- the demo ---------------------------------------------------------------------------------


@pytest.fixture
def demo(transactional_db):
    """The demo programme with its two rounds: "Sommersemester 2026" closed, "Wintersemester
    2026/27" taking applications."""
    demo_load()


def test_demo_rounds_work_end_to_end(page: Page, check_a11y, demo):
    open_round = Round.objects.get(name=OPEN_ROUND)
    finished = Round.objects.get(name=FINISHED_ROUND)
    assert open_round.applications.count() >= 60
    first, second, third = open_round.projects.filter(status=Project.Status.OPEN).order_by("title")[
        :3
    ]

    # Lena, who has not applied yet, applies while the round is open.
    log_in(page, "lena.schubert@studserv.uni-leipzig.example", DEMO_PASSWORD)
    page.goto("/projekte/meine/")
    page.get_by_role("link", name=de("Apply for %(name)s", name=OPEN_ROUND)).click()
    for project in (first, second, third):
        page.get_by_role(
            "button", name=de("Add %(title)s to the ranking", title=project.title)
        ).click()
    expect_ranking(page, [first.title, second.title, third.title])
    motivate(page, first.title, "Ich studiere Geographie und kenne die Region.")
    motivate(page, second.title, "Das Thema passt zu meinem Schwerpunkt.")
    check_a11y(page)
    submit_application(page)
    expect_message(
        page,
        de(
            "Thank you! Your application has been submitted. We have sent you a confirmation "
            "by e-mail."
        ),
    )
    log_out(page)

    # The coordinator closes applications, runs the allocation on the real input and publishes.
    log_in(page, "koordination@uni-leipzig.example", DEMO_PASSWORD)
    page.goto("/projekte/")
    check_a11y(page)
    page.get_by_role("link", name=OPEN_ROUND).first.click()
    check_a11y(page)
    close = de("Close applications and start the allocation")
    page.locator("summary").filter(has_text=close).click()
    page.get_by_role("button", name=de("Confirm: %(action)s", action=close)).click()
    expect_message(
        page, de("Done: the round is now in the phase “%(phase)s”.", phase=de("Allocation"))
    )
    page.get_by_role("link", name=de("Allocation board")).click()
    page.get_by_role("button", name=de("Start the allocation")).click()
    expect_message(page, de("The allocation has started."))
    expect(page.locator("#allocation-progress")).to_contain_text(de("Done"), timeout=60_000)
    expect(page.get_by_role("table", name=de("Students per rank they got"))).to_be_visible()
    teams = page.locator("#board-teams [data-team]")
    expect(teams.first).to_be_visible()
    assert teams.count() >= 5
    teams.first.locator("summary").click()
    expect(teams.first.get_by_role("table")).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name=de("Publish the allocation")).click()
    expect_message(
        page,
        de("The allocation is published. Students, supervisors and partners are told."),
    )
    check_a11y(page)
    log_out(page)

    # Lena learns her result.
    log_in(page, "lena.schubert@studserv.uni-leipzig.example", DEMO_PASSWORD)
    page.goto(f"/projekte/runden/{open_round.pk}/mein-ergebnis/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Your result of the allocation"))
    expect(page.locator("#project-heading")).to_be_visible()
    check_a11y(page)
    log_out(page)

    # A visitor opens the showcase and a finished project with its summary.
    page.goto("/projekte/schaufenster/")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Showcase of finished projects"))
    check_a11y(page)
    register = finished.projects.get(title__startswith="Leerstandskataster")
    page.get_by_role("link", name=register.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(register.title)
    summary = register.public_summary.split(". ")[0]
    expect(page.get_by_text(summary).first).to_be_visible()
    check_a11y(page)

    # A member of its team opens the workspace with milestones and documents.
    member = finished.assignments.filter(project=register).select_related("student").first()
    assert member is not None
    log_in(page, member.student.email, DEMO_PASSWORD)
    page.goto("/projekte/meine/")
    check_a11y(page)
    page.locator("section").filter(
        has=page.get_by_role("heading", name=FINISHED_ROUND)
    ).get_by_role("link", name=de("The team's workspace")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(register.title)
    expect(page.locator("#milestones").get_by_role("row")).to_have_count(
        register.milestones.count() + 1
    )
    for document in register.documents.all():
        section = "#deliverables" if document.category in Document.DELIVERABLES else "#documents"
        expect(page.locator(section).get_by_text(document.title, exact=True)).to_be_visible()
    check_a11y(page)


# --- a round too large for one page -------------------------------------------------------------


@pytest.fixture
def large_round(transactional_db, student_geography):
    """A round taking applications with more open projects than a page shows: "Projekt 01" to
    "Projekt 22" and, last by title, "Radwege an der Mulde"."""
    round = RoundFactory(name="Großes Semester", min_choices=3, max_choices=4, motivation_ranks=1)
    titles = [f"Projekt {number:02d}" for number in range(1, APPLY_PAGE_SIZE + 3)]
    for title in [*titles, "Radwege an der Mulde"]:
        project_index(ProjectFactory(round=round, title=title))
    return SimpleNamespace(round=round, lena=student_geography)


def test_the_ranking_keeps_its_choices_across_searches_and_pages(
    page: Page, check_a11y, large_round
):
    data = large_round
    bikes = "Radwege an der Mulde"
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    log_in(page, data.lena.email)
    page.goto(f"/projekte/runden/{data.round.pk}/bewerbung/")
    check_a11y(page)
    expect(page.locator("[data-ranking-available] > [data-ranking-item]")).to_have_count(
        APPLY_PAGE_SIZE
    )
    press(page, de("Add %(title)s to the ranking", title="Projekt 01"), "Enter")
    announced(page, "{title} added at rank {rank}.", title="Projekt 01", rank=1)
    motivate(page, "Projekt 01", "Mein Favorit, weil ich in Eilenburg wohne.")

    # The second page comes without leaving the page; the ranking stays as it is.
    page.get_by_role("button", name=f"{de('Page')} 2", exact=True).click()
    expect(item(page, "Projekt 22")).to_be_visible()
    expect(item(page, "Projekt 02")).to_have_count(0)
    press(page, de("Add %(title)s to the ranking", title="Projekt 22"), "Enter")
    announced(page, "{title} added at rank {rank}.", title="Projekt 22", rank=2)
    check_a11y(page)

    # A search within the round finds one project; it joins the ranking too.
    page.get_by_label(de("Search"), exact=True).fill("Radwege")
    expect(page.locator("[data-ranking-available] > [data-ranking-item]")).to_have_count(1)
    press(page, de("Add %(title)s to the ranking", title=bikes), "Enter")
    announced(page, "{title} added at rank {rank}.", title=bikes, rank=3)

    # Back to all projects, first page: the choices from page 2 and from the search are there.
    page.get_by_label(de("Search"), exact=True).fill("")
    expect(item(page, "Projekt 02")).to_be_visible()
    expect_ranking(page, ["Projekt 01", "Projekt 22", bikes])
    expect(page.get_by_label(de("Why “%(title)s”?", title="Projekt 01"))).to_have_value(
        "Mein Favorit, weil ich in Eilenburg wohne."
    )
    check_a11y(page)
    submit_application(page)
    expect_message(
        page,
        de(
            "Thank you! Your application has been submitted. We have sent you a confirmation "
            "by e-mail."
        ),
    )
    application = data.round.applications.get(student=data.lena)
    assert [choice.project.title for choice in application.choices.order_by("rank")] == [
        "Projekt 01",
        "Projekt 22",
        bikes,
    ]
