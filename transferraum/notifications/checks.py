"""`manage.py check --deploy` warns when e-mail links would point at a development server."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

DEVELOPMENT_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104


@register(Tags.security, deploy=True)
def site_url_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    address = urlsplit(settings.SITE_URL)
    if address.hostname in DEVELOPMENT_HOSTS or address.scheme != "https":
        return [
            Warning(
                f"SITE_URL is {settings.SITE_URL!r}: links in e-mails would lead there.",
                hint="Set SITE_URL to the public https address of the site.",
                id="notifications.W001",
            )
        ]
    return []
