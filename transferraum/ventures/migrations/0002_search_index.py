from django.db import migrations

from transferraum.core.search_index import SearchIndex


class Migration(migrations.Migration):
    dependencies = [("ventures", "0001_initial")]

    # Only `search_text`, which holds the public profile once published: the full-text column
    # must not index a confidential venture's name.
    operations = [SearchIndex("venture", fulltext=("search_text",))]
