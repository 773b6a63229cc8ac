from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from transferraum.core.menu import menu_for


def platform(request: HttpRequest) -> dict[str, Any]:
    """Values every page needs: the operator for the footer and the main menu as this person sees
    it, with the current page marked."""
    return {
        "site_operator": settings.SITE_OPERATOR,
        "main_menu": menu_for(request.user, request.path) if hasattr(request, "user") else [],
        "site_url": settings.SITE_URL,
    }
