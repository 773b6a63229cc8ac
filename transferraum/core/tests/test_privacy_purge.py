"""`manage.py privacy_purge` deletes what is past its retention period, files included, and
runs once a day however many servers start it."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from transferraum.accounts.models import DataExport, RoleRequest
from transferraum.accounts.tests.factories import RoleRequestFactory
from transferraum.actors.models import Invitation
from transferraum.notifications.models import Notification

pytestmark = pytest.mark.django_db


def aged(model, pk, **fields):
    model.objects.filter(pk=pk).update(**fields)


def test_purge_deletes_only_what_is_past_its_period(outsider, town_eilenburg):
    now = timezone.now()
    old_note = Notification.objects.create(recipient=outsider, kind="x", title="alt")
    aged(Notification, old_note.pk, created_at=now - timedelta(days=366))
    new_note = Notification.objects.create(recipient=outsider, kind="x", title="neu")

    decided = RoleRequestFactory(user=outsider, status=RoleRequest.Status.REFUSED)
    aged(RoleRequest, decided.pk, updated_at=now - timedelta(days=731))
    waiting = RoleRequestFactory(user=outsider, role="researcher")
    aged(RoleRequest, waiting.pk, updated_at=now - timedelta(days=731))

    expired_invitation = Invitation.objects.create(
        email="weg@example.org",
        organisation=town_eilenburg,
        token_hash="a" * 64,
        expires_at=now - timedelta(days=181),
    )
    accepted_invitation = Invitation.objects.create(
        email="da@example.org",
        organisation=town_eilenburg,
        token_hash="b" * 64,
        expires_at=now - timedelta(days=181),
        accepted_at=now - timedelta(days=200),
    )

    export = DataExport(user=outsider, status=DataExport.Status.READY, expires_at=now)
    export.file.save("old.zip", ContentFile(b"zip"), save=True)
    aged(DataExport, export.pk, expires_at=now - timedelta(minutes=1))
    fresh = DataExport.objects.create(user=outsider, expires_at=now + timedelta(days=3))

    out = StringIO()
    call_command("privacy_purge", stdout=out)

    assert not Notification.objects.filter(pk=old_note.pk).exists()
    assert Notification.objects.filter(pk=new_note.pk).exists()
    assert not RoleRequest.objects.filter(pk=decided.pk).exists()
    assert RoleRequest.objects.filter(pk=waiting.pk).exists()
    assert not Invitation.objects.filter(pk=expired_invitation.pk).exists()
    assert Invitation.objects.filter(pk=accepted_invitation.pk).exists()
    assert not DataExport.objects.filter(pk=export.pk).exists()
    assert not default_storage.exists(export.file.name)
    assert DataExport.objects.filter(pk=fresh.pk).exists()
    assert "notifications.Notification 1" in out.getvalue()

    again = StringIO()
    call_command("privacy_purge", stdout=again)
    assert "already done" in again.getvalue()
