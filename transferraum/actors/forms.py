from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import (
    LOGO_MAX_BYTES,
    Competence,
    Listing,
    ListingCategory,
    Membership,
    Organisation,
    PersonProfile,
)
from transferraum.core.versions import VersionedForm
from transferraum.regions.forms import group_by_district
from transferraum.regions.models import Municipality


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


def _image_checked(upload: Any, *, max_bytes: int) -> Any:
    """Refuse oversized files; the ImageField has already opened the file with Pillow."""
    if upload and getattr(upload, "size", 0) > max_bytes:
        raise forms.ValidationError(
            _("The file is %(size)s MB; at most %(max)s MB are allowed.")
            % {"size": f"{upload.size / 1_048_576:.1f}", "max": max_bytes // 1_048_576}
        )
    return upload


class CompetenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


def competence_field(label: Any, help_text: Any = "") -> CompetenceChoiceField:
    return CompetenceChoiceField(
        label=label,
        queryset=Competence.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class OrganisationForm(VersionedForm, forms.ModelForm):
    """Shape of an organisation's profile; the service checks the rules."""

    versioned_skip = ("remove_logo", "allow_duplicate")

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="ags",
        required=False,
        error_messages={"invalid_choice": _("Please choose a municipality from the list.")},
    )
    # Typed without a scheme means https, as in Django 6.
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    competences = competence_field(_("Competences"))
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    allow_duplicate = forms.BooleanField(
        label=_("Save anyway: it is a different organisation of the same name"), required=False
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "short_description",
            "description",
            "sector",
            "size_class",
            "website",
            "street",
            "postcode",
            "municipality",
            "lat",
            "lon",
            "logo",
            "competences",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }
        help_texts = {
            "logo": _("PNG, JPEG or WebP, at most 2 MB."),
            "lat": _("Optional: where the map shows you. Without it, the town's centre is used."),
        }

    def __init__(self, *args: Any, can_change_kind: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_by_district(self.fields["municipality"])
        self.fields["logo"].widget = forms.FileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp"}
        )
        if not can_change_kind:
            self.fields["kind"].disabled = True

    def clean_postcode(self) -> str:
        postcode = (self.cleaned_data.get("postcode") or "").strip()
        if postcode and not (postcode.isdigit() and len(postcode) == 5):
            raise forms.ValidationError(_("A German postcode has five digits."))
        return postcode

    def clean_logo(self) -> Any:
        return _image_checked(self.cleaned_data.get("logo"), max_bytes=LOGO_MAX_BYTES)


class OrganisationCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="ags",
        required=False,
        error_messages={"invalid_choice": _("Please choose a municipality from the list.")},
    )
    short_description = forms.CharField(
        label=_("Short description"), max_length=300, required=False
    )
    allow_duplicate = forms.BooleanField(
        label=_("Create anyway: it is a different organisation of the same name"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_by_district(self.fields["municipality"])


class ListingForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Offer or need"), choices=Listing.Direction.choices, widget=forms.RadioSelect
    )
    category = forms.ChoiceField(label=_("Category"), choices=ListingCategory.choices)
    text = forms.CharField(
        label=_("In a few words"),
        max_length=300,
        help_text=_("For example: internships in metalworking, or: data on vacant shops"),
    )


class PersonProfileForm(forms.Form):
    bio = forms.CharField(
        label=_("About me"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        required=False,
    )
    languages = forms.CharField(
        label=_("Languages"),
        max_length=200,
        required=False,
        help_text=_("For example: Deutsch, Englisch"),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see my profile"),
        choices=PersonProfile.Visibility.choices,
        widget=forms.RadioSelect,
    )
    competences = competence_field(_("My competences"))
    interests = competence_field(_("My interests"))
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 2 MB. Optional."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    def clean_photo(self) -> Any:
        return _image_checked(self.cleaned_data.get("photo"), max_bytes=LOGO_MAX_BYTES)


class CompetenceSuggestForm(forms.Form):
    suggestion = forms.CharField(label=_("Suggest a new term"), max_length=100)


class MembershipRequestForm(forms.Form):
    """A person asks to join an organisation; the service checks the rules."""

    role = forms.ChoiceField(
        label=_("Role in the organisation"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        help_text=_("Administrators manage the members and the organisation's page."),
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Note to the organisation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("For example your department or who in the organisation knows you."),
    )
