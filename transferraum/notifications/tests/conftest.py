"""A kind and an e-mail of its own, so that the notification tests need no domain app."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings

from transferraum.notifications import kinds

TEMPLATES = {
    "tests/email/hello_subject.txt": "{% load i18n %}Hello: {{ thing }}",
    "tests/email/hello_body.txt": (
        "{% autoescape off %}Hello {{ person.name }},\n\n"
        'Due on {{ due|date:"DATE_FORMAT" }}.\n\n'
        "{{ site_url }}/dinge/{{ pk }}/{% endautoescape %}\n"
    ),
    "tests/email/hello_text.txt": "Due soon: {{ thing }}",
}


@pytest.fixture
def hello_kind():
    kind = kinds.notification_kind("tests.hello", "Hello things", order=1)
    yield kind
    kinds._KINDS.pop(kind.key, None)


@pytest.fixture
def mail_templates(settings):
    """The project's template settings with the test e-mail above in front."""
    engine = {**django_settings.TEMPLATES[0]}
    engine["APP_DIRS"] = False
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "loaders": [
            ("django.template.loaders.locmem.Loader", TEMPLATES),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    }
    settings.TEMPLATES = [engine]
    return "tests/email/hello"
