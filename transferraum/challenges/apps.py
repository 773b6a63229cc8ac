from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import MenuEntry, coordinators, menu_register, signed_in


class ChallengesConfig(AppConfig):
    name = "transferraum.challenges"
    label = "challenges"
    verbose_name = _("Challenges")

    def ready(self) -> None:
        menu_register(
            MenuEntry("challenges:board", _("Challenges"), order=40),
            MenuEntry(
                "challenges:mine", _("Our challenges"), order=90, visible=signed_in, exact=True
            ),
            MenuEntry("challenges:queue", _("Review queue"), order=100, visible=coordinators),
        )
