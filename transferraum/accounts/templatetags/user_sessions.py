"""The device of a session in words, for the sessions list."""

from __future__ import annotations

from django import template

from transferraum.accounts.sessions import device_description

register = template.Library()


@register.filter
def device(user_agent: str) -> str:
    """`{{ session.user_agent|device }}`: "Firefox on Windows"."""
    return device_description(user_agent or "")
