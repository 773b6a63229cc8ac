import time
from argparse import ArgumentParser

from allauth.mfa import app_settings
from django.core.management.base import BaseCommand

from transferraum.demo.mfa import DEMO_TOTP_SECRET, demo_totp_code


class Command(BaseCommand):
    help = (
        "Print the current code of the demo's authenticator app (demo staff sign in with it; "
        "the secret is published, as the demo password is)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--secret", action="store_true", help="Print the secret as well.")

    def handle(self, *args, **options) -> None:
        period = app_settings.TOTP_PERIOD
        now = int(time.time())
        code = demo_totp_code(now // period)
        self.stdout.write(f"{code}  (valid for {period - now % period} more seconds)")
        if options["secret"]:
            self.stdout.write(f"Secret for an authenticator app: {DEMO_TOTP_SECRET}")
