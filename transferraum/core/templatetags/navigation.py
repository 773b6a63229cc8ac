"""Breadcrumbs on detail pages: where a page sits below the menu's lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext

register = template.Library()


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(*trail: Any) -> dict[str, Any]:
    """`{% breadcrumbs _("Projects") "projects:rounds" round.name round.get_absolute_url
    project.title %}`: pairs of a label and an address (a URL name or a path), then the label of
    the page itself. The home page comes first."""
    *pairs, current = trail
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes label-address pairs, then a label")
    crumbs = [Crumb(label=gettext("Home"), url=reverse("regions:home"))]
    for label, address in zip(pairs[::2], pairs[1::2], strict=True):
        url = str(address)
        crumbs.append(Crumb(label=str(label), url=url if url.startswith("/") else reverse(url)))
    return {"crumbs": crumbs, "current": str(current)}
