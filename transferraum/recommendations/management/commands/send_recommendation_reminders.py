from django.core.management.base import BaseCommand

from transferraum.recommendations.services import recommendation_reminders_send


class Command(BaseCommand):
    help = (
        "Remind the responsible people and the coordinators of recommendations without a change "
        "for RECOMMENDATION_REMINDER_DAYS or past their date for a first answer (run once a day, "
        "e.g. by cron; a second run on the same day sends nothing)."
    )

    def handle(self, *args: object, **options: object) -> None:
        report = recommendation_reminders_send()
        self.stdout.write(
            f"Reminders: {report.recommendations} recommendations, {report.mails} e-mails."
        )
