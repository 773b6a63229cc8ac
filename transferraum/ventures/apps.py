from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VenturesConfig(AppConfig):
    name = "transferraum.ventures"
    label = "ventures"
    verbose_name = _("Ventures")

    def ready(self) -> None:
        from transferraum.core.menu import (
            NETWORK,
            PERSONAL,
            MenuEntry,
            coordinators,
            menu_register,
            signed_in,
        )

        menu_register(
            MenuEntry("ventures:directory", _("Ventures"), order=30, section=NETWORK),
            MenuEntry("ventures:programmes", _("Support for founders"), order=40, section=NETWORK),
            MenuEntry("ventures:pipeline", _("Venture pipeline"), order=110, visible=coordinators),
            MenuEntry(
                "ventures:mine", _("My ventures"), order=60, visible=signed_in, section=PERSONAL
            ),
        )
