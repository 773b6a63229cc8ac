"""Search from an index: tsvector on PostgreSQL, FTS5 on SQLite (core.search_index)."""

from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [("actors", "0004_listing_category_lookup")]

    operations = [
        SearchIndex("organisation", fulltext=("name", "short_description", "description")),
        # A person's name lives on the user; the stemmed search text holds it (and matches).
        SearchIndex("personprofile", fulltext=("bio",)),
    ]
