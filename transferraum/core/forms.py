"""Forms every app shares."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class RequestDecisionForm(forms.Form):
    """The answer to a request (`core.models.Request`): granting takes an optional note,
    refusing needs a reason (the service checks it)."""

    note = forms.CharField(
        label=_("Reason or note for the person"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Required when you refuse; the person reads it in the e-mail."),
    )
