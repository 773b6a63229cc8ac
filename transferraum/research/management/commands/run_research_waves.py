from transferraum.core.locks import ScheduledCommand
from transferraum.research.services.studies import waves_run


class Command(ScheduledCommand):
    help = (
        "Open the survey waves whose invitation date has come (the invitations go out) and "
        "close those past their closing time (run once a day, e.g. by cron; a second run on "
        "the same day, on any server, does nothing)."
    )

    def run_scheduled(self) -> str:
        report = waves_run()
        return f"Waves: {report.opened} opened, {report.closed} closed."
