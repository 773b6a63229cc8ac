from transferraum.core.locks import ScheduledCommand
from transferraum.opportunities.services import expiry_reminders_send, opportunities_expire


class Command(ScheduledCommand):
    help = (
        "Take opportunities past their expiry date off the feed and remind organisations a week "
        "before (run once a day, e.g. by cron; on several servers only the first start works)."
    )

    def run_scheduled(self) -> str:
        expired = opportunities_expire()
        reminded = expiry_reminders_send()
        return f"Opportunities: {expired} expired, {reminded} reminders."
