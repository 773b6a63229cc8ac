"""Forms of recommendations: they check the shape of what was typed; the services check the rules
and name the field a refusal belongs to (`DomainError.field` is a field name of these forms)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.projects.models import Document, Project, Round
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services import ACTION_DATA, CONTENT_FIELDS, PLACE_FIELDS
from transferraum.recommendations.workflow import step_label
from transferraum.regions.models import Municipality

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LINK_SEPARATOR = "|"


def _field(name: str, **kwargs: Any) -> forms.Field:
    """The form field of a model field: its label, help text, length and range come along."""
    field = cast(models.Field[Any, Any], Recommendation._meta.get_field(name)).formfield(**kwargs)
    assert field is not None  # noqa: S101 – every name here is an editable field
    return field


def _choices(field: forms.Field) -> forms.ModelChoiceField[Any]:
    return cast(forms.ModelChoiceField[Any], field)


def partner_people(
    recommendation: Recommendation | None, project: Project | None
) -> QuerySet[User]:
    """Whom the form offers as the responsible person: the project's partner contacts and the
    people of the organisations on the partner's side (the service checks the choice)."""
    organisations: list[int] = []
    if project is not None:
        organisations.append(project.challenge.organisation_id)
    if recommendation is not None and recommendation.addressee_organisation_id is not None:
        organisations.append(recommendation.addressee_organisation_id)
    people = Q(memberships__organisation_id__in=organisations)
    if project is not None:
        people |= Q(partner_projects=project)
    if project is None and not organisations:
        people = Q(memberships__isnull=False)
    return User.objects.filter(people, is_active=True).distinct().order_by("name", "email")


def links_to_text(links: list[dict[str, str]]) -> str:
    """Evidence links as the form shows them: one a line, "title | address"."""
    lines = []
    for link in links:
        title, url = link.get("title", ""), link.get("url", "")
        lines.append(url if not title or title == url else f"{title} {LINK_SEPARATOR} {url}")
    return "\n".join(lines)


class RecommendationForm(forms.Form):
    """The text of a recommendation, its evidence, its addressee and (without a project) where it
    belongs. A draft may be incomplete: what a hand-over needs is asked for at the approval."""

    title = _field(
        "title", error_messages={"required": _("Please give the recommendation a title.")}
    )
    summary = _field("summary", widget=forms.Textarea(attrs={"rows": 4}))
    rationale = _field("rationale", widget=forms.Textarea(attrs={"rows": 6}))
    expected_effect = _field("expected_effect", widget=forms.Textarea(attrs={"rows": 3}))
    cost_min = _field("cost_min")
    cost_max = _field("cost_max")
    effort = _field("effort")
    effort_days_min = _field("effort_days_min")
    effort_days_max = _field("effort_days_max")
    evidence = forms.ModelMultipleChoiceField(
        label=_("Evidence: documents of the project"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Deliverables and working documents of the team that support it."),
    )
    evidence_links = forms.CharField(
        label=_("Evidence: links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One link a line: a title, a vertical bar and the address, for example "
            "“Survey of shop owners | https://example.org/survey”, or only the address."
        ),
    )
    addressee_kind = _field("addressee_kind")
    addressee_name = _field("addressee_name")
    addressee_organisation = _field("addressee_organisation")
    responsible_person = _field("responsible_person")
    responsible_name = _field("responsible_name")
    first_answer_due = _field(
        "first_answer_due",
        widget=DATE_WIDGET,
        help_text=_("By when the partner should give a first answer."),
    )
    confidential = _field("confidential")
    round = _field("round")
    municipality = _field("municipality")

    def __init__(
        self,
        *args: Any,
        project: Project | None = None,
        recommendation: Recommendation | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        fields = self.fields
        if project is None:
            del fields["evidence"]
            _choices(fields["round"]).queryset = Round.objects.order_by("-pk")
            _choices(fields["municipality"]).queryset = (
                Municipality.objects.defer("boundary")
                .filter(organisations__isnull=False)
                .distinct()
                .order_by("name")
            )
        else:
            del fields["round"], fields["municipality"]
            _choices(fields["evidence"]).queryset = Document.objects.filter(
                project=project
            ).order_by("category", "title")
        _choices(fields["addressee_organisation"]).queryset = Organisation.objects.order_by("name")
        _choices(fields["responsible_person"]).queryset = partner_people(recommendation, project)

    @classmethod
    def initial_from(cls, recommendation: Recommendation) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(recommendation, name)
            for name in (*CONTENT_FIELDS, *PLACE_FIELDS)
            if name != "evidence_links"
        }
        initial["evidence_links"] = links_to_text(recommendation.evidence_links)
        initial["evidence"] = list(recommendation.evidence.values_list("pk", flat=True))
        return initial

    def clean_evidence_links(self) -> list[dict[str, str]]:
        links = []
        for line in self.cleaned_data["evidence_links"].splitlines():
            if not line.strip():
                continue
            title, separator, url = line.rpartition(LINK_SEPARATOR)
            if not separator:
                title, url = "", line
            links.append({"title": title.strip(), "url": url.strip()})
        return links

    def service_data(self) -> dict[str, Any]:
        """What `recommendation_create` / `recommendation_update` take as `data`."""
        data = {name: self.cleaned_data[name] for name in CONTENT_FIELDS}
        if self.project is None:
            # Left empty, the town follows the organisation addressed (the service's rule).
            data |= {
                name: self.cleaned_data[name]
                for name in PLACE_FIELDS
                if self.cleaned_data[name] is not None
            }
        return data

    def service_evidence(self) -> list[Document]:
        return list(self.cleaned_data.get("evidence") or [])


# --- the steps of the lifecycle -------------------------------------------------------------

# Fields whose empty value means "leave as it is" (the service would otherwise clear them).
_KEEP_WHEN_EMPTY = frozenset({"first_answer_due", "responsible_person"})
NOTE_REQUIRED = {
    "reject": (_("Reason for the rejection"), _("Please give the reason for the rejection.")),
    "adopt_with_changes": (_("What was changed"), _("Please describe what was changed.")),
}


class StepForm(forms.Form):
    """One step of the lifecycle (or a notice, such as asking for approval) with exactly the data
    the service takes for it (`services.ACTION_DATA`) and a note. The prefix is the action, so
    that several step forms on one page keep their fields apart."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown in the history of the recommendation."),
    )

    def __init__(
        self, *args: Any, action: str, recommendation: Recommendation, **kwargs: Any
    ) -> None:
        kwargs["prefix"] = action
        super().__init__(*args, **kwargs)
        self.action = action
        self.label = step_label(action)
        names = ACTION_DATA.get(action, ())
        today = timezone.localdate()
        if "first_answer_due" in names:
            self.fields["first_answer_due"] = forms.DateField(
                label=_("First answer due"),
                required=False,
                # The date must be today or later: the browser's date picker starts there.
                widget=forms.DateInput(
                    attrs={"type": "date", "min": today.isoformat()}, format="%Y-%m-%d"
                ),
                initial=recommendation.first_answer_due,
                help_text=_("Today or later; leave empty to keep the date."),
            )
        if "responsible_person" in names:
            self.fields["responsible_person"] = forms.ModelChoiceField(
                label=_("Responsible person at the partner"),
                required=False,
                queryset=partner_people(recommendation, recommendation.project),
                initial=recommendation.responsible_person_id,
            )
        if "agenda_body" in names:
            self.fields["agenda_body"] = forms.CharField(
                label=_("Body"),
                max_length=200,
                help_text=_("For example: Town council"),
                initial=recommendation.agenda_body,
                error_messages={
                    "required": _("Please name the body, for example the town council.")
                },
            )
            self.fields["agenda_date"] = forms.DateField(
                label=_("Date of the meeting"),
                widget=DATE_WIDGET,
                error_messages={"required": _("Please give the date of the meeting.")},
            )
            self.fields["agenda_item"] = forms.CharField(
                label=_("Agenda item"),
                max_length=100,
                required=False,
                help_text=_("For example: Ö 7.2"),
            )
            # Not a URLField: the service says what is wrong with an address, in one place.
            self.fields["council_url"] = forms.CharField(
                label=_("Link to the council information system"),
                max_length=500,
                required=False,
                help_text=_("For example the item in Allris or an OParl address (https://…)."),
            )
        if "decided_on" in names:
            self.fields["decided_on"] = forms.DateField(
                label=_("Decided on"),
                widget=DATE_WIDGET,
                initial=today,
                error_messages={"required": _("Please give the date.")},
            )
        if "evaluation" in names:
            self.fields["evaluation"] = forms.CharField(
                label=_("What changed"),
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": _("Please describe what changed.")},
            )
            self.fields["indicator"] = forms.CharField(
                label=_("Indicator"),
                max_length=200,
                required=False,
                help_text=_("For example: vacant shops in the town centre"),
            )
            self.fields["indicator_value"] = forms.CharField(
                label=_("Value of the indicator"),
                max_length=200,
                required=False,
                help_text=_("For example: 14 → 9"),
            )
        if action in NOTE_REQUIRED:
            label, message = NOTE_REQUIRED[action]
            note = self.fields["note"]
            note.label, note.required = label, True
            note.error_messages["required"] = message
            note.help_text = ""
            # The note comes last in the markup order of the fields above.
        self.order_fields([name for name in self.fields if name != "note"] + ["note"])

    def service_data(self) -> dict[str, Any]:
        """The keyword arguments of `recommendation_act` besides the note."""
        data = {}
        for name in ACTION_DATA.get(self.action, ()):
            value = self.cleaned_data.get(name)
            if name in _KEEP_WHEN_EMPTY and value in (None, ""):
                continue
            data[name] = value
        return data


# --- implementation -------------------------------------------------------------------------


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200, required=False)
    due = forms.DateField(label=_("Due"), required=False, widget=DATE_WIDGET)
    progress = forms.IntegerField(
        label=_("Progress in percent"), required=False, min_value=0, max_value=100
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "milestone")
        super().__init__(*args, **kwargs)


class MilestoneProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress in percent"), min_value=0, max_value=100)
    done = forms.BooleanField(label=_("Done"), required=False)


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress in percent"),
        required=False,
        help_text=_("Leave empty to follow the milestones again (their mean)."),
        min_value=0,
        max_value=100,
    )
