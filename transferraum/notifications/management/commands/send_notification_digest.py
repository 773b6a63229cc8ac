from transferraum.core.locks import ScheduledCommand
from transferraum.notifications.services import notification_digest_send


class Command(ScheduledCommand):
    help = (
        "Send each person their daily digest of the notifications they chose to get by digest "
        "(run once a day, e.g. by cron; on several servers only the first start of the day works)."
    )

    def run_scheduled(self) -> str:
        report = notification_digest_send()
        return f"Digest: {report.items} notifications to {report.recipients} people."
