"""Factories for ventures: a venture with its founders at a stage, ticked checklists."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.regions.tests.factories import eilenburg
from transferraum.ventures.data.gates import CHECKLISTS
from transferraum.ventures.models import (
    ChecklistTick,
    Founder,
    Mentorship,
    Stage,
    Venture,
)


class VentureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venture

    name = factory.Sequence(lambda n: f"Gründung {n}")
    one_line = "Baustoffe aus dem Rückbau für neue Häuser"
    idea = "Geheime Idee: ein Marktplatz für gebrauchte Baustoffe."


def venture_make(
    founder: User | None = None,
    *,
    stage: str = Stage.IDEA,
    cofounders: int = 0,
    public: bool = False,
    **kwargs: object,
) -> Venture:
    """A venture of `founder` (a new founder when None) with `cofounders` more active founders,
    at `stage` (founded and later with a founding date), in Eilenburg."""
    founder = founder or UserFactory(role=User.Role.FOUNDER)
    founded: dict[str, object] = {}
    if Stage.values.index(stage) >= Stage.values.index(Stage.FOUNDED):
        founded = {
            "founded_on": timezone.localdate() - dt.timedelta(days=30),
            "legal_form": "UG (haftungsbeschränkt)",
            "register_number": "HRB 1234",
            "founded_town": eilenburg(),
        }
    venture = VentureFactory(
        stage=stage,
        is_public=public,
        municipality=eilenburg(),
        created_by=founder,
        **(founded | kwargs),
    )
    Founder.objects.create(venture=venture, user=founder, status=Founder.Status.ACTIVE)
    for _ in range(cofounders):
        Founder.objects.create(
            venture=venture, user=UserFactory(role=User.Role.FOUNDER), status=Founder.Status.ACTIVE
        )
    if public:
        from transferraum.ventures.services import venture_index

        venture_index(venture)
    return venture


def tick_all(venture: Venture, gate: str) -> None:
    ChecklistTick.objects.bulk_create(
        ChecklistTick(venture=venture, gate=gate, item=item.key) for item in CHECKLISTS[gate]
    )


def mentor_make(venture: Venture, mentor: User, *, status: str = "accepted") -> Mentorship:
    return Mentorship.objects.create(venture=venture, mentor=mentor, status=status)
