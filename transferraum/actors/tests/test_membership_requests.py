"""Asking to join an organisation: the organisation's admins or the coordinators grant or
refuse with a reason; the requester withdraws; the pages for each."""

import pytest
from django.core import mail
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.actors.models import Membership, MembershipRequest
from transferraum.actors.services import (
    MEMBERSHIP_REQUEST_SERVICES,
    membership_request_grant,
    membership_request_refuse,
    membership_request_submit,
)
from transferraum.actors.workflow import MEMBERSHIP_REQUEST
from transferraum.core.errors import DomainError, PermissionDenied

S = MembershipRequest.Status
pytestmark = pytest.mark.django_db


def _ask(person, organisation, **extra) -> MembershipRequest:
    data = {"role": Membership.Role.MEMBER, "position": "Stadtplanung", "note": "Hallo", **extra}
    return membership_request_submit(actor=person, organisation=organisation, **data)


def test_an_admin_lets_a_person_join_with_the_wished_role(
    outsider, officer_eilenburg, town_eilenburg, django_capture_on_commit_callbacks
):
    request = _ask(outsider, town_eilenburg, role=Membership.Role.ADMIN)

    with django_capture_on_commit_callbacks(execute=True):
        granted = membership_request_grant(actor=officer_eilenburg, membership_request=request)

    assert granted.status == S.GRANTED
    membership = Membership.objects.get(user=outsider, organisation=town_eilenburg)
    assert (membership.role, membership.position) == (Membership.Role.ADMIN, "Stadtplanung")
    outsider.refresh_from_db()
    assert outsider.roles == {User.Role.STAFF}
    assert mail.outbox[0].to == [outsider.email]
    assert "Willkommen bei Stadtverwaltung Eilenburg" in mail.outbox[0].subject


def test_a_refusal_needs_a_reason_which_the_person_reads(
    outsider, coordinator, town_eilenburg, django_capture_on_commit_callbacks
):
    request = _ask(outsider, town_eilenburg)
    with pytest.raises(DomainError) as error:
        membership_request_refuse(actor=coordinator, membership_request=request, note="")
    assert error.value.field == "note"

    with django_capture_on_commit_callbacks(execute=True):
        membership_request_refuse(
            actor=coordinator, membership_request=request, note="Unbekannt im Rathaus."
        )

    assert not Membership.objects.filter(user=outsider).exists()
    assert "Unbekannt im Rathaus." in mail.outbox[0].body


def test_a_second_request_and_a_member_asking_are_refused(
    outsider, member_eilenburg, town_eilenburg, company_zeitz
):
    _ask(outsider, town_eilenburg)
    with pytest.raises(DomainError, match="bereits um Aufnahme gebeten"):
        _ask(outsider, town_eilenburg)
    with pytest.raises(DomainError, match="bereits Mitglied"):
        _ask(member_eilenburg, town_eilenburg)
    assert _ask(outsider, company_zeitz).status == S.OPEN


PERSONAS = {
    "outsider": {"requester"},
    "officer_eilenburg": {"admin"},
    "member_eilenburg": set(),
    "owner_zeitz": set(),
    "coordinator": {"coordinator"},
}
CASES = [
    (persona, status, step)
    for persona in PERSONAS
    for status in S.values
    for step in MEMBERSHIP_REQUEST.transitions
]


@pytest.mark.parametrize(
    ("persona", "status", "step"), CASES, ids=[f"{p}-{s}-{a}" for p, s, a in CASES]
)
def test_every_step_for_every_role_and_status(
    request, outsider, town_eilenburg, persona, status, step
):
    """Only the organisation's admins and the coordinators decide; only the requester
    withdraws; only an open request moves."""
    actor = request.getfixturevalue(persona)
    membership_request = MembershipRequest.objects.create(
        user=outsider, organisation=town_eilenburg, status=status
    )
    transition = MEMBERSHIP_REQUEST[step]
    allowed = status in transition.sources and bool(transition.roles & PERSONAS[persona])

    service = MEMBERSHIP_REQUEST_SERVICES[step]
    if allowed:
        result = service(actor=actor, membership_request=membership_request, note="Grund")
        assert result.status == transition.target
    else:
        expected = PermissionDenied if not transition.roles & PERSONAS[persona] else DomainError
        with pytest.raises(expected):
            service(actor=actor, membership_request=membership_request, note="Grund")
        membership_request.refresh_from_db()
        assert membership_request.status == status


# --- pages ------------------------------------------------------------------------------------


def test_a_person_asks_to_join_from_the_organisation_page(client, outsider, town_eilenburg):
    client.force_login(outsider)
    page = client.get(town_eilenburg.get_absolute_url()).content.decode()
    url = reverse("actors:membership-request", args=[town_eilenburg.slug])
    assert url in page

    response = client.post(url, {"role": "member", "position": "Bauamt", "note": "Hallo"})

    assert response.status_code == 302
    assert MembershipRequest.objects.get().position == "Bauamt"
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Beitrittsanfrage an Stadtverwaltung Eilenburg zurückziehen" in profile


def test_a_second_request_keeps_what_was_typed(client, outsider, town_eilenburg):
    _ask(outsider, town_eilenburg)
    client.force_login(outsider)

    response = client.post(
        reverse("actors:membership-request", args=[town_eilenburg.slug]),
        {"role": "member", "position": "Bauamt", "note": "Noch einmal"},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "bereits um Aufnahme gebeten" in content
    assert "Noch einmal" in content


def test_the_admin_decides_from_the_members_page(
    client, outsider, officer_eilenburg, town_eilenburg
):
    request = _ask(outsider, town_eilenburg)
    client.force_login(officer_eilenburg)
    manage = client.get(reverse("actors:manage", args=[town_eilenburg.slug])).content.decode()
    decide = reverse("actors:membership-request-decide", args=[town_eilenburg.slug, request.pk])
    assert decide in manage

    refused = client.post(decide, {"step": "refuse", "note": ""})
    assert refused.status_code == 200
    assert "Bitte begründen Sie die Ablehnung." in refused.content.decode()

    assert client.post(decide, {"step": "grant", "note": ""}).status_code == 302
    assert Membership.objects.filter(user=outsider, organisation=town_eilenburg).exists()


def test_others_cannot_decide_or_withdraw(
    client, outsider, member_eilenburg, owner_zeitz, town_eilenburg
):
    request = _ask(outsider, town_eilenburg)
    decide = reverse("actors:membership-request-decide", args=[town_eilenburg.slug, request.pk])
    withdraw = reverse("actors:membership-request-withdraw", args=[request.pk])
    for person in (member_eilenburg, owner_zeitz):
        client.force_login(person)
        assert client.post(decide, {"step": "grant"}).status_code == 403
        assert client.post(withdraw).status_code == 404
    client.force_login(outsider)
    assert client.post(decide, {"step": "grant"}).status_code == 403
    assert client.post(withdraw).status_code == 302
    request.refresh_from_db()
    assert request.status == S.WITHDRAWN
