from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import PROGRAMME, MenuEntry, coordinators, menu_register, signed_in


class ChallengesConfig(AppConfig):
    name = "transferraum.challenges"
    label = "challenges"
    verbose_name = _("Challenges")

    def ready(self) -> None:
        menu_register(
            MenuEntry("challenges:board", _("Challenges"), order=10, section=PROGRAMME),
            MenuEntry(
                "challenges:mine",
                _("Our challenges"),
                order=40,
                visible=signed_in,
                exact=True,
                section=PROGRAMME,
            ),
            MenuEntry(
                "challenges:queue",
                _("Review queue"),
                order=50,
                visible=coordinators,
                section=PROGRAMME,
            ),
        )
