from transferraum.core.locks import ScheduledCommand
from transferraum.recommendations.services import recommendation_reminders_send


class Command(ScheduledCommand):
    help = (
        "Remind the responsible people and the coordinators of recommendations without a change "
        "for RECOMMENDATION_REMINDER_DAYS or past their date for a first answer (run once a day, "
        "e.g. by cron; a second run on the same day, on any server, sends nothing)."
    )

    def run_scheduled(self) -> str:
        report = recommendation_reminders_send()
        return f"Reminders: {report.recommendations} recommendations, {report.mails} e-mails."
