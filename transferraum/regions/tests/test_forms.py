"""The municipality choice: German order, grouped by district, in every form that offers it."""

from __future__ import annotations

import re

import pytest
from django import forms

from transferraum.regions.forms import german_sort_key, group_by_district
from transferraum.regions.models import Municipality
from transferraum.regions.tests.factories import DistrictFactory, MunicipalityFactory


def test_umlauts_sort_as_their_base_letter():
    names = ["Zwenkau", "Österreich", "Oschatz", "Pegau", "Ärzte", "Bad Düben", "Straße"]

    assert sorted(names, key=german_sort_key) == [
        "Ärzte",
        "Bad Düben",
        "Oschatz",
        "Österreich",
        "Pegau",
        "Straße",
        "Zwenkau",
    ]


class ChoiceForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.all(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group_by_district(self.fields["municipality"])


def _groups(html: str) -> list[tuple[str, list[str]]]:
    return [
        (label, re.findall(r">([^<]+)</option>", body))
        for label, body in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', html, re.S)
    ]


@pytest.mark.django_db
def test_the_choice_is_grouped_by_district_in_german_order():
    leipzig = DistrictFactory(name="Landkreis Leipzig")
    nordsachsen = DistrictFactory(name="Nordsachsen")
    burgenland = DistrictFactory(name="Burgenlandkreis")
    for name, district in [
        ("Zwenkau", leipzig),
        ("Ömmelsdorf", leipzig),
        ("Borna", leipzig),
        ("Eilenburg", nordsachsen),
        ("Bad Düben", nordsachsen),
        ("Zeitz", burgenland),
    ]:
        MunicipalityFactory(name=name, district=district)

    form = ChoiceForm(data={"municipality": str(Municipality.objects.get(name="Zeitz").pk)})
    html = str(form["municipality"])

    assert _groups(html) == [
        ("Burgenlandkreis", ["Zeitz"]),
        ("Landkreis Leipzig", ["Borna", "Ömmelsdorf", "Zwenkau"]),
        ("Nordsachsen", ["Bad Düben", "Eilenburg"]),
    ]
    assert form.is_valid()
    assert form.cleaned_data["municipality"].name == "Zeitz"


@pytest.mark.django_db
def test_every_form_that_offers_municipalities_groups_them(town_eilenburg):
    from transferraum.actors.forms import OrganisationCreateForm, OrganisationForm
    from transferraum.challenges.forms import ChallengeForm
    from transferraum.recommendations.forms import RecommendationForm

    for form in (
        OrganisationForm(),
        OrganisationCreateForm(),
        ChallengeForm(),
        RecommendationForm(),
    ):
        html = str(form["municipality"])
        assert '<optgroup label="Nordsachsen">' in html, type(form).__name__
