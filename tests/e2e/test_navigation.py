"""The frame of every page: the menus on a phone (320 px) and a desktop, by keyboard and without
JavaScript; no page scrolls sideways; axe finds nothing with the phone menu open or closed."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import de, log_in, log_out, open_personal_menu
from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.demo.rounds import FINISHED_ROUND, OPEN_ROUND
from transferraum.demo.services import DEMO_PASSWORD, demo_load
from transferraum.projects.models import Project, Round
from transferraum.recommendations.models import Recommendation

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
# The outermost elements that reach beyond the screen's right edge, to say what to fix.
WIDE = """
[...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
  .filter((el) => !el.parentElement.closest("*") || el.parentElement.getBoundingClientRect().right
    <= window.innerWidth + 1)
  .slice(0, 5)
  .map((el) => el.tagName + "." + el.className + " " + Math.round(el.getBoundingClientRect().right))
"""


@pytest.fixture
def demo(transactional_db):
    demo_load()


def public_pages() -> list[str]:
    finished = Round.objects.get(name=FINISHED_ROUND)
    project = Project.objects.filter(round=finished).order_by("pk").first()
    recommendation = Recommendation.objects.public().order_by("pk").first()
    challenge = Challenge.objects.on_board().order_by("pk").first()
    town = recommendation.municipality
    return [
        "/",
        "/region/",
        "/verzeichnis/",
        "/verzeichnis/karte/",
        "/netzwerk/",
        "/herausforderungen/",
        challenge.get_absolute_url(),
        challenge.organisation.get_absolute_url(),
        "/projekte/",
        finished.get_absolute_url(),
        project.get_absolute_url(),
        "/empfehlungen/",
        recommendation.get_absolute_url(),
        f"/empfehlungen/transferdossier/{town.ags}/runden/{finished.pk}/",
        "/konto/login/",
    ]


def coordinator_pages() -> list[str]:
    finished = Round.objects.get(name=FINISHED_ROUND)
    project = (
        Project.objects.filter(round=finished, status__in=["running", "completed"])
        .order_by("pk")
        .first()
    )
    in_review = Challenge.objects.filter(status=Challenge.Status.SUBMITTED).order_by("pk").first()
    pages = [
        "/konto/profil/",
        "/herausforderungen/meine/",
        "/pruefung/",
        "/kompetenzen/",
        f"/projekte/runden/{finished.pk}/zuteilung/",
        f"/projekte/{project.pk}/arbeitsraum/",
    ]
    if in_review:
        pages.append(f"/pruefung/{in_review.pk}/")
    return pages


def more_pages() -> dict[str | None, list[str]]:
    """The other main pages, by who opens them (None: signed out): every form, list and
    personal page that the lists above leave out, for the students and the town officer too."""
    open_round = Round.objects.get(name=OPEN_ROUND)
    town_hall = Organisation.objects.get(name="Stadtverwaltung Eilenburg")
    waiting = Recommendation.objects.filter(
        status=Recommendation.Status.HANDED_OVER, municipality=town_hall.municipality
    ).order_by("pk")
    return {
        None: [
            "/suche/?q=Eilenburg",
            "/transferformate/",
            "/transferformate/praxisprojekt/",
            "/projekte/schaufenster/",
            open_round.get_absolute_url(),
            Project.objects.filter(round=open_round).order_by("pk").first().get_absolute_url(),
            "/datenquellen/",
            "/impressum/",
            "/datenschutz/",
            "/barrierefreiheit/",
            "/konto/signup/",
        ],
        "koordination@uni-leipzig.example": [
            "/mein-bereich/",
            "/benachrichtigungen/",
            "/benachrichtigungen/einstellungen/",
            "/konto/rollenanfragen/",
            "/herausforderungen/neu/",
            "/profil/bearbeiten/",
            "/projekte/runden/neu/",
            f"/projekte/runden/{open_round.pk}/zuteilung/",
            reverse("actors:manage", args=[town_hall.slug]),
        ],
        "lena.schubert@studserv.uni-leipzig.example": [
            "/mein-bereich/",
            "/projekte/meine/",
            f"/projekte/runden/{open_round.pk}/bewerbung/",
            "/projekte/mein-profil/",
            "/konto/profil/",
        ],
        "wirtschaft@eilenburg.example": [
            "/mein-bereich/",
            "/herausforderungen/meine/",
            "/herausforderungen/neu/",
            *(recommendation.get_absolute_url() for recommendation in waiting[:1]),
        ],
    }


def assert_fits(page: Page, what: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (
        f"{what} is {width}px wide on a 320px screen: {page.evaluate(WIDE)}"
    )


def check_phone_page(page: Page, check_a11y, path: str) -> None:
    """The page fits with the menu closed, open, and with each section open; axe passes on the
    closed and on the open menu."""
    page.goto(path)
    menu = page.get_by_role("navigation", name=de("Main navigation"))
    toggle = menu.locator("summary", has_text=de("Menu"))
    expect(toggle).to_be_visible()
    expect(menu.locator(".tr-nav__summary").first).to_be_hidden()
    assert_fits(page, path)
    check_a11y(page)
    toggle.click()
    sections = menu.locator(".tr-nav__summary")
    for index in range(sections.count()):
        sections.nth(index).click()
        expect(menu.locator(".tr-nav__link").first).to_be_attached()
        assert_fits(page, f"{path} with menu section {index + 1} open")
    check_a11y(page)


def test_no_page_scrolls_sideways_on_a_small_phone(page: Page, check_a11y, demo):
    page.set_viewport_size(PHONE)
    for path in public_pages():
        check_phone_page(page, check_a11y, path)

    log_in(page, "koordination@uni-leipzig.example", DEMO_PASSWORD)
    for path in coordinator_pages():
        check_phone_page(page, check_a11y, path)
    open_personal_menu(page)
    assert_fits(page, "the personal menu")
    check_a11y(page)

    # The rest of the main pages, for each kind of person, fit too (their menus are the same
    # as above, so they are not opened again).
    log_out(page)
    for person, paths in more_pages().items():
        if person:
            log_in(page, person, DEMO_PASSWORD)
        for path in paths:
            response = page.goto(path)
            assert response and response.ok, f"{path} answers {response and response.status}"
            assert_fits(page, path)
        if person:
            log_out(page)


def test_the_header_leaves_room_for_the_page_on_a_phone(page: Page, demo):
    page.set_viewport_size(PHONE)
    page.goto("/")
    header = page.locator("header.tr-header").bounding_box()
    assert header and header["height"] < PHONE["height"] / 3


def test_sections_open_by_keyboard_and_mark_the_current_one(page: Page, check_a11y, demo):
    page.set_viewport_size(DESKTOP)
    page.goto("/herausforderungen/")
    menu = page.get_by_role("navigation", name=de("Main navigation"))
    # On a desktop the sections stand in a line, without the phone's "Menu" button.
    expect(menu.locator("summary", has_text=de("Menu"))).to_be_hidden()
    programme = menu.locator(".tr-nav__summary", has_text=de("Programme"))
    expect(programme).to_have_attribute("aria-current", "true")
    board = menu.get_by_role("link", name=de("Challenges"))
    expect(board).to_be_hidden()

    programme.focus()
    page.keyboard.press("Enter")
    expect(board).to_be_visible()
    expect(board).to_have_attribute("aria-current", "page")
    check_a11y(page)
    page.keyboard.press("Tab")
    expect(board).to_be_focused()
    # Escape closes the section and returns to its summary.
    page.keyboard.press("Escape")
    expect(board).to_be_hidden()
    expect(programme).to_be_focused()

    # Opening one section closes the other.
    network = menu.locator(".tr-nav__summary", has_text=de("Network"))
    programme.click()
    network.click()
    expect(board).to_be_hidden()
    menu.get_by_role("link", name=de("Directory")).click()
    expect(page).to_have_url(re.compile(r"/verzeichnis/$"))
    expect(page.locator(".tr-nav__summary", has_text=de("Network"))).to_have_attribute(
        "aria-current", "true"
    )


def test_breadcrumbs_lead_back_from_a_project(page: Page, check_a11y, demo):
    finished = Round.objects.get(name=FINISHED_ROUND)
    project = Project.objects.filter(round=finished).order_by("pk").first()
    page.goto(project.get_absolute_url())
    trail = page.get_by_role("navigation", name=de("You are here"))
    expect(trail.locator("[aria-current=page]")).to_have_text(project.title)
    trail.get_by_role("link", name=finished.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(finished.name)


def test_the_phone_menu_works_without_javascript(browser: Browser, live_server, demo):
    context = browser.new_context(
        locale="de-DE", base_url=live_server.url, java_script_enabled=False, viewport=PHONE
    )
    page = context.new_page()
    try:
        page.goto("/")
        menu = page.get_by_role("navigation", name=de("Main navigation"))
        menu.locator("summary", has_text=de("Menu")).click()
        menu.locator(".tr-nav__summary", has_text=de("Programme")).click()
        menu.get_by_role("link", name=de("Challenges")).click()
        expect(page).to_have_url(re.compile(r"/herausforderungen/$"))
        assert_fits(page, "the board without JavaScript")
    finally:
        context.close()
