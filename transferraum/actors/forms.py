from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Membership


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    position = forms.CharField(
        label=_("Position"),
        max_length=200,
        required=False,
        help_text=_("For example: Wirtschaftsförderung, Sachgebietsleitung Stadtplanung"),
    )
    role = forms.ChoiceField(
        label=_("Role in the organisation"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
    )
    person_role = forms.ChoiceField(
        label=_("Role in the programme"), choices=User.Role.choices, initial=User.Role.STAFF
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="de"
    )

    def __init__(self, *args: Any, allow_coordinator: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_coordinator:
            person_role = cast(forms.ChoiceField, self.fields["person_role"])
            person_role.choices = [
                choice for choice in User.Role.choices if choice[0] != User.Role.COORDINATOR
            ]


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Please enter your name.")},
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data
