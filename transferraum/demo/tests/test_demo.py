from __future__ import annotations

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Membership, Organisation
from transferraum.core.models import Activity
from transferraum.demo.services import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    EILENBURG,
    PERSONA_STUDENTS,
    ZEITZ,
    DemoReport,
    demo_load,
    demo_students,
)


@pytest.fixture
def demo(db) -> DemoReport:
    return demo_load()


def _membership_role(email: str, organisation: str) -> str:
    return Membership.objects.get(user__email=email, organisation__name=organisation).role


def test_demo_has_ten_or_more_companies_and_associations_in_the_partner_towns(demo):
    local = Organisation.objects.filter(
        kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.CIVIL_SOCIETY],
        municipality__ags__in=[EILENBURG, ZEITZ],
    )
    assert local.count() >= 10
    assert local.filter(municipality__ags=EILENBURG).exists()
    assert local.filter(municipality__ags=ZEITZ).exists()
    assert not local.filter(short_description="").exists()
    for organisation in local:
        assert organisation.memberships.filter(role=Membership.Role.ADMIN).exists(), organisation


def test_demo_has_both_town_administrations_with_staff(demo):
    eilenburg = Organisation.objects.get(name="Stadtverwaltung Eilenburg")
    zeitz = Organisation.objects.get(name="Stadtverwaltung Zeitz")
    assert (eilenburg.kind, eilenburg.municipality.ags) == (Organisation.Kind.TOWN, EILENBURG)
    assert (zeitz.kind, zeitz.municipality.ags) == (Organisation.Kind.TOWN, ZEITZ)
    assert eilenburg.memberships.count() >= 2
    assert zeitz.memberships.count() >= 2
    assert _membership_role("wirtschaft@eilenburg.example", eilenburg.name) == "admin"
    assert _membership_role("stadtplanung@zeitz.example", zeitz.name) == "admin"


def test_demo_has_university_units_in_leipzig(demo):
    units = Organisation.objects.filter(kind=Organisation.Kind.UNIVERSITY_UNIT)
    assert units.count() >= 5
    assert set(units.values_list("municipality__name", flat=True)) == {"Leipzig"}


def test_demo_has_sixty_or_more_students_in_four_or_more_programmes(demo):
    students = User.objects.filter(role=User.Role.STUDENT)
    assert students.count() >= 60
    assert students.values("study_programme").distinct().count() >= 4
    assert not students.filter(study_programme__isnull=True).exists()
    semesters = set(students.values_list("semester", flat=True))
    assert semesters <= set(range(1, 11))
    assert StudyProgramme.objects.count() >= 8


def test_demo_has_coordinators_supervisors_researchers_and_a_founder(demo):
    def count(role: str) -> int:
        return User.objects.filter(role=role).count()

    assert count(User.Role.COORDINATOR) == 2
    assert count(User.Role.SUPERVISOR) >= 6
    assert count(User.Role.RESEARCHER) >= 1
    assert count(User.Role.FOUNDER) >= 1
    transfer = Organisation.objects.get(name="Universität Leipzig – Transferstelle")
    assert set(transfer.memberships.values_list("user__role", flat=True)) == {"coordinator"}


def test_personas_have_their_roles_and_memberships(demo):
    vogel = User.objects.get(email="koordination@uni-leipzig.example")
    assert (vogel.name, vogel.role) == ("Dr. Katrin Vogel", User.Role.COORDINATOR)
    assert vogel.is_staff and vogel.is_superuser
    assert User.objects.get(email="wirtschaft@eilenburg.example").name == "Thomas Berger"
    werkstaetten = Organisation.objects.get(name="Zeitzer Werkstätten GmbH")
    assert werkstaetten.municipality.ags == ZEITZ
    assert _membership_role("inhaberin@zeitzer-werkstaetten.example", werkstaetten.name) == "admin"
    assert User.objects.get(email="betreuung@uni-leipzig.example").role == User.Role.SUPERVISOR
    lena = User.objects.get(email="lena.schubert@studserv.uni-leipzig.example")
    jonas = User.objects.get(email="jonas.weber@studserv.uni-leipzig.example")
    assert lena.study_programme.name == "Geographie"
    assert jonas.study_programme.name == "Informatik"
    assert User.objects.get(email="begleitforschung@uni-leipzig.example").role == "researcher"
    assert User.objects.get(email="gruenderin@startup-eilenburg.example").role == "founder"


def test_every_account_uses_an_example_domain_and_german(demo):
    emails = list(User.objects.values_list("email", flat=True))
    assert all(email.rsplit("@", 1)[1].endswith(".example") for email in emails)
    assert set(User.objects.values_list("language", flat=True)) == {"de"}
    verified = EmailAddress.objects.filter(verified=True, primary=True)
    assert verified.count() == len(emails)


def test_every_demo_login_works(demo, client):
    for email, _role in DEMO_LOGINS:
        assert client.login(email=email, password=DEMO_PASSWORD), email
        client.logout()


def test_demo_login_through_the_login_form_passes_mandatory_verification(demo, client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    response = client.post(
        reverse("account_login"),
        {"login": "stadtplanung@zeitz.example", "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")


def test_second_run_creates_and_changes_nothing(demo):
    def snapshot() -> dict[str, object]:
        return {
            "users": sorted(User.objects.values_list("email", "name", "role", "password")),
            "organisations": sorted(Organisation.objects.values_list("name", "slug", "kind")),
            "memberships": Membership.objects.count(),
            "addresses": EmailAddress.objects.count(),
            "programmes": StudyProgramme.objects.count(),
            "activities": Activity.objects.count(),
        }

    before = snapshot()
    second = demo_load()
    assert second.created == 0
    assert demo.created > 0
    assert (second.organisations, second.people, second.students) == (
        demo.organisations,
        demo.people,
        demo.students,
    )
    assert snapshot() == before


def test_same_seed_gives_the_same_students(demo):
    expected = {s.name for s in [*PERSONA_STUDENTS, *demo_students(2026)]}
    stored = set(User.objects.filter(role=User.Role.STUDENT).values_list("name", flat=True))
    assert stored == expected
    assert demo_students(2026) == demo_students(2026)
    assert demo_students(2026) != demo_students(7)


def test_generated_student_emails_are_unique_ascii_and_avoid_the_personas():
    students = demo_students(2026)
    emails = [s.email for s in students] + [s.email for s in PERSONA_STUDENTS]
    assert len(emails) == len(set(emails))
    assert all(email.isascii() for email in emails)
    assert all(email.endswith("@studserv.uni-leipzig.example") for email in emails)


def test_command_refuses_to_run_with_debug_off_unless_forced(db, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("demo", stdout=StringIO())
    assert not User.objects.exists()


def test_command_prints_the_summary_and_the_logins(db, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert "students" in text
    assert DEMO_PASSWORD in text
    for email, _role in DEMO_LOGINS:
        assert email in text
