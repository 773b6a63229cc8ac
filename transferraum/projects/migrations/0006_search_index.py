"""Search from an index (core.search_index): full text of the project's public texts."""

from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_allocation_run_number_unique"),
    ]

    operations = [SearchIndex("project", fulltext=("title", "description", "public_summary"))]
