"""The ventures' pages: allowed, refused and invalid, query guards at two sizes and capped
lists."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.testing import assert_capped
from transferraum.ventures.models import ChecklistTick, Founder, Venture
from transferraum.ventures.services import programmes_load
from transferraum.ventures.tests.factories import mentor_make, tick_all, venture_make
from transferraum.ventures.views import PAGE_SIZE

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder(db):
    return UserFactory(role=User.Role.FOUNDER, email="gruenderin@example.org")


def test_the_directory_lists_only_public_profiles_in_constant_queries(client):
    venture_make(public=True, name="Öffentlich A")
    venture_make(public=False, name="Vertraulich B")
    url = reverse("ventures:directory")
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert "Öffentlich A" in response.content.decode()
    assert "Vertraulich B" not in response.content.decode()
    for n in range(PAGE_SIZE + 3):
        venture_make(public=True, name=f"Öffentlich {n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert assert_capped(response, "data-venture", PAGE_SIZE) == PAGE_SIZE
    assert len(many) == len(few)


def test_the_directory_drops_tampered_filters(client):
    venture_make(public=True, name="Öffentlich A")
    response = client.get(reverse("ventures:directory"), {"stufe": "\x00nope", "seite": "999999"})
    assert response.status_code == 200


def test_the_pipeline_is_for_coordinators_in_constant_queries(client, coordinator, founder):
    url = reverse("ventures:pipeline")
    client.force_login(founder)
    assert client.get(url).status_code == 403
    client.force_login(coordinator)
    venture_make(stage="team")
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    for n in range(PAGE_SIZE + 3):
        venture_make(stage=("idea", "prototype", "founded")[n % 3])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert assert_capped(response, "data-pipeline-row", PAGE_SIZE) == PAGE_SIZE
    assert len(many) == len(few)
    filtered = client.get(url, {"stufe": "team"})
    assert rows(filtered) == 1


def rows(response) -> int:
    return response.content.decode().count("data-pipeline-row")


def test_the_detail_page_queries_stay_constant(client, founder):
    programmes_load()
    venture = venture_make(founder)
    client.force_login(founder)
    with CaptureQueriesContext(connection) as few:
        assert client.get(venture.get_absolute_url()).status_code == 200
    for _ in range(5):
        mentor_make(venture, UserFactory(role=User.Role.STAFF))
        Founder.objects.create(venture=venture, user=UserFactory(), status="invited")
    with CaptureQueriesContext(connection) as many:
        assert client.get(venture.get_absolute_url()).status_code == 200
    assert len(many) == len(few)


def test_creating_a_venture_keeps_what_was_typed_when_refused(client, founder):
    client.force_login(founder)
    url = reverse("ventures:create")
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "", "one_line": "Meine Zeile", "origin": "external"})
    assert response.status_code == 422
    assert "Meine Zeile" in response.content.decode()
    assert not Venture.objects.exists()
    response = client.post(url, {"name": "Kreislaufwerk", "origin": "external"})
    assert response.status_code == 302
    assert Venture.objects.get().founders.get().user == founder


def test_creating_is_refused_without_a_role(client):
    client.force_login(UserFactory(role=User.Role.PUBLIC))
    assert client.get(reverse("ventures:create")).status_code == 403


def test_editing_is_for_founders(client, founder, coordinator):
    venture = venture_make(founder)
    url = reverse("ventures:edit", args=[venture.pk])
    client.force_login(coordinator)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=User.Role.STUDENT))
    assert client.get(url).status_code == 404
    client.force_login(founder)
    page = client.get(url)
    assert page.status_code == 200
    from transferraum.core.versions import BASE_FIELD, VERSION_FIELD

    form = page.context["form"]
    data = {
        "name": "Neuer Name",
        "origin": "external",
        VERSION_FIELD: form[VERSION_FIELD].value(),
        BASE_FIELD: form[BASE_FIELD].value(),
    }
    assert client.post(url, data | {"name": ""}).status_code == 422
    assert client.post(url, data).status_code == 302
    assert Venture.objects.get().name == "Neuer Name"
    # a second save from the same loaded copy meets the first: a conflict, nothing lost
    response = client.post(url, data | {"name": "Anders"})
    assert response.status_code == 422
    assert Venture.objects.get().name == "Neuer Name"


def test_passing_a_gate_on_the_page_is_refused_without_the_checklist(client, founder):
    venture = venture_make(founder, cofounders=1)
    client.force_login(founder)
    url = reverse("ventures:gate", args=[venture.pk])
    response = client.post(url, {"items": ["two_people"], "note": "Mein Hinweis", "action": "pass"})
    assert response.status_code == 422
    assert "Mein Hinweis" in response.content.decode()
    assert Venture.objects.get().stage == "idea"
    # the checklist saved in the same request stays: it is its own step
    assert ChecklistTick.objects.count() == 1
    response = client.post(url, {"items": ["two_people", "roles_agreed"], "action": "pass"})
    assert response.status_code == 302
    assert Venture.objects.get().stage == "team"


def test_invalid_checklist_items_are_a_form_error(client, founder):
    venture = venture_make(founder)
    client.force_login(founder)
    response = client.post(
        reverse("ventures:gate", args=[venture.pk]), {"items": ["made_up"], "action": "save"}
    )
    assert response.status_code == 422
    assert not ChecklistTick.objects.exists()


def test_a_mentor_sees_but_may_not_tick(client, founder):
    venture = venture_make(founder)
    mentor = UserFactory(role=User.Role.STAFF)
    mentor_make(venture, mentor)
    client.force_login(mentor)
    assert client.get(venture.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("ventures:gate", args=[venture.pk]), {"items": ["two_people"], "action": "save"}
    )
    assert response.status_code == 403


def test_the_coordinator_passes_a_gate_whose_checklist_is_complete(client, founder, coordinator):
    venture = venture_make(founder, cofounders=1)
    tick_all(venture, "team")
    client.force_login(coordinator)
    response = client.post(reverse("ventures:gate", args=[venture.pk]), {"action": "pass"})
    assert response.status_code == 302
    assert Venture.objects.get().stage == "team"


def test_an_application_a_rule_forbids_is_refused_on_the_page(client, founder):
    programmes_load()
    from transferraum.ventures.models import SupportProgramme

    venture = venture_make(founder, stage="founded")
    client.force_login(founder)
    exist = SupportProgramme.objects.get(slug="exist-gruendungsstipendium")
    response = client.post(
        reverse("ventures:apply", args=[venture.pk]), {"programme": exist.pk, "note": "Notiz"}
    )
    assert response.status_code == 422
    assert "Notiz" in response.content.decode()
    assert not venture.applications.exists()
    response = client.post(reverse("ventures:apply", args=[venture.pk]), {"programme": "x"})
    assert response.status_code == 422


def test_invitation_and_answer_on_the_page(client, founder):
    venture = venture_make(founder)
    person = UserFactory(role=User.Role.STUDENT, email="mit@example.org")
    client.force_login(founder)
    response = client.post(reverse("ventures:invite", args=[venture.pk]), {"email": "kein"})
    assert response.status_code == 422
    response = client.post(
        reverse("ventures:invite", args=[venture.pk]), {"email": "mit@example.org"}
    )
    assert response.status_code == 302
    client.force_login(person)
    page = client.get(venture.get_absolute_url())
    assert "Geheime Idee" not in page.content.decode()
    response = client.post(
        reverse("ventures:invitation-answer", args=[venture.pk]), {"answer": "accept"}
    )
    assert response.status_code == 302
    assert "Geheime Idee" in client.get(venture.get_absolute_url()).content.decode()


def test_my_ventures_lists_what_one_founds_or_mentors(client, founder):
    venture_make(founder, name="Eigene")
    other = venture_make(name="Betreut")
    mentor_make(other, founder)
    venture_make(name="Fremde")
    client.force_login(founder)
    content = client.get(reverse("ventures:mine")).content.decode()
    assert "Eigene" in content and "Betreut" in content and "Fremde" not in content


def test_the_catalogue_page(client):
    programmes_load()
    response = client.get(reverse("ventures:programmes"))
    assert response.status_code == 200
    assert "EXIST-Gründungsstipendium" in response.content.decode()


def test_a_project_page_shows_its_ventures(client, founder):
    from transferraum.projects.models import Project
    from transferraum.projects.tests.factories import ProjectFactory

    project = ProjectFactory(status=Project.Status.COMPLETED)
    venture_make(
        founder, public=True, name="Aus dem Projekt", origin="project", origin_project=project
    )
    venture_make(name="Vertraulich aus dem Projekt", origin="project", origin_project=project)
    content = client.get(reverse("projects:project", args=[project.pk])).content.decode()
    assert "Aus dem Projekt" in content
    assert "Vertraulich aus dem Projekt" not in content
