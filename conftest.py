"""Makes the personas of tests/conftest.py available to the tests beside each app."""

from tests.conftest import *  # noqa: F403

# A star import leaves out names that start with an underscore: the autouse fixture that puts
# every test back into the default language must be named, or an English request in one app's
# test leaks English into the next test on the same worker.
from tests.conftest import _language_reset  # noqa: F401
