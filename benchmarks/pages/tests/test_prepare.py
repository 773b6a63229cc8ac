import pytest

from benchmarks.pages.prepare import _second_factors
from transferraum.accounts.mfa import has_second_factor


@pytest.mark.django_db
def test_staff_personas_get_the_second_factor_production_would_demand(coordinator, researcher):
    _second_factors([coordinator, researcher])
    _second_factors([coordinator])  # once only

    assert has_second_factor(coordinator)
    assert not has_second_factor(researcher)
    assert coordinator.authenticator_set.count() == 1
