"""Edit versions (core.versions) on rounds, projects, milestones, meetings and feedback;
SQLite rebuilds the tables, so the project's search triggers return."""

from django.db import migrations, models

from transferraum.core.search_index import SearchTriggersRestored


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.AddField(
            model_name="project",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.AddField(
            model_name="round",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        SearchTriggersRestored("project"),
    ]
