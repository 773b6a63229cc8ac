from django import forms
from django.template import Context, Template


class ChoiceForm(forms.Form):
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )


def _render(field: str) -> str:
    form = ChoiceForm()
    return Template("{% load kern %}{% kern_field form." + field + " %}").render(
        Context({"form": form})
    )


def test_multiple_choices_are_checkboxes_so_several_can_be_picked():
    html = _render("many")
    assert html.count('type="checkbox"') == 2
    assert 'type="radio"' not in html


def test_single_choice_is_radio_buttons():
    html = _render("one")
    assert html.count('type="radio"') == 2
    assert 'type="checkbox"' not in html
