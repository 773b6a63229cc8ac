"""Personas shared by every test: the people of the programme, as the style guide names them."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import StudyProgrammeFactory, UserFactory
from transferraum.actors.models import Membership, Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.regions.tests.factories import eilenburg, zeitz

# Live-server tests run Django's ORM from Playwright's event loop thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Tests never assert on time (benchmarks do): Hypothesis' default deadline of 200 ms per example
# failed property tests when both cores were busy with the other tests.
hypothesis_settings.register_profile("transferraum", deadline=None)
hypothesis_settings.load_profile("transferraum")


@pytest.fixture
def town_eilenburg(db) -> Organisation:
    return OrganisationFactory(
        name="Stadtverwaltung Eilenburg",
        kind=Organisation.Kind.TOWN,
        municipality=eilenburg(),
        short_description="Verwaltung der Großen Kreisstadt Eilenburg",
    )


@pytest.fixture
def company_zeitz(db) -> Organisation:
    return OrganisationFactory(
        name="Zeitzer Werkstätten GmbH",
        kind=Organisation.Kind.COMPANY,
        municipality=zeitz(),
        short_description="Metallbau und Instandhaltung",
    )


@pytest.fixture
def coordinator(db) -> User:
    return UserFactory(
        email="koordination@uni-leipzig.example", name="Katrin Vogel", role=User.Role.COORDINATOR
    )


@pytest.fixture
def officer_eilenburg(town_eilenburg) -> User:
    user = UserFactory(
        email="wirtschaft@eilenburg.example", name="Thomas Berger", role=User.Role.STAFF
    )
    MembershipFactory(user=user, organisation=town_eilenburg, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def member_eilenburg(town_eilenburg) -> User:
    user = UserFactory(
        email="sachbearbeitung@eilenburg.example", name="Sabine Roth", role=User.Role.STAFF
    )
    MembershipFactory(user=user, organisation=town_eilenburg, role=Membership.Role.MEMBER)
    return user


@pytest.fixture
def owner_zeitz(company_zeitz) -> User:
    user = UserFactory(
        email="inhaberin@zeitzer-werkstaetten.example", name="Monika Lehmann", role=User.Role.STAFF
    )
    MembershipFactory(user=user, organisation=company_zeitz, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def student_geography(db) -> User:
    return UserFactory(
        email="lena.schubert@studserv.uni-leipzig.example",
        name="Lena Schubert",
        role=User.Role.STUDENT,
        study_programme=StudyProgrammeFactory(name="Geographie"),
        semester=5,
    )


@pytest.fixture
def student_informatics(db) -> User:
    return UserFactory(
        email="jonas.weber@studserv.uni-leipzig.example",
        name="Jonas Weber",
        role=User.Role.STUDENT,
        study_programme=StudyProgrammeFactory(name="Informatik"),
        semester=3,
    )


@pytest.fixture
def researcher(db) -> User:
    return UserFactory(
        email="begleitforschung@uni-leipzig.example",
        name="Dr. Jana Krüger",
        role=User.Role.RESEARCHER,
    )


@pytest.fixture
def outsider(db) -> User:
    return UserFactory(email="neugierig@example.org", name="Paul Fremd", role=User.Role.PUBLIC)


class S3Bucket:
    """The bucket of the `s3_uploads` fixture, as the store itself sees it."""

    def __init__(self, client, name: str) -> None:
        self.client = client
        self.name = name

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3_uploads(settings):
    """Uploads go to an S3 store, as with STORAGE_BACKEND=s3 (moto answers inside the process)."""
    import boto3
    from moto import mock_aws

    with mock_aws():
        client = boto3.client("s3", region_name="eu-central-1")
        client.create_bucket(
            Bucket="uploads", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "uploads",
                    "region_name": "eu-central-1",
                    "access_key": "testing",
                    "secret_key": "testing",
                    "file_overwrite": False,
                },
            },
        }
        yield S3Bucket(client, "uploads")


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only when DATABASE_URL points at PostgreSQL."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _language_reset():
    """Every test starts in the default language (German), whatever ran before it on this
    worker; a request with the English cookie leaves English active in the thread, so reset
    after it too."""
    from django.conf import settings
    from django.utils import translation

    # Activate rather than deactivate: with Playwright's event loop in the main thread,
    # asgiref's Local may answer from another context, where an earlier English request left
    # its language (seen as English pages in unit tests after the browser tests).
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _cache_reset():
    """Every test starts with an empty cache: the tests' cache lives as long as the worker, and
    an entry an earlier test left (a public dossier PDF under the digest of the same HTML, a
    rate-limit counter) must not answer for this one."""
    from django.core.cache import cache

    cache.clear()


def _access(fetch, viewer, key) -> int:
    """What a fetch-and-authorise selector (`<noun>_for_viewer`, `_for_editor` …) answers
    `viewer` for `key`, as the status the page would send: 200, 403 or 404."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    try:
        fetch(viewer, key)
    except Http404:
        return 404
    except PermissionDenied:
        return 403
    return 200


@pytest.fixture
def persona_user(request):
    """`persona_user(name)`: the persona fixture of that name; "anonymous" is a visitor who has
    not signed in."""
    from django.contrib.auth.models import AnonymousUser

    def get(name: str):
        return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)

    return get


@pytest.fixture
def access():
    """`access(fetch, viewer, key)`: the answer of a fetch-and-authorise selector (200/403/404)."""
    return _access
