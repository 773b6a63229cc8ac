"""A refusal of a service lands on the form at its field, or above the form."""

import pytest
from django import forms

from transferraum.core.errors import DomainError


class TitleForm(forms.Form):
    title = forms.CharField()


class PartnerForm(forms.Form):
    service_fields = {"work_with": "partner_1"}
    partner_1 = forms.CharField(required=False)


def test_a_refusal_lands_at_its_field_and_keeps_what_was_typed():
    form = TitleForm({"title": "Leerstand"})
    assert form.is_valid()

    DomainError("Please choose another title.", field="title").attach_to(form)

    assert form.errors == {"title": ["Please choose another title."]}
    # Re-rendered, the field still shows what was typed.
    assert 'value="Leerstand"' in str(form["title"])


@pytest.mark.parametrize("field", [None, "unknown"])
def test_a_refusal_without_a_field_of_the_form_goes_above_it(field):
    form = TitleForm({"title": "Leerstand"})
    assert form.is_valid()

    DomainError("Not now.", field=field).attach_to(form)

    assert form.errors == {"__all__": ["Not now."]}


def test_a_form_maps_the_services_argument_to_its_own_field():
    form = PartnerForm({"partner_1": "a@example.org"})
    assert form.is_valid()

    DomainError("Not a student of this round.", field="work_with").attach_to(form)

    assert form.errors == {"partner_1": ["Not a student of this round."]}
