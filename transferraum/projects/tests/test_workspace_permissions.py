"""Who may do what in a team's workspace: every role × every action, as predicates and through
the pages (403 and nothing stored for everyone outside)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from transferraum.projects.models import Feedback, Post, Project
from transferraum.projects.permissions import (
    can_contribute,
    can_deliver,
    can_edit_summary,
    can_give_feedback,
    can_view_workspace,
)
from transferraum.projects.tests.test_workspace_services import Team

ACTIONS = ("view", "contribute", "deliver", "summary", "feedback")

# persona → allowed actions while the project runs
TABLE = {
    "member": {"view", "contribute", "deliver", "summary"},
    "other_team_member": set(),
    "supervisor": {"view", "contribute", "deliver", "summary"},
    "partner_contact": {"view", "contribute", "feedback"},
    # a contact is named, so the organisation's other members hold no partner rights
    "organisation_member": set(),
    "coordinator": {"view", "contribute", "deliver", "summary"},
    "other_student": set(),
    "outsider": set(),
    "anonymous": set(),
}
CASES = [
    (persona, action, action in allowed) for persona, allowed in TABLE.items() for action in ACTIONS
]

# persona → allowed actions once the project is completed (the round at its final presentations):
# only supervisors and coordinators still write the summary and the results.
COMPLETED_TABLE = {
    "member": {"view"},
    "other_team_member": set(),
    "supervisor": {"view", "summary"},
    "partner_contact": {"view", "feedback"},
    "organisation_member": set(),
    "coordinator": {"view", "summary"},
    "other_student": set(),
    "outsider": set(),
    "anonymous": set(),
}
COMPLETED_CASES = [
    (persona, action, action in allowed)
    for persona, allowed in COMPLETED_TABLE.items()
    for action in ACTIONS
]


def person(request, team: Team, persona: str):
    if persona == "anonymous":
        return AnonymousUser()
    if persona in ("coordinator", "outsider"):
        return request.getfixturevalue(persona)
    return getattr(team, persona)


PREDICATES = {
    "view": can_view_workspace,
    "contribute": can_contribute,
    "deliver": can_deliver,
    "summary": can_edit_summary,
    "feedback": lambda user, project: can_give_feedback(user, project, Feedback.Stage.MIDTERM),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "action", "allowed"), CASES)
def test_permission_table(request, team, persona, action, allowed):
    assert PREDICATES[action](person(request, team, persona), team.project) is allowed


def completed(team: Team) -> Team:
    team.project.round.phase = team.project.round.Phase.PRESENTATION
    team.project.round.save()
    team.project.status = Project.Status.COMPLETED
    team.project.save()
    return team


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "action", "allowed"), COMPLETED_CASES)
def test_permission_table_of_a_completed_project(request, team, persona, action, allowed):
    completed(team)
    assert PREDICATES[action](person(request, team, persona), team.project) is allowed


def attempt(client, team: Team, action: str):
    """Try `action` through its page; return the response and whether something was stored."""
    pk = team.project.pk
    if action == "view":
        return client.get(reverse("projects:workspace", args=[pk])), False
    if action == "contribute":
        response = client.post(reverse("projects:workspace-post", args=[pk]), {"text": "Hallo"})
        return response, Post.objects.filter(project=team.project).exists()
    if action in ("deliver", "summary"):
        response = client.post(
            reverse("projects:workspace-deliverables", args=[pk]),
            {
                "public_summary": "Zusammenfassung",
                "results": "Ergebnisse",
                "version": team.project.version,
            },
        )
        team.project.refresh_from_db()
        return response, team.project.public_summary == "Zusammenfassung"
    response = client.post(
        reverse("projects:workspace-feedback", args=[pk, "midterm"]),
        {"usefulness": "4", "collaboration": "5", "what_next": "Weiter so.", "comment": ""},
    )
    return response, Feedback.objects.filter(project=team.project).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "action", "allowed"), CASES)
def test_permission_table_through_the_pages(client, request, team, persona, action, allowed):
    if persona != "anonymous":
        client.force_login(person(request, team, persona))

    response, stored = attempt(client, team, action)

    if allowed:
        assert response.status_code == (200 if action == "view" else 302)
        assert stored or action == "view"
    else:
        if persona == "anonymous":
            assert reverse("account_login") in response["Location"]
        else:
            assert response.status_code == 403
        assert not stored


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "action", "allowed"),
    # the page of "deliver" is the summary's: after completion it follows "summary"
    [case for case in COMPLETED_CASES if case[1] != "deliver"],
)
def test_permission_table_of_a_completed_project_through_the_pages(
    client, request, team, persona, action, allowed
):
    completed(team)
    if persona != "anonymous":
        client.force_login(person(request, team, persona))

    response, stored = attempt(client, team, action)

    if allowed:
        assert response.status_code == (200 if action == "view" else 302)
        assert stored or action == "view"
    else:
        if persona == "anonymous":
            assert reverse("account_login") in response["Location"]
        else:
            assert response.status_code == 403
        assert not stored


@pytest.mark.django_db
def test_nobody_sees_the_workspace_before_the_allocation_is_published(client, team, coordinator):
    team.project.round.published_at = None
    team.project.round.save()

    for user in (team.member, team.supervisor, team.partner_contact, coordinator):
        client.force_login(user)
        assert client.get(reverse("projects:workspace", args=[team.project.pk])).status_code == 403


@pytest.mark.django_db
def test_a_completed_project_stays_readable_but_takes_nothing_new(client, team):
    team.project.status = team.project.Status.COMPLETED
    team.project.save()
    client.force_login(team.member)

    page = client.get(reverse("projects:workspace", args=[team.project.pk]))
    refused = client.post(
        reverse("projects:workspace-post", args=[team.project.pk]), {"text": "Noch etwas"}
    )

    assert page.status_code == 200
    assert reverse("projects:workspace-post", args=[team.project.pk]) not in page.content.decode()
    assert refused.status_code == 403
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_an_unknown_project_is_not_found(client, team):
    client.force_login(team.member)

    assert (
        client.get(reverse("projects:workspace", args=[team.project.pk + 1000])).status_code == 404
    )
