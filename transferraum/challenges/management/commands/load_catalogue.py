from django.core.management.base import BaseCommand

from transferraum.challenges.catalogue import catalogue_load


class Command(BaseCommand):
    help = (
        "Load the topic fields, transfer formats and default recommender rules "
        "(idempotent; keeps the points coordinators set, never deletes)."
    )

    def handle(self, *args, **options) -> None:
        created = catalogue_load()
        self.stdout.write(f"Catalogue: {created} new.")
