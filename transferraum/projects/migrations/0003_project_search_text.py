"""Projects become searchable: a `search_text` column, filled for the projects that exist (the
same words as `services.rounds.project_index`)."""

from django.db import migrations, models

from transferraum.core.search import search_document


def fill(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    projects = Project.objects.select_related(
        "challenge__organisation", "challenge__municipality"
    ).only(
        "title",
        "description",
        "public_summary",
        "module",
        "challenge__title",
        "challenge__organisation__name",
        "challenge__municipality__name",
    )
    for project in projects.iterator(chunk_size=500):
        challenge = project.challenge
        parts = [
            project.title,
            project.description,
            project.public_summary,
            project.module,
            challenge.title,
            challenge.organisation.name,
        ]
        if challenge.municipality:
            parts.append(challenge.municipality.name)
        Project.objects.filter(pk=project.pk).update(search_text=search_document(parts))


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_counterfactual"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
