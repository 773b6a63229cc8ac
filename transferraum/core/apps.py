from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import MenuEntry, menu_register, staff


class CoreConfig(AppConfig):
    name = "transferraum.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        menu_register(
            MenuEntry(
                "admin:index", _("Administration"), order=900, visible=staff, marks_current=False
            ),
        )
        # Each app's search providers (`core.site_search`) and page connections (`core.related`).
        autodiscover_modules("site_search", "related")
