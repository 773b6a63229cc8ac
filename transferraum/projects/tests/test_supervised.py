"""The list of the projects a person supervises: their own, every status, page by page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.accounts.tests.factories import PASSWORD
from transferraum.projects.models import Project, Round
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, SupervisorFactory
from transferraum.projects.views.rounds import SUPERVISED_PAGE_SIZE

URL = reverse("projects:supervised")


@pytest.fixture
def supervisor(db):
    return SupervisorFactory()


def signed_in(client, user):
    client.login(email=user.email, password=PASSWORD)
    return client


def test_the_list_needs_signing_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_supervisor_sees_their_projects_of_every_status_and_no_others(client, supervisor):
    planned = ProjectFactory(
        round=RoundFactory(phase=Round.Phase.PREPARATION), supervisors=[supervisor]
    )
    done = ProjectFactory(status=Project.Status.COMPLETED, supervisors=[supervisor])
    other = ProjectFactory()

    page = signed_in(client, supervisor).get(URL).content.decode()

    assert planned.title in page and done.title in page
    assert other.title not in page


def test_someone_who_supervises_nothing_is_told_so(client, student_geography):
    response = signed_in(client, student_geography).get(URL)
    assert response.status_code == 200
    assert "You supervise no project yet." in response.content.decode()  # (in English here)


def test_the_list_is_paginated_and_its_queries_do_not_grow(client, supervisor):
    round = RoundFactory()
    ProjectFactory.create_batch(3, round=round, supervisors=[supervisor])
    signed_in(client, supervisor)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    ProjectFactory.create_batch(SUPERVISED_PAGE_SIZE, round=round, supervisors=[supervisor])

    with CaptureQueriesContext(connection) as many:
        first = client.get(URL).content.decode()
    second = client.get(URL, {"seite": 2}).content.decode()

    assert len(many) == len(few)
    assert f"{URL}?seite=2" in first
    assert first.count('scope="row"') == SUPERVISED_PAGE_SIZE
    assert second.count('scope="row"') == 3


def test_htmx_gets_the_results_alone(client, supervisor):
    ProjectFactory(supervisors=[supervisor])
    response = signed_in(client, supervisor).get(URL, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert 'id="supervised-results"' in content
    assert "<h1" not in content
