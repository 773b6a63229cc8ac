"""No NUL byte reaches a view (`core.middleware.NulByteMiddleware`): PostgreSQL refuses one in a
query, so a raw `request.GET.get` or `request.POST.get` that reaches a filter would answer 500."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse, QueryDict
from django.test import RequestFactory
from django.urls import reverse

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.core.middleware import NulByteMiddleware, without_nul


def _seen(request: HttpRequest) -> dict[str, dict[str, list[str]]]:
    """What a view behind the middleware reads."""
    seen: dict[str, dict[str, list[str]]] = {}

    def view(inner: HttpRequest) -> HttpResponse:
        seen["GET"] = dict(inner.GET.lists())
        seen["POST"] = dict(inner.POST.lists())
        return HttpResponse()

    NulByteMiddleware(view)(request)
    return seen


def test_nul_bytes_leave_query_names_and_values_and_the_rest_stays():
    request = RequestFactory().get("/", {"q": "Wasser\x00bau", "thema\x00": ["a\x00", "b"]})
    assert _seen(request)["GET"] == {"q": ["Wasserbau"], "thema": ["a", "b"]}


def test_nul_bytes_leave_a_posted_form_and_the_rest_stays():
    request = RequestFactory().post(
        "/?seite=2\x00", {"title": "Leer\x00stand", "organisation\x00": "zeitz\x00"}
    )
    seen = _seen(request)
    assert seen["POST"] == {"title": ["Leerstand"], "organisation": ["zeitz"]}
    assert seen["GET"] == {"seite": ["2"]}


def test_a_query_without_nul_is_left_as_it_came():
    data = QueryDict("q=Wasser&q=Bau")
    assert without_nul(data) is data
    cleaned = without_nul(QueryDict("q=a%00"))
    assert cleaned == QueryDict("q=a")
    assert not cleaned._mutable  # like the request's own


@pytest.fixture
def writer(client):
    """A member of two organisations: the new-challenge page first asks which one."""
    person = UserFactory()
    for name in ("Stadtwerke Zeitz", "Brauerei Eilenburg"):
        MembershipFactory(user=person, organisation=OrganisationFactory(name=name))
    client.force_login(person)
    return person


@pytest.mark.postgres
@pytest.mark.django_db
def test_on_postgresql_a_nul_byte_in_a_query_value_reaches_no_query(client, writer):
    organisation = writer.memberships.get(organisation__name="Stadtwerke Zeitz").organisation
    response = client.get(reverse("challenges:new"), {"organisation": organisation.slug + "\x00"})
    assert response.status_code == 200
    # the choice was understood: the form for that organisation, not the choice page
    assert [t.name for t in response.templates][0] != "challenges/choose_organisation.html"
    assert response.context["organisation"] == organisation


@pytest.mark.postgres
@pytest.mark.django_db
def test_on_postgresql_a_nul_byte_in_a_posted_form_reaches_no_query(client, writer):
    organisation = writer.memberships.get(organisation__name="Brauerei Eilenburg").organisation
    response = client.post(
        reverse("challenges:new"),
        {"organisation": "\x00" + organisation.slug, "title": "Leer\x00stand am Markt"},
    )
    # the form answers with what is missing, keeping the title as typed (less the NUL)
    assert response.status_code == 422
    assert response.context["organisation"] == organisation
    assert response.context["form"]["title"].value() == "Leerstand am Markt"
