from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    name = "transferraum.talent"
    label = "talent"
    verbose_name = _("Talent into the region")

    def ready(self) -> None:
        from transferraum.core.menu import PERSONAL, REGION, MenuEntry, menu_register, signed_in
        from transferraum.talent.permissions import (
            can_keep_talent_profile,
            can_see_funnel,
            holds_staff_role,
        )

        menu_register(
            MenuEntry("talent:calls", _("Trial living"), order=60, section=REGION),
            MenuEntry(
                "talent:pool-start",
                _("Talent pool"),
                order=62,
                section=REGION,
                visible=holds_staff_role,
            ),
            MenuEntry(
                "talent:funnel",
                _("Relocation journeys"),
                order=64,
                section=REGION,
                visible=can_see_funnel,
            ),
            MenuEntry(
                "talent:profile",
                _("My talent-pool profile"),
                order=60,
                section=PERSONAL,
                visible=can_keep_talent_profile,
                covers=("talent:inbox",),
            ),
            MenuEntry(
                "talent:journey",
                _("My way into the region"),
                order=62,
                section=PERSONAL,
                visible=signed_in,
            ),
        )
