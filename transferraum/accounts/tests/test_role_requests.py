"""Role requests: asking, granting, refusing with a reason, withdrawing, the e-mail domain."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings

from transferraum.accounts.models import RoleRequest, StudentEmailDomain, User
from transferraum.accounts.selectors import role_requests_waiting
from transferraum.accounts.services import (
    STEP_SERVICES,
    role_request_grant,
    role_request_refuse,
    role_request_submit,
    role_request_withdraw,
    user_grant_student_by_email,
)
from transferraum.accounts.tests.factories import (
    RoleRequestFactory,
    StudyProgrammeFactory,
    UserFactory,
)
from transferraum.accounts.workflow import LIFECYCLE
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity

S = RoleRequest.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(db) -> User:
    return UserFactory(email="mia.neu@example.org", name="Mia Neumann", language="de")


def _ask_student(person: User, **extra) -> RoleRequest:
    programme = StudyProgrammeFactory(name="Geographie")
    data = {"study_programme_id": programme.pk, "semester": 3, **extra}
    return role_request_submit(actor=person, role=User.Role.STUDENT, note="Bitte", **data)


def test_a_person_asks_for_the_student_role_with_programme_and_semester(newcomer):
    role_request = _ask_student(newcomer)

    assert role_request.status == S.OPEN
    assert role_request.study_programme.name == "Geographie"
    assert role_request.semester == 3
    newcomer.refresh_from_db()
    assert newcomer.roles == set()
    assert Activity.objects.filter(verb="role_request.submit").count() == 1


def test_a_student_request_needs_programme_and_semester(newcomer):
    with pytest.raises(DomainError) as error:
        role_request_submit(actor=newcomer, role=User.Role.STUDENT, semester=3)
    assert error.value.field == "study_programme"
    with pytest.raises(DomainError) as error:
        _ask_student(newcomer, semester=None)
    assert error.value.field == "semester"
    assert not RoleRequest.objects.exists()


def test_other_roles_keep_no_programme(newcomer):
    programme = StudyProgrammeFactory()
    role_request = role_request_submit(
        actor=newcomer,
        role=User.Role.RESEARCHER,
        study_programme_id=programme.pk,
        semester=2,
    )
    assert role_request.study_programme is None
    assert role_request.semester is None


def test_a_second_open_request_for_the_same_role_is_refused(newcomer):
    _ask_student(newcomer)

    with pytest.raises(DomainError, match="bereits angefragt"):
        _ask_student(newcomer)
    assert RoleRequest.objects.count() == 1
    # Another role is another request.
    role_request_submit(actor=newcomer, role=User.Role.FOUNDER)
    assert RoleRequest.objects.count() == 2


def test_a_role_one_holds_or_cannot_ask_for_is_refused(newcomer, student_geography, coordinator):
    with pytest.raises(DomainError, match="haben diese Rolle bereits"):
        _ask_student(student_geography)
    with pytest.raises(DomainError):
        role_request_submit(actor=newcomer, role=User.Role.COORDINATOR)
    with pytest.raises(DomainError):
        role_request_submit(actor=newcomer, role=User.Role.STAFF)
    with pytest.raises(PermissionDenied):
        role_request_submit(actor=coordinator, role=User.Role.RESEARCHER)


def test_a_coordinator_grants_the_student_role_with_the_programme(
    newcomer, coordinator, django_capture_on_commit_callbacks
):
    role_request = _ask_student(newcomer)

    with django_capture_on_commit_callbacks(execute=True):
        granted = role_request_grant(actor=coordinator, role_request=role_request)

    assert granted.status == S.GRANTED
    assert granted.decided_by == coordinator
    assert granted.decided_at is not None
    newcomer.refresh_from_db()
    assert newcomer.roles == {User.Role.STUDENT}
    assert newcomer.study_programme.name == "Geographie"
    assert newcomer.semester == 3
    assert Activity.objects.filter(verb="role_request.grant").count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mia.neu@example.org"]
    assert message.subject == "[Transferraum] Ihre Rolle: Studierende/r"
    assert "/konto/profil/" in message.body
    html = message.alternatives[0][0] if message.alternatives else ""
    assert not html or "/konto/profil/" in html


def test_the_email_reaches_the_requester_in_her_language(
    newcomer, coordinator, django_capture_on_commit_callbacks
):
    newcomer.language = "en"
    newcomer.save()
    role_request = role_request_submit(actor=newcomer, role=User.Role.FOUNDER)

    with django_capture_on_commit_callbacks(execute=True):
        role_request_refuse(actor=coordinator, role_request=role_request, note="No idea yet.")

    assert "Your request for the role" in mail.outbox[0].subject
    assert "No idea yet." in mail.outbox[0].body


def test_refusing_needs_a_reason_which_the_person_reads(
    newcomer, coordinator, django_capture_on_commit_callbacks
):
    role_request = role_request_submit(actor=newcomer, role=User.Role.SUPERVISOR)

    with pytest.raises(DomainError) as error:
        role_request_refuse(actor=coordinator, role_request=role_request, note="  ")
    assert error.value.field == "note"
    role_request.refresh_from_db()
    assert role_request.status == S.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        refused = role_request_refuse(
            actor=coordinator, role_request=role_request, note="Bitte über den Lehrstuhl."
        )
    assert refused.status == S.REFUSED
    assert refused.reason == "Bitte über den Lehrstuhl."
    newcomer.refresh_from_db()
    assert newcomer.roles == set()
    assert "Bitte über den Lehrstuhl." in mail.outbox[0].body


def test_the_requester_withdraws_her_open_request(newcomer, coordinator, outsider):
    role_request = role_request_submit(actor=newcomer, role=User.Role.RESEARCHER)

    with pytest.raises(PermissionDenied):
        role_request_withdraw(actor=outsider, role_request=role_request)
    with pytest.raises(PermissionDenied):
        role_request_withdraw(actor=coordinator, role_request=role_request)
    withdrawn = role_request_withdraw(actor=newcomer, role_request=role_request)

    assert withdrawn.status == S.WITHDRAWN
    assert not mail.outbox
    # Once withdrawn, she may ask again.
    assert role_request_submit(actor=newcomer, role=User.Role.RESEARCHER).status == S.OPEN


def test_an_answered_request_cannot_be_answered_again(newcomer, coordinator):
    role_request = role_request_submit(actor=newcomer, role=User.Role.RESEARCHER)
    role_request_grant(actor=coordinator, role_request=role_request)

    with pytest.raises(DomainError, match="bereits beantwortet"):
        role_request_refuse(actor=coordinator, role_request=role_request, note="Doch nicht.")
    with pytest.raises(DomainError, match="bereits beantwortet"):
        role_request_withdraw(actor=newcomer, role_request=role_request)


# persona → the lifecycle roles it holds for a request of `newcomer`
PERSONAS = {
    "newcomer": {"requester"},
    "coordinator": {"coordinator"},
    "officer_eilenburg": set(),
    "student_geography": set(),
    "outsider": set(),
}
CASES = [
    (persona, status, step)
    for persona in PERSONAS
    for status in S.values
    for step in LIFECYCLE.transitions
]


@pytest.mark.parametrize(
    ("persona", "status", "step"), CASES, ids=[f"{p}-{s}-{a}" for p, s, a in CASES]
)
def test_every_step_for_every_role_and_status(request, newcomer, persona, status, step):
    """Only coordinators decide, only the requester withdraws, only an open request moves."""
    actor = request.getfixturevalue(persona)
    role_request = RoleRequestFactory(user=newcomer, status=status)
    transition = LIFECYCLE[step]
    allowed = status in transition.sources and bool(transition.roles & PERSONAS[persona])

    if allowed:
        result = STEP_SERVICES[step](actor=actor, role_request=role_request, note="Grund")
        assert result.status == transition.target
    else:
        expected = PermissionDenied if not transition.roles & PERSONAS[persona] else DomainError
        with pytest.raises(expected):
            STEP_SERVICES[step](actor=actor, role_request=role_request, note="Grund")
        role_request.refresh_from_db()
        assert role_request.status == status


# --- the e-mail domain ------------------------------------------------------------------------


@pytest.fixture
def uni_student(db) -> User:
    return UserFactory(email="mia@studserv.uni-leipzig.de", name="Mia Neumann")


@override_settings(STUDENT_EMAIL_DOMAINS=["studserv.uni-leipzig.de"])
def test_a_verified_university_address_grants_the_student_role_when_she_asks(uni_student):
    role_request = _ask_student(uni_student)

    assert role_request.status == S.GRANTED
    assert role_request.by_email_domain
    assert role_request.decided_by is None
    uni_student.refresh_from_db()
    assert uni_student.roles == {User.Role.STUDENT}
    assert uni_student.study_programme.name == "Geographie"


def test_the_coordinators_list_of_domains_counts_too(uni_student):
    StudentEmailDomain.objects.create(domain=" @StudServ.Uni-Leipzig.de ")

    assert _ask_student(uni_student).status == S.GRANTED


@override_settings(STUDENT_EMAIL_DOMAINS=["studserv.uni-leipzig.de"])
def test_an_unverified_university_address_waits_for_the_coordinators(uni_student):
    EmailAddress.objects.filter(user=uni_student).update(verified=False)

    role_request = _ask_student(uni_student)

    assert role_request.status == S.OPEN
    # Verifying the address later grants the waiting request.
    EmailAddress.objects.filter(user=uni_student).update(verified=True)
    granted = user_grant_student_by_email(user=uni_student)
    assert granted is not None and granted.pk == role_request.pk
    uni_student.refresh_from_db()
    assert uni_student.roles == {User.Role.STUDENT}


@override_settings(STUDENT_EMAIL_DOMAINS=["studserv.uni-leipzig.de"])
def test_verifying_a_university_address_makes_a_newcomer_a_student(uni_student, newcomer):
    granted = user_grant_student_by_email(user=uni_student)

    assert granted is not None and granted.status == S.GRANTED
    uni_student.refresh_from_db()
    assert uni_student.roles == {User.Role.STUDENT}
    # Other domains and people who have a role already change nothing.
    assert user_grant_student_by_email(user=newcomer) is None
    assert user_grant_student_by_email(user=uni_student) is None


def test_without_configured_domains_nobody_is_granted_automatically(uni_student):
    assert _ask_student(uni_student).status == S.OPEN


# --- what waits -------------------------------------------------------------------------------


def test_role_requests_waiting_for_coordinators_and_requesters(newcomer, coordinator, outsider):
    mine = role_request_submit(actor=newcomer, role=User.Role.FOUNDER)
    other = role_request_submit(actor=outsider, role=User.Role.SUPERVISOR)
    role_request_withdraw(actor=outsider, role_request=other)

    assert list(role_requests_waiting(coordinator)) == [mine]
    assert list(role_requests_waiting(newcomer)) == [mine]
    assert list(role_requests_waiting(outsider)) == []
    role_request_grant(actor=coordinator, role_request=mine)
    assert list(role_requests_waiting(coordinator)) == []
    assert list(role_requests_waiting(newcomer)) == []
