from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import REQUESTABLE_ROLES, StudyProgramme, User


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": _("Please enter your name.")}
    )
    language = forms.ChoiceField(
        label=_("Language of the interface and e-mails"), choices=settings.LANGUAGES
    )


class RoleRequestForm(forms.Form):
    """What a person asks for; the service checks what the role needs (a student's programme
    and semester)."""

    role = forms.ChoiceField(
        label=_("Role you ask for"),
        choices=[(role.value, role.label) for role in REQUESTABLE_ROLES],
    )
    study_programme = forms.ModelChoiceField(
        label=_("Study programme"),
        queryset=StudyProgramme.objects.all(),
        required=False,
        help_text=_("Only for the student role."),
    )
    semester = forms.IntegerField(
        label=_("Semester"),
        min_value=1,
        max_value=30,
        required=False,
        help_text=_("Only for the student role."),
    )
    note = forms.CharField(
        label=_("Note to the coordinators"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("For example your chair, your project idea or who knows you."),
    )

    def __init__(self, *args: Any, held: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        """`held`: the person's roles, which the choice leaves out."""
        super().__init__(*args, **kwargs)
        role = cast(forms.ChoiceField, self.fields["role"])
        role.choices = [(r.value, r.label) for r in REQUESTABLE_ROLES if r not in held]

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        programme = data.get("study_programme")
        return {
            "role": data["role"],
            "note": data.get("note", ""),
            "study_programme_id": programme.pk if programme else None,
            "semester": data.get("semester"),
        }


class RoleGrantForm(forms.Form):
    """A coordinator gives a person a role they do not hold."""

    role = forms.ChoiceField(label=_("Role to give"))

    def __init__(self, *args: Any, held: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role = cast(forms.ChoiceField, self.fields["role"])
        role.choices = [
            (r.value, r.label) for r in User.Role if r != User.Role.PUBLIC and r not in held
        ]


class RoleRevokeForm(forms.Form):
    """A coordinator takes one role; the reason goes to the person."""

    reason = forms.CharField(
        label=_("Reason (the person reads it)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class AccountEraseForm(forms.Form):
    """Deleting one's account: confirmed with the password (the service checks it)."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        required=False,
        help_text=_("Signed in through your university? Leave it empty."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my data are deleted for good."),
        error_messages={"required": _("Please confirm that you want to delete your account.")},
    )
