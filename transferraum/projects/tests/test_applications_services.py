"""Services of the applications area: every rule of submitting, changing and withdrawing a
ranking, the confirmation e-mail, and the student's profile for applying."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone, translation

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import StudyProgrammeFactory, UserFactory
from transferraum.actors.models import Competence, PersonProfile
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import Application, Choice, Project, Round, StudentProfile
from transferraum.projects.services.applications import (
    application_submit,
    application_withdraw,
    berlin_time,
    student_profile_update,
)
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, StudentFactory


@pytest.fixture
def round_(db):
    return RoundFactory(name="Wintersemester 2026/27", min_choices=3, max_choices=5)


@pytest.fixture
def projects(round_):
    titles = ["Leerstand am Markt", "Radweg zur Mulde", "Jugendclub", "Dorfladen", "Bahnhof"]
    return [ProjectFactory(round=round_, title=title) for title in titles]


def ranking(projects, *, motivations=("Ich kenne den Ort.", "Passt zu meinem Studium.")):
    """(project id, motivation) pairs: a motivation for the first ones, none after."""
    return [
        (project.pk, motivations[i] if i < len(motivations) else "")
        for i, project in enumerate(projects)
    ]


def submit(student, round_, projects, **kwargs):
    return application_submit(actor=student, round=round_, choices=ranking(projects), **kwargs)


def stored(student, round_):
    return list(
        Choice.objects.filter(application__student=student, application__round=round_)
        .order_by("rank")
        .values_list("project__title", "rank")
    )


# --- submitting ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_student_submits_a_ranking_in_order_with_motivations(
    student_geography, student_informatics, round_, projects
):
    application = submit(
        student_geography, round_, projects[:3], work_with=[student_informatics.pk]
    )

    assert application.student == student_geography
    assert stored(student_geography, round_) == [
        ("Leerstand am Markt", 1),
        ("Radweg zur Mulde", 2),
        ("Jugendclub", 3),
    ]
    choices = list(application.choices.order_by("rank"))
    assert [c.motivation for c in choices] == ["Ich kenne den Ort.", "Passt zu meinem Studium.", ""]
    assert list(application.work_with.all()) == [student_informatics]
    entry = Activity.objects.get(verb="application.submitted")
    assert entry.actor == student_geography
    assert entry.data["projects"] == [p.pk for p in projects[:3]]


@pytest.mark.django_db
def test_applying_twice_replaces_the_ranking_and_never_duplicates(
    student_geography, student_informatics, round_, projects
):
    first = submit(student_geography, round_, projects[:3], work_with=[student_informatics.pk])
    second = submit(student_geography, round_, [projects[4], projects[3], projects[0], projects[1]])

    assert second.pk == first.pk
    assert Application.objects.filter(student=student_geography).count() == 1
    assert stored(student_geography, round_) == [
        ("Bahnhof", 1),
        ("Dorfladen", 2),
        ("Leerstand am Markt", 3),
        ("Radweg zur Mulde", 4),
    ]
    assert not second.work_with.exists()
    assert Activity.objects.filter(verb="application.changed").count() == 1


@pytest.mark.django_db
def test_a_refused_change_keeps_the_ranking_stored_before(student_geography, round_, projects):
    submit(student_geography, round_, projects[:3])

    with pytest.raises(DomainError):
        submit(student_geography, round_, projects[3:])  # only two: too few

    assert stored(student_geography, round_) == [
        ("Leerstand am Markt", 1),
        ("Radweg zur Mulde", 2),
        ("Jugendclub", 3),
    ]


@pytest.mark.django_db
def test_a_project_of_another_round_is_refused_naming_it(student_geography, round_, projects):
    other = ProjectFactory(title="Werkhalle Zeitz", round=RoundFactory(name="Sommersemester 2027"))

    with pytest.raises(DomainError) as error:
        submit(student_geography, round_, [*projects[:2], other])

    assert "Werkhalle Zeitz" in error.value.message
    assert "Sommersemester 2027" in error.value.message
    assert error.value.field == "ranking"
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_project_that_takes_no_applications_is_refused(student_geography, round_, projects):
    Project.objects.filter(pk=projects[2].pk).update(status=Project.Status.CLOSED)

    with pytest.raises(DomainError, match="Jugendclub"):
        submit(student_geography, round_, projects[:3])
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_unknown_project_is_refused(student_geography, round_, projects):
    with pytest.raises(DomainError) as error:
        application_submit(
            actor=student_geography,
            round=round_,
            choices=[*ranking(projects[:2]), (999_999, "")],
        )
    assert error.value.field == "ranking"


@pytest.mark.django_db
def test_fewer_than_the_minimum_are_refused(student_geography, round_, projects):
    with pytest.raises(DomainError) as error:
        submit(student_geography, round_, projects[:2])

    assert "at least 3 projects" in error.value.message
    assert "ranked 2" in error.value.message
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_more_than_the_maximum_are_refused(student_geography, round_, projects):
    Round.objects.filter(pk=round_.pk).update(max_choices=4)

    with pytest.raises(DomainError) as error:
        submit(student_geography, round_, projects)

    assert "at most 4 projects" in error.value.message
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_project_ranked_twice_is_refused(student_geography, round_, projects):
    with pytest.raises(DomainError) as error:
        submit(student_geography, round_, [projects[0], projects[1], projects[0]])

    assert "Leerstand am Markt" in error.value.message
    assert "more than once" in error.value.message
    assert not Application.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("missing_at", [0, 1])
def test_the_first_choices_need_a_motivation(student_geography, round_, projects, missing_at):
    choices = ranking(projects[:3])
    project_id = choices[missing_at][0]
    choices[missing_at] = (project_id, "   ")

    with pytest.raises(DomainError) as error:
        application_submit(actor=student_geography, round=round_, choices=choices)

    assert error.value.field == f"motivation_{project_id}"
    assert f"choice {missing_at + 1}" in error.value.message
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_later_choices_need_no_motivation_and_the_number_is_configurable(
    student_geography, round_, projects
):
    Round.objects.filter(pk=round_.pk).update(motivation_ranks=1)

    application = application_submit(
        actor=student_geography,
        round=round_,
        choices=ranking(projects[:3], motivations=("Nur für die erste Wahl.",)),
    )

    assert application.choices.count() == 3


@pytest.mark.django_db
def test_an_overlong_motivation_is_refused(student_geography, round_, projects):
    choices = ranking(projects[:3])
    choices[0] = (choices[0][0], "x" * 1501)

    with pytest.raises(DomainError) as error:
        application_submit(actor=student_geography, round=round_, choices=choices)
    assert error.value.field == f"motivation_{projects[0].pk}"


# --- when ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_after_the_deadline_applying_is_refused_naming_the_deadline_in_berlin_time(
    student_geography, projects
):
    round_ = projects[0].round
    deadline = datetime(2027, 1, 15, 22, 59, tzinfo=UTC)  # 23:59 in Leipzig
    Round.objects.filter(pk=round_.pk).update(
        applications_open_at=datetime(2027, 1, 1, tzinfo=UTC), applications_close_at=deadline
    )
    round_.refresh_from_db()

    with (
        time_machine.travel(deadline + timedelta(minutes=1), tick=False),
        translation.override("en"),
        pytest.raises(DomainError) as error,
    ):
        submit(student_geography, round_, projects[:3])

    assert "Jan. 15, 2027, 11:59 p.m. (Berlin time)" in error.value.message
    assert "deadline" in error.value.message
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_change_after_the_deadline_is_refused_and_the_ranking_stays(
    student_geography, round_, projects
):
    submit(student_geography, round_, projects[:3])

    with time_machine.travel(round_.applications_close_at + timedelta(seconds=1), tick=False):
        with pytest.raises(DomainError):
            submit(student_geography, round_, projects[2:])
        with pytest.raises(DomainError):
            application_withdraw(actor=student_geography, round=round_)

    assert [title for title, _rank in stored(student_geography, round_)] == [
        "Leerstand am Markt",
        "Radweg zur Mulde",
        "Jugendclub",
    ]


@pytest.mark.django_db
def test_up_to_the_deadline_itself_applying_works(student_geography, round_, projects):
    with time_machine.travel(round_.applications_close_at, tick=False):
        submit(student_geography, round_, projects[:3])
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_before_the_opening_applying_is_refused_naming_the_opening(student_geography, projects):
    round_ = projects[0].round
    opening = timezone.now() + timedelta(days=2)
    Round.objects.filter(pk=round_.pk).update(
        applications_open_at=opening, applications_close_at=opening + timedelta(days=14)
    )

    with translation.override("en"):
        with pytest.raises(DomainError) as error:
            submit(student_geography, round_, projects[:3])
        expected = berlin_time(opening)

    assert "open on" in error.value.message
    assert expected in error.value.message
    assert not Application.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phase", [Round.Phase.PREPARATION, Round.Phase.ALLOCATION, Round.Phase.WORK]
)
def test_outside_the_application_phase_applying_is_refused(student_geography, projects, phase):
    round_ = projects[0].round
    Round.objects.filter(pk=round_.pk).update(phase=phase)

    with pytest.raises(DomainError):
        submit(student_geography, round_, projects[:3])
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_the_service_reads_the_current_phase_not_a_stale_copy(student_geography, projects):
    round_ = projects[0].round  # loaded while applications were open
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.ALLOCATION)

    with pytest.raises(DomainError):
        submit(student_geography, round_, projects[:3])


# --- who -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["coordinator", "officer_eilenburg", "owner_zeitz", "researcher", "outsider"]
)
def test_only_students_apply(request, persona, projects):
    person = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        submit(person, projects[0].round, projects[:3])
    with pytest.raises(PermissionDenied):
        application_withdraw(actor=person, round=projects[0].round)
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_inactive_student_cannot_apply(projects):
    student = StudentFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        submit(student, projects[0].round, projects[:3])


# --- I would like to work with -------------------------------------------------------------------


@pytest.mark.django_db
def test_naming_oneself_is_refused(student_geography, round_, projects):
    with pytest.raises(DomainError) as error:
        submit(student_geography, round_, projects[:3], work_with=[student_geography.pk])
    assert error.value.field == "work_with"
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_naming_more_than_two_is_refused(student_geography, round_, projects):
    others = StudentFactory.create_batch(3)
    with pytest.raises(DomainError, match="at most two"):
        submit(student_geography, round_, projects[:3], work_with=[s.pk for s in others])
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_naming_a_non_student_or_an_unknown_person_is_refused(
    student_geography, coordinator, round_, projects
):
    with pytest.raises(DomainError, match="Katrin Vogel"):
        submit(student_geography, round_, projects[:3], work_with=[coordinator.pk])
    with pytest.raises(DomainError):
        submit(student_geography, round_, projects[:3], work_with=[999_999])
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_two_names_and_mutual_requests_are_stored_on_both_applications(
    student_geography, student_informatics, round_, projects
):
    third = StudentFactory()
    mine = submit(
        student_geography,
        round_,
        projects[:3],
        work_with=[student_informatics.pk, third.pk, third.pk],  # a repeated name counts once
    )
    theirs = submit(student_informatics, round_, projects[1:4], work_with=[student_geography.pk])

    assert set(mine.work_with.all()) == {student_informatics, third}
    assert list(theirs.work_with.all()) == [student_geography]


# --- withdrawing ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_student_withdraws_while_open_and_may_apply_again(student_geography, round_, projects):
    submit(student_geography, round_, projects[:3])

    application_withdraw(actor=student_geography, round=round_)

    assert not Application.objects.exists()
    assert not Choice.objects.exists()
    assert Activity.objects.filter(verb="application.withdrawn", actor=student_geography).exists()
    submit(student_geography, round_, projects[1:4])
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_withdrawing_without_an_application_is_refused(student_geography, round_):
    with pytest.raises(DomainError, match="no application"):
        application_withdraw(actor=student_geography, round=round_)


@pytest.mark.django_db
def test_withdrawing_leaves_other_students_applications(
    student_geography, student_informatics, round_, projects
):
    submit(student_geography, round_, projects[:3])
    submit(student_informatics, round_, projects[:3])

    application_withdraw(actor=student_geography, round=round_)

    assert list(Application.objects.values_list("student", flat=True)) == [student_informatics.pk]


# --- e-mail --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_confirmation_lists_the_ranking_and_the_deadline_in_the_students_language(
    round_, projects, django_capture_on_commit_callbacks
):
    student = StudentFactory(email="mia@studserv.uni-leipzig.example", name="Mia", language="en")
    friend = StudentFactory(name="Ole Brandt")

    with django_capture_on_commit_callbacks(execute=True):
        submit(student, round_, [projects[3], projects[0], projects[1]], work_with=[friend.pk])

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mia@studserv.uni-leipzig.example"]
    assert (
        message.subject
        == "[Transferraum] Your application for “Wintersemester 2026/27” has been received"
    )
    assert message.extra_headers["Content-Language"] == "en"
    body = message.body
    assert "Hello Mia," in body
    assert body.index("Choice 1: Dorfladen") < body.index("Choice 2: Leerstand am Markt")
    assert body.index("Choice 2: Leerstand am Markt") < body.index("Choice 3: Radweg zur Mulde")
    assert "Ole Brandt" in body
    with translation.override("en"):
        deadline = berlin_time(round_.applications_close_at)
    assert f"until {deadline} (Berlin time)" in body
    assert f"/projekte/runden/{round_.pk}/bewerbung/" in body


@pytest.mark.django_db
def test_a_change_is_confirmed_again_with_the_new_ranking(
    round_, projects, django_capture_on_commit_callbacks
):
    student = StudentFactory(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        submit(student, round_, projects[:3])
        submit(student, round_, [projects[4], *projects[:2]])

    assert len(mail.outbox) == 2
    assert "Choice 1: Bahnhof" in mail.outbox[1].body
    assert "Jugendclub" not in mail.outbox[1].body


@pytest.mark.django_db
def test_withdrawing_is_confirmed(round_, projects, django_capture_on_commit_callbacks):
    student = StudentFactory(language="en")
    submit(student, round_, projects[:3])

    with django_capture_on_commit_callbacks(execute=True):
        application_withdraw(actor=student, round=round_)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.endswith("has been withdrawn")


@pytest.mark.django_db
def test_a_refused_submission_sends_nothing_and_suppressed_notifications_stay_silent(
    student_geography, round_, projects, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(DomainError):
            submit(student_geography, round_, projects[:2])
        with notifications_suppressed():
            submit(student_geography, round_, projects[:3])

    assert mail.outbox == []


# --- parallel submits (PostgreSQL: SQLite serialises writers anyway) -----------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_submits_store_one_application_with_one_whole_ranking():
    round_ = RoundFactory()
    projects = [ProjectFactory(round=round_) for _ in range(4)]
    student = StudentFactory()
    barrier = threading.Barrier(2)
    errors = []

    def run(order):
        try:
            barrier.wait()
            with notifications_suppressed():
                submit(student, round_, order)
        except Exception as error:  # any failure in the thread is reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(projects[:3],)),
        threading.Thread(target=run, args=(projects[1:],)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    application = Application.objects.get()
    assert application.choices.count() == 3
    assert sorted(application.choices.values_list("rank", flat=True)) == [1, 2, 3]


STUDENTS_AT_ONCE = 200
# Connections open at the same time: PostgreSQL's default allows 100 for everyone (the test
# database, other sessions), and a server pools them too (gunicorn workers, CONN_MAX_AGE).
CONNECTIONS_AT_ONCE = 40


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_hundred_students_ranking_at_once_lose_and_duplicate_nothing():
    """200 students submit at the same moment (a barrier), each thread with its own database
    connection, through the service the apply page calls: 200 applications, each student once,
    every ranking whole and in order, no errors."""
    round_ = RoundFactory(min_choices=3, max_choices=5)
    projects = [ProjectFactory(round=round_) for _ in range(6)]
    students = StudentFactory.create_batch(STUDENTS_AT_ONCE)
    # Each student ranks three projects, starting at a different one.
    wanted = {
        student.pk: [projects[(i + k) % len(projects)].pk for k in range(3)]
        for i, student in enumerate(students)
    }
    barrier = threading.Barrier(STUDENTS_AT_ONCE)
    connections = threading.BoundedSemaphore(CONNECTIONS_AT_ONCE)
    errors = []

    def run(student):
        try:
            barrier.wait()
            with connections:
                try:
                    with notifications_suppressed():
                        application_submit(
                            actor=student,
                            round=round_,
                            choices=[(pk, "Ich kenne den Ort.") for pk in wanted[student.pk]],
                        )
                finally:
                    connection.close()
        except Exception as error:  # any failure in the thread is reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(student,)) for student in students]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    applications = Application.objects.filter(round=round_)
    assert applications.count() == STUDENTS_AT_ONCE
    assert set(applications.values_list("student", flat=True)) == set(wanted)
    assert Choice.objects.filter(application__round=round_).count() == 3 * STUDENTS_AT_ONCE
    stored_rankings: dict[int, list[int]] = {}
    for student_id, project_id in (
        Choice.objects.filter(application__round=round_)
        .order_by("application__student", "rank")
        .values_list("application__student", "project")
    ):
        stored_rankings.setdefault(student_id, []).append(project_id)
    assert stored_rankings == wanted


# --- the profile for applying --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_student_saves_the_profile_for_applying(student_informatics):
    programme = StudyProgrammeFactory(name="Geographie")
    gis = Competence.objects.create(slug="gis", label_de="GIS")
    survey = Competence.objects.create(slug="befragung", label_de="Befragungen")

    profile = student_profile_update(
        actor=student_informatics,
        study_programme=programme,
        semester=6,
        competences=[gis, survey],
        languages=" Deutsch, Englisch ",
        mobility=["bike", "deutschlandticket"],
        availability="Dienstags und donnerstags",
    )

    student_informatics.refresh_from_db()
    assert student_informatics.study_programme == programme
    assert student_informatics.semester == 6
    person = PersonProfile.objects.get(user=student_informatics)
    assert set(person.competences.all()) == {gis, survey}
    assert person.languages == "Deutsch, Englisch"
    assert "gis" in person.search_text
    assert profile.mobility == ["deutschlandticket", "bike"]
    assert profile.availability == "Dienstags und donnerstags"
    assert Activity.objects.filter(verb="student_profile.updated").exists()

    student_profile_update(
        actor=student_informatics,
        study_programme=programme,
        semester=None,
        competences=[],
        languages="",
        mobility=[],
        availability="",
    )
    assert StudentProfile.objects.get(user=student_informatics).mobility == []
    assert not person.competences.exists()


def _profile(actor, **overrides):
    data = {
        "study_programme": StudyProgrammeFactory(),
        "semester": 3,
        "competences": [],
        "languages": "",
        "mobility": [],
        "availability": "",
    }
    return student_profile_update(actor=actor, **{**data, **overrides})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"study_programme": None}, "study_programme"),
        ({"semester": 0}, "semester"),
        ({"semester": 31}, "semester"),
        ({"mobility": ["rocket"]}, "mobility"),
        ({"availability": "x" * 301}, "availability"),
        ({"languages": "x" * 201}, "languages"),
    ],
)
def test_bad_profile_input_is_refused_and_nothing_is_stored(student_geography, overrides, field):
    programme = student_geography.study_programme

    with pytest.raises(DomainError) as error:
        _profile(student_geography, **overrides)

    assert error.value.field == field
    student_geography.refresh_from_db()
    assert student_geography.study_programme == programme
    assert not StudentProfile.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in User.Role.values if r != User.Role.STUDENT])
def test_only_students_have_a_profile_for_applying(role):
    with pytest.raises(PermissionDenied):
        _profile(UserFactory(role=role))


@pytest.mark.django_db
def test_withdrawing_takes_the_student_out_of_their_team(student_geography, round_, projects):
    from transferraum.projects.models import Assignment

    submit(student_geography, round_, projects[:3])
    Assignment.objects.create(
        round=round_, student=student_geography, project=projects[0], pinned=True
    )

    application_withdraw(actor=student_geography, round=round_)

    assert not Assignment.objects.filter(round=round_, student=student_geography).exists()
