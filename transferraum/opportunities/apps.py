from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import (
    PERSONAL,
    REGION,
    MenuEntry,
    coordinators,
    menu_register,
    signed_in,
)


class OpportunitiesConfig(AppConfig):
    name = "transferraum.opportunities"
    label = "opportunities"
    verbose_name = _("Opportunities")

    def ready(self) -> None:
        menu_register(
            MenuEntry(
                "opportunities:feed", _("Opportunities in the region"), order=30, section=REGION
            ),
            MenuEntry(
                "opportunities:queue",
                _("Opportunities to publish"),
                order=35,
                visible=coordinators,
                section=REGION,
            ),
            MenuEntry(
                "opportunities:mine",
                _("My applications"),
                order=55,
                visible=signed_in,
                section=PERSONAL,
            ),
            MenuEntry(
                "opportunities:searches",
                _("My saved searches"),
                order=56,
                visible=signed_in,
                section=PERSONAL,
            ),
        )
