"""No two holding bookings of one resource overlap: on PostgreSQL an exclusion constraint over
`tstzrange(starts_at, ends_at)` with btree_gist (the resource's id compared with `=`). It is not
part of the model state (SQLite has no exclusion constraints; there the booking service's
serialised check and insert keeps the rule, see docs/places.md), so it is added here in SQL and
only on PostgreSQL."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CONSTRAINT = "places_booking_no_overlap"


class BtreeGistOnPostgres(BtreeGistExtension):
    """Django's extension operation asks `pg_extension` when it is undone, on any database:
    a migration test that unwinds this app on SQLite failed there."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE places_booking ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
        "(resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
        "WHERE (status IN ('requested', 'confirmed', 'blocked'))"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE places_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [
        BtreeGistOnPostgres(),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
