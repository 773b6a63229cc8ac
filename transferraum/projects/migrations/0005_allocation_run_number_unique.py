"""The constraints on the runs' numbers, apart from the data migration that fills them (so that
PostgreSQL does not alter a table with pending updates in the same transaction)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_allocation_run_number"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="allocationrun",
            constraint=models.UniqueConstraint(
                fields=("round", "number"), name="unique_run_number"
            ),
        ),
        migrations.AddConstraint(
            model_name="allocationrun",
            constraint=models.CheckConstraint(
                condition=models.Q(number__gte=1), name="run_number_from_1"
            ),
        ),
    ]
