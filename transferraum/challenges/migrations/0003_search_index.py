"""Search from an index (core.search_index): full text of the parts public for every challenge."""

from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0002_deadline_message"),
    ]

    operations = [SearchIndex("challenge", fulltext=("title", "public_summary"))]
