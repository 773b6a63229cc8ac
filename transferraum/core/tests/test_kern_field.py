from django import forms
from django.template import Context, Template
from django.utils import translation


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


class SignUpForm(forms.Form):
    name = forms.CharField(label="Your name")
    one = forms.ChoiceField(
        label="Your pick", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    note = forms.CharField(label="Note", required=False)

    def clean(self):
        raise forms.ValidationError("Something is wrong with the whole.")


@translation.override("en")
def test_the_error_summary_names_each_field_and_links_to_it():
    form = SignUpForm(data={"name": "", "one": ""})
    assert not form.is_valid()
    context = Context({"form": form})

    summary = Template('{% include "components/form_errors.html" %}').render(context)
    fields = Template("{% load kern %}{% kern_field form.name %}{% kern_field form.one %}").render(
        context
    )

    assert "Something is wrong with the whole." in summary
    assert '<a class="kern-link" href="#id_name">Your name</a>: This field is required.' in summary
    assert '<a class="kern-link" href="#id_one">Your pick</a>: This field is required.' in summary
    assert "Note" not in summary
    assert 'id="id_name"' in fields and 'id="id_one"' in fields  # the links' targets


class DraftForm(forms.Form):
    title = forms.CharField(required=False)
    problem = forms.CharField(required=False)
    context = forms.CharField(required=False)
    needed_later = {"title": "", "problem": "needed to submit"}


@translation.override("en")
def test_fields_a_later_step_needs_are_not_marked_optional():
    form = DraftForm()
    html = {
        name: Template("{% load kern %}{% kern_field form." + name + " %}").render(
            Context({"form": form})
        )
        for name in ("title", "problem", "context")
    }

    assert "– optional" not in html["title"] and "needed" not in html["title"]
    assert "– needed to submit" in html["problem"] and "– optional" not in html["problem"]
    assert "– optional" in html["context"]


class TitleForm(forms.Form):
    title = forms.CharField(max_length=200)


def test_a_limited_field_leaves_the_limit_to_the_server_so_nothing_is_cut():
    """A browser cuts pasted text at `maxlength` silently; the form refuses it with the limit."""
    html = Template("{% load kern %}{% kern_field form.title %}").render(
        Context({"form": TitleForm()})
    )
    assert "maxlength" not in html

    with translation.override("en"):
        form = TitleForm(data={"title": "Leerstand " * 76})
        assert not form.is_valid()
        assert form.errors["title"] == [
            "Ensure this value has at most 200 characters (it has 759)."
        ]
