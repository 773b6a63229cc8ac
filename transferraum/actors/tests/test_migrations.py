"""Migration 0007 hashes the tokens of invitations already sent, so their links keep working."""

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("actors", "0006_organisation_name_index")]
AFTER = [("actors", "0007_invitation_token_hash")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_tokens_sent_before_are_hashed_and_keep_working(town_eilenburg):
    old_apps = _migrate(BEFORE)
    try:
        old_apps.get_model("actors", "Invitation").objects.create(
            email="alt@eilenburg.example",
            organisation_id=town_eilenburg.pk,
            token="alter-token-0123456789",
            expires_at=timezone.now() + timedelta(days=3),
        )
    finally:
        new_apps = _migrate(AFTER)

    from transferraum.actors.services import invitation_for_token

    row = new_apps.get_model("actors", "Invitation").objects.get()
    assert row.token_hash == hashlib.sha256(b"alter-token-0123456789").hexdigest()
    assert row.token_seed == ""
    assert invitation_for_token("alter-token-0123456789").email == "alt@eilenburg.example"
