"""Pseudonyms: stable within a study, different across studies, never identifying."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transferraum.research.pseudonyms import ALPHABET, LENGTH, pseudonym_for

names = st.text(alphabet=st.characters(categories=["L", "Zs", "Pd"]), min_size=4, max_size=40)
emails = st.emails()


@given(person_id=st.integers(min_value=1, max_value=10**9), name=names, email=emails)
def test_a_pseudonym_never_contains_the_persons_id_name_or_email(person_id, name, email):
    value = pseudonym_for("study-a", person_id)
    assert len(value) == LENGTH and set(value) <= set(ALPHABET)
    assert str(person_id) not in value
    for text in (name.strip(), email, email.split("@")[0]):
        if len(text) >= 4:
            assert text.lower() not in value.lower()


@given(person_id=st.integers(min_value=1, max_value=10**9))
def test_a_pseudonym_is_stable_within_a_study_and_different_across_studies(person_id):
    assert pseudonym_for("study-a", person_id) == pseudonym_for("study-a", person_id)
    assert pseudonym_for("study-a", person_id) != pseudonym_for("study-b", person_id)
    assert pseudonym_for("study-a", person_id) != pseudonym_for("study-a", person_id + 1)


def test_a_key_from_the_settings_takes_precedence(settings):
    before = pseudonym_for("study-a", 7)
    settings.RESEARCH_PSEUDONYM_KEYS = {"study-a": "a-trustees-own-secret"}
    assert pseudonym_for("study-a", 7) != before
    settings.RESEARCH_PSEUDONYM_KEYS = {}
    settings.RESEARCH_PSEUDONYM_SECRET = "another-secret"
    assert pseudonym_for("study-a", 7) != before
