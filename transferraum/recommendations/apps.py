from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import PROGRAMME, MenuEntry, menu_register


class RecommendationsConfig(AppConfig):
    name = "transferraum.recommendations"
    label = "recommendations"
    verbose_name = _("Recommendations")

    def ready(self) -> None:
        menu_register(
            MenuEntry("recommendations:tracker", _("Recommendations"), order=30, section=PROGRAMME),
        )
