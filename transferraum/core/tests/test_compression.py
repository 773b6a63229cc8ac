"""HTML and JSON leave compressed when the browser accepts gzip, with Django's BREACH padding."""

import gzip
import json

import pytest
from django.urls import reverse


def _gunzipped(response) -> bytes:
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    body = response.content
    assert body[:2] == b"\x1f\x8b"
    # "Heal the BREACH" (Django ≥ 4.2): a file name of random length in the gzip header makes
    # the compressed length useless for guessing secrets; the FNAME flag says it is there.
    assert body[3] & gzip.FNAME
    return gzip.decompress(body)


@pytest.mark.django_db
def test_html_pages_are_compressed(client, town_eilenburg):
    response = client.get(reverse("network:directory"), HTTP_ACCEPT_ENCODING="gzip, br")

    assert response.status_code == 200
    html = _gunzipped(response).decode()
    assert "Stadtverwaltung Eilenburg" in html
    assert "</html>" in html


@pytest.mark.django_db
def test_json_data_is_compressed(client):
    from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory

    # Enough links that the JSON is worth compressing: GZipMiddleware leaves a body alone
    # when the compressed one (with its random BREACH padding) would not be shorter.
    organisations = OrganisationFactory.create_batch(12)
    for first, second in zip(organisations, organisations[1:], strict=False):
        MembershipFactory(user=MembershipFactory(organisation=first).user, organisation=second)
    from transferraum.actors.aggregates import organisation_links_refresh

    organisation_links_refresh()  # factories write around the services that rebuild the links

    response = client.get(reverse("network:graph-data"), HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "elements" in json.loads(_gunzipped(response))


@pytest.mark.django_db
def test_nothing_is_compressed_for_a_client_without_gzip(client, town_eilenburg):
    response = client.get(reverse("network:directory"))

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"Stadtverwaltung Eilenburg" in response.content
