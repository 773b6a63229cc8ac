"""The pieces of core.versions: values compared as sent, the signed snapshot, the claim."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.http import QueryDict
from django.utils import timezone

from transferraum.challenges.forms import ChallengeForm
from transferraum.challenges.models import Challenge
from transferraum.challenges.services import challenge_save
from transferraum.challenges.tests.test_views import FORM
from transferraum.core.versions import BASE_FIELD, EditConflict, as_data, version_claim


@pytest.mark.parametrize(
    ("form_field", "value", "expected"),
    [
        (forms.CharField(), "Zeile eins\r\nZeile zwei  ", "Zeile eins\nZeile zwei"),
        (forms.CharField(), None, ""),
        (forms.BooleanField(), True, "on"),
        (forms.BooleanField(), False, ""),
        (forms.DecimalField(), Decimal("51.4600"), "51.46"),
        (forms.DateField(), dt.date(2027, 4, 1), "2027-04-01"),
        (forms.MultipleChoiceField(choices=[("b", "B"), ("a", "A")]), ["b", "a"], ["a", "b"]),
        (forms.IntegerField(), 7, "7"),
    ],
)
def test_values_compare_as_a_browser_sends_them(form_field, value, expected):
    assert as_data(form_field, value) == expected


def test_aware_datetimes_compare_in_local_time():
    moment = dt.datetime(2027, 4, 1, 8, 30, tzinfo=dt.UTC)

    assert as_data(forms.DateTimeField(), moment) == timezone.localtime(moment).strftime(
        "%Y-%m-%dT%H:%M"
    )


@pytest.fixture
def draft(officer_eilenburg, town_eilenburg):
    return challenge_save(
        actor=officer_eilenburg, organisation=town_eilenburg, data={"title": "Leerstand"}
    )


@pytest.mark.django_db
def test_claim_without_a_loaded_version_always_wins_and_counts(draft):
    version_claim(draft, None)

    assert draft.version == 2
    assert Challenge.objects.get(pk=draft.pk).version == 2


@pytest.mark.django_db
def test_claim_of_an_old_version_is_refused_with_the_current_object(draft):
    version_claim(Challenge.objects.get(pk=draft.pk), 1)

    with pytest.raises(EditConflict) as raised:
        version_claim(draft, 1)

    assert raised.value.current.version == 2


@pytest.mark.django_db
def test_a_new_object_keeps_its_first_version(town_eilenburg):
    fresh = Challenge(organisation=town_eilenburg, title="Neu")

    version_claim(fresh, None)

    assert fresh.version == 1


@pytest.mark.django_db
def test_a_tampered_snapshot_is_ignored_and_every_difference_shown(draft):
    """Without a snapshot (or with a forged one) the form cannot tell who changed what, so it
    shows every field whose value differs from the saved one."""
    data = QueryDict(mutable=True)
    for key, value in {**FORM, "title": "Mein Titel", "version": "1", BASE_FIELD: "x:y"}.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    form = ChallengeForm(data, instance=draft, organisation_id=draft.organisation_id)
    assert form.is_valid(), form.errors
    saved = Challenge.objects.get(pk=draft.pk)
    saved.version, saved.title = 2, "Ihr Titel"

    form.conflict_show(saved)

    assert form.edit_conflict is not None
    assert form.edit_conflict.for_field("title") is not None
    assert form.edit_conflict.for_field("title").theirs == "Ihr Titel"
    assert form["title"].value() == "Mein Titel"
    assert form["version"].value() == "2"


@pytest.mark.django_db
def test_a_form_without_its_version_counts_as_loaded_from_no_version(draft):
    form = ChallengeForm(
        {**FORM, "title": "Neu"}, instance=draft, organisation_id=draft.organisation_id
    )

    assert form.is_valid(), form.errors
    assert form.loaded_version == 0
    assert "version" not in form.cleaned_data  # services get only their own fields


@pytest.mark.django_db
def test_a_form_that_creates_has_no_version(town_eilenburg):
    form = ChallengeForm({**FORM, "title": "Neu"}, organisation_id=town_eilenburg.pk)

    assert form.is_valid(), form.errors
    assert form.loaded_version is None
