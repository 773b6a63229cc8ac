"""A per-round number for allocation runs: existing runs are numbered 1, 2, … in each round
in the order they were started."""

from django.db import migrations, models


def number_runs(apps, schema_editor):
    AllocationRun = apps.get_model("projects", "AllocationRun")
    numbers: dict[int, int] = {}
    runs = AllocationRun.objects.order_by("round_id", "created_at", "pk").only("pk", "round_id")
    for run in runs.iterator():
        numbers[run.round_id] = numbers.get(run.round_id, 0) + 1
        AllocationRun.objects.filter(pk=run.pk).update(number=numbers[run.round_id])


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0003_project_search_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="allocationrun",
            name="number",
            field=models.PositiveIntegerField(default=0, verbose_name="number in the round"),
            preserve_default=False,
        ),
        migrations.RunPython(number_runs, migrations.RunPython.noop),
    ]
