"""The allocation board, its progress, hand moves, publication and the student's result."""

from __future__ import annotations

import pytest
from django.urls import reverse

from transferraum.core.testing import assert_capped, rows_marked
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import (
    AllocationRun,
    Assignment,
    Counterfactual,
    Project,
    Round,
)
from transferraum.projects.selectors import allocation as allocation_selectors
from transferraum.projects.services.allocation import allocation_publish, allocation_start
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorFactory,
    application_for,
)
from transferraum.projects.tests.test_allocation_services import (
    build_round,
    run_allocation,
    team_of,
)
from transferraum.projects.views import allocation as allocation_views

HTMX = {"HX-Request": "true"}


def url(name, round, **kwargs):
    return reverse(f"projects:{name}", kwargs={"pk": round.pk, **kwargs})


@pytest.fixture
def supervisor(db):
    return SupervisorFactory()


# --------------------------------------------------------------------------------------------
# Who may see and do what


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("student_geography", 403),
        ("officer_eilenburg", 403),
        ("supervisor", 403),
        ("researcher", 403),
        ("outsider", 403),
    ],
)
def test_only_coordinators_see_the_board(client, request, persona, status):
    data = build_round(students=3)
    client.force_login(request.getfixturevalue(persona))

    response = client.get(url("allocation", data.round))

    assert response.status_code == status


@pytest.mark.django_db
def test_the_board_asks_for_a_login(client):
    data = build_round(students=3)

    response = client.get(url("allocation", data.round))

    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("allocation-run", "post"),
        ("allocation-move", "get"),
        ("allocation-move", "post"),
        ("allocation-swap", "get"),
        ("allocation-swap", "post"),
        ("allocation-publish", "post"),
    ],
)
def test_actions_are_refused_to_non_coordinators(client, student_geography, name, method):
    data = build_round(students=3)
    client.force_login(student_geography)

    response = getattr(client, method)(
        url(name, data.round),
        {"student": data.students[0].pk, "project": data.projects[1].pk, "confirm": "on"},
    )

    assert response.status_code == 403
    assert not AllocationRun.objects.exists()
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_progress_is_refused_to_non_coordinators(client, coordinator, student_geography):
    data = build_round(students=3)
    run = allocation_start(actor=coordinator, round=data.round)
    client.force_login(student_geography)

    response = client.get(url("allocation-progress", data.round, run_pk=run.pk), headers=HTMX)

    assert response.status_code == 403


# --------------------------------------------------------------------------------------------
# The board


@pytest.mark.django_db
def test_the_board_before_any_run_offers_to_start(client, coordinator):
    data = build_round(students=3)
    client.force_login(coordinator)

    response = client.get(url("allocation", data.round))

    content = response.content.decode()
    assert "No allocation has run in this round yet." in content
    assert "Start the allocation" in content
    assert "Publish the allocation" not in content


@pytest.mark.django_db
def test_the_board_shows_teams_ranks_profile_closed_projects_and_unplaced_students(
    client, coordinator, django_capture_on_commit_callbacks
):
    round = RoundFactory(phase=Round.Phase.ALLOCATION)
    big = ProjectFactory(round=round, title="Großes Projekt", min_team_size=4, max_team_size=5)
    small = ProjectFactory(round=round, title="Kleines Projekt", min_team_size=1, max_team_size=1)
    people = [StudentFactory(name=f"Person {i}") for i in range(3)]
    for student in people:
        application_for(student, [big, small])
    run_allocation(round, coordinator, django_capture_on_commit_callbacks, seed=5)
    client.force_login(coordinator)

    response = client.get(url("allocation", round))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Kleines Projekt" in content
    assert "Großes Projekt" in content
    assert "closed: only 3 of the 4 needed students chose it" in content or (
        "geschlossen: nur 3 der 4 nötigen Studierenden haben es gewählt" in content
    )
    assert "Students without a place (2)" in content
    assert "choice no. 1" in content  # the profile's table
    assert "<svg" in content
    assert "Run the allocation again" in content
    assert "Publish the allocation" in content
    assert "Done" in content


@pytest.mark.django_db
def test_the_board_lists_the_first_closed_projects_and_counts_them_all(
    client, coordinator, monkeypatch
):
    monkeypatch.setattr(allocation_selectors, "CLOSED_SHOWN", 2)
    round = RoundFactory(phase=Round.Phase.ALLOCATION)
    for letter in "DCBA":
        ProjectFactory(round=round, title=f"Geschlossen {letter}", status=Project.Status.CLOSED)
    client.force_login(coordinator)

    response = client.get(url("allocation", round))

    content = response.content.decode()
    assert "Projects that stay closed (4)" in content
    assert "Geschlossen A" in content and "Geschlossen B" in content
    assert "Geschlossen C" not in content and "Geschlossen D" not in content
    assert f'href="{reverse("projects:round", args=[round.pk])}">the round' in content


def solver_details(content: str) -> str:
    """The folded part of the board that holds the solver's details (the header has disclosures
    of its own)."""
    start = content.rindex("<details", 0, content.index("Solver details"))
    return content[start : content.index("</details>", start)]


@pytest.mark.django_db
def test_the_board_says_the_result_in_words_and_folds_the_solver_details_away(
    client, coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=6, min_size=1)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    client.force_login(coordinator)

    content = client.get(url("allocation", data.round)).content.decode()

    assert "6 of 6 placed, 6 first choices" in content
    assert "proven best possible." in content
    details = solver_details(content)
    assert "Solver details" in details
    assert "Method" in details and "linear programme on the network" in details
    assert "students on choice no. 1: 6" in details
    assert "Sum of rank costs" in details
    assert "highspy" in details
    assert "“”" not in content and "in stage" not in content


@pytest.mark.django_db
def test_the_board_of_a_run_without_engine_records_leaves_no_blanks(
    client, coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=6, min_size=1)
    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    run.result["meta"] = {"demo": True}  # as the demo data's published run
    run.save(update_fields=["result"])
    client.force_login(coordinator)

    content = client.get(url("allocation", data.round)).content.decode()

    assert "6 of 6 placed, 6 first choices" in content
    details = solver_details(content)
    assert "Method" not in details
    assert "Seed" in details
    assert '<dd class="kern-description-list-item__value"></dd>' not in content


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{}, {"student": "Studentin 01"}, {"team": "open"}])
def test_the_board_takes_the_same_number_of_queries_for_2_and_8_teams(
    client,
    coordinator,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
    query,
):
    small = build_round(projects=2, students=4, min_size=1)
    large = build_round(projects=8, students=16, min_size=1)
    for data in (small, large):
        run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
        Assignment.objects.filter(round=data.round, student=data.students[0]).update(pinned=True)
    assert Assignment.objects.filter(round=large.round).values("project").distinct().count() == 8
    client.force_login(coordinator)
    client.get(url("allocation", small.round))  # session and user are loaded once

    def asked(data):
        if query.get("team") == "open":
            return {"team": team_of(data.round, data.students[1]).pk}
        return query

    few, many = asked(small), asked(large)
    # the figures, the profile, the unplaced, the closed projects, a page of teams; the open
    # team's page and members
    with django_assert_max_num_queries(24) as small_queries:  # with the viewer's roles
        assert client.get(url("allocation", small.round), few).status_code == 200
    with django_assert_max_num_queries(len(small_queries)):
        assert client.get(url("allocation", large.round), many).status_code == 200


@pytest.mark.django_db
def test_the_board_shows_a_page_of_folded_teams_and_no_members_until_one_is_opened(
    client, coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(allocation_views, "TEAMS_PAGE_SIZE", 3)
    data = build_round(projects=8, students=16, min_size=1)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    client.force_login(coordinator)
    board = url("allocation", data.round)

    first = client.get(board)
    assert assert_capped(first, "data-team", 3) == 3
    assert rows_marked(first, "data-member") == 0
    assert "Projekt A" in first.content.decode() and "Projekt D" not in first.content.decode()
    assert rows_marked(client.get(board, {"seite": 3}), "data-team") == 2

    # Opening a team shows its members, on the page that holds it.
    team = Project.objects.get(round=data.round, title="Projekt H")
    members = Assignment.objects.filter(round=data.round, project=team).count()
    opened = client.get(board, {"team": team.pk})
    assert f'id="team-{team.pk}" class="tr-team" open' in opened.content.decode()
    assert rows_marked(opened, "data-member") == members
    assert rows_marked(opened, "data-team") == 2  # page 3

    # htmx loads the members of a folded team alone; without htmx the board opens it.
    fragment = client.get(url("allocation-team", data.round, project_pk=team.pk), headers=HTMX)
    assert rows_marked(fragment, "data-member") == members
    assert "<h1" not in fragment.content.decode()
    plain = client.get(url("allocation-team", data.round, project_pk=team.pk))
    assert plain.status_code == 302
    assert plain["Location"] == f"{board}?team={team.pk}#team-{team.pk}"
    other = build_round(projects=1, students=1, min_size=1)
    assert (
        client.get(
            url("allocation-team", data.round, project_pk=other.projects[0].pk), headers=HTMX
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_the_board_finds_a_student_by_name_or_e_mail_and_shows_their_team(
    client, coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=6, min_size=1)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    student = data.students[4]
    team = team_of(data.round, student)
    client.force_login(coordinator)
    board = url("allocation", data.round)

    by_name = client.get(board, {"student": "studentin 04"}).content.decode()
    assert "1 student matches “studentin 04”" in by_name
    assert f'team={team.pk}#team-{team.pk}">{team.title}</a>' in by_name
    assert f"Move {student.name}" in by_name

    by_mail = client.get(board, {"student": student.email.split("@")[0]})
    assert rows_marked(by_mail, "data-found") == 1
    everyone = client.get(board, {"student": "Studentin"})
    assert rows_marked(everyone, "data-found") == 6
    nobody = client.get(board, {"student": "Niemand"}).content.decode()
    assert "0 students match “Niemand”" in nobody


# --------------------------------------------------------------------------------------------
# Runs and their progress


@pytest.mark.django_db
def test_starting_a_run_finishes_it_in_the_background(
    client, coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=6)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("allocation-run", data.round), {"seed": "4"})

    assert response.status_code == 302
    assert response["Location"] == url("allocation", data.round)
    run = AllocationRun.objects.get()
    assert run.status == AllocationRun.Status.DONE
    assert run.seed == 4
    assert Assignment.objects.filter(round=data.round, project__isnull=False).count() == 6


@pytest.mark.django_db
def test_the_first_run_of_a_round_is_run_no_1(
    client, coordinator, django_capture_on_commit_callbacks
):
    earlier = build_round(students=3)
    run_allocation(earlier.round, coordinator, django_capture_on_commit_callbacks)
    data = build_round(students=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    client.force_login(coordinator)

    content = client.get(url("allocation", data.round)).content.decode()

    assert "Run no. 1" in content
    assert "Run no. 2" not in content


@pytest.mark.django_db
def test_a_refused_run_shows_the_reason_and_keeps_the_seed(client, coordinator):
    round = RoundFactory(phase=Round.Phase.ALLOCATION)  # nobody applied
    client.force_login(coordinator)

    response = client.post(url("allocation-run", round), {"seed": "17"})

    assert response.status_code == 422
    content = response.content.decode()
    assert "No student has applied in this round" in content
    assert 'value="17"' in content
    assert not AllocationRun.objects.exists()


@pytest.mark.django_db
def test_a_negative_seed_is_invalid(client, coordinator):
    data = build_round(students=3)
    client.force_login(coordinator)

    response = client.post(url("allocation-run", data.round), {"seed": "-1"})

    assert response.status_code == 422
    assert not AllocationRun.objects.exists()


@pytest.mark.django_db
def test_the_board_polls_a_running_run_and_reloads_when_it_ends(client, coordinator):
    data = build_round(students=3)
    run = allocation_start(actor=coordinator, round=data.round)  # queued: no commit in the test
    client.force_login(coordinator)
    progress_url = url("allocation-progress", data.round, run_pk=run.pk)

    board = client.get(url("allocation", data.round)).content.decode()
    assert f'hx-get="{progress_url}"' in board
    assert 'hx-trigger="every 1s"' in board
    assert "Start the allocation" not in board  # not while a run is going on

    partial = client.get(progress_url, headers=HTMX)
    assert partial.status_code == 200
    assert "<html" not in partial.content.decode()
    assert "Waiting for a free worker" in partial.content.decode()
    assert "HX-Refresh" not in partial

    AllocationRun.objects.filter(pk=run.pk).update(status=AllocationRun.Status.DONE, progress=100)
    finished = client.get(progress_url, headers=HTMX)
    assert finished["HX-Refresh"] == "true"
    assert "every 1s" not in finished.content.decode()


@pytest.mark.django_db
def test_progress_without_htmx_goes_to_the_board(client, coordinator):
    data = build_round(students=3)
    run = allocation_start(actor=coordinator, round=data.round)
    client.force_login(coordinator)

    response = client.get(url("allocation-progress", data.round, run_pk=run.pk))

    assert response.status_code == 302
    assert response["Location"] == url("allocation", data.round)


@pytest.mark.django_db
def test_progress_of_another_rounds_run_is_not_found(client, coordinator):
    data = build_round(students=3)
    other = build_round(students=3)
    run = allocation_start(actor=coordinator, round=other.round)
    client.force_login(coordinator)

    response = client.get(url("allocation-progress", data.round, run_pk=run.pk), headers=HTMX)

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_failed_run_shows_its_error(client, coordinator):
    data = build_round(students=3)
    AllocationRun.objects.create(
        round=data.round,
        number=1,
        objective="rank-maximal",
        status=AllocationRun.Status.FAILED,
        progress_note="Failed",
        error="project “Projekt A”: 2 pins but only 1 places",
    )
    client.force_login(coordinator)

    content = client.get(url("allocation", data.round)).content.decode()

    assert "The engine found no allocation." in content
    assert "project “Projekt A”: 2 pins but only 1 places" in content


@pytest.mark.django_db
def test_a_run_whose_worker_was_lost_says_so_and_offers_to_start_again(
    client, coordinator, settings
):
    from transferraum.projects.services.allocation import allocation_task_stopped

    data = build_round(students=3)
    run = allocation_start(actor=coordinator, round=data.round)
    allocation_task_stopped(run_id=run.pk, lost=True, retrying=False)
    client.force_login(coordinator)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    german = client.get(url("allocation", data.round)).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url("allocation", data.round)).content.decode()

    assert rows_marked(german, "data-run-stopped") == 1
    assert "Der Durchlauf wurde nicht abgeschlossen." in german
    assert "Der Hintergrundprozess wurde beendet" in german
    assert "Sie können den Durchlauf sofort neu starten." in german
    assert "Durchlauf neu starten" in german
    assert "The engine found no allocation." not in english
    assert "The run stopped without finishing." in english
    assert "The background worker stopped before the run finished." in english
    assert "Start the run again" in english
    assert f'action="{url("allocation-run", data.round)}"' in english


@pytest.mark.django_db
def test_the_coordinator_starts_again_at_once_after_a_lost_worker(client, coordinator):
    from transferraum.projects.services.allocation import allocation_task_stopped

    data = build_round(students=3)
    run = allocation_start(actor=coordinator, round=data.round)
    allocation_task_stopped(run_id=run.pk, lost=True, retrying=False)
    client.force_login(coordinator)

    response = client.post(url("allocation-run", data.round), {"seed": "0"})

    assert response.status_code == 302
    newest = AllocationRun.objects.filter(round=data.round).order_by("-number").first()
    assert (newest.number, newest.status) == (2, AllocationRun.Status.QUEUED)


# --------------------------------------------------------------------------------------------
# Moving by hand


@pytest.fixture
def allocated(coordinator, django_capture_on_commit_callbacks):
    data = build_round(projects=3, students=6, min_size=2, max_size=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    return data


@pytest.mark.django_db
def test_the_move_page_shows_the_broken_rules_before_saving(client, coordinator, allocated):
    a, b, c = allocated.projects
    student = Assignment.objects.filter(round=allocated.round, project=a)[0].student
    client.force_login(coordinator)

    chooser = client.get(url("allocation-move", allocated.round), {"student": student.pk})
    assert chooser.status_code == 200
    assert "Show what this move breaks" in chooser.content.decode()
    assert "Save the move" not in chooser.content.decode()

    response = client.get(
        url("allocation-move", allocated.round), {"student": student.pk, "project": b.pk}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "“Projekt A” would have only 1 members; it needs at least 2." in content
    assert 'name="confirm"' in content
    assert "Save the move and pin it" in content
    assert Assignment.objects.get(student=student).project == a


@pytest.mark.django_db
def test_the_move_page_names_the_chosen_student_instead_of_listing_every_applicant(
    client, coordinator, allocated
):
    student = allocated.students[0]
    client.force_login(coordinator)

    chosen = client.get(url("allocation-move", allocated.round), {"student": student.pk})

    html = chosen.content.decode()
    assert f'<input type="hidden" name="student" value="{student.pk}">' in html
    assert '<select name="student"' not in html
    assert html.count(allocated.students[1].name) == 0
    unchosen = client.get(url("allocation-move", allocated.round)).content.decode()
    assert 'name="student"' in unchosen and allocated.students[1].name in unchosen


@pytest.mark.django_db
def test_a_move_with_broken_rules_needs_the_confirmation(client, coordinator, allocated):
    a, b, c = allocated.projects
    student = Assignment.objects.filter(round=allocated.round, project=a)[0].student
    client.force_login(coordinator)
    form = {"student": student.pk, "project": b.pk}

    refused = client.post(url("allocation-move", allocated.round), form)

    assert refused.status_code == 422
    assert "Please confirm that you want it anyway." in refused.content.decode()
    assert Assignment.objects.get(student=student).project == a

    saved = client.post(url("allocation-move", allocated.round), {**form, "confirm": "on"})

    assert saved.status_code == 302
    # back on the board with the student's new team open
    assert saved["Location"] == f"{url('allocation', allocated.round)}?team={b.pk}#team-{b.pk}"
    moved = Assignment.objects.get(student=student)
    assert moved.project == b
    assert moved.pinned


@pytest.mark.django_db
def test_an_overfilling_move_is_refused_on_the_page_and_on_submit(
    client, coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=9, min_size=1, max_size=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    a = data.projects[0]
    student = Assignment.objects.filter(round=data.round).exclude(project=a)[0].student
    client.force_login(coordinator)

    page = client.get(url("allocation-move", data.round), {"student": student.pk, "project": a.pk})
    content = page.content.decode()
    assert "Not possible:" in content
    assert "Save the move" not in content

    response = client.post(
        url("allocation-move", data.round),
        {"student": student.pk, "project": a.pk, "confirm": "on"},
    )

    assert response.status_code == 422
    assert "“Projekt A” would have 4 members, but takes at most 3." in response.content.decode()
    assert Assignment.objects.get(student=student).project != a


@pytest.mark.django_db
def test_a_move_to_another_rounds_project_is_invalid(client, coordinator, allocated):
    elsewhere = ProjectFactory()
    student = allocated.students[0]
    client.force_login(coordinator)

    response = client.post(
        url("allocation-move", allocated.round),
        {"student": student.pk, "project": elsewhere.pk, "confirm": "on"},
    )

    assert response.status_code == 422
    assert Assignment.objects.get(student=student).project != elsewhere


@pytest.mark.django_db
def test_taking_a_student_out_of_every_team(client, coordinator, allocated):
    student = allocated.students[0]
    client.force_login(coordinator)

    response = client.post(
        url("allocation-move", allocated.round),
        {"student": student.pk, "project": "", "confirm": "on"},
    )

    assert response.status_code == 302
    row = Assignment.objects.get(student=student)
    assert row.project is None
    assert row.pinned
    board = client.get(url("allocation", allocated.round)).content.decode()
    assert "Taken out of every team by hand." in board


# --------------------------------------------------------------------------------------------
# Publication


@pytest.mark.django_db
def test_publishing_from_the_board(
    client, coordinator, allocated, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("allocation-publish", allocated.round))

    assert response.status_code == 302
    allocated.round.refresh_from_db()
    assert allocated.round.published_at is not None
    assert set(Project.objects.filter(round=allocated.round).values_list("status", flat=True)) == {
        Project.Status.RUNNING
    }
    board = client.get(url("allocation", allocated.round)).content.decode()
    assert "The allocation was published on" in board
    assert "Run the allocation again" not in board

    again = client.post(url("allocation-publish", allocated.round), follow=True)
    assert "published already" in again.content.decode()


@pytest.mark.django_db
def test_publishing_without_a_finished_run_is_refused_with_a_message(client, coordinator):
    data = build_round(students=3)
    client.force_login(coordinator)

    response = client.post(url("allocation-publish", data.round), follow=True)

    assert "Please wait for a finished allocation run before publishing." in (
        response.content.decode()
    )
    data.round.refresh_from_db()
    assert data.round.published_at is None


# --------------------------------------------------------------------------------------------
# The student's result


@pytest.mark.django_db
def test_the_result_before_publication_says_so(client, allocated):
    client.force_login(allocated.students[0])

    response = client.get(url("result", allocated.round))

    assert response.status_code == 200
    assert "The allocation is not published yet." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["student_geography", "officer_eilenburg", "coordinator"])
def test_people_without_application_get_a_friendly_not_found_page(
    client, request, allocated, persona
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(url("result", allocated.round))

    assert response.status_code == 404
    assert "You have not applied in this round" in response.content.decode()


@pytest.mark.django_db
def test_the_result_asks_for_a_login(client, allocated):
    response = client.get(url("result", allocated.round))

    assert response.status_code == 302


@pytest.fixture
def contested(coordinator, django_capture_on_commit_callbacks):
    """Two students want the one place of "Marktplatz"; the loser gets "Bahnhof"."""
    round = RoundFactory(phase=Round.Phase.ALLOCATION)
    popular = ProjectFactory(round=round, title="Marktplatz", min_team_size=1, max_team_size=1)
    quiet = ProjectFactory(round=round, title="Bahnhof", min_team_size=1, max_team_size=3)
    for student in (StudentFactory(), StudentFactory()):
        application_for(student, [popular, quiet])
    run_allocation(round, coordinator, django_capture_on_commit_callbacks)
    with notifications_suppressed():
        round = allocation_publish(actor=coordinator, round=round)
    loser = Assignment.objects.get(round=round, project=quiet).student
    return round, loser, popular, quiet


@pytest.mark.django_db
def test_the_result_shows_project_rank_and_why_not_in_the_active_language(
    client, contested, settings
):
    round, loser, popular, quiet = contested
    client.force_login(loser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"  # German, as a visitor sees it first

    german = client.get(url("result", round)).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url("result", round)).content.decode()

    assert "Bahnhof" in german
    assert reverse("projects:workspace", kwargs={"pk": quiet.pk}) in german
    assert reverse("projects:project", kwargs={"pk": quiet.pk}) in german
    assert "voll: die Plätze gingen an Studierende" in german
    assert "Sie haben Ihren 2. Wunsch erhalten." in german
    assert "full: its places went to students who ranked it at least as high" in english
    assert "What if I had got my first choice?" in english
    assert "The rule in force" in english
    assert "Most first choices (rank-maximal)" in english


@pytest.mark.django_db
def test_the_counterfactual_is_computed_in_the_background_and_polled_with_htmx(
    client, contested, settings, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested
    client.force_login(loser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"  # German, as a visitor sees it first
    poll_url = url("result-counterfactual", round)
    assert "erster-wunsch" in poll_url

    page = client.get(url("result", round)).content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        pending = client.post(url("result", round), headers=HTMX)
    waiting = client.get(poll_url, headers=HTMX)
    for callback in callbacks:
        callback()  # the background task: the test backend runs it at once
    answered = client.get(poll_url, headers=HTMX)

    assert f'hx-post="{url("result", round)}"' in page
    assert pending.status_code == 200
    assert "<html" not in pending.content.decode()
    assert f'hx-get="{poll_url}"' in pending.content.decode()
    assert 'hx-trigger="every 2s"' in pending.content.decode()
    assert waiting.status_code == 204  # still computing: htmx keeps what it shows
    text = "Ihnen diesen Platz zu geben, hätte 1 andere Person auf einen schlechteren Wunsch"
    assert answered.status_code == 200
    assert text in answered.content.decode()
    assert "hx-get" not in answered.content.decode()  # the polling stops
    again = client.get(url("result", round)).content.decode()
    assert text in again
    assert f'hx-post="{url("result", round)}"' not in again  # asked once per run


@pytest.mark.django_db
def test_the_counterfactual_works_without_javascript(
    client, contested, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested
    client.force_login(loser)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url("result", round))
    waiting = client.get(url("result", round)).content.decode()
    for callback in callbacks:
        callback()
    answered = client.get(url("result", round)).content.decode()

    assert response.status_code == 302
    assert response["Location"].endswith("#counterfactual")
    assert "The engine is computing the answer" in waiting
    assert "Reload the page" in waiting
    assert "would have moved 1 other student to a worse choice" in answered
    # The polling URL sends visitors without htmx to the page itself.
    assert client.get(url("result-counterfactual", round))["Location"].endswith("#counterfactual")


@pytest.mark.django_db
def test_a_student_with_the_first_choice_is_not_offered_the_question(client, contested):
    round, loser, popular, quiet = contested
    winner = Assignment.objects.get(round=round, project=popular).student
    client.force_login(winner)

    page = client.get(url("result", round)).content.decode()
    response = client.post(url("result", round))

    assert "What if I had got my first choice?" not in page
    assert response.status_code == 302
    assert not Counterfactual.objects.exists()
    assert client.get(url("result-counterfactual", round), headers=HTMX).status_code == 404


@pytest.mark.django_db
def test_the_counterfactual_answers_kindly_when_the_engine_gives_up(
    client, contested, monkeypatch, django_capture_on_commit_callbacks
):
    from transferraum.allocation import explain
    from transferraum.allocation.engine import AllocationError

    round, loser, popular, quiet = contested
    seen = []

    def gives_up(instance, *args, **kwargs):
        seen.append(instance.options.time_limit)
        raise AllocationError("phase rank: no feasible assignment found in time")

    monkeypatch.setattr(explain, "counterfactual", gives_up)
    client.force_login(loser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("result", round), headers=HTMX)
    answer = client.get(url("result-counterfactual", round), headers=HTMX)

    assert response.status_code == 200
    assert answer.status_code == 200
    assert "no answer within its time limit" in answer.content.decode()
    assert "Ask again" in answer.content.decode()
    # In the background the engine has the run's whole time limit, not 10 seconds.
    assert seen == [60.0]


@pytest.mark.django_db
def test_moving_into_a_full_team_offers_a_swap_that_happens_in_one_step(
    client, coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=2, students=4, min_size=1, max_size=2)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    full_a, full_b = data.projects
    student = Assignment.objects.filter(round=data.round, project=full_a)[0].student
    other = Assignment.objects.filter(round=data.round, project=full_b)[0].student
    client.force_login(coordinator)

    move_page = client.get(
        url("allocation-move", data.round), {"student": student.pk, "project": full_b.pk}
    ).content.decode()
    swap_link = f"{url('allocation-swap', data.round)}?student={student.pk}&amp;other={other.pk}"
    assert swap_link in move_page
    swap_page = client.get(
        url("allocation-swap", data.round), {"student": student.pk, "other": other.pk}
    ).content.decode()
    assert "This swap breaks no rule." in swap_page
    response = client.post(
        url("allocation-swap", data.round), {"student": student.pk, "other": other.pk}
    )

    assert response.status_code == 302
    assert Assignment.objects.get(round=data.round, student=student).project == full_b
    assert Assignment.objects.get(round=data.round, student=other).project == full_a


@pytest.mark.django_db
def test_a_refused_swap_shows_the_reason(client, coordinator, django_capture_on_commit_callbacks):
    data = build_round(projects=2, students=4, min_size=1, max_size=2)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    mates = Assignment.objects.filter(round=data.round, project=data.projects[0])
    client.force_login(coordinator)

    response = client.post(
        url("allocation-swap", data.round),
        {"student": mates[0].student_id, "other": mates[1].student_id},
    )

    assert response.status_code == 422
    assert "are in the same team already" in response.content.decode()
