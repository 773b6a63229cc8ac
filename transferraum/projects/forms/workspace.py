"""Forms of the team workspace: they check the shape of what was typed; the services check the
rules (dates within the round, who comes, file types)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.core.versions import VersionedForm
from transferraum.projects.models import Document, Feedback, Meeting, Milestone, Project

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MilestoneForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "status", "description"]
        widgets = {"due_on": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 3})}


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Milestone.Status.choices)


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name or obj.email)


class MeetingForm(VersionedForm, forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=DATETIME_WIDGET,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("German time (Europe/Berlin)."),
    )
    attendees = PersonChoiceField(
        label=_("Who comes"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Meeting
        fields = ["kind", "starts_at", "place", "attendees", "minutes"]
        widgets = {"kind": forms.RadioSelect, "minutes": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"minutes": _("After the meeting: what was discussed and agreed. Markdown.")}

    def __init__(self, *args: Any, people: Sequence[User] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choices in the order of the page (team, supervisors, partners), from the ids only.
        order = [person.pk for person in people]
        field = cast(PersonChoiceField, self.fields["attendees"])
        field.queryset = User.objects.filter(pk__in=order)
        field.choices = [(person.pk, field.label_from_instance(person)) for person in people]


class DocumentUploadForm(forms.Form):
    """A new document, or (without title and kind) a new version of one."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, image or office document, at most 20 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,"
                ".doc,.xls,.ppt"
            }
        ),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Empty: the file name."),
    )
    category = forms.ChoiceField(label=_("Kind"), choices=Document.Category.choices)

    def __init__(
        self, *args: Any, new_version: bool = False, deliver: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if new_version:
            del self.fields["title"]
            del self.fields["category"]
        elif not deliver:
            cast(forms.ChoiceField, self.fields["category"]).choices = [
                choice for choice in Document.Category.choices if choice[0] == "working"
            ]


class PostForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown works: **bold**, lists, links."),
    )


class FeedbackForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["usefulness", "collaboration", "what_next", "comment"]
        widgets = {
            "usefulness": forms.RadioSelect,
            "collaboration": forms.RadioSelect,
            "what_next": forms.Textarea(attrs={"rows": 4}),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "usefulness": _("1: not useful, 5: very useful."),
            "collaboration": _("1: poorly, 5: very well."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("usefulness", "collaboration"):
            field = cast(forms.TypedChoiceField, self.fields[name])
            field.choices = Feedback.SCALE  # no empty "---------" choice among the radios
            field.coerce = int


class DeliverablesForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Project
        fields = ["public_summary", "results"]
        widgets = {
            "public_summary": forms.Textarea(attrs={"rows": 5}),
            "results": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "public_summary": _(
                "Shown to everyone in the showcase after the round: what the team did and found, "
                "in a few sentences without confidential details."
            ),
            "results": _("What the team delivers. Markdown works: **bold**, lists, links."),
        }
