from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ResearchConfig(AppConfig):
    name = "transferraum.research"
    label = "research"
    verbose_name = _("Accompanying research")

    def ready(self) -> None:
        from transferraum.core.menu import PERSONAL, RESEARCH, MenuEntry, menu_register, signed_in
        from transferraum.research import checks  # noqa: F401 (registers the deploy check)
        from transferraum.research.permissions import is_researcher

        menu_register(
            MenuEntry(
                "research:studies", _("Studies"), order=10, section=RESEARCH, visible=is_researcher
            ),
            # A participant's own studies and consents (withdrawal), for everyone signed in.
            MenuEntry(
                "research:my-studies",
                pgettext_lazy("research", "My studies"),
                order=40,
                visible=signed_in,
                exact=True,
                section=PERSONAL,
            ),
        )
