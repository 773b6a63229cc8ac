from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import PROGRAMME, MenuEntry, menu_register


class ProjectsConfig(AppConfig):
    name = "transferraum.projects"
    label = "projects"
    verbose_name = _("Practice projects")

    def ready(self) -> None:
        menu_register(
            MenuEntry("projects:rounds", _("Projects"), order=20, section=PROGRAMME),
        )
