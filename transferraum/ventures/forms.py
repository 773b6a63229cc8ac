"""Shapes of the ventures' forms; the services check the rules."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from transferraum.actors.models import IMAGE_EXTENSIONS, LOGO_MAX_BYTES, Competence, Organisation
from transferraum.core.versions import VersionedForm
from transferraum.projects.models import Project
from transferraum.regions.models import Municipality
from transferraum.ventures.data.gates import CHECKLISTS
from transferraum.ventures.models import Application, SupportProgramme, Venture

_TOWN_ERRORS = {"invalid_choice": _("Please choose a town from the list.")}


def _towns(label: Any, required: bool = False) -> forms.ModelChoiceField[Municipality]:
    return forms.ModelChoiceField(
        label=label,
        queryset=Municipality.objects.order_by("name").defer("boundary"),
        to_field_name="ags",
        required=required,
        error_messages=_TOWN_ERRORS,
    )


class VentureForm(VersionedForm, forms.ModelForm):
    """The venture's text, origin, town and the competences it seeks."""

    municipality = _towns(_("Town"))
    origin_project = forms.ModelChoiceField(
        label=_("Practice project"),
        queryset=Project.objects.filter(
            status__in=(Project.Status.RUNNING, Project.Status.COMPLETED)
        ).order_by("title"),
        required=False,
        help_text=_("Only when the venture comes from a practice project."),
        error_messages={"invalid_choice": _("Please choose a project from the list.")},
    )
    competences_sought = forms.ModelMultipleChoiceField(
        label=_("Competences sought"),
        queryset=Competence.objects.filter(status=Competence.Status.APPROVED),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Venture
        fields = [
            "name",
            "one_line",
            "idea",
            "sector",
            "origin",
            "origin_project",
            "origin_note",
            "municipality",
            "organisation",
            "competences_sought",
        ]
        widgets = {"idea": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["organisation"])
        field.queryset = Organisation.objects.filter(memberships__user=user).order_by("name")
        field.help_text = _(
            "The company on the platform, once founded: through it the venture appears on the "
            "map and in the network."
        )

    def service_data(self) -> tuple[dict[str, Any], Any]:
        data = dict(self.cleaned_data)
        competences = data.pop("competences_sought", [])
        return data, competences


class GateForm(forms.Form):
    """The checklist of the next gate; the gate "founded" asks for the company's data."""

    items = forms.MultipleChoiceField(
        label=_("Checklist"), required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("Note for the timeline"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    founded_on = forms.DateField(
        label=_("Founded on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    legal_form = forms.CharField(label=_("Legal form"), required=False, max_length=50)
    register_number = forms.CharField(label=_("Register number"), required=False, max_length=50)
    founded_town = _towns(_("Town of the seat"))

    def __init__(self, *args: Any, gate: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gate = gate
        items = cast(forms.ChoiceField, self.fields["items"])
        items.choices = [(item.key, str(item.label)) for item in CHECKLISTS.get(gate, ())]
        if gate != "founded":
            for name in ("founded_on", "legal_form", "register_number", "founded_town"):
                del self.fields[name]


class EvidenceForm(forms.Form):
    gate = forms.ChoiceField(label=_("Gate"), choices=[])
    text = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, image or office document, at most 20 MB."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from transferraum.ventures.models import Stage

        gate = cast(forms.ChoiceField, self.fields["gate"])
        gate.choices = [(value, label) for value, label in Stage.choices if value in CHECKLISTS]


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the co-founder"),
        help_text=_("The person must have an account on the platform."),
    )


class PublishForm(forms.Form):
    public = forms.BooleanField(
        label=_("Show the public profile (name, one line, town, stage, logo)"), required=False
    )
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
        help_text=_("PNG, JPEG, WebP or GIF, at most 2 MB."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if logo and logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo may be at most 2 MB."))
        return logo


class ApplicationForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=SupportProgramme.objects.all(),
        error_messages={"invalid_choice": _("Please choose a programme from the list.")},
    )
    submitted_on = forms.DateField(
        label=_("Submitted on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (value, label)
            for value, label in Application.Status.choices
            if value != Application.Status.SUBMITTED
        ],
    )
    decided_on = forms.DateField(
        label=_("Decided on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    amount = forms.IntegerField(
        label=_("Amount granted in euros"), required=False, min_value=0, max_value=10_000_000
    )


class MentorAskForm(forms.Form):
    mentor = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    message = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        error_messages={"invalid_choice": _("Please accept or decline.")},
    )
