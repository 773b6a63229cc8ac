"""Finding and deleting generated data, and only that: people whose e-mail address ends in
`bench.example`, organisations whose website does, rounds named `Lastprobe …`, and what belongs
to them."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.demo.data import generate as data
from transferraum.opportunities.models import Opportunity
from transferraum.projects.models import Project, Round
from transferraum.recommendations.models import Recommendation


def generated_users() -> QuerySet[User]:
    return User.objects.filter(email__iendswith=data.EMAIL_DOMAIN)


def generated_exists() -> bool:
    return (
        generated_users().exists()
        or Organisation.objects.filter(website__iendswith=f"{data.WEBSITE_SUFFIX}/").exists()
        or Round.objects.filter(name__startswith=f"{data.ROUND_PREFIX} ").exists()
    )


@transaction.atomic
def generated_delete() -> dict[str, int]:
    """Delete the generated data, leaves first (what protects what: recommendations protect
    projects, projects protect rounds and challenges, challenges protect organisations)."""
    rounds = Round.objects.filter(name__startswith=f"{data.ROUND_PREFIX} ")
    organisations = Organisation.objects.filter(website__iendswith=f"{data.WEBSITE_SUFFIX}/")
    deleted: dict[str, int] = {}

    def count(result: tuple[int, dict[str, int]]) -> None:
        for label, number in result[1].items():
            deleted[label] = deleted.get(label, 0) + number

    count(
        Recommendation.objects.filter(
            Q(round__in=rounds)
            | Q(project__round__in=rounds)
            | Q(addressee_organisation__in=organisations)
            | Q(created_by__in=generated_users())
        ).delete()
    )
    count(
        Project.objects.filter(
            Q(round__in=rounds) | Q(challenge__organisation__in=organisations)
        ).delete()
    )
    count(rounds.delete())
    count(Opportunity.objects.filter(organisation__in=organisations).delete())
    count(Challenge.objects.filter(organisation__in=organisations).delete())
    count(organisations.delete())
    count(generated_users().delete())
    return deleted
