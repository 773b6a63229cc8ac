from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "transferraum.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Every app declares its kinds in `notification_kinds.py` (see `kinds.py`).
        autodiscover_modules("notification_kinds")
        from transferraum.notifications import checks  # noqa: F401  (registers the check)
