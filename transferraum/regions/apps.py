from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import MenuEntry, menu_register


class RegionsConfig(AppConfig):
    name = "transferraum.regions"
    label = "regions"
    verbose_name = _("Region")

    def ready(self) -> None:
        menu_register(
            MenuEntry("regions:home", _("Home"), order=10, exact=True),
            MenuEntry("regions:region", _("Region"), order=20, exact=True),
        )
