from transferraum.challenges.digest import coordinator_digest_send
from transferraum.core.locks import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Send the coordinators' daily digest of challenge events (run once a day, e.g. by cron; "
        "on several servers only the first start of the day works)."
    )

    def run_scheduled(self) -> str:
        report = coordinator_digest_send()
        return f"Digest: {report.events} events to {report.recipients} coordinators."
