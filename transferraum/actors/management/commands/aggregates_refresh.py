"""Rebuild the map's cells and the links between organisations (once a day on any number of
servers): the services rebuild them after their writes; this catches writes that go around
them (the admin, a deactivated or erased account)."""

from __future__ import annotations

from transferraum.actors.aggregates import map_cells_refresh, organisation_links_refresh
from transferraum.core.locks import ScheduledCommand


class Command(ScheduledCommand):
    help = "Rebuild the map's cells and the links between organisations."

    def run_scheduled(self) -> str:
        cells = map_cells_refresh()
        links = organisation_links_refresh()
        return f"Map cells: {cells}, links between organisations: {links}."
