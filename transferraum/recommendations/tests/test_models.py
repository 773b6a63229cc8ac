"""The database guards the invariants on every path, not only through the services."""

import pytest
from django.db import IntegrityError, transaction

from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    ImplementationMilestoneFactory,
    RecommendationFactory,
    ResearchRecommendationFactory,
)

S = Recommendation.Status


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"cost_min": 5000, "cost_max": 2000},
        {"effort_days_min": 10, "effort_days_max": 2},
        {"progress": 101},
        {"status": S.REJECTED, "decision_note": ""},
    ],
)
def test_broken_recommendations_are_refused_by_the_database(project, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(project=project, **fields)


@pytest.mark.django_db
def test_a_team_recommendation_needs_its_project():
    with pytest.raises(IntegrityError), transaction.atomic():
        ResearchRecommendationFactory(written_by_kind=Recommendation.Author.TEAM)


@pytest.mark.django_db
@pytest.mark.parametrize("fields", [{"progress": 101}, {"done": True, "progress": 80}])
def test_broken_milestones_are_refused_by_the_database(project, fields):
    recommendation = RecommendationFactory(project=project)
    with pytest.raises(IntegrityError), transaction.atomic():
        ImplementationMilestoneFactory(recommendation=recommendation, **fields)


@pytest.mark.django_db
def test_the_addressee_is_named_by_name_then_organisation_then_kind(project, town_eilenburg):
    recommendation = RecommendationFactory(
        project=project, addressee_name="", addressee_organisation=town_eilenburg
    )
    assert recommendation.addressee == "Stadtverwaltung Eilenburg"
    recommendation.addressee_name = "Ausschuss für Stadtentwicklung"
    assert recommendation.addressee == "Ausschuss für Stadtentwicklung"


@pytest.mark.django_db
def test_querysets_name_the_stages(project):
    draft = RecommendationFactory(project=project)
    public = RecommendationFactory(project=project, status=S.UNDER_REVIEW)
    secret = RecommendationFactory(project=project, status=S.ADOPTED, confidential=True)
    done = RecommendationFactory(project=project, status=S.IMPLEMENTED)

    assert set(Recommendation.objects.handed_over()) == {public, secret, done}
    assert set(Recommendation.objects.public()) == {public, done}
    assert set(Recommendation.objects.open()) == {public, secret}
    assert draft not in Recommendation.objects.handed_over()
