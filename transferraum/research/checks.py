"""`manage.py check --deploy` warns when the pseudonyms hang on SECRET_KEY: without its own
RESEARCH_PSEUDONYM_SECRET, the research pseudonyms are derived from SECRET_KEY, and rotating
that key (after a leak, say) would silently change every participant's pseudonym, cutting the
link between a study's waves."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register


@register("deployment", deploy=True)
def pseudonym_secret_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    return pseudonym_secret_warnings(
        getattr(settings, "RESEARCH_PSEUDONYM_SECRET", ""), settings.SECRET_KEY
    )


def pseudonym_secret_warnings(secret: str, secret_key: str) -> list[CheckMessage]:
    """A warning when the pseudonym secret is empty or the same as SECRET_KEY."""
    if secret and secret != secret_key:
        return []
    return [
        Warning(
            "RESEARCH_PSEUDONYM_SECRET is not set: the research pseudonyms are derived from "
            "SECRET_KEY.",
            hint=(
                "Set RESEARCH_PSEUDONYM_SECRET to a long random value of its own and keep it as "
                "long as any study's answers are kept: changing it (or SECRET_KEY while it is "
                "the fallback) changes every pseudonym (docs/deployment.md, docs/research.md)."
            ),
            id="research.W001",
        )
    ]
