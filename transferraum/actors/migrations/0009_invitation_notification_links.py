"""In-app notifications of invitations linked to the link with the token. They now link to
the addressee's page (`/einladungen/<pk>/`), so no row outside the e-mail holds a token."""

import hashlib

from django.db import migrations


def links_rewrite(apps, schema_editor):
    Invitation = apps.get_model("actors", "Invitation")
    Notification = apps.get_model("notifications", "Notification")
    for notification in Notification.objects.filter(
        kind="invitation", url__startswith="/einladung/"
    ).iterator():
        token = notification.url.removeprefix("/einladung/").strip("/")
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        pk = Invitation.objects.filter(token_hash=token_hash).values_list("pk", flat=True).first()
        notification.url = f"/einladungen/{pk}/" if pk is not None else ""
        notification.save(update_fields=["url"])


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0008_invitation_token_hash"),
        ("notifications", "0002_in_app_notifications"),
    ]

    operations = [migrations.RunPython(links_rewrite, migrations.RunPython.noop)]
