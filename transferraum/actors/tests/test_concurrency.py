"""Two clicks on the same invitation link at the same moment make one account, not two."""

import threading

import pytest
from django.db import connection

from transferraum.accounts.models import User
from transferraum.actors.errors import InvitationInvalid
from transferraum.actors.models import Membership
from transferraum.actors.services import invitation_accept, invitation_create
from transferraum.core.errors import DomainError


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_acceptance_creates_one_account(coordinator, town_eilenburg):
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email="neu@eilenburg.example", role="member"
    )
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept() -> None:
        try:
            barrier.wait()
            invitation_accept(invitation=invitation, name="Nora Neu", password="Mulde-Ufer-2026!")
            outcomes.append("accepted")
        except (InvitationInvalid, DomainError):
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["accepted", "refused"]
    assert User.objects.filter(email="neu@eilenburg.example").count() == 1
    assert Membership.objects.filter(user__email="neu@eilenburg.example").count() == 1
