from django.core.management.base import BaseCommand

from transferraum.actors.vocabulary import competences_load_starter


class Command(BaseCommand):
    help = "Load the starter vocabulary of competences (idempotent; never deletes a competence)."

    def handle(self, *args, **options) -> None:
        created = competences_load_starter()
        self.stdout.write(f"Competences: {created} new.")
