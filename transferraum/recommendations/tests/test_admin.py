import pytest

from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    ImplementationMilestoneFactory,
    RecommendationEventFactory,
    RecommendationFactory,
)


@pytest.mark.django_db
def test_the_admin_lists_and_shows_a_recommendation_with_its_history(admin_client, project):
    recommendation = RecommendationFactory(project=project, status=Recommendation.Status.ADOPTED)
    RecommendationEventFactory(recommendation=recommendation, action="adopt")
    ImplementationMilestoneFactory(recommendation=recommendation)

    listing = admin_client.get("/admin/recommendations/recommendation/")
    page = admin_client.get(f"/admin/recommendations/recommendation/{recommendation.pk}/change/")
    events = admin_client.get("/admin/recommendations/recommendationevent/")

    assert listing.status_code == page.status_code == events.status_code == 200
    assert recommendation.title in page.content.decode()
