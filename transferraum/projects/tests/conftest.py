"""The projects tests read English texts (the msgids): pages get the English cookie and services
run in English, unless a test asks for German itself."""

from __future__ import annotations

import pytest
from django.utils import translation

from transferraum.projects.tests.test_workspace_services import Team, build_team


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def team(
    town_eilenburg, officer_eilenburg, member_eilenburg, student_geography, student_informatics
) -> Team:
    """Eilenburg's running project in a published round, and its people (`build_team`)."""
    return build_team(
        town_eilenburg,
        partner_contact=officer_eilenburg,
        organisation_member=member_eilenburg,
        member=student_geography,
        other_team_member=student_informatics,
    )
