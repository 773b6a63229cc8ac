"""Forms of the talent area: they check the shape, the services the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, Membership, Organisation
from transferraum.core.versions import VersionedForm
from transferraum.regions.forms import group_by_district
from transferraum.regions.models import Municipality
from transferraum.talent.models import STEP_ORDER, Step, TalentProfile, TrialCall, TrialStay
from transferraum.talent.services.journeys import PERSON_STEPS

DATE = {"type": "date"}


class CallForm(forms.ModelForm):
    cost_euros = forms.DecimalField(
        label=_("Cost per month (euros)"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )

    class Meta:
        model = TrialCall
        fields = (
            "town",
            "title",
            "description",
            "starts_on",
            "ends_on",
            "apply_until",
            "places",
            "flats",
            "commits_project",
            "commits_events",
            "commits_blog",
            "criteria",
        )
        widgets = {
            "starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "apply_until": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "flats": forms.Textarea(attrs={"rows": 3}),
            "criteria": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            kind=Organisation.Kind.TOWN, memberships__user=user
        ).order_by("name")

    def _post_clean(self) -> None:
        """The service checks the rules and creates the call; the form builds no instance."""

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["cost_cents"] = int(data.pop("cost_euros") * 100)
        return data


class MotivationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why would you like to come?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who you are, what you would like to do in the town, what you bring."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StayForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = TrialStay
        fields = ("flat", "starts_on", "ends_on", "contact", "coworking")
        widgets = {
            "starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stay: TrialStay = self.instance
        self.fields["contact"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=Membership.objects.filter(organisation_id=stay.application.call.town_id).values(
                "user_id"
            )
        ).order_by("name")
        self.fields["coworking"].help_text = _(
            "Where the participant may work, e.g. a coworking space."
        )

    def _post_clean(self) -> None:
        """The service checks and saves; the form leaves the instance untouched."""


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("What came out of the stay?"), widget=forms.Textarea(attrs={"rows": 5})
    )


class TalentProfileForm(forms.Form):
    visible = forms.BooleanField(
        label=_("Show my profile to organisations of the region"),
        required=False,
        help_text=_("Untick to take it out of the talent pool at once."),
    )
    headline = forms.CharField(
        label=_("Headline"), help_text=_("E.g. “Master's student of geography, GIS”.")
    )
    looking_for = forms.CharField(
        label=_("What I am looking for"), widget=forms.Textarea(attrs={"rows": 3})
    )
    interests = forms.CharField(
        label=_("Interests"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    availability = forms.ChoiceField(
        label=_("Available"), choices=TalentProfile.Availability.choices
    )
    competences = forms.ModelMultipleChoiceField(
        label=_("Competences"),
        queryset=Competence.objects.filter(status=Competence.Status.APPROVED).order_by("label_de"),
        required=False,
    )
    towns = forms.ModelMultipleChoiceField(
        label=_("Preferred towns"), queryset=Municipality.objects.order_by("name"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_by_district(self.fields["towns"])


class ExclusionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation that must never see my profile"),
        queryset=Organisation.objects.order_by("name"),
    )


class MessageForm(forms.Form):
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("With your answer, the organisation sees your e-mail address."),
    )


class ConsentForm(forms.Form):
    agree = forms.BooleanField(label=_("I agree"), required=True)
    town = forms.ModelChoiceField(
        label=_("Town I am interested in"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_by_district(self.fields["town"])


class StepForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Step"), choices=[(s, Step(s).label) for s in STEP_ORDER if s in PERSON_STEPS]
    )
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    town = forms.ModelChoiceField(
        label=_("Town"), queryset=Municipality.objects.order_by("name"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_by_district(self.fields["town"])


class FollowUpAnswerForm(forms.Form):
    still_living = forms.TypedChoiceField(
        label=_("Do you still live in the region?"),
        choices=(("yes", _("Yes")), ("no", _("No"))),
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
