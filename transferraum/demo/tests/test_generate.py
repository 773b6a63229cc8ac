"""`manage.py generate_data`: the small preset, generated once for this module (inside a
transaction that is rolled back at its end), read by each test through the normal selectors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.db import transaction
from django.http import QueryDict

from transferraum.accounts.models import User
from transferraum.actors.models import Listing, Membership, Organisation, PersonProfile
from transferraum.actors.vocabulary import competences_load_starter
from transferraum.challenges.catalogue import catalogue_load
from transferraum.challenges.models import Challenge, Follow
from transferraum.challenges.selectors import BoardFilters, board_challenges
from transferraum.core.search import search_document
from transferraum.demo.data.generate import PERSONAS, SIZES
from transferraum.demo.generate import (
    GeneratedDataExists,
    data_generate,
    generated_delete,
    generated_exists,
)
from transferraum.demo.generate.context import Context
from transferraum.network.directory import (
    DirectoryFilters,
    directory_organisations,
    directory_people,
)
from transferraum.notifications.models import Notification
from transferraum.projects.models import (
    AllocationRun,
    Application,
    Assignment,
    Choice,
    Milestone,
    Project,
    Round,
)
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.regions.services import region_load_reference

SMALL = SIZES["small"]
TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker) -> Iterator[Context]:
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            region_load_reference()
            competences_load_starter()
            catalogue_load()
            yield data_generate(size="small", seed=18, today=TODAY)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


pytestmark = pytest.mark.django_db


def test_small_preset_creates_the_expected_numbers(generated):
    students = SMALL.rounds * SMALL.students_per_round
    assert Organisation.objects.count() == SMALL.organisations
    assert User.objects.with_role(User.Role.STUDENT).count() == students
    # the people, the students and the coordinator persona
    assert User.objects.count() == SMALL.people + students + 1
    assert PersonProfile.objects.count() == SMALL.people + students
    assert Challenge.objects.count() == SMALL.challenges
    assert Round.objects.count() == SMALL.rounds
    assert Recommendation.objects.count() == SMALL.recommendations
    low, high = SMALL.projects_per_round
    assert SMALL.rounds * low <= Project.objects.count() <= SMALL.rounds * high
    applications = Application.objects.count()
    assert students * 0.6 <= applications <= students
    assert 5 * applications <= Choice.objects.count() <= 10 * applications
    assert Assignment.objects.exists()
    assert AllocationRun.objects.filter(status=AllocationRun.Status.DONE).exists()
    assert Milestone.objects.exists()
    assert RecommendationEvent.objects.count() >= Recommendation.objects.count()
    assert Listing.objects.count() > SMALL.organisations / 2
    assert Membership.objects.count() > SMALL.people / 2
    assert Follow.objects.exists()
    assert Notification.objects.count() > students / 2
    assert generated.counts["organisations"] == SMALL.organisations
    from transferraum.opportunities.models import Opportunity

    assert Opportunity.objects.count() == generated.counts["opportunities"] > 0
    assert Opportunity.objects.published().exists()


def test_every_status_of_each_lifecycle_appears(generated):
    def seen(model, field):
        return set(model.objects.values_list(field, flat=True))

    assert seen(Challenge, "status") == set(Challenge.Status.values)
    assert seen(Recommendation, "status") == set(Recommendation.Status.values)
    assert seen(Round, "phase") == set(Round.Phase.values)
    assert seen(Project, "status") == set(Project.Status.values)
    assert seen(Milestone, "status") == set(Milestone.Status.values)
    assert seen(Organisation, "kind") == set(Organisation.Kind.values)
    assert Round.objects.filter(published_at__isnull=False).exists()


def test_recommendation_timelines_end_in_their_status(generated):
    for recommendation in Recommendation.objects.prefetch_related("events")[:40]:
        events = list(recommendation.events.all())
        assert events[0].action == "created"
        assert events[-1].to_status == recommendation.status
        for before, after in zip(events, events[1:], strict=False):
            assert after.from_status == before.to_status


def test_search_texts_are_the_services_own(generated):
    organisation = Organisation.objects.exclude(competences=None).first()
    assert organisation.search_text
    words = set(search_document([organisation.name, organisation.municipality.name]).split())
    assert words <= set(organisation.search_text.split())
    assert not Challenge.objects.filter(search_text="").exists()
    assert not Project.objects.filter(search_text="").exists()
    assert not Recommendation.objects.filter(search_text="").exists()


def test_board_search_finds_a_generated_challenge(generated):
    challenge = Challenge.objects.on_board().order_by("pk").first()
    query = QueryDict(mutable=True)
    query["q"] = challenge.title
    found = board_challenges(BoardFilters.from_query(query))
    assert challenge in found


def test_directory_search_finds_generated_organisations_and_people(generated):
    organisation = Organisation.objects.filter(kind=Organisation.Kind.COMPANY).first()
    query = QueryDict(mutable=True)
    query["q"] = organisation.name
    assert organisation in directory_organisations(DirectoryFilters.from_query(query))

    profile = PersonProfile.objects.filter(
        visibility=PersonProfile.Visibility.PUBLIC, user__role_rows__role=User.Role.STAFF
    ).first()
    query = QueryDict(mutable=True)
    query.update({"q": profile.user.name, "typ": "personen"})
    filters = DirectoryFilters.from_query(query)
    assert profile in directory_people(AnonymousUser(), filters)


def test_personas_can_log_in_and_everyone_else_cannot(generated):
    emails = [email for email, _role in PERSONAS]
    for email in emails:
        user = User.objects.get(email=email)
        assert user.has_usable_password()
        assert user.emailaddress_set.filter(verified=True).exists()
    others = User.objects.exclude(email__in=emails).exclude(email__startswith="student")
    assert not any(user.has_usable_password() for user in others[:50])


def test_student_personas_can_rank_and_the_team_persona_has_a_workspace(generated):
    student = User.objects.get(email="student1@bench.example")
    assert student.applications.filter(round__phase=Round.Phase.APPLICATIONS).exists()
    team = User.objects.get(email="team@bench.example")
    assignment = team.assignments.get(round__phase=Round.Phase.WORK)
    assert assignment.project.status == Project.Status.RUNNING
    assert assignment.round.published_at is not None


def test_second_run_without_replace_refuses(generated, settings):
    assert generated_exists()
    with pytest.raises(GeneratedDataExists):
        data_generate(size="small", today=TODAY)
    settings.DEBUG = True
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_data", "--size", "small", stdout=StringIO())


def test_replace_deletes_only_generated_data(generated):
    own = Organisation.objects.create(name="Eigene GmbH", slug="eigene-gmbh", kind="company")
    person = User.objects.create(email="person@example.org", name="Eigene Person")
    generated_delete()
    assert not generated_exists()
    assert list(Organisation.objects.all()) == [own]
    assert list(User.objects.all()) == [person]
    assert not Round.objects.exists()
    assert not Challenge.objects.exists()
