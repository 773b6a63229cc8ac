from django.core.management.base import BaseCommand

from transferraum.regions.services import region_load_reference


class Command(BaseCommand):
    help = "Load districts, municipalities and the programme from the region reference data."

    def handle(self, *args, **options) -> None:
        report = region_load_reference()
        self.stdout.write(
            f"Region: {report.districts} districts, {report.municipalities} municipalities "
            f"({report.created} new)."
        )
