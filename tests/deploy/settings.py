"""Production settings for the two-server test (tests/deploy/test_two_servers.py).

Everything as `config.settings.prod` except the static files: the hashed, compressed copies of
`collectstatic` take a minute to write and are not what the test is about (the test of
`collectstatic` with the production storage is in transferraum/core/tests/test_views.py).
"""

from config.settings.prod import *  # noqa: F403
from config.settings.prod import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
