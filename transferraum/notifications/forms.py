from __future__ import annotations

from typing import Any

from django import forms

from transferraum.notifications.kinds import NotificationKind
from transferraum.notifications.models import Delivery


class PreferencesForm(forms.Form):
    """One choice per kind the person may receive: at once, in the digest, only in the
    platform."""

    def __init__(
        self, *args: Any, kinds: list[NotificationKind], initial_choices: dict[str, str], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.kinds = kinds
        for kind in kinds:
            self.fields[kind.key] = forms.ChoiceField(
                label=str(kind.label),
                choices=Delivery.choices,
                initial=initial_choices.get(kind.key, kind.default),
                widget=forms.RadioSelect,
                required=False,  # a kind left out keeps its choice
            )

    def rows(self) -> list[tuple[NotificationKind, forms.BoundField]]:
        return [(kind, self[kind.key]) for kind in self.kinds]

    def choices_chosen(self) -> dict[str, Delivery]:
        return {key: Delivery(value) for key, value in self.cleaned_data.items() if value}
