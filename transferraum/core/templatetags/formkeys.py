"""`{% form_key %}`: the one-time key of a POST form (see `transferraum.core.formkeys`).

Write it right after `{% csrf_token %}` in every form with method="post"."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from transferraum.core.formkeys import FIELD, RENEWED_ATTRIBUTE, form_key_new

register = template.Library()


@register.simple_tag(takes_context=True)
def form_key(context: dict[str, Any]) -> SafeString:
    """A hidden field with a fresh key. It also carries the text the site's script shows on
    the submit button while the form is being sent."""
    request = context.get("request")
    if request is not None:
        # The answer brings a new form: for htmx, the old key's result is worth keeping.
        setattr(request, RENEWED_ATTRIBUTE, True)
    return format_html(
        '<input type="hidden" name="{}" value="{}" data-form-key data-sending="{}">',
        FIELD,
        form_key_new(),
        _("Sending …"),
    )
