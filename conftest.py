"""Makes the personas of tests/conftest.py available to the tests beside each app."""

from tests.conftest import *  # noqa: F403

# A star import leaves out names that start with an underscore: the autouse fixtures that put
# every test back into the default language and an empty cache must be named, or an English
# request (or a cached page) in one app's test leaks into the next test on the same worker.
from tests.conftest import _cache_reset, _language_reset  # noqa: F401
