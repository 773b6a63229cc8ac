from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import RESEARCH, MenuEntry, anyone, menu_register


class IndicatorsConfig(AppConfig):
    name = "transferraum.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from transferraum.indicators.permissions import can_view_dashboard

        menu_register(
            MenuEntry(
                "indicators:dashboard",
                _("Indicators"),
                order=10,
                section=RESEARCH,
                visible=can_view_dashboard,
            ),
            MenuEntry(
                "indicators:public",
                _("The programme in figures"),
                order=20,
                section=RESEARCH,
                visible=anyone,
            ),
        )
        # Every app's indicators (`<app>/indicators.py`, see registry.py), this app's own too.
        autodiscover_modules("indicators")
