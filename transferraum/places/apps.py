from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "transferraum.places"
    label = "places"
    verbose_name = _("Innovation places")

    def ready(self) -> None:
        from transferraum.core.menu import REGION, MenuEntry, menu_register

        menu_register(MenuEntry("places:places", _("Innovation places"), order=40, section=REGION))
