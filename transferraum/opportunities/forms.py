"""Forms of the opportunities area: shape only; the services check the rules."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.actors.models import Competence
from transferraum.challenges.models import Challenge, TopicField
from transferraum.core.versions import VersionedForm
from transferraum.opportunities.models import Opportunity, SavedSearch, TownContact
from transferraum.opportunities.services import CONTENT_FIELDS
from transferraum.opportunities.workflow import APPLICATION_LIFECYCLE, LIFECYCLE
from transferraum.projects.models import Project
from transferraum.regions.forms import group_by_district

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EUROS_MAX = 1_000_000


class OpportunityForm(VersionedForm, forms.ModelForm):
    """Amounts are typed in whole euros and kept in cents."""

    pay_min = forms.IntegerField(
        label=_("Pay or rent from (euros per month)"),
        min_value=0,
        max_value=EUROS_MAX,
        required=False,
    )
    pay_max = forms.IntegerField(
        label=_("Pay or rent up to (euros per month)"),
        min_value=0,
        max_value=EUROS_MAX,
        required=False,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topic fields"),
        queryset=TopicField.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    competences = forms.ModelMultipleChoiceField(
        label=_("Competences"),
        queryset=Competence.objects.filter(status=Competence.Status.APPROVED).only(
            "slug", "label_de", "label_en"
        ),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    versioned_skip = ("pay_min", "pay_max")

    class Meta:
        model = Opportunity
        fields = [
            "kind",
            "title",
            "description",
            "municipality",
            "address",
            "topics",
            "competences",
            "languages",
            "start_date",
            "duration",
            "remote_share",
            "deadline",
            "expires_on",
            "apply_by",
            "external_url",
            "challenge",
            "project",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "start_date": DATE_WIDGET,
            "deadline": DATE_WIDGET,
            "expires_on": DATE_WIDGET,
            "apply_by": forms.RadioSelect,
        }
        help_texts = {
            "expires_on": _("Leave empty for 60 days from today; at most one year."),
            "external_url": _(
                "Needed for trial-living calls and when people apply on your website."
            ),
        }

    needed_later: ClassVar[dict[str, Any]] = {"title": ""}

    def __init__(self, *args: Any, organisation_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["expires_on"].required = False
        group_by_district(self.fields["municipality"])
        challenges = Challenge.objects.none()
        projects = Project.objects.none()
        if organisation_id is not None:
            challenges = Challenge.objects.filter(organisation_id=organisation_id)
            projects = Project.objects.filter(challenge__organisation_id=organisation_id)
        self.fields["challenge"].queryset = challenges.only("title")  # type: ignore[attr-defined]
        self.fields["project"].queryset = projects.only("title")  # type: ignore[attr-defined]
        if self.instance.pk:
            for name, cents in (
                ("pay_min", self.instance.pay_min_cents),
                ("pay_max", self.instance.pay_max_cents),
            ):
                if cents is not None:
                    self.initial[name] = cents // 100

    def service_data(self) -> dict[str, Any]:
        data = {f: self.cleaned_data.get(f) for f in CONTENT_FIELDS if f in self.cleaned_data}
        for name in ("pay_min", "pay_max"):
            euros = self.cleaned_data.get(name)
            data[f"{name}_cents"] = None if euros is None else euros * 100
        data["remote_share"] = data.get("remote_share") or 0
        for name in ("description", "address", "languages", "duration", "external_url"):
            data[name] = data.get(name) or ""
        return data


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def service_data(self) -> dict[str, Any]:
        return {"note": self.cleaned_data.get("note") or ""}


class RenewForm(NoteForm):
    expires_on = forms.DateField(
        label=_("Show until"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty for 60 days from today; at most one year."),
    )

    def service_data(self) -> dict[str, Any]:
        return super().service_data() | {"expires_on": self.cleaned_data.get("expires_on")}


STEP_FORMS: dict[str, type[NoteForm]] = {
    step.name: (RenewForm if step.name == "renew" else NoteForm) for step in LIFECYCLE if step.needs
}
APPLICATION_STEPS = [step.name for step in APPLICATION_LIFECYCLE]


class ApplicationForm(forms.Form):
    cover_note = forms.CharField(
        label=_("Cover note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who you are and why this opportunity interests you."),
    )
    cv = forms.FileField(label=_("CV (PDF, at most 5 MB)"), required=False)
    consent = forms.BooleanField(
        label=_("I agree that the organisation receives my application and CV."),
        required=False,
    )


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=200, required=False)
    frequency = forms.ChoiceField(
        label=_("E-mail me new opportunities"),
        choices=SavedSearch.Frequency.choices,
        initial=SavedSearch.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )


class TownContactForm(forms.ModelForm):
    class Meta:
        model = TownContact
        fields = ["kind", "name", "address", "phone", "email", "website", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
