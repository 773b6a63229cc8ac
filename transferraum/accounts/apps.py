from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import MenuEntry, coordinators, menu_register


class AccountsConfig(AppConfig):
    name = "transferraum.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        menu_register(
            MenuEntry("accounts:role_requests", _("Role requests"), order=105, visible=coordinators)
        )
