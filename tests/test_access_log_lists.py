"""The lists meant for staff record in the access log whom they showed to a coordinator,
and the person sees it on their profile page (core.access_log)."""

import pytest
from django.urls import reverse

from transferraum.accounts.selectors import ROLE_REQUEST_QUEUE
from transferraum.accounts.tests.factories import RoleRequestFactory
from transferraum.actors.models import PersonProfile
from transferraum.core.access_log import access_record
from transferraum.core.models import AccessEntry
from transferraum.network.directory import DIRECTORY_PEOPLE


@pytest.mark.django_db
def test_the_role_request_queue_records_the_requesters_on_the_page(client, coordinator):
    requests = RoleRequestFactory.create_batch(3)
    client.force_login(coordinator)

    assert client.get(reverse("accounts:role_requests")).status_code == 200

    assert set(AccessEntry.objects.values_list("person_id", "viewer_id", "place")) == {
        (request.user_id, coordinator.pk, ROLE_REQUEST_QUEUE.key) for request in requests
    }


@pytest.mark.django_db
def test_opening_one_request_records_its_requester(client, coordinator):
    role_request = RoleRequestFactory()
    client.force_login(coordinator)

    client.get(reverse("accounts:role_request_decide", args=[role_request.pk]))

    entry = AccessEntry.objects.get()
    assert (entry.person_id, entry.viewer_id) == (role_request.user_id, coordinator.pk)


@pytest.mark.django_db
def test_the_directory_records_the_people_a_coordinator_saw(
    client, coordinator, student_geography, researcher
):
    for person in (student_geography, researcher):
        PersonProfile.objects.create(user=person, visibility=PersonProfile.Visibility.COORDINATORS)
    url = reverse("network:directory") + "?typ=personen"

    client.force_login(researcher)  # sees only herself: nothing to record
    client.get(url)
    client.get(reverse("network:directory"))  # the organisations tab shows nobody
    client.force_login(coordinator)
    client.get(reverse("network:directory"))
    assert not AccessEntry.objects.exists()
    response = client.get(url)

    assert "Lena Schubert" in response.content.decode()
    assert set(AccessEntry.objects.values_list("person_id", "place")) == {
        (student_geography.pk, DIRECTORY_PEOPLE.key),
        (researcher.pk, DIRECTORY_PEOPLE.key),
    }


@pytest.mark.django_db
def test_the_person_sees_the_entries_on_their_profile_page(client, coordinator, student_geography):
    client.force_login(student_geography)
    assert (
        "Bisher hat niemand aus dem Programmteam"
        in client.get(reverse("accounts:profile")).content.decode()
    )
    access_record(viewer=coordinator, place=DIRECTORY_PEOPLE, people=[student_geography.pk])

    content = client.get(reverse("accounts:profile")).content.decode()

    assert "Katrin Vogel – Personen im Verzeichnis" in content
