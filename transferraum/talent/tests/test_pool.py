"""The talent pool: opt-in profiles, exclusions and contacts. The exclusion table walks every
path an organisation reads the pool through (search, list, detail, contact, export, contacts
list) for every state of a profile."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.talent.models import TalentContact
from transferraum.talent.selectors.pool import PoolFilters, contacts_of_organisation, pool_search
from transferraum.talent.services import pool
from transferraum.talent.tests.factories import profile_make

pytestmark = pytest.mark.django_db


def test_only_students_keep_a_profile(owner_zeitz):
    with pytest.raises(PermissionDenied):
        profile_make(owner_zeitz)


def test_a_profile_needs_a_headline_and_what_they_look_for(student_geography):
    with pytest.raises(DomainError) as refused:
        profile_make(student_geography, headline="")
    assert refused.value.field == "headline"
    with pytest.raises(DomainError):
        profile_make(student_geography, looking_for=" ")


def test_contact_hides_the_address_until_the_person_answers(
    client, owner_zeitz, company_zeitz, student_geography
):
    profile = profile_make(student_geography)
    contact = pool.contact_send(
        actor=owner_zeitz, organisation=company_zeitz, profile=profile, message="Hallo!"
    )
    client.force_login(owner_zeitz)
    url = reverse("talent:contacts", args=[company_zeitz.slug])
    assert student_geography.email not in client.get(url).text
    translation.activate("en")  # the request left its own language active
    with pytest.raises(DomainError, match="already"):
        pool.contact_send(
            actor=owner_zeitz, organisation=company_zeitz, profile=profile, message="Nochmal"
        )
    with pytest.raises(PermissionDenied):
        pool.contact_answer(person=owner_zeitz, contact=contact, answer="?")
    pool.contact_answer(person=student_geography, contact=contact, answer="Gern!")
    assert student_geography.email in client.get(url).text
    translation.activate("en")
    with pytest.raises(DomainError, match="already"):
        pool.contact_answer(person=student_geography, contact=contact, answer="Nochmal")


def test_a_person_outside_the_organisation_cannot_contact(
    outsider, company_zeitz, student_geography
):
    profile = profile_make(student_geography)
    with pytest.raises(PermissionDenied):
        pool.contact_send(actor=outsider, organisation=company_zeitz, profile=profile, message="Hi")


# --- the exclusion table ----------------------------------------------------------------------


def _search(client, org, profile):
    return f'data-talent="{profile.pk}"' in client.get(reverse("talent:pool", args=[org.slug])).text


def _list_filtered(client, org, profile):
    url = reverse("talent:pool", args=[org.slug]) + "?verfuegbar=soon"
    return f'data-talent="{profile.pk}"' in client.get(url).text


def _detail(client, org, profile):
    return (
        client.get(reverse("talent:pool-profile", args=[org.slug, profile.pk])).status_code == 200
    )


def _contact(client, org, profile):
    before = TalentContact.objects.count()
    client.post(reverse("talent:pool-profile", args=[org.slug, profile.pk]), {"message": "Hallo"})
    return TalentContact.objects.count() > before


def _export(client, org, profile):
    return profile.headline in client.get(reverse("talent:pool-export", args=[org.slug])).text


def _contacts_list(client, org, profile):
    TalentContact.objects.create(organisation=org, profile=profile, message="Früher")
    return profile.headline in client.get(reverse("talent:contacts", args=[org.slug])).text


def _selector(client, org, profile):
    return pool_search(org, PoolFilters()).filter(pk=profile.pk).exists() or (
        contacts_of_organisation(org).filter(profile=profile).exists()
    )


PATHS = {
    "search": _search,
    "list-filtered": _list_filtered,
    "detail": _detail,
    "contact": _contact,
    "export": _export,
    "contacts-list": _contacts_list,
    "selectors": _selector,
}
STATES = {
    "visible": (True, False, True),
    "opted-out": (False, False, False),
    "excluded": (True, True, False),
    "opted-out-and-excluded": (False, True, False),
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("path", PATHS)
def test_exclusions_and_opt_out_hold_on_every_path(
    client, owner_zeitz, company_zeitz, student_geography, state, path
):
    visible, excluded, seen = STATES[state]
    profile = profile_make(student_geography, visible=True, headline="Geografin mit GIS")
    if path == "contacts-list" or path == "selectors":
        # The organisation wrote before the person opted out or excluded it.
        TalentContact.objects.create(organisation=company_zeitz, profile=profile, message="Vorher")
    if excluded:
        pool.talent_exclusion_add(person=student_geography, organisation=company_zeitz)
    if not visible:
        pool.talent_profile_opt_out(person=student_geography)
    client.force_login(owner_zeitz)
    assert PATHS[path](client, company_zeitz, profile) is seen


def test_an_exclusion_of_one_organisation_leaves_the_others(
    client, owner_zeitz, company_zeitz, officer_eilenburg, town_eilenburg, student_geography
):
    profile = profile_make(student_geography)
    pool.talent_exclusion_add(person=student_geography, organisation=company_zeitz)
    client.force_login(officer_eilenburg)
    assert _search(client, town_eilenburg, profile)
    client.force_login(owner_zeitz)
    assert not _search(client, company_zeitz, profile)


def test_a_deactivated_person_leaves_the_pool(client, owner_zeitz, company_zeitz):
    person = UserFactory(role=User.Role.STUDENT)
    profile = profile_make(person)
    User.objects.filter(pk=person.pk).update(is_active=False)
    client.force_login(owner_zeitz)
    assert not _search(client, company_zeitz, profile)
