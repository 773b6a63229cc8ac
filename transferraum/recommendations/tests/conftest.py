"""People and places around one Eilenburg project, shared by the recommendation tests."""

from __future__ import annotations

import pytest
from django.utils import translation

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import Membership, Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.projects.models import Project
from transferraum.recommendations.tests.factories import team_project
from transferraum.regions.tests.factories import zeitz


@pytest.fixture(autouse=True)
def _english():
    """Services answer in the active language; these tests read the English msgids."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def project(town_eilenburg, student_geography) -> Project:
    """Eilenburg's project with Lena (student_geography) in its published team."""
    return team_project(town_eilenburg, student_geography)


@pytest.fixture
def supervisor(project) -> User:
    return project.supervisors.get()


@pytest.fixture
def town_zeitz(db) -> Organisation:
    return OrganisationFactory(
        name="Stadtverwaltung Zeitz", kind=Organisation.Kind.TOWN, municipality=zeitz()
    )


@pytest.fixture
def officer_zeitz(town_zeitz) -> User:
    """A person of another town."""
    user = UserFactory(email="stadtplanung@zeitz.example", name="Uwe Kramer", role=User.Role.STAFF)
    MembershipFactory(user=user, organisation=town_zeitz, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def researcher_other(db) -> User:
    return UserFactory(
        email="evaluation@uni-leipzig.example", name="Dr. Ole Brandt", role=User.Role.RESEARCHER
    )
