from django.core.management.base import BaseCommand

from transferraum.projects.travel import train_connections_load


class Command(BaseCommand):
    help = (
        "Load the regional train connections from Leipzig Hbf to the partner towns "
        "(idempotent: adds missing ones, updates changed ones, never deletes)."
    )

    def handle(self, *args, **options) -> None:
        report = train_connections_load()
        self.stdout.write(
            f"Train connections: {report.created} new, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
        if report.missing:
            self.stderr.write(
                "Municipalities not found (run load_region first): " + ", ".join(report.missing)
            )
