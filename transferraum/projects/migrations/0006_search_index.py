"""Search from an index (core.search_index): full text of the project's public texts."""

from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_allocation_run_number_unique"),
        ("actors", "0004_search_index"),  # pg_trgm
    ]

    operations = [SearchIndex("project", fulltext=("title", "description", "public_summary"))]
