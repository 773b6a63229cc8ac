from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from transferraum.core.menu import main_menu_for


def platform(request: HttpRequest) -> dict[str, Any]:
    """Values every page needs: the operator for the footer, the main menu's sections and the
    person's own menu as this person sees them, with the current page and section marked."""
    sections, personal = (
        main_menu_for(request.user, request.path) if hasattr(request, "user") else ([], [])
    )
    return {
        "site_operator": settings.SITE_OPERATOR,
        "main_menu": sections,
        "personal_menu": personal,
        "site_url": settings.SITE_URL,
    }
