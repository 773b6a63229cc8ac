"""Delete one-time form keys older than a day (`transferraum.core.formkeys`); run daily."""

from __future__ import annotations

from transferraum.core.formkeys import KEEP, form_keys_purge
from transferraum.core.locks import ScheduledCommand


class Command(ScheduledCommand):
    help = "Delete the one-time form keys and their kept results older than a day."

    def run_scheduled(self) -> str:
        deleted = form_keys_purge(older_than=KEEP)
        return f"{deleted} form keys deleted."
