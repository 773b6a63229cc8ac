"""Who may see and do what: roles per persona, and every action × status as a table."""

import pytest

from transferraum.recommendations import selectors
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.permissions import (
    can_act,
    can_edit,
    can_manage_milestones,
    can_view,
    can_write_for,
    roles_for,
)
from transferraum.recommendations.tests.factories import (
    RecommendationFactory,
    ResearchRecommendationFactory,
)
from transferraum.recommendations.workflow import LIFECYCLE

S = Recommendation.Status

# persona → workflow roles for a recommendation of Eilenburg's project, written by its team
TEAM_ROLES = {
    "student_geography": {"author"},
    "supervisor": {"approver"},
    "researcher": {"researcher"},
    "researcher_other": {"researcher"},
    "coordinator": {"coordinator"},
    "officer_eilenburg": {"partner"},
    "officer_zeitz": set(),
    "student_informatics": set(),
    "outsider": set(),
}
# … and for one the researcher wrote without a project, addressed to the town of Eilenburg
RESEARCH_ROLES = {
    **{persona: set() for persona in TEAM_ROLES},
    "researcher": {"author", "researcher"},
    "researcher_other": {"researcher"},
    "coordinator": {"coordinator", "approver"},
    "officer_eilenburg": {"partner"},
}
KIND_ROLES = {"team": TEAM_ROLES, "research": RESEARCH_ROLES}


def make(kind, project, town, researcher, **kwargs):
    if kind == "team":
        return RecommendationFactory(project=project, addressee_organisation=town, **kwargs)
    return ResearchRecommendationFactory(
        created_by=researcher,
        addressee_organisation=town,
        municipality=town.municipality,
        **kwargs,
    )


CASES = [(kind, persona) for kind in KIND_ROLES for persona in TEAM_ROLES]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "persona"), CASES, ids=[f"{k}-{p}" for k, p in CASES])
def test_roles_of_every_persona(request, project, town_eilenburg, researcher, kind, persona):
    recommendation = make(kind, project, town_eilenburg, researcher)
    user = request.getfixturevalue(persona)

    assert roles_for(user, recommendation) == KIND_ROLES[kind][persona]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "persona"), CASES, ids=[f"{k}-{p}" for k, p in CASES])
def test_every_action_in_every_status_for_every_persona(
    request, project, town_eilenburg, researcher, kind, persona
):
    """The table: allowed exactly when the step follows from the status and the persona holds
    one of its roles; refused otherwise (collected, so a failure lists every wrong cell)."""
    recommendation = make(kind, project, town_eilenburg, researcher)
    user = request.getfixturevalue(persona)
    roles = KIND_ROLES[kind][persona]
    wrong = []
    for status in S.values:
        recommendation.status = status
        for action, step in LIFECYCLE.steps.items():
            expected = status in step.sources and bool(roles & step.roles)
            if can_act(user, recommendation, action) != expected:
                wrong.append((status, action, expected))
    assert wrong == []


@pytest.mark.django_db
def test_unknown_action_is_never_allowed(coordinator, project):
    assert not can_act(coordinator, RecommendationFactory(project=project), "delete")


# persona → may see a draft, a public one, a confidential one (team-written, Eilenburg)
VIEW = {
    "student_geography": (True, True, True),
    "supervisor": (True, True, True),
    "coordinator": (True, True, True),
    "officer_eilenburg": (False, True, True),
    "researcher": (False, True, False),
    "officer_zeitz": (False, True, False),
    "student_informatics": (False, True, False),
    "outsider": (False, True, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", VIEW)
def test_who_sees_drafts_public_and_confidential_ones(request, project, town_eilenburg, persona):
    user = request.getfixturevalue(persona)
    draft = RecommendationFactory(project=project, addressee_organisation=town_eilenburg)
    public = RecommendationFactory(project=project, status=S.RECEIVED)
    confidential = RecommendationFactory(project=project, status=S.RECEIVED, confidential=True)

    seen = (can_view(user, draft), can_view(user, public), can_view(user, confidential))

    assert seen == VIEW[persona]
    visible = set(selectors.visible_to(user).values_list("pk", flat=True))
    expected = {r.pk for r, ok in zip((draft, public, confidential), seen, strict=True) if ok}
    assert visible == expected


@pytest.mark.django_db
def test_anonymous_visitors_see_only_public_handed_over_ones(client, project):
    from django.contrib.auth.models import AnonymousUser

    public = RecommendationFactory(project=project, status=S.ADOPTED)
    RecommendationFactory(project=project, status=S.ADOPTED, confidential=True)
    RecommendationFactory(project=project, status=S.APPROVED)

    assert list(selectors.visible_to(AnonymousUser())) == [public]
    assert can_view(AnonymousUser(), public)


@pytest.mark.django_db
def test_research_drafts_are_seen_by_their_author_and_the_coordinators(
    researcher, researcher_other, coordinator, town_eilenburg
):
    draft = ResearchRecommendationFactory(created_by=researcher, confidential=True)

    assert can_view(researcher, draft)
    assert can_view(coordinator, draft)
    assert not can_view(researcher_other, draft)
    assert list(selectors.visible_to(researcher)) == [draft]
    assert list(selectors.visible_to(researcher_other)) == []


@pytest.mark.django_db
def test_a_researcher_may_not_evaluate_a_confidential_one_she_cannot_see(
    researcher, officer_eilenburg, project
):
    recommendation = RecommendationFactory(project=project, status=S.IMPLEMENTED, confidential=True)

    assert not can_act(researcher, recommendation, "evaluate")
    assert can_act(officer_eilenburg, recommendation, "evaluate")


@pytest.mark.django_db
def test_the_responsible_person_and_partner_contacts_are_the_partner(
    project, town_zeitz, owner_zeitz, member_eilenburg
):
    contact = member_eilenburg
    project.partner_contacts.add(contact)
    recommendation = RecommendationFactory(
        project=project, addressee_organisation=town_zeitz, status=S.HANDED_OVER
    )

    assert "partner" in roles_for(contact, recommendation)
    assert "partner" not in roles_for(owner_zeitz, recommendation)
    recommendation.responsible_person = owner_zeitz
    assert "partner" in roles_for(owner_zeitz, recommendation)


EDIT = {
    "student_geography": True,
    "supervisor": False,
    "coordinator": False,
    "officer_eilenburg": False,
    "outsider": False,
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", EDIT)
def test_only_authors_edit_and_only_drafts(request, project, persona):
    user = request.getfixturevalue(persona)
    recommendation = RecommendationFactory(project=project)

    assert can_edit(user, recommendation) is EDIT[persona]
    recommendation.status = S.APPROVED
    assert not can_edit(user, recommendation)


MILESTONES = {
    "officer_eilenburg": True,
    "coordinator": True,
    "student_geography": False,
    "supervisor": False,
    "researcher": False,
    "officer_zeitz": False,
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", MILESTONES)
def test_the_partner_side_keeps_the_implementation_up_to_date(
    request, project, town_eilenburg, persona
):
    user = request.getfixturevalue(persona)
    recommendation = RecommendationFactory(project=project, addressee_organisation=town_eilenburg)
    for status in S.values:
        recommendation.status = status
        expected = MILESTONES[persona] and status in Recommendation.MILESTONE_STATUSES
        assert can_manage_milestones(user, recommendation) is expected, status


WRITE = {
    "student_geography": (True, False),
    "researcher": (True, True),
    "supervisor": (False, False),
    "coordinator": (False, False),
    "officer_eilenburg": (False, False),
    "student_informatics": (False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", WRITE)
def test_team_members_write_for_their_project_researchers_anywhere(request, project, persona):
    user = request.getfixturevalue(persona)

    assert (can_write_for(user, project), can_write_for(user, None)) == WRITE[persona]


@pytest.mark.django_db
def test_predicates_take_roles_already_computed(
    django_assert_num_queries, student_geography, officer_eilenburg, project
):
    draft = RecommendationFactory(project=project)
    adopted = RecommendationFactory(project=project, status=S.ADOPTED)

    with django_assert_num_queries(0):
        assert can_edit(student_geography, draft, roles={"author"})
        assert not can_edit(student_geography, draft, roles=set())
        assert can_manage_milestones(officer_eilenburg, adopted, roles={"partner"})
        assert can_act(student_geography, draft, "request_approval", roles={"author"})
        assert not can_act(student_geography, draft, "approve", roles={"author"})
