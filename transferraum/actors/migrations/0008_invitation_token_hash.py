"""Invitation links: the row keeps the SHA-256 hash of the token (and a seed for new links)
instead of the token. Rows already sent keep working: their stored token is hashed."""

import hashlib

from django.db import migrations, models


def tokens_hash(apps, schema_editor):
    Invitation = apps.get_model("actors", "Invitation")
    for invitation in Invitation.objects.only("pk", "token").iterator():
        invitation.token_hash = hashlib.sha256(invitation.token.encode()).hexdigest()
        invitation.save(update_fields=["token_hash"])


def tokens_unhash(apps, schema_editor):
    # The tokens cannot be recovered: going back leaves every pending link invalid.
    Invitation = apps.get_model("actors", "Invitation")
    for invitation in Invitation.objects.only("pk", "token_hash").iterator():
        invitation.token = invitation.token_hash
        invitation.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [("actors", "0007_organisation_version")]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="token_seed",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(tokens_hash, tokens_unhash),
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
        migrations.RemoveField(model_name="invitation", name="token"),
    ]
