"""Search from an index (core.search_index): full text of the title and the summary."""

from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0003_recommendation_latest_index"),
    ]

    operations = [SearchIndex("recommendation", fulltext=("title", "summary"))]
