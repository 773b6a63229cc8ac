"""`manage.py backup`: the database and the uploaded files in one dated archive
(core.backup; `make backup`, scheduling in docs/deployment.md)."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from transferraum.core.backup import BackupError, backup_create, manifest_read


class Command(BaseCommand):
    help = "Write the database and the uploaded files into one archive under BACKUP_DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, default=None, help="Folder for the archive (BACKUP_DIR)."
        )
        parser.add_argument(
            "--without-files",
            action="store_true",
            help="The database only (when the uploads' bucket is versioned and backed up itself).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory = options["output"] or settings.BACKUP_DIR
        try:
            path = backup_create(directory=directory, with_files=not options["without_files"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        with tarfile.open(path, "r:gz") as archive:
            manifest = manifest_read(archive)
        self.stdout.write(
            f"{path}: {manifest.database}, {len(manifest.tables)} tables, "
            f"{sum(manifest.tables.values())} rows, {len(manifest.files)} files."
        )
