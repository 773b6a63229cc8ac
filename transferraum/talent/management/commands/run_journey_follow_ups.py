from transferraum.core.locks import ScheduledCommand
from transferraum.talent.services.journeys import follow_ups_run


class Command(ScheduledCommand):
    help = (
        "Send the 12- and 24-month follow-up questions of relocation journeys and their one "
        "reminder (run once a day, e.g. by cron; a second run on the same day, on any server, "
        "does nothing)."
    )

    def run_scheduled(self) -> str:
        report = follow_ups_run()
        return f"Follow-ups: {report.sent} sent, {report.reminded} reminded."
