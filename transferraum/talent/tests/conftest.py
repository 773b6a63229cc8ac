import pytest


@pytest.fixture(autouse=True)
def _english(_language_reset):
    """The services' messages are matched in English (pages are read through the client, whose
    requests choose their own language)."""
    from django.utils import translation

    translation.activate("en")
    yield
