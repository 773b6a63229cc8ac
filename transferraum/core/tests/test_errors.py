"""A refusal of a service lands on the form at its field, or above the form."""

from django import forms

from transferraum.core.errors import DomainError


class TitleForm(forms.Form):
    title = forms.CharField()


def test_a_refusal_lands_at_its_field_and_keeps_what_was_typed():
    form = TitleForm({"title": "Leerstand"})
    assert form.is_valid()

    DomainError("Please choose another title.", field="title").attach_to(form)

    assert form.errors == {"title": ["Please choose another title."]}
    assert form["title"].value() == "Leerstand"


def test_a_refusal_without_a_field_of_the_form_goes_above_it():
    for field in (None, "unknown"):
        form = TitleForm({"title": "Leerstand"})
        assert form.is_valid()

        DomainError("Not now.", field=field).attach_to(form)

        assert form.non_field_errors() == ["Not now."]
