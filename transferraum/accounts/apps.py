from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import PERSONAL, MenuEntry, coordinators, menu_register, signed_in


class AccountsConfig(AppConfig):
    name = "transferraum.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from transferraum.accounts import checks  # noqa: F401 (registers the deploy check)

        menu_register(
            MenuEntry(
                "accounts:profile",
                _("My profile"),
                order=20,
                visible=signed_in,
                exact=True,
                section=PERSONAL,
            ),
            MenuEntry(
                "accounts:role_requests", _("Role requests"), order=105, visible=coordinators
            ),
        )
