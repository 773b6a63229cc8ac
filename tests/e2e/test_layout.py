"""Layout defects of issue 17 (point 8) in the browser, so that they fail if they come back: the
milestone table's controls at 1280 px, labels on project pages broken mid-word, the hint of
"Vertraulich" one word a line, and the print style (no menu, no footer links, whole labels)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from playwright.sync_api import Page, expect

from transferraum.projects.tests.factories import MilestoneFactory
from transferraum.recommendations.tests.factories import team_project

from .helpers import de, log_in

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# About the width of an A4 page's text at 96 dpi, for the print checks.
PAPER = {"width": 720, "height": 1000}
LABELS = "dt, th, label, legend, .kern-label"

# The words (split at spaces, hyphens and slashes) of the visible elements that `selector` finds
# which the browser has broken across two lines: "Herausforder|ung".
SPLIT_WORDS = """
(selector) => {
  const split = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!element.getClientRects().length) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-\\u2013\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
        );
        if (lines.size > 1) split.push(`${element.tagName}: ${match[0]}`);
      }
    }
  }
  return split;
}
"""
# Each visible control of the milestone table whose box reaches outside the table's container,
# or whose label does not fit its own box; and the container's overflow.
MILESTONE_CONTROLS = """
() => {
  const container = document.querySelector("#milestones .kern-table-responsive");
  const frame = container.getBoundingClientRect();
  const cut = [];
  for (const control of container.querySelectorAll("td select, td button, td a")) {
    const box = control.getBoundingClientRect();
    if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.right > innerWidth) {
      cut.push(`${control.tagName} ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    const label = control.querySelector(".kern-label")?.getBoundingClientRect();
    if (label && (label.left < box.left - 1 || label.right > box.right + 1)) {
      cut.push(`${control.tagName} label ${Math.round(label.width)} in ${Math.round(box.width)}px`);
    }
  }
  return {
    cut,
    scrolls: container.scrollWidth > container.clientWidth + 1,
    frame: [Math.round(frame.left), Math.round(frame.right)],
  };
}
"""


@pytest.fixture
def workspace(transactional_db, town_eilenburg, student_geography):
    """A team at work on a project with a long title and three milestones."""
    project = team_project(
        town_eilenburg,
        student_geography,
        title="Leerstandsmanagement und Zwischennutzung in der Eilenburger Innenstadt",
    )
    for title in (
        "Bestandsaufnahme der Erdgeschosszonen",
        "Befragung der Eigentümerinnen und Eigentümer",
        "Zwischennutzungskonzept",
    ):
        MilestoneFactory(
            project=project,
            title=title,
            description="Mit Kartierung, Fotos und einer Übersicht der Ansprechpersonen",
        )
    return SimpleNamespace(project=project, student=student_geography)


def assert_labels_whole(page: Page, where: str) -> None:
    split = page.evaluate(SPLIT_WORDS, LABELS)
    assert not split, f"labels broken mid-word on {where}: {split}"
    # Headless Chromium has no hyphenation dictionaries, so a term set to `hyphens: auto` would
    # pass the check above here and still break mid-word in a person's browser.
    hyphenated = page.locator("dt").evaluate_all(
        "(terms) => terms.filter((t) => getComputedStyle(t).hyphens === 'auto').length"
    )
    assert hyphenated == 0, f"terms on {where} are hyphenated"


def test_project_pages_at_1280_px(page: Page, check_a11y, workspace):
    project = workspace.project
    page.set_viewport_size(DESKTOP)
    log_in(page, workspace.student.email)

    # The milestone table's controls (status, "Set status", "Edit") are all visible.
    page.goto(f"/projekte/{project.pk}/arbeitsraum/")
    expect(page.get_by_role("button", name=de("Set status")).first).to_be_visible()
    check_a11y(page)
    table = page.evaluate(MILESTONE_CONTROLS)
    assert not table["cut"], f"milestone controls cut off in {table['frame']}: {table['cut']}"
    assert not table["scrolls"], "the milestone table scrolls sideways at 1280 px"
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]

    # Labels on project pages keep their words whole, on a desktop and on a phone.
    pages = (project.get_absolute_url(), project.round.get_absolute_url(), page.url)
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        for path in pages:
            page.goto(path)
            assert_labels_whole(page, f"{path} at {size['width']} px")
        if size is DESKTOP:
            check_a11y(page)

    # The hint of "Vertraulich" in the recommendation form reads as a line of text.
    page.set_viewport_size(DESKTOP)
    page.goto(f"/empfehlungen/neu/?projekt={project.pk}")
    hint = page.locator("#id_confidential-hint")
    expect(hint).to_be_visible()
    check_a11y(page)
    box = hint.bounding_box()
    assert box and box["width"] > 200, f"the hint of “Vertraulich” is {box} wide"


def test_pages_print_without_menus_and_with_whole_labels(page: Page, workspace):
    project = workspace.project
    log_in(page, workspace.student.email)
    page.set_viewport_size(PAPER)
    page.emulate_media(media="print")
    for path in (project.get_absolute_url(), f"/projekte/{project.pk}/arbeitsraum/"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(project.title)
        for what in (".tr-nav", ".tr-header__tools", ".tr-breadcrumbs", ".tr-footer__links"):
            expect(page.locator(what)).to_be_hidden()
        expect(page.locator("main button:visible, main form:visible")).to_have_count(0)
        assert_labels_whole(page, f"{path} on paper")
