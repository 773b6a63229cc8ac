"""The offer on the 403 page: ask for the role that would open it."""

from __future__ import annotations

from typing import Any

from django import template

from transferraum.accounts.models import REQUESTABLE_ROLES, User
from transferraum.accounts.permissions import can_request_role

register = template.Library()


@register.inclusion_tag("accounts/_role_request_offer.html", takes_context=True)
def role_request_offer(context: dict[str, Any], needs_role: str = "") -> dict[str, Any]:
    """A link to the request form, prefilled with `needs_role` when one may ask for it; a
    general "ask for a role" for a signed-in person whom a page refused without naming a role;
    nothing for visitors (they sign in first) and coordinators."""
    user = context.get("user")
    if user is None or not can_request_role(user):
        return {"offer": False}
    role = needs_role if needs_role in REQUESTABLE_ROLES else ""
    if role and user.has_role(role):
        return {"offer": False}
    open_request = user.role_requests.open().filter(role=role).first() if role else None
    return {
        "offer": True,
        "role": role,
        "role_label": User.Role(role).label if role else "",
        "open_request": open_request,
    }
