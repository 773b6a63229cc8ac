from django.core.management.base import BaseCommand

from transferraum.notifications.services import notification_digest_send


class Command(BaseCommand):
    help = (
        "Send each person their daily digest of the notifications they chose to get by digest "
        "(run once a day, e.g. by cron)."
    )

    def handle(self, *args: object, **options: object) -> None:
        report = notification_digest_send()
        self.stdout.write(f"Digest: {report.items} notifications to {report.recipients} people.")
