"""The search text of every generated object, through the project's own indexing: one function
per model, so that a change of the search index (a stored vector, FTS) is one line here too.

Each takes the unsaved object with its related objects set in memory (stand-ins holding the
fields the index reads) and the many-to-many values it will get."""

from __future__ import annotations

from collections.abc import Iterable

from transferraum.actors.models import Competence, Listing, Organisation, PersonProfile
from transferraum.actors.services import organisation_search_text, person_search_text
from transferraum.challenges.models import Challenge, TopicField, TransferFormat
from transferraum.challenges.services import challenge_search_text
from transferraum.projects.models import Project
from transferraum.projects.services.rounds import project_search_text
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services.common import recommendation_search_text


def index_organisation(
    organisation: Organisation, competences: Iterable[Competence], listings: Iterable[Listing]
) -> None:
    organisation.search_text = organisation_search_text(
        organisation, competences=competences, listings=listings
    )


def index_person(
    profile: PersonProfile, organisation_names: Iterable[str], competences: Iterable[Competence]
) -> None:
    profile.search_text = person_search_text(
        profile, organisation_names=organisation_names, competences=competences
    )


def index_challenge(
    challenge: Challenge, topics: Iterable[TopicField], formats: Iterable[TransferFormat]
) -> None:
    challenge.search_text = challenge_search_text(challenge, topics=topics, formats=formats)


def index_project(project: Project) -> None:
    project.search_text = project_search_text(project)


def index_recommendation(recommendation: Recommendation) -> None:
    recommendation.search_text = recommendation_search_text(recommendation)
