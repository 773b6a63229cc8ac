from transferraum.core.locks import ScheduledCommand
from transferraum.core.privacy import privacy_purge


class Command(ScheduledCommand):
    help = (
        "Delete personal data past its retention period, as each app declares it in the "
        "privacy registry (files from storage included). Run once a day, e.g. by cron; on "
        "several servers only the first start of the day works."
    )

    def run_scheduled(self) -> str:
        purged = privacy_purge()
        if not purged:
            return "Nothing past its retention period."
        return "Deleted: " + ", ".join(f"{entry.model} {entry.rows}" for entry in purged) + "."
