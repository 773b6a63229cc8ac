"""Two people edit the same organisation: the second sees the first's change (core.versions)."""

import re

import pytest
from django.urls import reverse

from transferraum.actors.models import Organisation
from transferraum.actors.services import organisation_update
from transferraum.actors.tests.test_profiles import _edit_data
from transferraum.core.versions import EditConflict

HIDDEN = r'type="hidden" name="(version(?:_base)?)" value="([^"]*)"'


@pytest.mark.django_db
def test_second_profile_save_of_the_same_version_is_a_conflict(
    officer_eilenburg, coordinator, town_eilenburg
):
    loaded = town_eilenburg.version
    organisation_update(
        actor=coordinator,
        organisation=Organisation.objects.get(pk=town_eilenburg.pk),
        data={"description": "Von der Koordination."},
        version=loaded,
    )

    with pytest.raises(EditConflict):
        organisation_update(
            actor=officer_eilenburg,
            organisation=Organisation.objects.get(pk=town_eilenburg.pk),
            data={"description": "Von der Stadt."},
            version=loaded,
        )

    saved = Organisation.objects.get(pk=town_eilenburg.pk)
    assert (saved.description, saved.version) == ("Von der Koordination.", loaded + 1)


@pytest.mark.django_db
def test_organisation_conflict_page_shows_both_values(
    client, officer_eilenburg, coordinator, town_eilenburg
):
    client.force_login(officer_eilenburg)
    url = reverse("actors:edit", args=[town_eilenburg.slug])
    hidden = dict(re.findall(HIDDEN, client.get(url).content.decode()))
    mine = {**_edit_data(town_eilenburg), **hidden, "description": "Unsere Stadt am Fluss."}
    organisation_update(
        actor=coordinator,
        organisation=Organisation.objects.get(pk=town_eilenburg.pk),
        data={"description": "Kreisstadt an der Mulde.", "website": "https://eilenburg.example"},
        version=town_eilenburg.version,
    )

    response = client.post(url, mine)

    page = response.content.decode()
    assert response.status_code == 422
    assert "Jemand anderes hat hier inzwischen gespeichert" in page
    assert "Unsere Stadt am Fluss." in page
    assert "Kreisstadt an der Mulde." in page
    assert 'id="id_description-theirs"' in page
    assert 'value="https://eilenburg.example"' in page  # only theirs: taken over
    assert Organisation.objects.get(pk=town_eilenburg.pk).description == "Kreisstadt an der Mulde."

    again = dict(re.findall(HIDDEN, page))
    response = client.post(
        url,
        {
            **mine,
            **again,
            "website": "https://eilenburg.example",
            "version_take_description": "mine",
        },
    )
    assert response.status_code == 302
    saved = Organisation.objects.get(pk=town_eilenburg.pk)
    assert (saved.description, saved.website) == (
        "Unsere Stadt am Fluss.",
        "https://eilenburg.example",
    )
