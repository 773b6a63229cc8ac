import pytest
from django.core import mail
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.actors import views
from transferraum.actors.models import Invitation, Membership
from transferraum.actors.services import invitation_create, invitation_link
from transferraum.actors.tests.factories import MembershipFactory
from transferraum.core.testing import assert_capped

INVITE = {
    "email": "neu@eilenburg.example",
    "name": "Nora Neu",
    "position": "Wirtschaftsförderung",
    "role": "member",
    "person_role": "staff",
    "language": "de",
}


def manage_url(organisation):
    return reverse("actors:manage", args=[organisation.slug])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("officer_eilenburg", 200),
        ("member_eilenburg", 403),
        ("owner_zeitz", 403),
        ("outsider", 403),
    ],
)
def test_manage_page_is_for_coordinators_and_admins(
    client, request, town_eilenburg, persona, status
):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(manage_url(town_eilenburg)).status_code == status


@pytest.mark.django_db
def test_manage_page_lists_the_members_a_page_at_a_time(
    client, coordinator, town_eilenburg, monkeypatch
):
    monkeypatch.setattr(views, "MEMBERS_PAGE_SIZE", 2)
    for number in range(3):
        MembershipFactory(organisation=town_eilenburg, user__name=f"Zz Person {number}")
    count = town_eilenburg.memberships.count()
    client.force_login(coordinator)

    first = client.get(manage_url(town_eilenburg))
    assert assert_capped(first, "data-member", 2) == 2
    assert f"Mitglieder ({count})" in first.content.decode()
    assert 'id="invitations"' in first.content.decode()

    last_page = (count + 1) // 2
    last = client.get(
        manage_url(town_eilenburg), {"seite": last_page}, headers={"HX-Request": "true"}
    )
    content = last.content.decode()
    assert "Zz Person 2" in content and 'id="invitations"' not in content
    assert last["HX-Push-Url"] == f"{manage_url(town_eilenburg)}?seite={last_page}"


@pytest.mark.django_db
def test_manage_page_sends_anonymous_visitors_to_the_login(client, town_eilenburg):
    response = client.get(manage_url(town_eilenburg))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_a_member_posting_an_invitation_is_refused_and_nothing_changes(
    client, member_eilenburg, town_eilenburg
):
    client.force_login(member_eilenburg)

    response = client.post(manage_url(town_eilenburg), INVITE)

    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_coordinator_invites_through_the_form(
    client, coordinator, town_eilenburg, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_url(town_eilenburg), INVITE)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "neu@eilenburg.example"
    assert len(mail.outbox) == 1
    page = client.get(manage_url(town_eilenburg)).content.decode()
    assert "Die Einladung an neu@eilenburg.example wurde verschickt." in page
    assert "neu@eilenburg.example" in page


@pytest.mark.django_db
def test_htmx_invitation_returns_only_the_invitations_fragment(client, coordinator, town_eilenburg):
    client.force_login(coordinator)

    response = client.post(manage_url(town_eilenburg), INVITE, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="invitations">')
    assert "<html" not in content
    assert "neu@eilenburg.example" in content


@pytest.mark.django_db
def test_invalid_invitation_keeps_what_was_typed(client, coordinator, town_eilenburg):
    client.force_login(coordinator)

    response = client.post(manage_url(town_eilenburg), {**INVITE, "email": "keine-adresse"})

    assert response.status_code == 422
    content = response.content.decode()
    assert "Bitte prüfen Sie Ihre Eingaben." in content
    assert 'value="keine-adresse"' in content
    assert 'value="Wirtschaftsförderung"' in content
    assert 'aria-invalid="true"' in content
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_inviting_an_existing_member_shows_the_reason_at_the_field(
    client, coordinator, officer_eilenburg, town_eilenburg
):
    client.force_login(coordinator)

    response = client.post(manage_url(town_eilenburg), {**INVITE, "email": officer_eilenburg.email})

    assert response.status_code == 422
    assert "ist bereits Mitglied von Stadtverwaltung Eilenburg" in response.content.decode()


@pytest.mark.django_db
def test_admins_are_not_offered_the_coordinator_role(client, officer_eilenburg, town_eilenburg):
    client.force_login(officer_eilenburg)

    content = client.get(manage_url(town_eilenburg)).content.decode()

    assert 'value="coordinator"' not in content


@pytest.mark.django_db
def test_invitee_sets_a_password_and_lands_on_the_organisation_page(
    client, coordinator, town_eilenburg
):
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email="neu@eilenburg.example", role="admin"
    )
    url = invitation_link(invitation)
    assert "Stadtverwaltung Eilenburg" in client.get(url).content.decode()

    response = client.post(
        url, {"name": "Nora Neu", "password1": "Mulde-Ufer-2026!", "password2": "Mulde-Ufer-2026!"}
    )

    assert response.status_code == 302
    assert response["Location"] == town_eilenburg.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "Willkommen! Sie sind jetzt Mitglied von Stadtverwaltung Eilenburg." in page
    assert "Mitglieder und Einladungen verwalten" in page  # she is an admin now
    assert Membership.objects.get(user__email="neu@eilenburg.example").role == "admin"


@pytest.mark.django_db
def test_mismatched_passwords_keep_the_name_and_create_nothing(client, coordinator, town_eilenburg):
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email="neu@eilenburg.example", role="member"
    )

    response = client.post(
        invitation_link(invitation),
        {"name": "Nora Neu", "password1": "Mulde-Ufer-2026!", "password2": "anders"},
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert "Die beiden Passwörter unterscheiden sich." in content
    assert 'value="Nora Neu"' in content
    assert not User.objects.filter(email="neu@eilenburg.example").exists()


@pytest.mark.django_db
def test_reused_invitation_link_explains_itself(client, coordinator, town_eilenburg):
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email="neu@eilenburg.example", role="member"
    )
    url = invitation_link(invitation)
    data = {"name": "Nora Neu", "password1": "Mulde-Ufer-2026!", "password2": "Mulde-Ufer-2026!"}
    client.post(url, data)
    client.logout()

    response = client.get(url)

    assert response.status_code == 410
    assert "bereits angenommen" in response.content.decode()
    assert client.post(url, data).status_code == 410


@pytest.mark.django_db
def test_an_outsider_cannot_withdraw_invitations(client, coordinator, outsider, town_eilenburg):
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email="neu@eilenburg.example", role="member"
    )
    client.force_login(outsider)

    response = client.post(
        reverse("actors:invitation-withdraw", args=[town_eilenburg.slug, invitation.pk])
    )

    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.is_pending


@pytest.mark.django_db
def test_organisation_list_filters_by_kind(
    client, town_eilenburg, company_zeitz, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        content = client.get(reverse("actors:organisations"), {"art": "town"}).content.decode()

    assert "Stadtverwaltung Eilenburg" in content
    assert "Zeitzer Werkstätten GmbH" not in content


@pytest.mark.django_db
def test_members_are_hidden_from_the_public(client, officer_eilenburg, town_eilenburg):
    public = client.get(town_eilenburg.get_absolute_url()).content.decode()
    assert "Thomas Berger" not in public

    client.force_login(officer_eilenburg)
    assert "Thomas Berger" in client.get(town_eilenburg.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_town_page_leads_to_the_recommendations_made_to_it(client, town_eilenburg, company_zeitz):
    tracker = f"{reverse('recommendations:tracker')}?ort={town_eilenburg.municipality.ags}"

    assert tracker in client.get(town_eilenburg.get_absolute_url()).content.decode()
    assert "?ort=" not in client.get(company_zeitz.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_addressee_accepts_from_the_notification_without_the_token(
    client, coordinator, town_eilenburg, researcher, outsider
):
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email=researcher.email, role="member"
    )
    url = reverse("actors:invitation-addressee", args=[invitation.pk])

    client.force_login(outsider)
    assert client.get(url).status_code == 404  # not addressed to her: as if it did not exist
    client.force_login(researcher)
    assert "Stadtverwaltung Eilenburg" in client.get(url).content.decode()
    response = client.post(url)

    assert response.status_code == 302
    assert Membership.objects.filter(user=researcher, organisation=town_eilenburg).exists()
    assert client.get(url).status_code == 410  # used once
