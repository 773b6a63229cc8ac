from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import NETWORK, MenuEntry, coordinators, menu_register


class ActorsConfig(AppConfig):
    name = "transferraum.actors"
    label = "actors"
    verbose_name = _("Actors")

    def ready(self) -> None:
        menu_register(
            MenuEntry(
                "actors:competences",
                _("Vocabulary"),
                order=30,
                visible=coordinators,
                exact=True,
                section=NETWORK,
            ),
        )
