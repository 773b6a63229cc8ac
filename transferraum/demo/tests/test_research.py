"""The demo's accompanying research: a study with a pre and a post wave and a partner wave."""

from __future__ import annotations

import pytest
from django.db.models import Avg

from transferraum.demo.data.research import STUDY_TITLE
from transferraum.demo.research import demo_research_load
from transferraum.demo.services import demo_load
from transferraum.research.models import Answer, ConsentRecord, Response, Study, Wave


@pytest.fixture
def demo(db):
    demo_load()
    return Study.objects.get(title=STUDY_TITLE)


def test_the_study_has_answered_pre_post_and_partner_waves(demo):
    waves = list(Wave.objects.filter(study=demo).order_by("invite_on"))
    assert [wave.group for wave in waves] == ["round_students", "round_students", "round_partners"]
    assert all(wave.status == "closed" for wave in waves)
    for wave in waves:
        assert 0 < wave.responses.count() <= wave.invitations.count()
        assert wave.responses.filter(status="completed").exists()
    pre, post, _partners = waves
    # the same students answer both waves under the same pseudonym
    assert set(pre.responses.values_list("pseudonym", flat=True)) & set(
        post.responses.values_list("pseudonym", flat=True)
    )
    mean = {
        wave.pk: Answer.objects.filter(response__wave=wave, question__code="bindung").aggregate(
            mean=Avg("number")
        )["mean"]
        for wave in (pre, post)
    }
    assert mean[post.pk] > mean[pre.pk]
    assert ConsentRecord.objects.filter(study=demo, action="given").count() >= pre.responses.count()


def test_a_second_run_adds_nothing(demo):
    before = Response.objects.count()
    assert demo_research_load(seed=1).created == 0
    assert Response.objects.count() == before
