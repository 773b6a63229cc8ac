from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import PERSONAL, MenuEntry, menu_register, signed_in, staff


class CoreConfig(AppConfig):
    name = "transferraum.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        menu_register(
            MenuEntry(
                "start", _("My area"), order=10, visible=signed_in, exact=True, section=PERSONAL
            ),
            MenuEntry(
                "admin:index",
                _("Administration"),
                order=900,
                visible=staff,
                marks_current=False,
                section=PERSONAL,
            ),
        )
        # Every app's start-page provider (`<app>/start.py`, see core.start), as the admin
        # finds `admin.py`: core names no app.
        autodiscover_modules("start")
        # Each app's search providers (`core.site_search`) and page connections (`core.related`).
        autodiscover_modules("site_search", "related")
        from transferraum.core.checks import database_log_at_start  # registers the checks

        database_log_at_start()
