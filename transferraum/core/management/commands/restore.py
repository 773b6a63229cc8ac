"""`manage.py restore <archive>`: put a backup of `manage.py backup` back (core.backup;
`make restore FILE=…`, docs/deployment.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from transferraum.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="An archive written by manage.py backup.")
        parser.add_argument(
            "--database-url",
            default="",
            help="Restore into this database instead of the site's (e.g. an empty one, to try "
            "a backup out).",
        )
        parser.add_argument("--without-files", action="store_true", help="The database only.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask first."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}.")
        if options["interactive"]:
            target = options["database_url"] or "the site's database"
            answer = input(
                f"This replaces everything in {target} and the uploaded files with {archive}.\n"
                "Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Nothing was restored.")
        try:
            restored = backup_restore(
                archive,
                database_url=options["database_url"],
                with_files=not options["without_files"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = 0 if options["without_files"] else len(restored.manifest.files)
        self.stdout.write(
            f"Restored {restored.manifest.created_at}: {len(restored.tables)} tables, "
            f"{restored.rows} rows, {files} files."
        )
