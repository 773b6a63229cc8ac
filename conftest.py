"""Makes the personas of tests/conftest.py available to the tests beside each app."""

from tests.conftest import *  # noqa: F403
