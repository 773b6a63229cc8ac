from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "transferraum.research"
    label = "research"
    verbose_name = _("Accompanying research")

    def ready(self) -> None:
        from transferraum.core.menu import RESEARCH, MenuEntry, menu_register
        from transferraum.research.permissions import is_researcher

        menu_register(
            MenuEntry(
                "research:studies", _("Studies"), order=10, section=RESEARCH, visible=is_researcher
            ),
        )
