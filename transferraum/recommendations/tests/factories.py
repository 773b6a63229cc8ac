"""Factories for recommendations, their events and milestones, and a published team project."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.projects.models import Project, Round
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, place
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)


def team_project(town: Organisation, *members: User, **kwargs: object) -> Project:
    """A running project of `town`'s challenge in a round whose allocation is published, with
    `members` in its team."""
    round = RoundFactory(phase=Round.Phase.WORK, published_at=timezone.now())
    challenge = ChallengeFactory(
        organisation=town,
        municipality=town.municipality,
        status=Challenge.Status.IN_PROGRESS,
    )
    project = ProjectFactory(
        round=round, challenge=challenge, status=Project.Status.RUNNING, **kwargs
    )
    for member in members:
        place(member, project)
    return project


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A complete team-written draft, addressed to the council of the project's town."""

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    round = factory.LazyAttribute(lambda o: o.project.round if o.project else None)
    municipality = factory.LazyAttribute(
        lambda o: o.project.challenge.municipality if o.project else None
    )
    written_by_kind = Recommendation.Author.TEAM
    title = factory.Sequence(lambda n: f"Leerstandskataster für die Innenstadt {n}")
    summary = "Ein öffentliches Kataster der leeren Läden hilft, Nachnutzungen zu finden."
    rationale = "Die Befragung von 40 Eigentümern zeigt: Interessenten finden die Läden nicht."
    expected_effect = "Weniger Leerstand am Markt innerhalb von zwei Jahren."
    cost_min = 2000
    cost_max = 5000
    effort = Recommendation.Effort.SMALL
    addressee_kind = Recommendation.Addressee.COUNCIL
    addressee_name = "Stadtrat"
    status = Recommendation.Status.DRAFTED
    decision_note = factory.LazyAttribute(
        lambda o: "Kein Geld im Haushalt." if o.status == Recommendation.Status.REJECTED else ""
    )


class ResearchRecommendationFactory(RecommendationFactory):
    project = None
    written_by_kind = Recommendation.Author.RESEARCH
    addressee_kind = Recommendation.Addressee.DEPARTMENT
    addressee_name = "Amt für Stadtentwicklung"


class RecommendationEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecommendationEvent

    recommendation = factory.SubFactory(RecommendationFactory)
    action = "created"
    from_status = ""
    to_status = factory.LazyAttribute(lambda o: o.recommendation.status)
    at = factory.LazyFunction(timezone.now)


class ImplementationMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImplementationMilestone

    recommendation = factory.SubFactory(RecommendationFactory)
    title = factory.Sequence(lambda n: f"Umsetzungsschritt {n}")
    due = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))
