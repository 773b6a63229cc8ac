from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    name = "transferraum.talent"
    label = "talent"
    verbose_name = _("Talent into the region")

    def ready(self) -> None:
        from transferraum.opportunities.signals import application_accepted
        from transferraum.talent.services.journeys import journey_step_from_accepted_application

        # An accepted internship, thesis or job is a step of the person's journey (issue 22).
        application_accepted.connect(
            journey_step_from_accepted_application,
            dispatch_uid="transferraum.talent.journey_step_from_accepted_application",
        )
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
