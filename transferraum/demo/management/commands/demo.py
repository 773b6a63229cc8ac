from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from transferraum.demo.mfa import DEMO_TOTP_SECRET
from transferraum.demo.services import DEMO_LOGINS, DEMO_PASSWORD, DEMO_SEED, demo_load
from transferraum.projects.models import Application, Project, Round
from transferraum.recommendations.models import Recommendation


class Command(BaseCommand):
    help = "Fill the database with the fictional demo programme (idempotent) and list the logins."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=DEMO_SEED, help="Seed for the generated students."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off (the demo accounts share a published password).",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like production. The demo accounts share a published "
                "password; pass --force to load them anyway."
            )
        report = demo_load(seed=options["seed"])
        self.stdout.write(
            f"Demo: {report.organisations} organisations with {report.listings} offers and "
            f"needs, {report.people} people, {report.students} students, {report.competences} "
            f"competences, {report.challenges} challenges from draft to completed "
            f"({report.created} new rows)."
        )
        self.stdout.write(
            f"Practice projects: {Round.objects.count()} rounds, {Project.objects.count()} "
            f"projects, {Application.objects.count()} applications."
        )
        recommendations = Recommendation.objects.all()
        self.stdout.write(
            f"Recommendations: {recommendations.count()} in "
            f"{len(set(recommendations.values_list('status', flat=True)))} of "
            f"{len(Recommendation.Status)} states, "
            f"{recommendations.filter(confidential=True).count()} confidential."
        )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for every account: {DEMO_PASSWORD}):")
        width = max(len(email) for email, _role in DEMO_LOGINS)
        for email, role in DEMO_LOGINS:
            self.stdout.write(f"  {email:<{width}}  {role}")
        self.stdout.write("")
        self.stdout.write(
            "Coordinators, town staff and organisation admins also need a second factor: an "
            f"authenticator app with the secret {DEMO_TOTP_SECRET}, or the code of the moment "
            "from `manage.py demo_totp`."
        )
