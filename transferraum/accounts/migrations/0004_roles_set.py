"""A person's single role becomes a set of roles (issue 20): each stored role other than
"public" becomes a UserRole row, then the column goes. Going back keeps one role per person
(the first in the order of the choices), as the old column could hold no more."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


ORDER = ["coordinator", "staff", "student", "supervisor", "researcher", "founder"]


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    UserRole = apps.get_model("accounts", "UserRole")
    rows = (
        UserRole(user_id=pk, role=role, granted_at=joined)
        for pk, role, joined in User.objects.exclude(role="public")
        .values_list("pk", "role", "date_joined")
        .iterator(chunk_size=2000)
    )
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == 2000:
            UserRole.objects.bulk_create(batch)
            batch = []
    UserRole.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    UserRole = apps.get_model("accounts", "UserRole")
    for role in reversed(ORDER):  # the first role in ORDER wins
        User.objects.filter(pk__in=UserRole.objects.filter(role=role).values("user_id")).update(
            role=role
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_data_export"),
    ]

    operations = [
        migrations.CreateModel(
            name="UserRole",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("coordinator", "Programme coordinator"),
                            ("staff", "Staff of an organisation"),
                            ("student", "Student"),
                            ("supervisor", "Supervisor (lecturer)"),
                            ("researcher", "Researcher"),
                            ("founder", "Founder"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "granted_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="granted at"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="role_rows",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "role of a person",
                "verbose_name_plural": "roles of people",
                "ordering": ["user", "role"],
                "indexes": [models.Index(fields=["role", "user"], name="user_role_by_role")],
                "constraints": [
                    models.UniqueConstraint(fields=("user", "role"), name="unique_user_role")
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name="user",
            name="role",
        ),
    ]
