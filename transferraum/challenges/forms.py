from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.challenges.models import Challenge, TopicField, TransferFormat
from transferraum.challenges.workflow import LIFECYCLE
from transferraum.core.versions import VersionedForm
from transferraum.regions.forms import group_by_district

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ChallengeForm(VersionedForm, forms.ModelForm):
    """Shape only: required fields are checked on submission by the service, so that a draft
    can always be saved, however incomplete."""

    topics = forms.ModelMultipleChoiceField(
        label=_("Topic fields"),
        queryset=TopicField.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_offers = forms.MultipleChoiceField(
        label=_("What we offer"),
        choices=Challenge.PartnerOffer.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attachment = forms.FileField(
        label=_("Add a file"),
        required=False,
        help_text=_("PDF, image or office document, at most 10 MB."),
    )

    class Meta:
        model = Challenge
        fields = [
            "title",
            "problem",
            "context",
            "desired_result",
            "topics",
            "municipality",
            "contact_person",
            "earliest_start",
            "deadline",
            "partner_offers",
            "partner_offers_note",
            "confidentiality",
            "public_summary",
            "nda_required",
            "format_wish",
            "definition",
            "citizen_involvement",
            "technical_depth",
            "expected_team_size",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "context": forms.Textarea(attrs={"rows": 4}),
            "desired_result": forms.Textarea(attrs={"rows": 4}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
            "partner_offers_note": forms.Textarea(attrs={"rows": 3}),
            "earliest_start": DATE_WIDGET,
            "deadline": DATE_WIDGET,
            "confidentiality": forms.RadioSelect,
            "definition": forms.RadioSelect,
            "technical_depth": forms.RadioSelect,
        }
        help_texts = {
            "problem": _("Describe the situation as you see it. Markdown works: **bold**, lists."),
            "expected_team_size": _("Leave empty if you do not know."),
        }

    # What `challenge_submit` asks for (`services._check_content`): not marked "optional",
    # though a draft may be saved without it (the title is needed even for a draft).
    needed_later: ClassVar[dict[str, str | Promise]] = {
        "title": "",
        "problem": _("needed to submit"),
        "public_summary": _("needed to submit unless the challenge is public"),
    }

    def __init__(self, *args: Any, organisation_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False  # the service asks for it with a clear message
        self.fields["problem"].required = False
        group_by_district(self.fields["municipality"])
        people = User.objects.filter(is_active=True)
        if organisation_id is not None:
            people = people.filter(memberships__organisation_id=organisation_id)
        self.fields["contact_person"].queryset = people.order_by("name")  # type: ignore[attr-defined]
        self.fields["format_wish"].queryset = TransferFormat.objects.all()  # type: ignore[attr-defined]
        self.fields["format_wish"].required = False


class NoteForm(forms.Form):
    """A step that needs a note the submitter reads: what should change, or the reason for a
    rejection (the service says when it is missing; the labels are the review page's)."""

    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def service_data(self) -> dict[str, Any]:
        return {"note": self.cleaned_data.get("note") or ""}


# The form of each step that needs input (`Step.needs`); the other steps are a button.
STEP_FORMS: dict[str, type[NoteForm]] = {step.name: NoteForm for step in LIFECYCLE if step.needs}


class AssignForm(VersionedForm, forms.Form):
    """The coordinators' assignment: two coordinators at once must not overwrite each other."""

    versioned_model = Challenge

    formats = forms.ModelMultipleChoiceField(
        label=_("Transfer formats"),
        queryset=TransferFormat.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    coordinator = forms.ModelChoiceField(
        label=_("Responsible coordinator"),
        queryset=User.objects.with_role(User.Role.COORDINATOR)
        .filter(is_active=True)
        .order_by("name"),
        required=False,
    )

    @staticmethod
    def initial_from(obj: Any) -> dict[str, Any]:
        return {"formats": list(obj.formats.all()), "coordinator": obj.coordinator}


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
    internal = forms.BooleanField(
        label=_("Internal note: not visible to the submitter"), required=False
    )
