from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import REGION, MenuEntry, menu_register


class RegionsConfig(AppConfig):
    name = "transferraum.regions"
    label = "regions"
    verbose_name = _("Region")

    def ready(self) -> None:
        menu_register(
            # The home page is the brand's link in the header, not a menu entry.
            MenuEntry("regions:region", _("Region"), order=10, exact=True, section=REGION),
        )
