"""The demo's ventures (issue 23): five at different stages, one from a project of the finished
round, the demo founder's company, mentors and two programme applications."""

from __future__ import annotations

import pytest

from transferraum.demo.services import demo_load
from transferraum.demo.ventures import demo_ventures_load
from transferraum.ventures.models import Application, Mentorship, StageChange, Venture


@pytest.mark.django_db
def test_the_demo_has_five_ventures_at_different_stages():
    demo_load()
    ventures = Venture.objects.all()
    assert ventures.count() == 5
    assert len(set(ventures.values_list("stage", flat=True))) == 5
    assert ventures.filter(origin_project__round__name="Sommersemester 2026").exists()
    company = Venture.objects.get(name="Kreislaufwerk Eilenburg")
    assert company.founders.filter(user__email="gruenderin@startup-eilenburg.example").exists()
    assert company.stage == "settled" and company.is_public and company.organisation
    assert Mentorship.objects.filter(status="accepted").exists()
    assert Application.objects.count() == 2
    assert StageChange.objects.count() >= 10
    # a second run adds nothing
    assert demo_ventures_load() == 0
    assert Venture.objects.count() == 5
