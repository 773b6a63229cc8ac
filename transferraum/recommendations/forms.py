"""Forms of recommendations: they check the shape of what was typed; the services check the rules
and name the field a refusal belongs to (`DomainError.field` is a field name of these forms)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.versions import VersionedForm
from transferraum.projects.models import Document, Project, Round
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services import CONTENT_FIELDS, PLACE_FIELDS
from transferraum.recommendations.workflow import LIFECYCLE
from transferraum.regions.forms import group_by_district
from transferraum.regions.models import Municipality

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

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


class RecommendationForm(VersionedForm, forms.Form):
    """The text of a recommendation, its evidence, its addressee and (without a project) where it
    belongs. A draft may be incomplete: what a hand-over needs is asked for at the approval."""

    versioned_model = Recommendation

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
        # What the approval and the hand-over need (`services.common.missing_fields`; without a
        # project, whose partner is the addressee, also the organisation): not marked
        # "optional", though a draft may be saved without it (see `{% kern_field %}`).
        needed = ["summary", "rationale", "addressee_kind"]
        if project is None:
            needed.append("addressee_organisation")
        self.needed_later: dict[str, StrOrPromise] = dict.fromkeys(needed, _("needed for approval"))
        fields = self.fields
        if project is None:
            del fields["evidence"]
            _choices(fields["round"]).queryset = Round.objects.order_by("-pk")
            _choices(fields["municipality"]).queryset = Municipality.objects.filter(
                organisations__isnull=False
            ).distinct()
            group_by_district(fields["municipality"])
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


class NoteForm(forms.Form):
    """A step that needs nothing but an optional note (approve, start the review, ask for
    approval …), and the base of the forms of the steps that need more. The prefix is the step's
    name, so that several step forms on one page keep their fields apart; the note comes last."""

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
        self.label = LIFECYCLE.label(action)
        self.order_fields([name for name in self.fields if name != "note"] + ["note"])

    def service_note(self) -> str:
        return str(self.cleaned_data.get("note") or "")

    def service_data(self) -> dict[str, Any]:
        """The keyword arguments of the step's service besides the actor, the recommendation
        and the note (what is valid of them: a refused step out of order reads none)."""
        return {}


def _first_answer_due(recommendation: Recommendation) -> forms.DateField:
    return forms.DateField(
        label=_("First answer due"),
        required=False,
        # The date must be today or later: the browser's date picker starts there.
        widget=forms.DateInput(
            attrs={"type": "date", "min": timezone.localdate().isoformat()}, format="%Y-%m-%d"
        ),
        initial=recommendation.first_answer_due,
        help_text=_("Today or later; leave empty to keep the date."),
    )


class HandOverForm(NoteForm):
    """Hand over: a new date for the first answer, or empty to keep the one set."""

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, recommendation=recommendation, **kwargs)
        self.fields["first_answer_due"] = _first_answer_due(recommendation)
        self.order_fields(["first_answer_due", "note"])

    def service_data(self) -> dict[str, Any]:
        return {"first_answer_due": self.cleaned_data.get("first_answer_due")}


class ConfirmReceiptForm(NoteForm):
    """Confirm receipt: who is responsible at the partner and by when it answers (empty keeps
    what was set)."""

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, recommendation=recommendation, **kwargs)
        self.fields["first_answer_due"] = _first_answer_due(recommendation)
        self.fields["responsible_person"] = forms.ModelChoiceField(
            label=_("Responsible person at the partner"),
            required=False,
            queryset=partner_people(recommendation, recommendation.project),
            initial=recommendation.responsible_person_id,
        )
        self.order_fields(["first_answer_due", "responsible_person", "note"])

    def service_data(self) -> dict[str, Any]:
        return {
            "responsible_person": self.cleaned_data.get("responsible_person"),
            "first_answer_due": self.cleaned_data.get("first_answer_due"),
        }


class PutOnAgendaForm(NoteForm):
    """Put on an agenda: which body meets when, the item and the council's page."""

    agenda_body = forms.CharField(
        label=_("Body"),
        max_length=200,
        help_text=_("For example: Town council"),
        error_messages={"required": _("Please name the body, for example the town council.")},
    )
    agenda_date = forms.DateField(
        label=_("Date of the meeting"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Please give the date of the meeting.")},
    )
    agenda_item = forms.CharField(
        label=_("Agenda item"),
        max_length=100,
        required=False,
        help_text=_("For example: Ö 7.2"),
    )
    # Not a URLField: the service says what is wrong with an address, in one place.
    council_url = forms.CharField(
        label=_("Link to the council information system"),
        max_length=500,
        required=False,
        help_text=_("For example the item in Allris or an OParl address (https://…)."),
    )

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, recommendation=recommendation, **kwargs)
        self.fields["agenda_body"].initial = recommendation.agenda_body

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "agenda_body": data.get("agenda_body") or "",
            "agenda_date": data.get("agenda_date"),
            "agenda_item": data.get("agenda_item") or "",
            "council_url": data.get("council_url") or "",
        }


class DecisionForm(NoteForm):
    """Record a decision (adopted, adopted with changes, rejected): the day it was taken."""

    decided_on = forms.DateField(
        label=_("Decided on"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Please give the date.")},
    )

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, recommendation=recommendation, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()

    def service_data(self) -> dict[str, Any]:
        return {"decided_on": self.cleaned_data.get("decided_on")}


def _require_note(form: NoteForm, label: StrOrPromise, message: StrOrPromise) -> None:
    note = form.fields["note"]
    note.label, note.required, note.help_text = label, True, ""
    note.error_messages["required"] = message


class AdoptWithChangesForm(DecisionForm):
    """Adopted with changes: the note says what was changed."""

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, recommendation=recommendation, **kwargs)
        _require_note(self, _("What was changed"), _("Please describe what was changed."))


class RejectForm(DecisionForm):
    """Rejected: the note gives the reason."""

    def __init__(self, *args: Any, recommendation: Recommendation, **kwargs: Any) -> None:
        super().__init__(*args, recommendation=recommendation, **kwargs)
        _require_note(
            self, _("Reason for the rejection"), _("Please give the reason for the rejection.")
        )


class EvaluateForm(NoteForm):
    """Record the evaluation: what changed, measured by an indicator if there is one."""

    evaluation = forms.CharField(
        label=_("What changed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please describe what changed.")},
    )
    indicator = forms.CharField(
        label=_("Indicator"),
        max_length=200,
        required=False,
        help_text=_("For example: vacant shops in the town centre"),
    )
    indicator_value = forms.CharField(
        label=_("Value of the indicator"),
        max_length=200,
        required=False,
        help_text=_("For example: 14 → 9"),
    )

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "evaluation": data.get("evaluation") or "",
            "indicator": data.get("indicator") or "",
            "indicator_value": data.get("indicator_value") or "",
        }


# The form of each step; the steps not named need only the note.
STEP_FORMS: dict[str, type[NoteForm]] = {
    "hand_over": HandOverForm,
    "confirm_receipt": ConfirmReceiptForm,
    "put_on_agenda": PutOnAgendaForm,
    "adopt": DecisionForm,
    "adopt_with_changes": AdoptWithChangesForm,
    "reject": RejectForm,
    "evaluate": EvaluateForm,
}


def step_form(action: str, *args: Any, recommendation: Recommendation) -> NoteForm:
    """The form of the step `action` for `recommendation`, bound when `args` hold the data."""
    form_class = STEP_FORMS.get(action, NoteForm)
    return form_class(*args, action=action, recommendation=recommendation)


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
