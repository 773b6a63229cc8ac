"""Recommendations on a person's start page: each kind appears when it should and disappears
when it is done. (`conftest.py`: Eilenburg's project with Lena in its team, its supervisor.)"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from transferraum.core.start import IDEA
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services import (
    recommendation_approve,
    recommendation_confirm_receipt,
    recommendation_hand_over,
    recommendation_request_approval,
    recommendation_start_review,
)
from transferraum.recommendations.start import PARTNER_TURN, items_for
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
    ResearchRecommendationFactory,
)

S = Recommendation.Status


def tasks(user) -> list[tuple[str, str]]:
    return [(item.title, item.action) for item in items_for(user) if item.kind != IDEA]


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def handed_over(project, **kwargs) -> Recommendation:
    recommendation = RecommendationFactory(
        project=project, status=S.HANDED_OVER, first_answer_due=days(30), **kwargs
    )
    RecommendationEventFactory(recommendation=recommendation, action="hand_over")
    return recommendation


def test_the_partner_turn_is_read_from_the_lifecycle():
    assert S.HANDED_OVER in PARTNER_TURN and S.ON_AGENDA in PARTNER_TURN
    assert S.DRAFTED not in PARTNER_TURN and S.IN_IMPLEMENTATION not in PARTNER_TURN
    assert not set(PARTNER_TURN) & set(Recommendation.FINISHED_STATUSES)


def test_the_town_officer_confirms_receipt_then_starts_the_review(project, officer_eilenburg):
    recommendation = handed_over(project)

    [item] = items_for(officer_eilenburg)
    assert (item.title, item.action) == (recommendation.title, "Confirm receipt")
    assert item.url == recommendation.get_step_url("confirm_receipt")
    assert item.due == recommendation.first_answer_due

    recommendation_confirm_receipt(actor=officer_eilenburg, recommendation=recommendation)
    assert tasks(officer_eilenburg) == [(recommendation.title, "Start the review")]

    recommendation_start_review(actor=officer_eilenburg, recommendation=recommendation)
    # under review: put on an agenda or decide, the page lists the choices
    [item] = items_for(officer_eilenburg)
    assert item.action == "Choose the next step" and item.url.endswith("#steps")


def test_named_contacts_speak_for_the_town_and_other_towns_see_nothing(
    project, officer_eilenburg, member_eilenburg, officer_zeitz
):
    recommendation = handed_over(project)
    assert tasks(member_eilenburg) == [(recommendation.title, "Confirm receipt")]
    assert tasks(officer_zeitz) == []

    project.partner_contacts.add(officer_eilenburg)
    assert tasks(member_eilenburg) == []
    assert tasks(officer_eilenburg) == [(recommendation.title, "Confirm receipt")]


def test_drafts_wait_for_the_partner_only_from_the_hand_over(project, officer_eilenburg):
    RecommendationFactory(project=project, status=S.APPROVED)
    RecommendationFactory(project=project, status=S.IN_IMPLEMENTATION)
    assert tasks(officer_eilenburg) == []


def test_the_coordinator_sees_what_waits_too_long_until_something_happens(
    project, coordinator, officer_eilenburg
):
    recommendation = handed_over(project)
    assert tasks(coordinator) == []
    recommendation.events.update(at=timezone.now() - dt.timedelta(days=100))

    [item] = items_for(coordinator)
    assert (item.title, item.action) == (recommendation.title, "Confirm receipt")
    assert "no change since" in item.detail

    recommendation_confirm_receipt(actor=officer_eilenburg, recommendation=recommendation)
    assert tasks(coordinator) == []


def test_an_overdue_first_answer_is_chased_and_marked(project, coordinator):
    recommendation = handed_over(project)
    Recommendation.objects.filter(pk=recommendation.pk).update(first_answer_due=days(-1))

    [item] = items_for(coordinator)
    assert item.is_overdue(timezone.now())


def test_the_team_asks_for_approval_the_supervisor_approves_the_team_hands_over(
    project, student_geography, supervisor, officer_eilenburg
):
    recommendation = RecommendationFactory(project=project, created_by=student_geography)
    RecommendationEventFactory(recommendation=recommendation)
    assert tasks(student_geography) == [(recommendation.title, "Ask for approval")]
    assert tasks(supervisor) == []

    recommendation_request_approval(actor=student_geography, recommendation=recommendation)
    assert tasks(student_geography) == []
    assert tasks(supervisor) == [(recommendation.title, "Approve")]

    recommendation_approve(actor=supervisor, recommendation=recommendation)
    assert tasks(supervisor) == []
    assert tasks(student_geography) == [(recommendation.title, "Hand over to the partner")]

    recommendation_hand_over(
        actor=student_geography, recommendation=recommendation, first_answer_due=days(30)
    )
    assert tasks(student_geography) == []
    assert tasks(officer_eilenburg) == [(recommendation.title, "Confirm receipt")]


def test_coordinators_approve_the_research_and_researchers_write(
    coordinator, researcher, town_eilenburg
):
    recommendation = ResearchRecommendationFactory(
        created_by=researcher, addressee_organisation=town_eilenburg
    )
    RecommendationEventFactory(recommendation=recommendation)
    assert tasks(researcher) == [(recommendation.title, "Ask for approval")]
    assert [item.action for item in items_for(researcher) if item.kind == IDEA] == [
        "Write a recommendation"
    ]

    recommendation_request_approval(actor=researcher, recommendation=recommendation)
    assert tasks(researcher) == []
    assert tasks(coordinator) == [(recommendation.title, "Approve")]

    recommendation_approve(actor=coordinator, recommendation=recommendation)
    assert tasks(coordinator) == []


def test_the_item_of_one_step_opens_that_step_on_the_page(client, project, officer_eilenburg):
    recommendation = handed_over(project)
    [item] = items_for(officer_eilenburg)
    client.force_login(officer_eilenburg)

    unfolded = client.get(item.url).content.decode()
    folded = client.get(recommendation.get_absolute_url()).content.decode()

    assert '<details class="rc-step" id="step-confirm_receipt" open>' in unfolded
    assert '<details class="rc-step" id="step-confirm_receipt">' in folded
