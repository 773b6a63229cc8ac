from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import NETWORK, REGION, MenuEntry, menu_register


class NetworkConfig(AppConfig):
    name = "transferraum.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        menu_register(
            # One entry for the list of organisations: the directory, which also covers the
            # organisation pages.
            MenuEntry(
                "network:directory",
                _("Directory"),
                order=10,
                section=NETWORK,
                covers=("actors:organisations",),
            ),
            MenuEntry("network:graph", _("Cooperation network"), order=20, section=NETWORK),
            MenuEntry("network:map", _("Map of the organisations"), order=20, section=REGION),
        )
