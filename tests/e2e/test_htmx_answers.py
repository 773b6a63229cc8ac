"""htmx swaps what the server answers when the request was refused (422) and when the database
could not take it (503), not only successes: base.html's htmx-config says which codes swap."""

import re

from django.urls import reverse
from playwright.sync_api import Page, expect

from .helpers import log_in


def test_a_refused_invitation_shows_its_reason_in_place_with_the_input_kept(
    page: Page, check_a11y, coordinator, member_eilenburg, town_eilenburg, transactional_db
):
    log_in(page, coordinator.email)
    page.goto(reverse("actors:manage", args=[town_eilenburg.slug]))

    page.get_by_label("E-Mail-Adresse").fill(member_eilenburg.email)
    page.get_by_label(re.compile(r"^Name")).fill("Sabine Roth")
    page.get_by_label("Rolle in der Organisation").select_option(label="Mitglied")
    page.get_by_role("button", name="Einladung senden").click()

    expect(
        page.get_by_text(
            f"{member_eilenburg.email} ist bereits Mitglied von Stadtverwaltung Eilenburg."
        ).first
    ).to_be_visible()
    expect(page.get_by_label("E-Mail-Adresse")).to_have_value(member_eilenburg.email)
    expect(page.get_by_label(re.compile(r"^Name"))).to_have_value("Sabine Roth")
    check_a11y(page)
