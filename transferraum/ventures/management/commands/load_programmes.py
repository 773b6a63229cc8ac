from typing import Any

from django.core.management.base import BaseCommand

from transferraum.ventures.services import programmes_load


class Command(BaseCommand):
    help = "Load or update the catalogue of support programmes for ventures."

    def handle(self, *args: Any, **options: Any) -> None:
        created = programmes_load()
        self.stdout.write(f"{created} support programmes created.")
