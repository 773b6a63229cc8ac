"""A coordinator gives a supervisor the researcher role from the person's page and ends it
again with a reason; the pages pass axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import de, expect_message, log_in
from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.services import profile_for


@pytest.fixture
def supervisor(transactional_db, coordinator) -> User:
    person = UserFactory(name="Dr. Nadine Seidel", role=User.Role.SUPERVISOR)
    profile_for(person)
    return person


def test_a_coordinator_gives_and_ends_a_second_role(page: Page, check_a11y, supervisor):
    log_in(page, "koordination@uni-leipzig.example")
    page.goto(f"/personen/{supervisor.pk}/")
    page.get_by_role("link", name=de("Change roles")).click()
    expect(
        page.get_by_role("heading", name=de("Roles of %(person)s", person=supervisor.name))
    ).to_be_visible()
    check_a11y(page)

    page.get_by_label(de("Role to give")).select_option("researcher")
    page.get_by_role("button", name=de("Give the role")).click()
    expect_message(
        page,
        de(
            "%(person)s has the role “%(role)s” now.",
            person=supervisor.name,
            role=de("Researcher"),
        ),
    )
    assert User.objects.get(pk=supervisor.pk).roles == {User.Role.SUPERVISOR, User.Role.RESEARCHER}

    end = de("End the role “%(role)s”", role=de("Researcher"))
    page.get_by_role("button", name=end).click()
    expect(page.get_by_text(de("Please give a reason; the person reads it.")).first).to_be_visible()
    check_a11y(page)
    assert User.Role.RESEARCHER in User.objects.get(pk=supervisor.pk).roles

    page.get_by_role("form", name=end).get_by_role("textbox").fill("Die Studie ist beendet.")
    page.get_by_role("button", name=end).click()
    expect_message(
        page,
        de(
            "The role “%(role)s” of %(person)s has ended.",
            person=supervisor.name,
            role=de("Researcher"),
        ),
    )
    assert User.objects.get(pk=supervisor.pk).roles == {User.Role.SUPERVISOR}
    page.goto(f"/personen/{supervisor.pk}/")
    roles = page.locator(".tr-profile-head .kern-preline")
    expect(roles).to_contain_text(de("Supervisor (lecturer)"))
    expect(roles).not_to_contain_text(de("Researcher"))
