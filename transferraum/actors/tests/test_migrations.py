"""Migrations 0008 and 0009 hash the tokens of invitations already sent, so their links keep
working, and take the tokens out of the in-app notifications."""

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

NOTIFICATIONS = ("notifications", "0002_in_app_notifications")
BEFORE = [("actors", "0007_organisation_version"), NOTIFICATIONS]
AFTER = [("actors", "0009_invitation_notification_links"), NOTIFICATIONS]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _migrate_to_the_latest(state_of):
    """Back to every app's latest migration (the tests after this one on the same worker need
    the whole schema); returns the models as they were at `state_of`, which read that schema."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(state_of).apps


@pytest.mark.django_db(transaction=True)
def test_tokens_sent_before_are_hashed_and_keep_working(town_eilenburg, researcher):
    old_apps = _migrate(BEFORE)
    try:
        old_apps.get_model("actors", "Invitation").objects.create(
            email="alt@eilenburg.example",
            organisation_id=town_eilenburg.pk,
            token="alter-token-0123456789",
            expires_at=timezone.now() + timedelta(days=3),
        )
        notifications = old_apps.get_model("notifications", "Notification").objects
        notified = notifications.create(
            recipient_id=researcher.pk,
            kind="invitation",
            title="Einladung",
            url="/einladung/alter-token-0123456789/",
        )
        unknown = notifications.create(
            recipient_id=researcher.pk, kind="invitation", title="Einladung", url="/einladung/x/"
        )
    finally:
        new_apps = _migrate_to_the_latest(AFTER)

    from transferraum.actors.services import invitation_for_token

    row = new_apps.get_model("actors", "Invitation").objects.get()
    assert row.token_hash == hashlib.sha256(b"alter-token-0123456789").hexdigest()
    assert row.token_seed == ""
    assert invitation_for_token("alter-token-0123456789").email == "alt@eilenburg.example"
    # The in-app notification no longer holds the token: it links to the addressee's page.
    notifications = new_apps.get_model("notifications", "Notification").objects
    assert notifications.get(pk=notified.pk).url == f"/einladungen/{row.pk}/"
    assert notifications.get(pk=unknown.pk).url == ""
