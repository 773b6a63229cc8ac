from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import MenuEntry, menu_register


class NetworkConfig(AppConfig):
    name = "transferraum.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        menu_register(
            MenuEntry("network:directory", _("Directory"), order=30),
            MenuEntry("network:graph", _("Network"), order=80),
        )
