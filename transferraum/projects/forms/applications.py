"""Forms of the applications area: shape only; the services check the rules."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Competence
from transferraum.projects.models import Application, Project, Round, StudentProfile
from transferraum.projects.selectors.applications import student_by_email
from transferraum.projects.services.applications import MOTIVATION_MAX_LENGTH

RANK_FIELD = re.compile(r"^rank_(\d{1,9})$")  # longer ids overflow the database's integer
MOTIVATION_FIELD = re.compile(r"^motivation_(\d{1,9})$")


class CompetenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class StudentProfileForm(forms.Form):
    study_programme = forms.ModelChoiceField(
        label=_("Study programme"),
        queryset=StudyProgramme.objects.order_by("name", "degree"),
        error_messages={"required": _("Please choose your study programme.")},
    )
    semester = forms.IntegerField(
        label=_("Semester"),
        min_value=1,
        max_value=30,
        required=False,
        help_text=_("The semester you are in during the round."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    competences = CompetenceChoiceField(
        label=_("My competences"),
        queryset=Competence.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.CharField(
        label=_("Languages"),
        max_length=200,
        required=False,
        help_text=_("For example: Deutsch, Englisch"),
    )
    mobility = forms.MultipleChoiceField(
        label=_("How I can travel to the towns"),
        choices=StudentProfile.Mobility.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Eilenburg and Zeitz are reachable from Leipzig by regional train."),
    )
    availability = forms.CharField(
        label=_("When I am available"),
        max_length=300,
        required=False,
        help_text=_("For example: Tuesdays and Thursdays, not in March"),
    )


@dataclass
class RankingItem:
    """One project on the apply page with its fields and the rank as typed (or stored)."""

    project: Project
    rank_field: forms.BoundField
    motivation_field: forms.BoundField
    rank: int | None
    position: int


def posted_project_ids(data: QueryDict) -> list[int]:
    """Projects given a rank in posted data (whatever their round: the service judges)."""
    ids = []
    for key in data:
        match = RANK_FIELD.match(key)
        if match and data.get(key, "").strip():
            ids.append(int(match.group(1)))
    return ids


def posted_motivations(data: QueryDict) -> dict[int, str]:
    """Motivations typed in posted data, by project id (also for projects without a rank: a
    student who pages through the projects loses nothing they wrote)."""
    typed = {}
    for key in data:
        match = MOTIVATION_FIELD.match(key)
        text = data.get(key, "")
        if match and text.strip():
            # Whole: a longer text is refused with its limit on submission, never cut.
            typed[int(match.group(1))] = text
    return typed


def _as_rank(value: Any) -> int | None:
    try:
        rank = int(value)
    except (TypeError, ValueError):
        return None
    return rank if rank >= 1 else None


class ApplicationForm(forms.Form):
    """A rank select and a motivation per project, and up to two fellow students by e-mail.

    The page's script only sets the rank selects, so the same fields arrive with and without
    JavaScript. `choices` (project id, motivation; first choice first) and `work_with` (user
    ids) are ready for `application_submit` after validation.
    """

    # A refusal about `work_with` (DomainError.attach_to) shows at the first e-mail field.
    service_fields = {"work_with": "work_with_1"}
    work_with_1 = forms.EmailField(label=_("E-mail address of a fellow student"), required=False)
    work_with_2 = forms.EmailField(
        label=_("E-mail address of a second fellow student"), required=False
    )

    def __init__(
        self,
        *args: Any,
        round: Round,
        projects: list[Project],
        unknown_ids: Collection[int] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.round = round
        self.projects = projects
        self.unknown_ids = unknown_ids
        self.choices: list[tuple[int, str]] = []
        self.work_with: list[int] = []
        # A stored rank beyond today's maximum (the coordinators lowered it) stays selectable, so
        # that it is shown as stored and the service can explain the rule.
        stored = [_as_rank(v) for k, v in self.initial.items() if k.startswith("rank_")]
        self.max_rank = max([round.max_choices, *(r for r in stored if r is not None)])
        ranks = [("", _("Not ranked"))] + [(str(r), str(r)) for r in range(1, self.max_rank + 1)]
        for project in projects:
            self.fields[f"rank_{project.pk}"] = forms.ChoiceField(
                label=_("Rank of “%(title)s”") % {"title": project.title},
                choices=ranks,
                required=False,
            )
            self.fields[f"motivation_{project.pk}"] = forms.CharField(
                label=_("Why “%(title)s”?") % {"title": project.title},
                required=False,
                max_length=MOTIVATION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=self.motivation_hint,
            )

    @property
    def motivation_hint(self) -> str:
        count = self.round.motivation_ranks
        if count == 0:
            return str(_("Optional."))
        return ngettext(
            "Needed for your first choice, optional for the others.",
            "Needed for your first %(count)d choices, optional for the others.",
            count,
        ) % {"count": count}

    def _student(self, field: str) -> int | None:
        email = self.cleaned_data.get(field)
        if not email:
            return None
        student = student_by_email(email)
        if student is None:
            self.add_error(
                field,
                _("We found no student with the address %(email)s. Please check it.")
                % {"email": email},
            )
            return None
        return student.pk

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.unknown_ids:
            self.add_error(
                None, _("One of the projects you ranked does not exist. Please check your ranking.")
            )
        ranked: dict[int, list[Project]] = {}
        for project in self.projects:
            rank = _as_rank(data.get(f"rank_{project.pk}"))
            if rank is not None:
                ranked.setdefault(rank, []).append(project)
        for rank, projects in sorted(ranked.items()):
            if len(projects) > 1:
                self.add_error(
                    None,
                    _(
                        "Rank %(rank)d is given to %(titles)s. "
                        "Please give each project its own rank."
                    )
                    % {"rank": rank, "titles": ", ".join(f"“{p.title}”" for p in projects)},
                )
        self.choices = [
            (project.pk, data.get(f"motivation_{project.pk}", ""))
            for _rank, projects in sorted(ranked.items())
            for project in projects
        ]
        for field in ("work_with_1", "work_with_2"):
            student_id = self._student(field)
            if student_id is not None:
                self.work_with.append(student_id)
        return data

    def items(self) -> tuple[list[RankingItem], list[RankingItem]]:
        """(ranked, not ranked): the ranked in the order typed (or stored), the others by title."""
        items = []
        for position, project in enumerate(self.projects):
            rank_field = self[f"rank_{project.pk}"]
            items.append(
                RankingItem(
                    project=project,
                    rank_field=rank_field,
                    motivation_field=self[f"motivation_{project.pk}"],
                    rank=_as_rank(rank_field.value()),
                    position=position,
                )
            )
        ranked = sorted(
            (item for item in items if item.rank is not None),
            key=lambda item: (item.rank, item.position),
        )
        return ranked, [item for item in items if item.rank is None]

    @classmethod
    def initial_from_data(cls, data: QueryDict) -> dict[str, Any]:
        """The ranking as typed so far, for showing it again on another page of projects
        without judging it yet (the service judges what is submitted)."""
        initial: dict[str, Any] = {
            f"rank_{pk}": data.get(f"rank_{pk}", "") for pk in posted_project_ids(data)
        }
        for pk, text in posted_motivations(data).items():
            initial[f"motivation_{pk}"] = text
        for field in ("work_with_1", "work_with_2"):
            initial[field] = data.get(field, "")
        return initial

    @classmethod
    def initial_from(cls, application: Application | None) -> dict[str, Any]:
        """What the student submitted before, for changing it."""
        if application is None:
            return {}
        initial: dict[str, Any] = {}
        for choice in application.choices.all():
            initial[f"rank_{choice.project_id}"] = str(choice.rank)
            initial[f"motivation_{choice.project_id}"] = choice.motivation
        partners: list[User] = sorted(application.work_with.all(), key=lambda p: p.pk)
        for field, person in zip(("work_with_1", "work_with_2"), partners, strict=False):
            initial[field] = person.email
        return initial
