"""Amounts kept in cents, shown in euros."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    """1234500 → "12.345 €" (whole euros, in the page's number format)."""
    if cents is None:
        return ""
    return f"{number_format(cents // 100, force_grouping=True)} €"


@register.simple_tag
def pay_range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{euros(low)} – {euros(high)}"
    if low is not None:
        return euros(low) if high is not None else _("from %(amount)s") % {"amount": euros(low)}
    if high is not None:
        return _("up to %(amount)s") % {"amount": euros(high)}
    return ""
