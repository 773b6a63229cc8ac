"""Search from an index (core.search_index): the title and description of every opportunity."""

from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
    ]

    operations = [SearchIndex("opportunity", fulltext=("title", "description"))]
