"""Services of rounds and projects: every rule and refusal, the phase walk, the notifications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone, translation

from transferraum.accounts.models import User
from transferraum.actors.models import Competence
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.challenges.models import Challenge, Follow
from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects import phases
from transferraum.projects.models import AllocationRun, Project, Round, SupervisorCapacity
from transferraum.projects.services.rounds import (
    capacity_set,
    project_complete,
    project_create,
    project_update,
    round_advance,
    round_create,
    round_reopen,
    round_update,
)
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorFactory,
    application_for,
    place,
)

P = Round.Phase
S = Project.Status


def _in(days: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English, whatever the German translation says."""
    with translation.override("en"):
        yield


@pytest.fixture
def practice():
    return TransferFormatFactory()


@pytest.fixture
def challenge(town_eilenburg, officer_eilenburg, practice):
    challenge = ChallengeFactory(
        organisation=town_eilenburg,
        municipality=town_eilenburg.municipality,
        contact_person=officer_eilenburg,
        status=Challenge.Status.PUBLISHED,
        title="Leerstand am Marktplatz",
        problem="Viele Läden am Markt stehen leer.",
    )
    challenge.formats.add(practice)
    return challenge


@pytest.fixture
def supervisor():
    return SupervisorFactory(email="betreuung@uni-leipzig.example", name="Prof. Dr. Anna Weiß")


@pytest.fixture
def preparation():
    return RoundFactory(phase=P.PREPARATION)


def _project(coordinator, round, challenge, supervisor, **fields):
    return project_create(
        actor=coordinator, round=round, challenge=challenge, supervisors=[supervisor], **fields
    )


# --- round_create / round_update ---------------------------------------------------------------

ROUND = {
    "name": "Sommersemester 2027",
    "applications_open_at": dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC),
    "applications_close_at": dt.datetime(2027, 3, 21, 22, tzinfo=dt.UTC),
    "work_starts_on": dt.date(2027, 4, 6),
    "presentation_on": dt.date(2027, 7, 8),
    "ends_on": dt.date(2027, 7, 31),
    "min_choices": 3,
    "max_choices": 5,
}


@pytest.mark.django_db
def test_coordinator_creates_a_round_in_preparation(coordinator):
    round = round_create(actor=coordinator, **ROUND)

    assert round.phase == P.PREPARATION
    assert round.created_by == coordinator
    assert Activity.objects.filter(verb="round.created", target_id=str(round.pk)).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [User.Role.SUPERVISOR, User.Role.STUDENT, User.Role.STAFF])
def test_only_coordinators_create_rounds(role):
    with pytest.raises(PermissionDenied):
        round_create(actor=StudentFactory(role=role), **ROUND)
    assert not Round.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        (
            {"applications_close_at": dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC)},
            "applications_close_at",
        ),
        (
            {"applications_close_at": dt.datetime(2027, 2, 1, tzinfo=dt.UTC)},
            "applications_close_at",
        ),
        ({"min_choices": 0}, "min_choices"),
        ({"min_choices": 4, "max_choices": 3}, "max_choices"),
        ({"motivation_ranks": 6}, "motivation_ranks"),
        ({"max_programme_share": Decimal("1.5")}, "max_programme_share"),
        ({"max_programme_share": Decimal("0")}, "max_programme_share"),
        ({"work_starts_on": dt.date(2027, 3, 20)}, "work_starts_on"),
        ({"presentation_on": dt.date(2027, 4, 1)}, "presentation_on"),
        ({"ends_on": dt.date(2027, 7, 1)}, "ends_on"),
    ],
)
def test_bad_round_content_is_refused_and_nothing_stored(coordinator, changes, field):
    with pytest.raises(DomainError) as error:
        round_create(actor=coordinator, **(ROUND | changes))

    assert error.value.field == field
    assert not Round.objects.exists()


@pytest.mark.django_db
def test_unknown_round_fields_are_a_programming_error(coordinator):
    with pytest.raises(ValueError, match="phase"):
        round_create(actor=coordinator, **ROUND, phase=P.WORK)


@pytest.mark.django_db
def test_coordinator_changes_a_round(coordinator):
    round = round_create(actor=coordinator, **ROUND)

    round = round_update(actor=coordinator, round=round, name="SoSe 2027", max_choices=6)

    round.refresh_from_db()
    assert (round.name, round.max_choices) == ("SoSe 2027", 6)
    entry = Activity.objects.get(verb="round.updated")
    assert entry.data == {"fields": ["max_choices", "name"]}


@pytest.mark.django_db
def test_others_cannot_change_a_round(supervisor, preparation):
    with pytest.raises(PermissionDenied):
        round_update(actor=supervisor, round=preparation, name="Anders")


@pytest.mark.django_db
def test_ranking_rules_are_fixed_once_a_student_has_applied(coordinator, student_geography):
    project = ProjectFactory()
    application_for(student_geography, [project])

    with pytest.raises(DomainError) as error:
        round_update(actor=coordinator, round=project.round, min_choices=2)
    assert error.value.field == "min_choices"
    # The deadline may still move.
    round_update(actor=coordinator, round=project.round, applications_close_at=_in(20))


@pytest.mark.django_db
def test_allocation_settings_are_fixed_after_publication(coordinator):
    round = RoundFactory(phase=P.WORK, published_at=timezone.now())

    with pytest.raises(DomainError) as error:
        round_update(actor=coordinator, round=round, objective=Round.Objective.MIN_COST)
    assert error.value.field == "objective"


@pytest.mark.django_db
def test_the_deadline_stays_in_the_future_while_applications_are_open(coordinator):
    round = RoundFactory(phase=P.APPLICATIONS)

    with pytest.raises(DomainError) as error:
        round_update(actor=coordinator, round=round, applications_close_at=_in(-1))
    assert error.value.field == "applications_close_at"


@pytest.mark.django_db
def test_a_closed_round_cannot_be_changed(coordinator):
    round = RoundFactory(phase=P.CLOSED, published_at=timezone.now())

    with pytest.raises(DomainError):
        round_update(actor=coordinator, round=round, name="Neu")


# --- capacity_set ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_capacities_are_set_changed_and_removed(coordinator, supervisor, preparation):
    capacity_set(actor=coordinator, round=preparation, supervisor=supervisor, capacity=8)
    entry = capacity_set(actor=coordinator, round=preparation, supervisor=supervisor, capacity=0)

    assert entry is not None and entry.capacity == 0
    assert SupervisorCapacity.objects.count() == 1

    assert (
        capacity_set(actor=coordinator, round=preparation, supervisor=supervisor, capacity=None)
        is None
    )
    assert not SupervisorCapacity.objects.exists()


@pytest.mark.django_db
def test_capacity_rules(coordinator, supervisor, student_geography, preparation):
    with pytest.raises(PermissionDenied):
        capacity_set(actor=supervisor, round=preparation, supervisor=supervisor, capacity=5)
    with pytest.raises(DomainError) as error:
        capacity_set(actor=coordinator, round=preparation, supervisor=student_geography, capacity=5)
    assert error.value.field == "supervisor"
    with pytest.raises(DomainError) as error:
        capacity_set(actor=coordinator, round=preparation, supervisor=supervisor, capacity=-1)
    assert error.value.field == "capacity"
    published = RoundFactory(phase=P.WORK, published_at=timezone.now())
    with pytest.raises(DomainError):
        capacity_set(actor=coordinator, round=published, supervisor=supervisor, capacity=5)
    assert not SupervisorCapacity.objects.exists()


# --- round_advance: the phase walk and its rules ----------------------------------------------


@pytest.mark.django_db
def test_opening_applications_needs_an_open_project(coordinator, preparation):
    with pytest.raises(DomainError, match="project"):
        round_advance(actor=coordinator, round=preparation)

    ProjectFactory(round=preparation, status=S.CLOSED)
    with pytest.raises(DomainError):
        round_advance(actor=coordinator, round=preparation)
    preparation.refresh_from_db()
    assert preparation.phase == P.PREPARATION


@pytest.mark.django_db
@pytest.mark.parametrize("deadline", [None, -1])
def test_opening_applications_needs_a_deadline_in_the_future(coordinator, deadline):
    round = RoundFactory(
        phase=P.PREPARATION,
        applications_open_at=None,
        applications_close_at=None if deadline is None else _in(deadline),
    )
    ProjectFactory(round=round)

    with pytest.raises(DomainError) as error:
        round_advance(actor=coordinator, round=round)
    assert error.value.field == "applications_close_at"


@pytest.mark.django_db
def test_opening_applications_opens_them_now(coordinator):
    round = RoundFactory(
        phase=P.PREPARATION, applications_open_at=_in(3), applications_close_at=_in(10)
    )
    ProjectFactory(round=round)

    round = round_advance(actor=coordinator, round=round)

    assert round.phase == P.APPLICATIONS
    assert round.applications_open_at <= timezone.now()
    entry = Activity.objects.get(verb="round.advanced")
    assert entry.data == {"from": P.PREPARATION, "to": P.APPLICATIONS}


@pytest.mark.django_db
def test_opening_applications_tells_students_supervisors_and_partners_in_their_language(
    coordinator,
    supervisor,
    officer_eilenburg,
    student_geography,
    student_informatics,
    outsider,
    challenge,
    preparation,
    django_capture_on_commit_callbacks,
):
    student_informatics.language = "en"
    student_informatics.save()
    StudentFactory(is_active=False)
    _project(coordinator, preparation, challenge, supervisor)

    with django_capture_on_commit_callbacks(execute=True):
        round_advance(actor=coordinator, round=preparation)

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {
        student_geography.email,
        student_informatics.email,
        supervisor.email,
        officer_eilenburg.email,
    }
    english = sent[student_informatics.email]
    assert english.extra_headers["Content-Language"] == "en"
    assert english.subject == f"[Transferraum] Applications are open: {preparation.name}"
    assert "rank those that interest you" in english.body
    assert sent[student_geography.email].extra_headers["Content-Language"] == "de"
    # Supervisors and partners read which of their projects students can apply for.
    assert "Leerstand am Marktplatz" in sent[supervisor.email].body
    assert "Leerstand am Marktplatz" in sent[officer_eilenburg.email].body


@pytest.mark.django_db
def test_closing_applications_sets_the_deadline_and_tells_only_the_applicants(
    coordinator, student_geography, student_informatics, django_capture_on_commit_callbacks
):
    round = RoundFactory(phase=P.APPLICATIONS, applications_close_at=_in(5))
    project = ProjectFactory(round=round)
    application_for(student_geography, [project])

    with django_capture_on_commit_callbacks(execute=True):
        round = round_advance(actor=coordinator, round=round)

    assert round.phase == P.ALLOCATION
    assert round.applications_close_at <= timezone.now()
    assert [m.to for m in mail.outbox] == [[student_geography.email]]


@pytest.mark.django_db
def test_the_work_phase_needs_the_published_allocation(coordinator):
    round = RoundFactory(phase=P.ALLOCATION)

    with pytest.raises(DomainError, match="publish"):
        round_advance(actor=coordinator, round=round)
    round.refresh_from_db()
    assert round.phase == P.ALLOCATION


@pytest.mark.django_db
def test_the_work_phase_tells_teams_supervisors_and_partners(
    coordinator,
    supervisor,
    officer_eilenburg,
    student_geography,
    student_informatics,
    challenge,
    django_capture_on_commit_callbacks,
):
    round = RoundFactory(phase=P.ALLOCATION, published_at=timezone.now())
    project = ProjectFactory(
        round=round, challenge=challenge, status=S.RUNNING, supervisors=[supervisor]
    )
    project.partner_contacts.add(officer_eilenburg)
    not_taking_place = ProjectFactory(round=round, status=S.CLOSED)
    place(student_geography, project)
    application_for(student_informatics, [project, not_taking_place])  # applied, not placed

    with django_capture_on_commit_callbacks(execute=True):
        round_advance(actor=coordinator, round=round, expected_phase=P.ALLOCATION)

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {student_geography.email, supervisor.email, officer_eilenburg.email}
    assert project.title in sent[student_geography.email].body
    assert f"/projekte/{project.pk}/" in sent[student_geography.email].body


@pytest.mark.django_db
def test_the_whole_walk_to_closed_completes_running_projects_and_their_challenges(
    coordinator, supervisor, student_geography, challenge
):
    round = RoundFactory(phase=P.ALLOCATION, published_at=timezone.now())
    challenge.status = Challenge.Status.IN_PROGRESS
    challenge.save()
    running = ProjectFactory(
        round=round, challenge=challenge, status=S.RUNNING, supervisors=[supervisor]
    )
    closed = ProjectFactory(round=round, status=S.CLOSED)
    place(student_geography, running)

    for phase in (P.WORK, P.PRESENTATION, P.CLOSED):
        round = round_advance(actor=coordinator, round=round)
        assert round.phase == phase

    running.refresh_from_db()
    closed.refresh_from_db()
    challenge.refresh_from_db()
    assert running.status == S.COMPLETED and running.completed_at is not None
    assert closed.status == S.CLOSED
    assert challenge.status == Challenge.Status.COMPLETED
    assert Activity.objects.filter(verb="round.advanced").count() == 3
    assert Activity.objects.filter(verb="project.completed").count() == 1
    with pytest.raises(DomainError, match="closed"):
        round_advance(actor=coordinator, round=round)


@pytest.mark.django_db
def test_a_second_click_finds_the_round_moved_on(coordinator):
    round = RoundFactory(phase=P.APPLICATIONS)
    round_advance(actor=coordinator, round=round, expected_phase=P.APPLICATIONS)

    with pytest.raises(DomainError, match="moved on"):
        round_advance(actor=coordinator, round=round, expected_phase=P.APPLICATIONS)
    round.refresh_from_db()
    assert round.phase == P.ALLOCATION


@pytest.mark.django_db
def test_only_coordinators_advance_rounds(supervisor):
    round = RoundFactory(phase=P.APPLICATIONS)

    with pytest.raises(PermissionDenied):
        round_advance(actor=supervisor, round=round)


@pytest.mark.django_db
def test_suppressed_notifications_send_nothing(
    coordinator, student_geography, django_capture_on_commit_callbacks
):
    round = RoundFactory(phase=P.PREPARATION)
    ProjectFactory(round=round)

    with django_capture_on_commit_callbacks(execute=True), notifications_suppressed():
        round_advance(actor=coordinator, round=round)

    assert mail.outbox == []


# --- round_reopen ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_applications_reopen_with_a_new_deadline(
    coordinator, student_geography, django_capture_on_commit_callbacks
):
    round = RoundFactory(phase=P.ALLOCATION, applications_close_at=_in(-1))

    with django_capture_on_commit_callbacks(execute=True):
        round = round_reopen(actor=coordinator, round=round, applications_close_at=_in(7))

    assert round.phase == P.APPLICATIONS
    assert round.applications_close_at > timezone.now()
    assert Activity.objects.filter(verb="round.reopened").exists()
    assert [m.to for m in mail.outbox] == [[student_geography.email]]


@pytest.mark.django_db
def test_reopening_rules(coordinator, supervisor):
    with pytest.raises(PermissionDenied):
        round_reopen(
            actor=supervisor,
            round=RoundFactory(phase=P.ALLOCATION),
            applications_close_at=_in(7),
        )
    with pytest.raises(DomainError):
        round_reopen(
            actor=coordinator, round=RoundFactory(phase=P.WORK), applications_close_at=_in(7)
        )
    with pytest.raises(DomainError, match="published"):
        round_reopen(
            actor=coordinator,
            round=RoundFactory(phase=P.ALLOCATION, published_at=timezone.now()),
            applications_close_at=_in(7),
        )
    running = RoundFactory(phase=P.ALLOCATION)
    AllocationRun.objects.create(
        round=running, number=1, status=AllocationRun.Status.RUNNING, objective=running.objective
    )
    with pytest.raises(DomainError, match="run"):
        round_reopen(actor=coordinator, round=running, applications_close_at=_in(7))
    with pytest.raises(DomainError) as error:
        round_reopen(
            actor=coordinator,
            round=RoundFactory(phase=P.ALLOCATION),
            applications_close_at=_in(-0.1),
        )
    assert error.value.field == "applications_close_at"
    assert not Round.objects.filter(phase=P.APPLICATIONS).exists()


# --- project_create / project_update ----------------------------------------------------------


@pytest.mark.django_db
def test_a_project_takes_its_defaults_from_the_challenge(
    coordinator, supervisor, officer_eilenburg, challenge, practice, preparation
):
    project = _project(coordinator, preparation, challenge, supervisor)

    assert project.title == "Leerstand am Marktplatz"
    assert project.description == "Viele Läden am Markt stehen leer."
    assert project.format == practice
    assert project.status == S.OPEN
    assert list(project.partner_contacts.all()) == [officer_eilenburg]
    assert list(project.supervisors.all()) == [supervisor]
    assert Activity.objects.filter(verb="project.created").count() == 1


@pytest.mark.django_db
def test_a_confidential_challenge_gives_only_its_public_summary(
    coordinator, supervisor, challenge, preparation
):
    challenge.confidentiality = Challenge.Confidentiality.CONFIDENTIAL
    challenge.public_summary = "Es geht um Leerstand."
    challenge.save()

    project = _project(coordinator, preparation, challenge, supervisor)

    assert project.description == "Es geht um Leerstand."


@pytest.mark.django_db
def test_a_project_in_progress_challenge_may_start_another_project(
    coordinator, supervisor, challenge, preparation
):
    challenge.status = Challenge.Status.IN_PROGRESS
    challenge.save()

    assert _project(coordinator, preparation, challenge, supervisor).pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [Challenge.Status.DRAFT, Challenge.Status.ACCEPTED, Challenge.Status.COMPLETED],
)
def test_only_published_challenges_become_projects(
    coordinator, supervisor, challenge, preparation, status
):
    challenge.status = status
    challenge.save()

    with pytest.raises(DomainError) as error:
        _project(coordinator, preparation, challenge, supervisor)
    assert error.value.field == "challenge"


@pytest.mark.django_db
def test_a_challenge_without_a_project_format_is_refused(
    coordinator, supervisor, challenge, preparation
):
    challenge.formats.set(
        [TransferFormatFactory(slug="hackathon", name_de="Hackathon", is_project_format=False)]
    )

    with pytest.raises(DomainError, match="project format") as error:
        _project(coordinator, preparation, challenge, supervisor)
    assert error.value.field == "challenge"


@pytest.mark.django_db
def test_a_challenge_is_a_project_only_once_per_round(
    coordinator, supervisor, challenge, preparation
):
    _project(coordinator, preparation, challenge, supervisor)

    with pytest.raises(DomainError) as error:
        _project(coordinator, preparation, challenge, supervisor, title="Noch einmal")
    assert error.value.field == "challenge"
    # Another round may take it up again.
    assert _project(coordinator, RoundFactory(phase=P.PREPARATION), challenge, supervisor).pk


@pytest.mark.django_db
def test_bad_project_content_is_refused_and_nothing_stored(
    coordinator, supervisor, student_geography, owner_zeitz, challenge, preparation
):
    thesis = TransferFormatFactory(slug="abschlussarbeit", name_de="Abschlussarbeit")
    gis = Competence.objects.create(slug="gis", label_de="GIS")
    cases = [
        ({"format": thesis}, "format"),
        ({"title": " "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": ""}, "description"),
        ({"min_team_size": 0}, "min_team_size"),
        ({"min_team_size": 4, "max_team_size": 3}, "max_team_size"),
        ({"work_language": "fr"}, "work_language"),
        ({"supervisors": []}, "supervisors"),
        ({"supervisors": [student_geography]}, "supervisors"),
        ({"partner_contacts": [owner_zeitz]}, "partner_contacts"),
        ({"required_competences": [gis], "desired_competences": [gis]}, "desired_competences"),
    ]
    for changes, field in cases:
        fields = {"supervisors": [supervisor]} | changes
        with pytest.raises(DomainError) as error:
            project_create(actor=coordinator, round=preparation, challenge=challenge, **fields)
        assert error.value.field == field, changes
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_an_inactive_supervisor_is_refused(coordinator, challenge, preparation):
    with pytest.raises(DomainError):
        _project(coordinator, preparation, challenge, SupervisorFactory(is_active=False))


@pytest.mark.django_db
def test_partner_contacts_from_the_organisation_are_accepted(
    coordinator, supervisor, member_eilenburg, challenge, preparation
):
    project = _project(
        coordinator, preparation, challenge, supervisor, partner_contacts=[member_eilenburg]
    )

    assert list(project.partner_contacts.all()) == [member_eilenburg]


@pytest.mark.django_db
def test_a_contact_person_who_left_the_organisation_is_not_taken_over(
    coordinator, supervisor, challenge, preparation
):
    challenge.contact_person = StudentFactory(role=User.Role.STAFF)
    challenge.save()

    project = _project(coordinator, preparation, challenge, supervisor)

    assert not project.partner_contacts.exists()


@pytest.mark.django_db
def test_projects_are_added_only_by_coordinators_and_until_applications_close(
    coordinator, supervisor, challenge
):
    with pytest.raises(PermissionDenied):
        _project(supervisor, RoundFactory(phase=P.PREPARATION), challenge, supervisor)
    for phase in (P.ALLOCATION, P.WORK, P.CLOSED):
        with pytest.raises(DomainError, match="until applications close"):
            _project(coordinator, RoundFactory(phase=phase), challenge, supervisor)
    assert _project(coordinator, RoundFactory(phase=P.APPLICATIONS), challenge, supervisor).pk


@pytest.mark.django_db
def test_coordinator_updates_a_project(coordinator, supervisor, challenge, preparation):
    project = _project(coordinator, preparation, challenge, supervisor)
    second = SupervisorFactory()

    project = project_update(
        actor=coordinator,
        project=project,
        title="Leerstand: neue Ideen",
        ects=10,
        supervisors=[supervisor, second],
    )

    project.refresh_from_db()
    assert project.title == "Leerstand: neue Ideen"
    assert project.ects == 10
    assert set(project.supervisors.all()) == {supervisor, second}
    assert Activity.objects.get(verb="project.updated").data == {
        "fields": ["ects", "supervisors", "title"]
    }


@pytest.mark.django_db
def test_a_refused_update_changes_nothing(coordinator, supervisor, challenge, preparation):
    project = _project(coordinator, preparation, challenge, supervisor)

    with pytest.raises(DomainError) as error:
        project_update(actor=coordinator, project=project, title="Neu", max_team_size=1)

    assert error.value.field == "max_team_size"
    project.refresh_from_db()
    assert project.title == "Leerstand am Marktplatz"


@pytest.mark.django_db
def test_projects_change_only_until_applications_close(
    coordinator, supervisor, challenge, preparation
):
    project = _project(coordinator, preparation, challenge, supervisor)
    with pytest.raises(PermissionDenied):
        project_update(actor=supervisor, project=project, title="Neu")
    Round.objects.filter(pk=preparation.pk).update(phase=P.ALLOCATION)

    with pytest.raises(DomainError):
        project_update(actor=coordinator, project=project, title="Neu")


@pytest.mark.django_db
def test_followers_hear_that_the_work_has_begun_when_the_work_phase_starts(
    coordinator, supervisor, challenge, outsider, django_capture_on_commit_callbacks
):
    from transferraum.projects.services.allocation import allocation_publish
    from transferraum.projects.tests.test_allocation_services import run_allocation

    Follow.objects.create(challenge=challenge, user=outsider)
    round = RoundFactory(phase=P.ALLOCATION)
    project = ProjectFactory(
        round=round, challenge=challenge, min_team_size=1, supervisors=[supervisor]
    )
    application_for(StudentFactory(), [project])
    run_allocation(round, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        allocation_publish(actor=coordinator, round=round)

    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED
    assert not [m for m in mail.outbox if m.to == [outsider.email]]
    assert not Activity.objects.filter(verb="challenge.start").exists()

    with django_capture_on_commit_callbacks(execute=True):
        round_advance(actor=coordinator, round=round)

    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.IN_PROGRESS
    assert len([m for m in mail.outbox if m.to == [outsider.email]]) == 1
    assert Activity.objects.filter(verb="challenge.start").count() == 1


# --- project_complete -------------------------------------------------------------------------


@pytest.fixture
def running(supervisor, challenge):
    challenge.status = Challenge.Status.IN_PROGRESS
    challenge.save()
    round = RoundFactory(phase=P.PRESENTATION, published_at=timezone.now())
    return ProjectFactory(
        round=round, challenge=challenge, status=S.RUNNING, supervisors=[supervisor]
    )


@pytest.mark.django_db
def test_the_supervisor_completes_the_project_and_the_challenge_follows(
    supervisor, running, challenge, officer_eilenburg, django_capture_on_commit_callbacks
):
    Follow.objects.create(challenge=challenge, user=officer_eilenburg)

    with django_capture_on_commit_callbacks(execute=True):
        project = project_complete(actor=supervisor, project=running)

    assert project.status == S.COMPLETED
    assert project.completed_at is not None
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.COMPLETED
    assert Activity.objects.filter(verb="project.completed").count() == 1
    assert Activity.objects.filter(verb="challenge.complete").count() == 1
    assert [m.to for m in mail.outbox] == [[officer_eilenburg.email]]


@pytest.mark.django_db
def test_coordinators_complete_projects_too(coordinator, running):
    assert project_complete(actor=coordinator, project=running).status == S.COMPLETED


@pytest.mark.django_db
def test_partners_team_and_outsiders_do_not_complete_projects(
    running, officer_eilenburg, student_geography, outsider
):
    place(student_geography, running)
    running.partner_contacts.add(officer_eilenburg)

    for person in (officer_eilenburg, student_geography, outsider):
        with pytest.raises(PermissionDenied):
            project_complete(actor=person, project=running)
    running.refresh_from_db()
    assert running.status == S.RUNNING


@pytest.mark.django_db
def test_completing_needs_a_running_project_in_the_presentation_phase(supervisor, running):
    Round.objects.filter(pk=running.round_id).update(phase=P.WORK)
    with pytest.raises(DomainError, match="final presentations"):
        project_complete(actor=supervisor, project=running)

    Round.objects.filter(pk=running.round_id).update(phase=P.PRESENTATION)
    project_complete(actor=supervisor, project=running)
    with pytest.raises(DomainError, match="running"):
        project_complete(actor=supervisor, project=running)


@pytest.mark.django_db
def test_a_project_of_another_organisation_keeps_its_member_out(owner_zeitz, running):
    organisation = OrganisationFactory(name="Andere GmbH")
    MembershipFactory(user=owner_zeitz, organisation=organisation)

    with pytest.raises(PermissionDenied):
        project_complete(actor=owner_zeitz, project=running)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("event", "subject"),
    [
        (P.APPLICATIONS, "Applications are open"),
        ("reopened", "Applications are open again"),
        (P.ALLOCATION, "Applications closed"),
        (P.WORK, "The work begins"),
        (P.PRESENTATION, "Final presentations"),
        (P.CLOSED, "The round is closed"),
    ],
)
def test_every_phase_mail_reaches_its_people(
    event, subject, supervisor, officer_eilenburg, student_geography, challenge
):
    from transferraum.projects.tasks.rounds import round_notify

    student_geography.language = "en"
    student_geography.save()
    round = RoundFactory(phase=P.WORK, published_at=timezone.now(), name="Runde & Co")
    status = S.OPEN if event == P.APPLICATIONS else S.RUNNING
    project = ProjectFactory(
        round=round, challenge=challenge, status=status, supervisors=[supervisor]
    )
    project.partner_contacts.add(officer_eilenburg)
    place(student_geography, project)
    application_for(student_geography, [project])

    round_notify.enqueue(round.pk, event)

    to_student = [m for m in mail.outbox if m.to == [student_geography.email]]
    assert len(to_student) == 1
    assert to_student[0].subject == f"[Transferraum] {subject}: Runde & Co"
    assert round.get_absolute_url() in to_student[0].body
    people = {m.to[0] for m in mail.outbox}
    if event == P.ALLOCATION:
        assert people == {student_geography.email}
    else:
        assert people == {student_geography.email, supervisor.email, officer_eilenburg.email} - (
            {supervisor.email, officer_eilenburg.email} if event == "reopened" else set()
        )


@pytest.mark.django_db
def test_a_challenge_worked_on_in_two_rounds_is_completed_with_its_last_project(coordinator):
    from transferraum.challenges.models import Challenge
    from transferraum.challenges.tests.factories import ChallengeFactory
    from transferraum.projects.services.rounds import project_complete
    from transferraum.projects.tests.factories import ProjectFactory, RoundFactory

    challenge = ChallengeFactory(status=Challenge.Status.IN_PROGRESS)
    first = ProjectFactory(
        challenge=challenge,
        status=Project.Status.RUNNING,
        round=RoundFactory(phase=Round.Phase.PRESENTATION, published_at=timezone.now()),
    )
    second = ProjectFactory(
        challenge=challenge,
        status=Project.Status.RUNNING,
        round=RoundFactory(phase=Round.Phase.PRESENTATION, published_at=timezone.now()),
    )
    project_complete(actor=coordinator, project=first)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.IN_PROGRESS
    project_complete(actor=coordinator, project=second)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.COMPLETED


@pytest.mark.django_db
def test_a_challenge_with_an_open_project_cannot_be_withdrawn(officer_eilenburg, town_eilenburg):
    from transferraum.challenges.services import challenge_withdraw
    from transferraum.challenges.tests.factories import ChallengeFactory
    from transferraum.core.errors import DomainError
    from transferraum.projects.tests.factories import ProjectFactory

    challenge = ChallengeFactory(organisation=town_eilenburg, status=Challenge.Status.PUBLISHED)
    ProjectFactory(challenge=challenge)
    with pytest.raises(DomainError, match="close the project first"):
        challenge_withdraw(actor=officer_eilenburg, challenge=challenge)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED


@pytest.mark.django_db
def test_reopening_drops_the_old_result_but_keeps_pins_of_applicants(coordinator):
    from transferraum.projects.models import Assignment
    from transferraum.projects.tests.factories import application_for

    round = RoundFactory(phase=P.ALLOCATION, applications_close_at=_in(-1))
    project = ProjectFactory(round=round)
    computed, pinned, gone = StudentFactory(), StudentFactory(), StudentFactory()
    for student in (computed, pinned):
        application_for(student, [project])
    Assignment.objects.create(round=round, student=computed, project=project)
    Assignment.objects.create(round=round, student=pinned, project=project, pinned=True)
    Assignment.objects.create(round=round, student=gone, project=project, pinned=True)

    with notifications_suppressed():
        round_reopen(actor=coordinator, round=round, applications_close_at=_in(7))

    assert list(Assignment.objects.filter(round=round).values_list("student", flat=True)) == [
        pinned.pk
    ]


# --- review findings: reopening re-checks the dates, a project sent twice --------------------


@pytest.mark.django_db
def test_reopening_refuses_a_deadline_after_the_work_starts(coordinator):
    work = timezone.localdate() + dt.timedelta(days=10)
    round = RoundFactory(phase=P.ALLOCATION, applications_close_at=_in(-1), work_starts_on=work)

    with pytest.raises(DomainError) as error:
        round_reopen(actor=coordinator, round=round, applications_close_at=_in(12))

    assert error.value.field == "applications_close_at"
    assert "The new deadline lies after the start of the work" in error.value.message
    round.refresh_from_db()
    assert round.phase == P.ALLOCATION
    assert round.applications_close_at < timezone.now()
    assert not Activity.objects.filter(verb="round.reopened").exists()
    # A deadline before the work starts is fine.
    with notifications_suppressed():
        round = round_reopen(actor=coordinator, round=round, applications_close_at=_in(8))
    assert round.phase == P.APPLICATIONS


@pytest.mark.django_db
def test_reopening_keeps_the_rules_of_the_round_form(coordinator, monkeypatch):
    from transferraum.projects.services import rounds

    checked = []
    monkeypatch.setattr(rounds, "_check_round", lambda data: checked.append(data))
    round = RoundFactory(phase=P.ALLOCATION, applications_close_at=_in(-1))
    deadline = _in(5)

    with notifications_suppressed():
        round_reopen(actor=coordinator, round=round, applications_close_at=deadline)

    assert len(checked) == 1
    assert checked[0]["applications_close_at"] == deadline
    assert checked[0]["work_starts_on"] == round.work_starts_on


@pytest.mark.django_db
def test_a_project_sent_twice_is_refused_with_a_message_even_when_the_check_missed_it(
    coordinator, supervisor, challenge, preparation, monkeypatch
):
    from transferraum.projects.services import rounds

    first = _project(coordinator, preparation, challenge, supervisor)
    # The second request checked before the first had saved: the database finds the conflict.
    calls = []

    def missed_once(round, challenge):
        calls.append(round.pk)
        return len(calls) > 1

    monkeypatch.setattr(rounds, "_challenge_in_round", missed_once)

    with pytest.raises(DomainError) as error:
        _project(coordinator, preparation, challenge, supervisor, title="Noch einmal")

    assert error.value.field == "challenge"
    assert error.value.message == "This challenge already has a project in this round."
    assert list(Project.objects.values_list("pk", flat=True)) == [first.pk]
    assert Activity.objects.filter(verb="project.created").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_creating_a_project_locks_its_round(
    coordinator, supervisor, challenge, preparation, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        _project(coordinator, preparation, challenge, supervisor)

    sql = [query["sql"] for query in queries.captured_queries]
    assert any('"projects_round"' in q and "FOR UPDATE" in q for q in sql)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_project_sent_twice_at_once_creates_one_and_refuses_the_other(
    coordinator, town_eilenburg
):
    import threading

    from django.db import connection

    challenge = ChallengeFactory(organisation=town_eilenburg, status=Challenge.Status.PUBLISHED)
    challenge.formats.add(TransferFormatFactory())
    round = RoundFactory(phase=P.PREPARATION)
    supervisor = SupervisorFactory()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def create() -> None:
        # A thread starts without the test's active language.
        translation.activate("en")
        try:
            barrier.wait()
            _project(coordinator, round, challenge, supervisor)
            outcomes.append("created")
        except DomainError as error:
            outcomes.append(error.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["This challenge already has a project in this round.", "created"]
    assert Project.objects.filter(round=round, challenge=challenge).count() == 1


@pytest.mark.django_db
def test_the_fewest_choices_are_explained_clearly(coordinator):
    with pytest.raises(DomainError) as error:
        round_create(actor=coordinator, **(ROUND | {"min_choices": 0}))

    assert error.value.message == "The fewest projects a student ranks must be at least 1."


# --- the phase steps as a table ---------------------------------------------------------------


def _round_ready_for(step: str, phase: str) -> Round:
    """A round in `phase` whose other conditions let `step` pass where the phase allows it: an
    open project, a deadline in the future, the allocation published for the work (and not for
    reopening applications)."""
    round = RoundFactory(phase=phase, applications_close_at=_in(7))
    ProjectFactory(round=round)
    if step == "start_work" or phase in (P.WORK, P.PRESENTATION, P.CLOSED):
        round.published_at = timezone.now()
        round.save()
    return round


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "supervisor", "student_geography"])
@pytest.mark.parametrize("phase", list(P))
@pytest.mark.parametrize("step", [step.name for step in phases.LIFECYCLE])
def test_every_phase_step_for_every_persona_through_the_services(request, persona, phase, step):
    """Allowed: the round is in the step's target phase and the log says so. Refused: an error,
    the phase unchanged and nothing logged."""
    actor = request.getfixturevalue(persona)
    round = _round_ready_for(step, phase)
    declared = phases.LIFECYCLE[step]
    allowed = persona == "coordinator" and phase in declared.sources

    def take() -> Round:
        if declared is phases.REOPEN_APPLICATIONS:
            return round_reopen(actor=actor, round=round, applications_close_at=_in(10))
        # The page sends the phase the coordinator saw: the step's own source.
        (source,) = declared.sources
        return round_advance(actor=actor, round=round, expected_phase=source)

    if allowed:
        assert take().phase == declared.target
        entry = Activity.objects.get(verb=f"round.{declared.records}")
        assert (entry.data["from"], entry.data["to"]) == (phase, declared.target)
    else:
        with pytest.raises((DomainError, PermissionDenied)):
            take()
        round.refresh_from_db()
        assert round.phase == phase
        assert not Activity.objects.filter(verb__startswith="round.").exists()
