"""Edit versions (core.versions); SQLite rebuilds the table, so its search triggers return."""

from django.db import migrations, models

from transferraum.core.search_index import SearchTriggersRestored


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0003_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="challenge",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        SearchTriggersRestored("challenge"),
    ]
