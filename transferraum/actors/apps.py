from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from transferraum.core.menu import NETWORK, MenuEntry, coordinators, menu_register


class ActorsConfig(AppConfig):
    name = "transferraum.actors"
    label = "actors"
    verbose_name = _("Actors")

    def ready(self) -> None:
        from transferraum.actors.selectors import competence_synonym_sets
        from transferraum.core.search import search_synonyms_register

        # "Geoinformatik" also finds a text that says "GIS".
        search_synonyms_register(competence_synonym_sets)
        menu_register(
            MenuEntry(
                "actors:competences",
                _("Vocabulary"),
                order=30,
                visible=coordinators,
                exact=True,
                section=NETWORK,
            ),
        )
