"""The demo's talent into the region: the Zeitz call, the pool and two cohorts of journeys whose
funnel shows numbers."""

from __future__ import annotations

import pytest

from transferraum.demo.data import talent as data
from transferraum.demo.services import demo_load
from transferraum.demo.talent import demo_talent_load
from transferraum.talent.models import (
    Journey,
    JourneyFollowUp,
    TalentExclusion,
    TalentProfile,
    TrialCall,
    TrialStay,
)
from transferraum.talent.selectors.funnel import FunnelFilters, funnel


@pytest.fixture
def demo(db):
    demo_load()
    return TrialCall.objects.get(title=data.CALL_TITLE)


def test_the_zeitz_call_has_its_applicants_stays_and_follow_ups(demo):
    assert demo.applications.count() == 12
    assert TrialStay.objects.filter(application__call=demo).count() == 6
    assert TrialStay.objects.filter(application__call=demo, followed_up_at__isnull=False).count()
    assert demo.applications.filter(status="waitlisted").count() == 3


def test_the_pool_and_the_journeys_show_numbers(demo):
    assert TalentProfile.objects.count() == 25
    assert TalentProfile.objects.filter(visible=False).count() == 3
    assert TalentExclusion.objects.count() == 6
    assert set(Journey.objects.values_list("cohort", flat=True)) >= {2024, 2025}
    follow_ups = JourneyFollowUp.objects.all()
    assert follow_ups.filter(answered_at__isnull=True).exists()
    assert follow_ups.filter(still_living=True).exists()
    twelve = funnel(FunnelFilters()).retention[0]
    assert twelve.answered.value >= 5 and not twelve.rate.suppressed


def test_a_second_run_adds_nothing(demo):
    before = (TalentProfile.objects.count(), Journey.objects.count(), TrialStay.objects.count())
    assert demo_talent_load().created == 0
    after = (TalentProfile.objects.count(), Journey.objects.count(), TrialStay.objects.count())
    assert after == before
