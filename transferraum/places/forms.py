"""Forms of the places area: shape only; the services check the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.places import calendar
from transferraum.places.models import Place, Resource, Training
from transferraum.places.services import MAX_WEEKS


class _TimeRange(forms.Form):
    date = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))

    service_fields = {"starts_at": "starts", "ends_at": "ends"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, starts, ends = data.get("date"), data.get("starts"), data.get("ends")
        if day and starts and ends:
            if not dt.date(2000, 1, 1) <= day <= dt.date(2100, 1, 1):
                self.add_error("date", _("Please enter a date between 2000 and 2100."))
                return data
            data["starts_at"] = calendar.at(day, starts)
            data["ends_at"] = calendar.at(day, ends)
        return data


class BookingForm(_TimeRange):
    weeks = forms.IntegerField(
        label=_("Weekly for how many weeks"),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=1,
        help_text=_("1 books this day only; up to 12 books the same time every week."),
    )
    note = forms.CharField(label=_("Note for the staff"), required=False)
    only_free = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, staff: bool = False, place: Place | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if staff and place is not None:
            self.fields["person"] = forms.EmailField(
                label=_("For the person (e-mail)"), required=False
            )
            self.fields["team"] = forms.ModelChoiceField(
                label=_("On behalf of a team or venture"),
                queryset=Organisation.objects.filter(place_memberships__place=place).order_by(
                    "name"
                ),
                required=False,
            )
            self.fields["override_reason"] = forms.CharField(
                label=_("Override the training and audience rules – reason"),
                required=False,
                help_text=_("Kept in the activity log."),
            )

    def clean_person(self) -> User | None:
        email = self.cleaned_data.get("person")
        if not email:
            return None
        person = User.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Nobody with this e-mail address has an account."))
        return person


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class BlockForm(_TimeRange):
    resource = forms.ModelChoiceField(label=_("Resource"), queryset=Resource.objects.none())
    reason = forms.CharField(label=_("Reason"))

    def __init__(self, *args: Any, place: Place, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resource"].queryset = place.resources.order_by("name")  # type: ignore[attr-defined]


class TrainingForm(forms.Form):
    training = forms.ModelChoiceField(label=_("Training"), queryset=Training.objects.none())
    person = forms.EmailField(label=_("Person (e-mail)"))
    passed_on = forms.DateField(
        label=_("Passed on"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def __init__(self, *args: Any, place: Place, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["training"].queryset = place.trainings.order_by("name")  # type: ignore[attr-defined]

    def clean_person(self) -> User:
        person = User.objects.filter(
            email__iexact=self.cleaned_data["person"], is_active=True
        ).first()
        if person is None:
            raise forms.ValidationError(_("Nobody with this e-mail address has an account."))
        return person
