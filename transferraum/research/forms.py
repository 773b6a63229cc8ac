"""Forms of the research area: they check the shape, the services the rules."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.core.versions import VersionedForm
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


RULE_ROWS = 3  # empty rule rows a condition form offers beyond the rules it has


def _rule_value(op: str, raw: str) -> Any:
    """A rule's value as typed: a JSON number or text; for "one_of" a comma-separated list."""

    def parse(text: str) -> Any:
        try:
            return json.loads(text)
        except ValueError:
            return text

    if op == "one_of":
        return [parse(part.strip()) for part in raw.split(",") if part.strip()]
    return parse(raw)


def _rule_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(part) for part in value)
    return "" if value is None else str(value)


class ConditionFields(forms.Form):
    """A condition as the builder edits it, as data: whether all or any rules must hold, and
    rows of rules (earlier question, operator, value). Empty rows are ignored; no rule at all
    means "always shown". The service checks what the rules refer to."""

    condition_match = forms.ChoiceField(
        label=_("the condition holds when"),
        choices=[("all", _("all rules hold")), ("any", _("at least one rule holds"))],
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        codes: list[str] | None = None,
        condition: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        rules = list((condition or {}).get("rules", []))
        rows = len(rules) + RULE_ROWS
        if self.is_bound:  # as many rows as were sent
            sent = [
                int(key.rsplit("_", 2)[-2])
                for key in self.data
                if key.startswith(self.add_prefix("rule_"))
                and key.endswith("_question")
                and key.rsplit("_", 2)[-2].isdigit()
            ]
            rows = max([rows, *[index + 1 for index in sent]])
        rows = min(rows, 20)
        question_choices = [("", "–"), *[(code, code) for code in codes or []]]
        self.rule_rows: list[int] = list(range(rows))
        for index in self.rule_rows:
            number = index + 1
            self.fields[f"rule_{index}_question"] = forms.ChoiceField(
                label=_("rule %(n)s: question") % {"n": number},
                choices=question_choices,
                required=False,
            )
            self.fields[f"rule_{index}_op"] = forms.ChoiceField(
                label=_("rule %(n)s: operator") % {"n": number},
                required=False,
                choices=[("", "–"), *[(op, op.replace("_", " ")) for op in OPERATORS]],
            )
            self.fields[f"rule_{index}_value"] = forms.CharField(
                label=_("rule %(n)s: value") % {"n": number},
                max_length=200,
                required=False,
                help_text=_("A code, a number or a date; several codes separated by commas."),
            )
        if condition and not self.is_bound:
            self.initial.update(self.condition_initial(condition))

    @staticmethod
    def condition_initial(condition: dict[str, Any]) -> dict[str, Any]:
        """The values of the condition fields that show `condition`."""
        initial: dict[str, Any] = {"condition_match": (condition or {}).get("match", "all")}
        for index, rule in enumerate((condition or {}).get("rules", [])):
            initial[f"rule_{index}_question"] = rule.get("question", "")
            initial[f"rule_{index}_op"] = rule.get("op", "")
            initial[f"rule_{index}_value"] = _rule_text(rule.get("value"))
        return initial

    def rule_fields(self) -> list[list[Any]]:
        """The bound fields of each rule row, for the template."""
        return [
            [self[f"rule_{index}_{part}"] for part in ("question", "op", "value")]
            for index in self.rule_rows
        ]

    def condition(self) -> dict[str, Any]:
        rules = []
        for index in self.rule_rows:
            code = (self.cleaned_data.get(f"rule_{index}_question") or "").strip()
            if not code:
                continue
            rule: dict[str, Any] = {
                "question": code,
                "op": self.cleaned_data.get(f"rule_{index}_op", ""),
            }
            raw = (self.cleaned_data.get(f"rule_{index}_value") or "").strip()
            if raw:
                rule["value"] = _rule_value(rule["op"], raw)
            rules.append(rule)
        if not rules:
            return {}
        return {"match": self.cleaned_data.get("condition_match") or "all", "rules": rules}


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
    is_outcome = forms.BooleanField(
        label=_("outcome measure"),
        required=False,
        help_text=_("Counts in the survey outcome indicators; 5-point Likert questions only."),
    )
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
        codes = [q.code for p in pages for q in p.questions.all()]
        super().__init__(*args, codes=codes, **kwargs)
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


class PageEditForm(ConditionFields):
    """A page's titles and condition."""

    prefix = "page"
    title_de = forms.CharField(label=_("title (German)"), max_length=200)
    title_en = forms.CharField(label=_("title (English)"), max_length=200, required=False)


class QuestionEditForm(VersionedForm, ConditionFields):
    """A question's texts, the settings of its kind (range, outcome flag) and condition; its
    type and variable name stay. Carries the question's edit version (core.versions)."""

    versioned_model = Question
    prefix = "question"
    text_de = forms.CharField(
        label=_("question (German)"), max_length=1000, widget=forms.Textarea(attrs=LONG)
    )
    text_en = forms.CharField(
        label=_("question (English)"), max_length=1000, widget=forms.Textarea(attrs=LONG)
    )
    help_de = forms.CharField(label=_("hint (German)"), max_length=300, required=False)
    help_en = forms.CharField(label=_("hint (English)"), max_length=300, required=False)
    required = forms.BooleanField(label=_("answer required"), required=False)
    is_outcome = forms.BooleanField(
        label=_("outcome measure"),
        required=False,
        help_text=_("Counts in the survey outcome indicators; 5-point Likert questions only."),
    )
    min_value = forms.DecimalField(
        label=_("smallest number"), required=False, max_digits=12, decimal_places=2
    )
    max_value = forms.DecimalField(
        label=_("largest number"), required=False, max_digits=12, decimal_places=2
    )

    def __init__(self, *args: Any, question: Question, codes: list[str], **kwargs: Any) -> None:
        super().__init__(
            *args, versioned=question, codes=codes, condition=question.condition, **kwargs
        )
        if question.kind != Question.Kind.NUMBER:
            del self.fields["min_value"], self.fields["max_value"]
        if question.kind != Question.Kind.LIKERT5:
            del self.fields["is_outcome"]
        if not self.is_bound:
            self.initial.update(
                {k: v for k, v in self.initial_from(question).items() if k in self.fields}
            )

    def initial_from(self, obj: Any) -> dict[str, Any]:
        values = {
            name: getattr(obj, name)
            for name in (
                "text_de",
                "text_en",
                "help_de",
                "help_en",
                "required",
                "is_outcome",
                "min_value",
                "max_value",
            )
        }
        values.update(self.condition_initial(obj.condition))
        for index in self.rule_rows:
            for part in ("question", "op", "value"):
                values.setdefault(f"rule_{index}_{part}", "")
        return values


class OptionForm(forms.Form):
    """An answer option's or matrix row's labels (its code stays)."""

    label_de = forms.CharField(label=_("label (German)"), max_length=200)
    label_en = forms.CharField(label=_("label (English)"), max_length=200)
