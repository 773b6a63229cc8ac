import pytest
import time_machine

from transferraum.places.tests.factories import NOW


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
