from django.core.management.base import BaseCommand

from transferraum.challenges.digest import coordinator_digest_send


class Command(BaseCommand):
    help = "Send the coordinators' daily digest of challenge events (run once a day, e.g. by cron)."

    def handle(self, *args: object, **options: object) -> None:
        report = coordinator_digest_send()
        self.stdout.write(f"Digest: {report.events} events to {report.recipients} coordinators.")
