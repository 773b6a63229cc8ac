from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, Any]:
    """Values every page needs: the operator for the footer and the current path for the nav."""
    return {
        "site_operator": settings.SITE_OPERATOR,
        "current_path": request.path,
        "site_url": settings.SITE_URL,
    }
