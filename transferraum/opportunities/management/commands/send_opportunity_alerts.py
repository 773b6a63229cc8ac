from transferraum.core.locks import ScheduledCommand
from transferraum.opportunities.alerts import alerts_send


class Command(ScheduledCommand):
    help = (
        "E-mail new opportunities that match saved searches: daily searches every day, weekly "
        "ones every seventh (run once a day; on several servers only the first start works)."
    )

    def run_scheduled(self) -> str:
        report = alerts_send()
        return (
            f"Alerts: {report.searches} searches, {report.items} items to {report.people} people."
        )
