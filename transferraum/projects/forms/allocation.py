"""Forms of the allocation: start a run, move or swap students by hand. Shape only; the
services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.projects.models import Project, Round


class RunForm(forms.Form):
    seed = forms.IntegerField(
        label=_("Seed of the lottery"),
        min_value=0,
        max_value=2_147_483_647,
        required=False,
        help_text=_(
            "Breaks ties between equally good answers. The same input with the same seed always "
            "gives the same result. Empty: 0."
        ),
    )


class StudentChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.name or obj.email


class MoveForm(forms.Form):
    student = StudentChoiceField(queryset=User.objects.none(), label=_("Student"))
    project = forms.ModelChoiceField(
        queryset=Project.objects.none(),
        required=False,
        label=_("New team"),
        empty_label=_("No team (take the student out)"),
    )
    confirm = forms.BooleanField(
        required=False,
        label=_("I have read the broken rules and want this move anyway."),
    )

    def __init__(self, *args: Any, round: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            applications__round=round
        ).order_by("name", "email")
        self.fields["project"].queryset = Project.objects.filter(  # type: ignore[attr-defined]
            round=round, status=Project.Status.OPEN
        ).order_by("title")


class SwapForm(forms.Form):
    student = StudentChoiceField(queryset=User.objects.none(), label=_("Student"))
    other = StudentChoiceField(queryset=User.objects.none(), label=_("Swap places with"))
    confirm = forms.BooleanField(
        required=False,
        label=_("I have read the broken rules and want this swap anyway."),
    )

    def __init__(self, *args: Any, round: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        applicants = User.objects.filter(applications__round=round).order_by("name", "email")
        self.fields["student"].queryset = applicants  # type: ignore[attr-defined]
        self.fields["other"].queryset = applicants  # type: ignore[attr-defined]
