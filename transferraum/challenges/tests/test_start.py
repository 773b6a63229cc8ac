"""The challenges on a person's start page: each kind appears when it should and disappears when
it is done."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from transferraum.challenges.models import Challenge
from transferraum.challenges.services import (
    challenge_accept,
    challenge_follow,
    challenge_request_changes,
    challenge_start_review,
    challenge_submit,
)
from transferraum.challenges.start import items_for
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.start import IDEA, LIMIT, MORE

S = Challenge.Status


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.deactivate()


def tasks(user) -> list[tuple[str, str]]:
    return [(item.title, item.action) for item in items_for(user) if item.kind != IDEA]


def ideas(user) -> list[str]:
    return [item.title for item in items_for(user) if item.kind == IDEA]


def test_a_submitted_challenge_waits_for_the_coordinator_until_the_review_is_done(
    coordinator, town_eilenburg
):
    challenge = ChallengeFactory(
        organisation=town_eilenburg, status=S.SUBMITTED, submitted_at=timezone.now()
    )
    assert tasks(coordinator) == [(challenge.title, "Start the review")]

    challenge_start_review(actor=coordinator, challenge=challenge)
    assert tasks(coordinator) == [(challenge.title, "Finish the review")]

    challenge_accept(actor=coordinator, challenge=challenge)
    assert tasks(coordinator) == []


def test_a_challenge_another_coordinator_reviews_is_not_mine(coordinator, town_eilenburg):
    from transferraum.accounts.models import User
    from transferraum.accounts.tests.factories import UserFactory

    other = UserFactory(role=User.Role.COORDINATOR)
    ChallengeFactory(organisation=town_eilenburg, status=S.IN_REVIEW, coordinator=other)
    assert tasks(coordinator) == []


def test_the_oldest_submission_comes_first_and_the_rest_behind_show_all(
    coordinator, town_eilenburg
):
    now = timezone.now()
    for n in range(LIMIT + 1):
        ChallengeFactory(
            title=f"Aufgabe {n:02d}",
            organisation=town_eilenburg,
            status=S.SUBMITTED,
            submitted_at=now - dt.timedelta(days=n),
        )
    items = items_for(coordinator)
    assert items[0].title == f"Aufgabe {LIMIT:02d}"
    assert len(items) == LIMIT + 1
    assert items[-1].kind == MORE and "status=submitted" in items[-1].url


def test_a_draft_waits_for_its_organisation_until_submitted_and_comes_back_for_changes(
    owner_zeitz, company_zeitz, coordinator
):
    draft = ChallengeFactory(organisation=company_zeitz, status=S.DRAFT)
    assert tasks(owner_zeitz) == [(draft.title, "Finish and submit the draft")]

    challenge_submit(actor=owner_zeitz, challenge=draft)
    assert tasks(owner_zeitz) == []

    challenge_request_changes(actor=coordinator, challenge=draft, note="Bitte den Ort nennen.")
    assert tasks(owner_zeitz) == [(draft.title, "Make the changes and submit again")]


def test_other_organisations_drafts_stay_away(owner_zeitz, town_eilenburg):
    ChallengeFactory(organisation=town_eilenburg, status=S.DRAFT)
    assert tasks(owner_zeitz) == []


def test_a_followed_challenge_shows_while_followed_and_not_completed(
    student_geography, town_eilenburg
):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.PUBLISHED)
    assert tasks(student_geography) == []

    challenge_follow(actor=student_geography, challenge=challenge, follow=True)
    assert tasks(student_geography) == [(challenge.title, "See what is new")]

    challenge_follow(actor=student_geography, challenge=challenge, follow=False)
    assert tasks(student_geography) == []


def test_members_are_offered_to_describe_a_challenge_others_the_board(
    owner_zeitz, student_geography, coordinator
):
    assert ideas(owner_zeitz) == ["Describe a challenge"]
    assert ideas(student_geography) == ["Look at the challenges on the board"]
    assert ideas(coordinator) == []
