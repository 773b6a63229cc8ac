"""Recommendations become searchable: a `search_text` column, filled for the recommendations
that exist (the same words as `services.common.recommendation_index`)."""

from django.db import migrations, models

from transferraum.core.search import search_document


def fill(apps, schema_editor):
    Recommendation = apps.get_model("recommendations", "Recommendation")
    recommendations = Recommendation.objects.select_related(
        "addressee_organisation", "municipality", "project"
    ).only(
        "title",
        "summary",
        "expected_effect",
        "addressee_name",
        "addressee_organisation__name",
        "municipality__name",
        "project__title",
    )
    for recommendation in recommendations.iterator(chunk_size=500):
        parts = [
            recommendation.title,
            recommendation.summary,
            recommendation.expected_effect,
            recommendation.addressee_name,
        ]
        for related in ("addressee_organisation", "municipality"):
            value = getattr(recommendation, related)
            if value is not None:
                parts.append(value.name)
        if recommendation.project is not None:
            parts.append(recommendation.project.title)
        Recommendation.objects.filter(pk=recommendation.pk).update(
            search_text=search_document(parts)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="recommendation",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
