from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from transferraum.demo.data.generate import PERSONA_PASSWORD, PERSONAS, SIZES
from transferraum.demo.generate import GeneratedDataExists, data_generate


class Command(BaseCommand):
    help = (
        "Generate a region's worth of data for trying pages at scale and for the benchmarks "
        "(small ≈ 1,000 organisations and people, medium ≈ 10,000, full ≈ 100,000); "
        "see docs/large-data.md."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--size", choices=sorted(SIZES), default="small")
        parser.add_argument(
            "--seed", type=int, default=18, help="The same seed gives the same data."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the data generated before (and only that) first.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Generate even with DEBUG off (the personas share a published password).",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like production. The generated personas share a "
                "published password; pass --force to generate anyway."
            )
        try:
            ctx = data_generate(
                size=options["size"],
                seed=options["seed"],
                replace=options["replace"],
                log=lambda line: self.stdout.write(f"  {line}"),
            )
        except GeneratedDataExists:
            raise CommandError(
                "This database holds generated data already (people @bench.example). Pass "
                "--replace to delete it and generate again, or use a fresh database."
            ) from None
        self.stdout.write(
            "Generated: " + ", ".join(f"{number:,} {name}" for name, number in ctx.counts.items())
        )
        self.stdout.write("")
        self.stdout.write(f"Logins (password for every one: {PERSONA_PASSWORD}):")
        width = max(len(email) for email, _role in PERSONAS)
        for email, role in PERSONAS:
            self.stdout.write(f"  {email:<{width}}  {role}")
