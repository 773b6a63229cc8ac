import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.errors import InvitationInvalid
from transferraum.actors.models import Invitation, Membership
from transferraum.actors.services import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_link,
    invitation_revoke,
    invitation_token,
    organisation_create,
)
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.core.tokens import token_hash
from transferraum.notifications.models import Notification

NEW_PASSWORD = "Mulde-Ufer-2026!"


def invite(actor, organisation, email="neu@eilenburg.example", **kwargs):
    defaults = {"role": Membership.Role.MEMBER, "person_role": User.Role.STAFF}
    return invitation_create(
        actor=actor, organisation=organisation, email=email, **{**defaults, **kwargs}
    )


@pytest.mark.django_db
def test_coordinator_invites_and_the_mail_carries_a_working_link(
    coordinator, town_eilenburg, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://transferraum.example"

    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(
            coordinator, town_eilenburg, email="Neu@Eilenburg.Example", name="Nora Neu"
        )

    assert invitation.email == "neu@eilenburg.example"
    assert invitation.is_pending
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["neu@eilenburg.example"]
    assert "Stadtverwaltung Eilenburg" in message.subject
    assert f"https://transferraum.example/einladung/{invitation_token(invitation)}/" in message.body
    assert "Hallo Nora Neu" in message.body
    assert Activity.objects.filter(verb="invitation.created", actor=coordinator).exists()


@pytest.mark.django_db
def test_an_invitation_is_a_notification_for_someone_with_an_account_only(
    coordinator, town_eilenburg, student_geography, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(coordinator, town_eilenburg, email="nobody-yet@eilenburg.example")
        invitation = invite(coordinator, town_eilenburg, email=student_geography.email.upper())

    assert len(mail.outbox) == 2
    notification = Notification.objects.get()
    assert notification.recipient == student_geography
    assert notification.kind == "invitation"
    # The notification links to the addressee's page: the token is in the e-mail only.
    assert notification.url == f"/einladungen/{invitation.pk}/"
    assert invitation_token(invitation) not in notification.url
    assert invitation_token(invitation) in mail.outbox[1].body
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    assert "List-Unsubscribe" in mail.outbox[1].extra_headers


@pytest.mark.django_db
def test_invitation_mail_is_written_in_the_chosen_language(
    coordinator, town_eilenburg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(coordinator, town_eilenburg, language="en")

    assert "Invitation to Stadtverwaltung Eilenburg" in mail.outbox[0].subject
    assert "Follow this link" in mail.outbox[0].body


@pytest.mark.django_db
def test_organisation_admin_may_invite_into_their_own_organisation(
    officer_eilenburg, town_eilenburg
):
    invitation = invite(officer_eilenburg, town_eilenburg)

    assert invitation.invited_by == officer_eilenburg


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["member_eilenburg", "owner_zeitz", "outsider", "student_geography"]
)
def test_others_may_not_invite_and_nothing_is_stored(
    request, town_eilenburg, persona, django_capture_on_commit_callbacks
):
    user = request.getfixturevalue(persona)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        invite(user, town_eilenburg)

    assert not Invitation.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_only_coordinators_invite_coordinators(officer_eilenburg, coordinator, town_eilenburg):
    with pytest.raises(PermissionDenied):
        invite(officer_eilenburg, town_eilenburg, person_role=User.Role.COORDINATOR)

    assert invite(coordinator, town_eilenburg, person_role=User.Role.COORDINATOR).pk


@pytest.mark.django_db
def test_an_existing_member_is_not_invited_again(coordinator, officer_eilenburg, town_eilenburg):
    with pytest.raises(DomainError) as error:
        invite(coordinator, town_eilenburg, email=officer_eilenburg.email.upper())

    assert error.value.field == "email"
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_a_new_invitation_replaces_the_pending_one(coordinator, town_eilenburg):
    first = invite(coordinator, town_eilenburg)
    second = invite(coordinator, town_eilenburg)

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert first.token_hash != second.token_hash
    assert list(Invitation.objects.pending()) == [second]
    with pytest.raises(InvitationInvalid, match="zurückgezogen"):
        invitation_accept(invitation=first, name="Nora", password=NEW_PASSWORD)


@pytest.mark.django_db
def test_accepting_creates_a_verified_account_and_the_membership(coordinator, town_eilenburg):
    invitation = invite(
        coordinator, town_eilenburg, role=Membership.Role.ADMIN, position="Stadtplanung"
    )

    membership = invitation_accept(invitation=invitation, name=" Nora Neu ", password=NEW_PASSWORD)

    user = membership.user
    assert user.email == "neu@eilenburg.example"
    assert user.name == "Nora Neu"
    assert user.roles == {User.Role.STAFF}
    assert user.check_password(NEW_PASSWORD)
    assert user.emailaddress_set.get().verified
    assert membership.organisation == town_eilenburg
    assert membership.role == Membership.Role.ADMIN
    assert membership.position == "Stadtplanung"
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert Activity.objects.filter(verb="invitation.accepted", actor=user).exists()


@pytest.mark.django_db
def test_a_used_invitation_cannot_be_used_again(coordinator, town_eilenburg):
    invitation = invite(coordinator, town_eilenburg)
    invitation_accept(invitation=invitation, name="Nora Neu", password=NEW_PASSWORD)

    with pytest.raises(InvitationInvalid, match="bereits angenommen"):
        invitation_accept(invitation=invitation, name="Jemand", password="Anderes-Passwort-1")

    assert User.objects.filter(email="neu@eilenburg.example").count() == 1


@pytest.mark.django_db
def test_an_expired_invitation_is_refused_and_creates_nothing(coordinator, town_eilenburg):
    invitation = invite(coordinator, town_eilenburg)

    with (
        time_machine.travel(timezone.now() + timedelta(days=15)),
        pytest.raises(InvitationInvalid, match="abgelaufen"),
    ):
        invitation_accept(invitation=invitation, name="Nora Neu", password=NEW_PASSWORD)

    assert not User.objects.filter(email="neu@eilenburg.example").exists()


@pytest.mark.django_db
def test_an_unknown_token_is_refused():
    with pytest.raises(InvitationInvalid, match="nicht gültig"):
        invitation_for_token("erfunden")


@pytest.mark.django_db
def test_a_weak_password_is_refused_and_the_invitation_stays_usable(coordinator, town_eilenburg):
    invitation = invite(coordinator, town_eilenburg)

    with pytest.raises(DomainError) as error:
        invitation_accept(invitation=invitation, name="Nora Neu", password="12345678")

    assert error.value.field == "password1"
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert not User.objects.filter(email="neu@eilenburg.example").exists()


@pytest.mark.django_db
def test_an_existing_account_must_log_in_to_accept(coordinator, town_eilenburg, researcher):
    invitation = invite(coordinator, town_eilenburg, email=researcher.email)

    with pytest.raises(DomainError, match="hat bereits ein Konto"):
        invitation_accept(invitation=invitation, name="Übernahme", password=NEW_PASSWORD)
    researcher.refresh_from_db()
    assert researcher.name == "Dr. Jana Krüger"

    membership = invitation_accept(invitation=invitation, name="", password="", user=researcher)
    assert membership.user == researcher


@pytest.mark.django_db
def test_a_logged_in_person_cannot_accept_an_invitation_for_someone_else(
    coordinator, town_eilenburg, outsider
):
    invitation = invite(coordinator, town_eilenburg)

    with pytest.raises(DomainError, match="neu@eilenburg.example"):
        invitation_accept(invitation=invitation, name="", password="", user=outsider)

    assert not outsider.memberships.exists()


@pytest.mark.django_db
def test_withdrawing_an_invitation(
    coordinator, officer_eilenburg, member_eilenburg, town_eilenburg
):
    invitation = invite(coordinator, town_eilenburg)

    with pytest.raises(PermissionDenied):
        invitation_revoke(actor=member_eilenburg, invitation=invitation)
    invitation_revoke(actor=officer_eilenburg, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    with pytest.raises(DomainError):
        invitation_revoke(actor=officer_eilenburg, invitation=invitation)


@pytest.mark.django_db
def test_only_coordinators_create_organisations(coordinator, officer_eilenburg):
    with pytest.raises(PermissionDenied):
        organisation_create(actor=officer_eilenburg, name="Neuer Verein", kind="civil_society")

    first = organisation_create(actor=coordinator, name="Neuer Verein e.V.", kind="civil_society")
    second = organisation_create(actor=coordinator, name="Neuer Verein e.V.", kind="civil_society")
    assert first.slug == "neuer-verein-ev"
    assert second.slug == "neuer-verein-ev-2"
    with pytest.raises(DomainError):
        organisation_create(actor=coordinator, name=" ", kind="civil_society")


# --- the link's token is stored only as a hash ------------------------------------------------


@pytest.mark.django_db
def test_the_row_keeps_only_the_hash_of_the_token(
    coordinator, town_eilenburg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(coordinator, town_eilenburg)

    token = re.search(r"/einladung/([^/]+)/", mail.outbox[0].body).group(1)
    invitation.refresh_from_db()
    assert len(token) >= 43  # 256 bits
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = {
        field.attname: getattr(invitation, field.attname) for field in Invitation._meta.fields
    }
    assert token not in repr(stored)
    assert invitation_for_token(token) == invitation


@pytest.mark.django_db
def test_a_row_copied_from_the_database_opens_no_link(coordinator, town_eilenburg):
    invitation = invite(coordinator, town_eilenburg)

    for stored in (invitation.token_hash, invitation.token_seed):
        with pytest.raises(InvitationInvalid, match="nicht gültig"):
            invitation_for_token(stored)


@pytest.mark.django_db
def test_every_invitation_gets_its_own_token(coordinator, town_eilenburg):
    tokens = {
        invitation_token(invite(coordinator, town_eilenburg, email=f"p{n}@eilenburg.example"))
        for n in range(3)
    }

    assert len(tokens) == 3


@pytest.mark.django_db
def test_a_link_sent_before_tokens_were_hashed_still_works_once(coordinator, town_eilenburg):
    # What migration 0007 makes of an old row: the hash of the token sent, no seed.
    old_token = "alter-token-aus-einer-frueheren-version-0123456789abcdef"
    invitation = invite(coordinator, town_eilenburg)
    Invitation.objects.filter(pk=invitation.pk).update(
        token_hash=token_hash(old_token), token_seed=""
    )

    found = invitation_for_token(old_token)
    invitation_accept(invitation=found, name="Nora Neu", password=NEW_PASSWORD)

    with pytest.raises(InvitationInvalid, match="bereits angenommen"):
        invitation_for_token(old_token)
    with pytest.raises(InvitationInvalid):
        invitation_link(found)  # its link cannot be written again
