"""Forms of the research area: they check the shape, the services the rules."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.projects.models import Round
from transferraum.research.conditions import OPERATORS
from transferraum.research.models import ConsentVersion, Question, Study, Wave

LONG = {"rows": 4}


class StudyForm(forms.ModelForm):
    class Meta:
        model = Study
        fields = ("title", "purpose", "legal_basis", "retention_months")
        widgets = {"purpose": forms.Textarea(attrs=LONG), "legal_basis": forms.Textarea(attrs=LONG)}


class ConsentVersionForm(forms.ModelForm):
    prefix = "consent"

    class Meta:
        model = ConsentVersion
        fields = ("text_de", "text_en", "on_withdrawal")
        widgets = {"text_de": forms.Textarea(attrs=LONG), "text_en": forms.Textarea(attrs=LONG)}


class SurveyForm(forms.Form):
    prefix = "survey"
    title_de = forms.CharField(label=_("title (German)"), max_length=200)
    title_en = forms.CharField(label=_("title (English)"), max_length=200)


class WaveForm(forms.Form):
    prefix = "wave"
    name = forms.CharField(label=_("name"), max_length=200)
    survey = forms.ChoiceField(label=_("survey"))
    group = forms.ChoiceField(label=_("who is invited"), choices=Wave.Group.choices)
    round = forms.ModelChoiceField(label=_("round"), queryset=Round.objects.order_by("-pk"))
    invite_on = forms.DateField(
        label=_("invitations go out on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    closes_on = forms.DateField(
        label=_("closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, study: Study, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survey"].choices = [  # type: ignore[attr-defined]
            (s.pk, s.title) for s in study.surveys.all()
        ]


class ConditionFields(forms.Form):
    """A one-rule condition, as the builder edits it: question, operator, value."""

    condition_question = forms.CharField(
        label=_("shown only if question"),
        max_length=40,
        required=False,
        help_text=_("Variable name of an earlier question; leave empty to always show."),
    )
    condition_op = forms.ChoiceField(
        label=_("operator"),
        required=False,
        choices=[("", "–"), *[(op, op.replace("_", " ")) for op in OPERATORS]],
    )
    condition_value = forms.CharField(
        label=_("value"),
        max_length=200,
        required=False,
        help_text=_("A code, a number or a date; several codes separated by commas."),
    )

    def condition(self) -> dict[str, Any]:
        code = self.cleaned_data.get("condition_question", "").strip()
        if not code:
            return {}
        rule: dict[str, Any] = {"question": code, "op": self.cleaned_data.get("condition_op", "")}
        raw = self.cleaned_data.get("condition_value", "").strip()
        if raw:
            if rule["op"] == "one_of":
                rule["value"] = [part.strip() for part in raw.split(",") if part.strip()]
            else:
                try:
                    rule["value"] = json.loads(raw)
                except ValueError:
                    rule["value"] = raw
        return {"match": "all", "rules": [rule]}


class PageForm(ConditionFields):
    prefix = "page"
    title_de = forms.CharField(label=_("title (German)"), max_length=200)
    title_en = forms.CharField(label=_("title (English)"), max_length=200, required=False)


class QuestionForm(ConditionFields):
    prefix = "question"
    page = forms.TypedChoiceField(label=_("page"), coerce=int)
    code = forms.SlugField(label=_("variable name"), max_length=40)
    kind = forms.ChoiceField(label=_("type"), choices=Question.Kind.choices)
    text_de = forms.CharField(label=_("question (German)"), max_length=1000)
    text_en = forms.CharField(label=_("question (English)"), max_length=1000)
    required = forms.BooleanField(label=_("answer required"), required=False)
    min_value = forms.DecimalField(
        label=_("smallest number"), required=False, max_digits=12, decimal_places=2
    )
    max_value = forms.DecimalField(
        label=_("largest number"), required=False, max_digits=12, decimal_places=2
    )
    options = forms.CharField(
        label=_("answer options"),
        required=False,
        widget=forms.Textarea(attrs=LONG),
        help_text=_(
            "One per line, “German | English”. For a matrix, its rows follow after a line “--”."
        ),
    )

    def __init__(self, *args: Any, pages: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = [  # type: ignore[attr-defined]
            (p.pk, f"{p.position}: {p.title}") for p in pages
        ]

    def option_lines(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The answer options and (for a matrix) the rows, as (German, English) pairs."""
        choices: list[tuple[str, str]] = []
        items: list[tuple[str, str]] = []
        target = choices
        for line in self.cleaned_data.get("options", "").splitlines():
            if line.strip() == "--":
                target = items
                continue
            if line.strip():
                de, _sep, en = line.partition("|")
                target.append((de.strip()[:200], (en.strip() or de.strip())[:200]))
        return choices, items
