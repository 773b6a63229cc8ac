"""Several roles per person: the set on the account, the coordinators' page that gives and
takes roles, and the permission predicates of each app seeing every role a person holds."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from transferraum.accounts.models import User, UserRole
from transferraum.accounts.services import role_grant, role_request_submit, role_revoke
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity

R = User.Role
pytestmark = pytest.mark.django_db


# --- the set on the account ---------------------------------------------------------------------


def test_a_person_holds_several_roles_and_is_found_by_each():
    both = UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER])
    supervisor = UserFactory(role=R.SUPERVISOR)
    public = UserFactory()

    assert both.roles == {R.SUPERVISOR, R.RESEARCHER}
    assert both.has_role(R.RESEARCHER) and both.has_role(R.STUDENT, R.SUPERVISOR)
    assert not both.has_role(R.STUDENT) and not both.is_coordinator
    assert public.roles == set() and not public.has_role(R.PUBLIC)
    assert set(User.objects.with_role(R.SUPERVISOR)) == {both, supervisor}
    assert list(User.objects.with_role(R.RESEARCHER)) == [both]
    # a person with two of the asked roles is listed once
    assert list(User.objects.with_role(R.SUPERVISOR, R.RESEARCHER).filter(pk=both.pk)) == [both]


def test_roles_are_shown_in_the_order_of_the_choices(settings):
    person = UserFactory(roles=[R.FOUNDER, R.STUDENT])
    assert person.get_roles_display() == "Studierende/r, Gründer/in"
    assert UserFactory().get_roles_display() == str(R.PUBLIC.label)


def test_granting_twice_stores_one_row_and_the_public_role_none():
    person = UserFactory()
    assert person.grant_role(R.STUDENT) is True
    assert person.grant_role(R.STUDENT) is False
    assert person.grant_role(R.PUBLIC) is False
    assert UserRole.objects.filter(user=person).count() == 1
    assert person.revoke_role(R.STUDENT) is True
    assert person.roles == set()


def test_the_roles_are_read_once_per_object(django_assert_num_queries):
    person = User.objects.get(pk=UserFactory(roles=[R.STUDENT, R.FOUNDER]).pk)
    with django_assert_num_queries(1):
        assert person.has_role(R.STUDENT)
        assert person.has_role(R.FOUNDER)
        assert person.is_coordinator is False


def test_a_prefetched_list_reads_the_roles_in_one_query(django_assert_num_queries):
    for _n in range(3):
        UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER])
    with django_assert_num_queries(2):
        shown = [p.get_roles_display() for p in User.objects.prefetch_related("role_rows")]
    assert len(shown) == 3


# --- the migration from one role to a set -------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_each_stored_role_into_a_row():
    executor = MigrationExecutor(connection)
    before = [("accounts", "0003_data_export")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("accounts", "User")
    old.objects.create(email="a@example.org", role="supervisor")
    old.objects.create(email="b@example.org", role="public")
    old.objects.create(email="c@example.org", role="coordinator")
    try:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("accounts", "0004_roles_set")])
        rows = set(UserRole.objects.values_list("user__email", "role"))
        assert rows == {("a@example.org", "supervisor"), ("c@example.org", "coordinator")}
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


# --- the services ------------------------------------------------------------------------------


def test_a_role_request_adds_the_role_to_those_held(
    coordinator, django_capture_on_commit_callbacks
):
    from transferraum.accounts.services import role_request_grant

    supervisor = UserFactory(role=R.SUPERVISOR)
    request = role_request_submit(actor=supervisor, role=R.RESEARCHER, note="Begleitforschung")
    role_request_grant(actor=coordinator, role_request=request)
    supervisor.refresh_from_db()
    assert supervisor.roles == {R.SUPERVISOR, R.RESEARCHER}


def test_one_cannot_ask_for_a_role_one_holds():
    both = UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER])
    with pytest.raises(DomainError, match="diese Rolle bereits|this role already"):
        role_request_submit(actor=both, role=R.RESEARCHER)


def test_a_coordinator_gives_a_role_and_the_person_hears_of_it(
    coordinator, django_capture_on_commit_callbacks
):
    student = UserFactory(role=R.STUDENT, email="gruendet@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert role_grant(actor=coordinator, person=student, role=R.FOUNDER) is True
    assert student.roles == {R.STUDENT, R.FOUNDER}
    assert Activity.objects.filter(verb="role.grant", data__role="founder").count() == 1
    assert mail.outbox[0].to == ["gruendet@example.org"]
    assert "Gründer/in" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert role_grant(actor=coordinator, person=student, role=R.FOUNDER) is False
    assert len(mail.outbox) == 1


def test_a_coordinator_takes_a_role_with_a_reason_the_person_reads(
    coordinator, django_capture_on_commit_callbacks
):
    both = UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER], email="beides@example.org")
    with pytest.raises(DomainError) as refused:
        role_revoke(actor=coordinator, person=both, role=R.RESEARCHER, reason="  ")
    assert refused.value.field == "reason"
    assert both.roles == {R.SUPERVISOR, R.RESEARCHER}

    with django_capture_on_commit_callbacks(execute=True):
        role_revoke(actor=coordinator, person=both, role=R.RESEARCHER, reason="Projekt beendet.")
    both.refresh_from_db()
    assert both.roles == {R.SUPERVISOR}
    assert "Projekt beendet." in mail.outbox[0].body
    assert "Begleitforschung" in mail.outbox[0].subject or "Forsch" in mail.outbox[0].subject


def test_only_coordinators_give_and_take_roles(researcher):
    other = UserFactory()
    with pytest.raises(PermissionDenied):
        role_grant(actor=researcher, person=other, role=R.STUDENT)
    with pytest.raises(PermissionDenied):
        role_revoke(actor=researcher, person=researcher, role=R.RESEARCHER, reason="x")
    assert other.roles == set()


def test_the_last_coordinator_keeps_the_role(coordinator):
    with pytest.raises(DomainError, match="letzte|last"):
        role_revoke(actor=coordinator, person=coordinator, role=R.COORDINATOR, reason="Urlaub")
    assert User.objects.with_role(R.COORDINATOR).get() == coordinator
    second = UserFactory(role=R.COORDINATOR)
    role_revoke(actor=second, person=coordinator, role=R.COORDINATOR, reason="Wechsel")
    assert list(User.objects.with_role(R.COORDINATOR)) == [second]


def test_no_role_for_a_deactivated_account_and_no_public_role(coordinator):
    gone = UserFactory(is_active=False)
    with pytest.raises(DomainError):
        role_grant(actor=coordinator, person=gone, role=R.STUDENT)
    with pytest.raises(DomainError) as refused:
        role_grant(actor=coordinator, person=UserFactory(), role=R.PUBLIC)
    assert refused.value.field == "role"


# --- predicates of the apps see every role --------------------------------------------------------


def test_a_supervisor_who_researches_may_do_what_each_role_may(coordinator):
    from transferraum.projects.services.rounds import capacity_set  # noqa: PLC0415
    from transferraum.projects.tests.factories import RoundFactory  # noqa: PLC0415
    from transferraum.recommendations.permissions import _is_researcher  # noqa: PLC0415

    both = UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER])
    assert _is_researcher(both)
    entry = capacity_set(actor=coordinator, round=RoundFactory(), supervisor=both, capacity=4)
    assert entry is not None and entry.capacity == 4
    with pytest.raises(DomainError):
        capacity_set(
            actor=coordinator,
            round=RoundFactory(),
            supervisor=UserFactory(role=R.RESEARCHER),
            capacity=4,
        )


def test_a_student_who_founds_applies_as_a_student():
    from transferraum.projects.permissions import is_student  # noqa: PLC0415

    founder = UserFactory(roles=[R.STUDENT, R.FOUNDER])
    assert is_student(founder)
    assert not is_student(UserFactory(role=R.FOUNDER))


# --- the coordinators' page -------------------------------------------------------------------


def _page(person: User) -> str:
    return reverse("accounts:person_roles", args=[person.pk])


def test_the_page_lists_the_roles_and_gives_one(client, coordinator):
    both = UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER], name="Dr. Nadine Seidel")
    client.force_login(coordinator)

    page = client.get(_page(both)).content.decode()
    assert 'data-role="supervisor"' in page and 'data-role="researcher"' in page
    assert '<option value="researcher"' not in page  # held roles are not offered again

    response = client.post(_page(both), {"action": "grant", "role": "founder"})
    assert response.status_code == 302
    assert both.__class__.objects.get(pk=both.pk).roles == {
        R.SUPERVISOR,
        R.RESEARCHER,
        R.FOUNDER,
    }


def test_taking_a_role_without_reason_keeps_the_role_and_says_why(client, coordinator):
    both = UserFactory(roles=[R.SUPERVISOR, R.RESEARCHER])
    client.force_login(coordinator)

    response = client.post(_page(both), {"action": "revoke", "role": "researcher"})
    assert response.status_code == 200
    assert "Bitte nennen Sie einen Grund" in response.content.decode()
    assert User.objects.get(pk=both.pk).roles == {R.SUPERVISOR, R.RESEARCHER}

    response = client.post(
        _page(both),
        {"action": "revoke", "role": "researcher", "researcher-reason": "Stelle beendet"},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=both.pk).roles == {R.SUPERVISOR}


def test_a_stale_form_changes_nothing(client, coordinator):
    student = UserFactory(role=R.STUDENT)
    client.force_login(coordinator)
    response = client.post(
        _page(student), {"action": "revoke", "role": "researcher", "researcher-reason": "x"}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=student.pk).roles == {R.STUDENT}


def test_only_coordinators_open_the_page(client, researcher):
    client.force_login(researcher)
    assert client.get(_page(researcher)).status_code == 403
