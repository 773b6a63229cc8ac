"""``manage.py allocate INSTANCE.json``: the same tool as ``transferraum allocate``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from transferraum.allocation.cli import add_allocate_arguments, main


class Command(BaseCommand):
    help = "Allocate students to projects: reads an instance (JSON), writes the result (JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_allocate_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        argv = ["allocate", options["instance"]]
        for name in ("objective", "time_limit", "seed", "language", "indent"):
            if options.get(name) is not None:
                argv += [f"--{name.replace('_', '-')}", str(options[name])]
        code = main(argv, stdout=self.stdout, stderr=self.stderr)  # type: ignore[arg-type]
        if code:
            raise CommandError("allocation failed, see the message above", returncode=code)
