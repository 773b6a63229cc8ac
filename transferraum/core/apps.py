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
        # What each app stores about people and how it is exported and erased (core.privacy).
        autodiscover_modules("privacy")
        from transferraum.core.checks import database_log_at_start  # registers the checks

        database_log_at_start()
        from transferraum.core import choices

        choices.install()
        # Which task runs (for effects done once) and who hears of a failed one: every backend
        # sends these signals, the worker's and the tests' immediate one alike.
        from django_tasks.signals import task_finished, task_started

        from transferraum.core.tasks import on_task_finished, on_task_started

        task_started.connect(on_task_started, dispatch_uid="transferraum.core.tasks.started")
        task_finished.connect(on_task_finished, dispatch_uid="transferraum.core.tasks.finished")
