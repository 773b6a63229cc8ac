"""Forms of rounds and projects: shape only. Plain forms, not ModelForms, so that the rules
(dates in order, team sizes, who may supervise) are checked once, by the services, with their
messages; the fields take their labels and limits from the models."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Competence
from transferraum.challenges.models import Challenge, TransferFormat
from transferraum.core.versions import VersionedForm
from transferraum.projects.models import Project, Round, SupervisorCapacity

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


def _field(model: Any, name: str, **kwargs: Any) -> Any:
    """The model field's form field (label, help text, limits), adjusted by `kwargs`."""
    return model._meta.get_field(name).formfield(**kwargs)


class RoundForm(VersionedForm, forms.Form):
    versioned_model = Round

    name = _field(Round, "name")
    description = _field(Round, "description", widget=forms.Textarea(attrs={"rows": 3}))
    applications_open_at = _field(
        Round, "applications_open_at", widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS
    )
    applications_close_at = _field(
        Round, "applications_close_at", widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS
    )
    work_starts_on = _field(Round, "work_starts_on", widget=DATE_WIDGET)
    presentation_on = _field(Round, "presentation_on", widget=DATE_WIDGET)
    ends_on = _field(Round, "ends_on", widget=DATE_WIDGET)
    min_choices = _field(Round, "min_choices")
    max_choices = _field(Round, "max_choices")
    motivation_ranks = _field(Round, "motivation_ranks")
    objective = _field(Round, "objective", widget=forms.RadioSelect)
    max_programme_share = _field(Round, "max_programme_share")
    work_with_weight = _field(Round, "work_with_weight")

    CAPACITY_PREFIX = "capacity_"

    def __init__(
        self,
        *args: Any,
        supervisors: list[tuple[User, int | None]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.supervisors = {person.pk: person for person, _capacity in supervisors or []}
        for person, capacity in supervisors or []:
            self.fields[f"{self.CAPACITY_PREFIX}{person.pk}"] = forms.IntegerField(
                label=str(person),
                min_value=0,
                max_value=500,
                required=False,
                initial=capacity,
                help_text=_("Students at most over all projects; empty: no limit."),
            )

    @property
    def capacity_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(self.CAPACITY_PREFIX)]

    def round_data(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if not name.startswith(self.CAPACITY_PREFIX)
        }

    def initial_from(self, obj: Any) -> dict[str, Any]:
        """The round's fields and the capacities of the supervisors the form shows."""
        capacities = dict(
            SupervisorCapacity.objects.filter(
                round=obj, supervisor_id__in=list(self.supervisors)
            ).values_list("supervisor_id", "capacity")
        )
        return round_initial(obj) | {
            f"{self.CAPACITY_PREFIX}{pk}": capacities.get(pk) for pk in self.supervisors
        }

    def capacities(self) -> list[tuple[User, int | None]]:
        return [
            (person, self.cleaned_data.get(f"{self.CAPACITY_PREFIX}{pk}"))
            for pk, person in self.supervisors.items()
        ]


class ReopenForm(forms.Form):
    applications_close_at = forms.DateTimeField(
        label=_("New application deadline"), widget=DATETIME_WIDGET, input_formats=DATETIME_FORMATS
    )


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class ProjectForm(VersionedForm, forms.Form):
    versioned_model = Project

    format = forms.ModelChoiceField(
        label=capfirst(_("format")), queryset=TransferFormat.objects.none(), empty_label=None
    )
    title = _field(Project, "title")
    description = _field(Project, "description", widget=forms.Textarea(attrs={"rows": 6}))
    supervisors = PeopleChoiceField(
        label=capfirst(_("supervisors")),
        queryset=User.objects.with_role(User.Role.SUPERVISOR)
        .filter(is_active=True)
        .order_by("name", "email"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_contacts = PeopleChoiceField(
        label=capfirst(_("partner contacts")),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    min_team_size = _field(Project, "min_team_size")
    max_team_size = _field(Project, "max_team_size")
    required_competences = forms.ModelMultipleChoiceField(
        label=capfirst(_("skills required")),
        queryset=Competence.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least one team member must have each of them."),
    )
    desired_competences = forms.ModelMultipleChoiceField(
        label=capfirst(_("skills desired")),
        queryset=Competence.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wanted_programmes = forms.ModelMultipleChoiceField(
        label=capfirst(_("study programmes wanted")),
        queryset=StudyProgramme.objects.order_by("name", "degree"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    module = _field(Project, "module")
    ects = _field(Project, "ects")
    work_language = _field(Project, "work_language", widget=forms.RadioSelect)
    site_visit_place = _field(Project, "site_visit_place")
    site_visit_frequency = _field(Project, "site_visit_frequency")

    def __init__(self, *args: Any, challenge: Challenge, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].queryset = TransferFormat.objects.filter(  # type: ignore[attr-defined]
            challenges=challenge, is_project_format=True
        ).order_by("position", "name_de")
        self.fields["partner_contacts"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(memberships__organisation_id=challenge.organisation_id)
            .distinct()
            .order_by("name", "email")
        )
        self.fields["partner_contacts"].help_text = _(
            "Members of %(organisation)s who accompany the team."
        ) % {"organisation": challenge.organisation.name}

    def initial_from(self, obj: Any) -> dict[str, Any]:
        return project_initial(obj)


PROJECT_INITIAL_FIELDS = tuple(ProjectForm.base_fields)


def project_initial(project: Project) -> dict[str, Any]:
    """The form's initial values from a saved project."""
    initial: dict[str, Any] = {}
    for name in PROJECT_INITIAL_FIELDS:
        value = getattr(project, name)
        initial[name] = list(value.all()) if hasattr(value, "all") else value
    return initial


def round_initial(round: Round) -> dict[str, Any]:
    """The form's initial values from a saved round."""
    return {
        name: getattr(round, name)
        for name in RoundForm.base_fields
        if name not in ("version", "version_base")
    }
