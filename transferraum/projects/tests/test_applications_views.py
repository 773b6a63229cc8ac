"""Views of the applications area: who may open them, valid and refused input, and that a
refused submit shows the ranking exactly as typed."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.tests.factories import StudyProgrammeFactory
from transferraum.actors.models import Competence, PersonProfile
from transferraum.core.testing import assert_capped, rows_marked
from transferraum.projects.models import Application, Project, Round, StudentProfile
from transferraum.projects.services.rounds import project_index
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    application_for,
    place,
)
from transferraum.projects.views.applications import APPLY_PAGE_SIZE


@pytest.fixture
def round_(db):
    return RoundFactory(name="Wintersemester 2026/27", min_choices=3, max_choices=4)


@pytest.fixture
def projects(round_):
    titles = ["Bahnhof", "Dorfladen", "Jugendclub", "Leerstand am Markt", "Radweg zur Mulde"]
    return [ProjectFactory(round=round_, title=title) for title in titles]


def apply_url(round_):
    return reverse("projects:apply", args=[round_.pk])


def form_data(order, motivations=None, **extra):
    """POST data ranking the projects of `order` first to last."""
    data = {}
    for rank, project in enumerate(order, start=1):
        data[f"rank_{project.pk}"] = str(rank)
        data[f"motivation_{project.pk}"] = (motivations or {}).get(
            project.pk, f"Warum {project.title}" if rank <= 2 else ""
        )
    return {"work_with_1": "", "work_with_2": "", **data, **extra}


def closing_soon(round_):
    """The deadline in an hour (so that a test's login outlives the time travel past it)."""
    Round.objects.filter(pk=round_.pk).update(
        applications_close_at=timezone.now() + timedelta(hours=1)
    )
    round_.refresh_from_db()
    return round_


def ranked_titles(response):
    """Titles in the ranked list of the page, top to bottom."""
    html = response.content.decode()
    chosen = html.split("data-ranking-chosen>", 1)[1].split("</ol>", 1)[0]
    return re.findall(r'data-title="([^"]+)"', chosen)


# --- who may open the pages ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("student_geography", 200),
        ("coordinator", 403),
        ("officer_eilenburg", 403),
        ("owner_zeitz", 403),
        ("researcher", 403),
        ("outsider", 403),
    ],
)
@pytest.mark.parametrize("page", ["apply", "student-profile", "mine"])
def test_the_application_pages_are_for_students(request, client, projects, persona, status, page):
    client.force_login(request.getfixturevalue(persona))
    args = [projects[0].round.pk] if page == "apply" else []

    response = client.get(reverse(f"projects:{page}", args=args))

    assert response.status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "outsider"])
def test_non_students_cannot_post_an_application_or_withdraw(request, client, projects, persona):
    client.force_login(request.getfixturevalue(persona))
    round_ = projects[0].round

    assert client.post(apply_url(round_), form_data(projects[:3])).status_code == 403
    assert client.post(reverse("projects:withdraw", args=[round_.pk])).status_code == 403
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_the_login(client, projects):
    response = client.get(apply_url(projects[0].round))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_a_round_in_preparation_is_not_found_for_students(client, student_geography):
    round_ = RoundFactory(phase=Round.Phase.PREPARATION)
    client.force_login(student_geography)
    assert client.get(apply_url(round_)).status_code == 404


# --- the apply page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_apply_page_explains_the_rule_and_lists_the_open_projects(
    client, student_geography, projects
):
    Project.objects.filter(pk=projects[4].pk).update(status=Project.Status.CLOSED)
    client.force_login(student_geography)

    response = client.get(apply_url(projects[0].round), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert "first choice" in html  # the rank-maximal rule, said plainly
    assert "less popular project first" in html
    assert "Deadline:" in html
    for project in projects[:4]:
        assert f"Move {project.title} up" in html
        assert f"Move {project.title} down" in html
        assert project.get_absolute_url() in html
    assert "Radweg zur Mulde" not in html
    assert "Submit application" in html
    assert ranked_titles(response) == []


@pytest.mark.django_db
def test_the_min_cost_rule_is_explained_too(client, student_geography, projects):
    Round.objects.filter(pk=projects[0].round_id).update(objective=Round.Objective.MIN_COST)
    client.force_login(student_geography)

    response = client.get(apply_url(projects[0].round))

    assert "nearly everyone in their top choices" in response.content.decode()


@pytest.mark.django_db
def test_a_student_submits_and_lands_on_their_rounds(
    client, student_geography, student_informatics, projects
):
    client.force_login(student_geography)
    order = [projects[3], projects[0], projects[2]]

    response = client.post(
        apply_url(projects[0].round),
        form_data(order, work_with_1=student_informatics.email.upper()),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("projects:mine")
    application = Application.objects.get(student=student_geography)
    assert [c.project for c in application.choices.order_by("rank")] == order
    assert list(application.work_with.all()) == [student_informatics]


@pytest.mark.django_db
def test_a_student_who_applied_sees_the_ranking_prefilled_and_can_change_it(
    client, student_geography, student_informatics, projects
):
    application = application_for(student_geography, [projects[2], projects[0], projects[1]])
    application.work_with.set([student_informatics])
    client.force_login(student_geography)

    response = client.get(apply_url(projects[0].round))

    assert ranked_titles(response) == ["Jugendclub", "Bahnhof", "Dorfladen"]
    html = response.content.decode()
    assert student_informatics.email in html
    assert reverse("projects:withdraw", args=[projects[0].round_id]) in html

    response = client.post(apply_url(projects[0].round), form_data(projects[1:5]))

    assert response.status_code == 302
    assert Application.objects.filter(student=student_geography).count() == 1
    assert [c.project.title for c in Application.objects.get().choices.order_by("rank")] == [
        "Dorfladen",
        "Jugendclub",
        "Leerstand am Markt",
        "Radweg zur Mulde",
    ]


@pytest.mark.django_db
def test_a_refused_submit_keeps_the_ranking_motivations_and_names_as_typed(
    client, student_geography, student_informatics, projects
):
    client.force_login(student_geography)
    order = [projects[4], projects[1]]  # one too few
    data = form_data(
        order,
        motivations={projects[4].pk: "Ich fahre gern Rad.", projects[1].pk: "Ich kaufe dort ein."},
        work_with_1=student_informatics.email,
    )

    response = client.post(apply_url(projects[0].round), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 422
    html = response.content.decode()
    assert "Please rank at least 3 projects; you have ranked 2." in html
    assert ranked_titles(response) == ["Radweg zur Mulde", "Dorfladen"]
    assert "Ich fahre gern Rad." in html
    assert "Ich kaufe dort ein." in html
    assert f'value="{student_informatics.email}"' in html
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_missing_motivation_is_shown_at_its_project(client, student_geography, projects):
    client.force_login(student_geography)
    data = form_data(projects[:3], motivations={projects[0].pk: "Gern.", projects[1].pk: ""})

    response = client.post(apply_url(projects[0].round), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 422
    html = response.content.decode()
    assert "Please write a short motivation for your choice 2, “Dorfladen”." in html
    assert f'id="id_motivation_{projects[1].pk}-error"' in html
    assert ranked_titles(response) == ["Bahnhof", "Dorfladen", "Jugendclub"]


@pytest.mark.django_db
def test_two_projects_with_the_same_rank_are_refused_as_typed(client, student_geography, projects):
    client.force_login(student_geography)
    data = form_data(projects[:3])
    data[f"rank_{projects[2].pk}"] = "1"

    response = client.post(apply_url(projects[0].round), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 422
    assert "Rank 1 is given to “Bahnhof”, “Jugendclub”." in response.content.decode()
    assert ranked_titles(response) == ["Bahnhof", "Jugendclub", "Dorfladen"]
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_unknown_fellow_student_is_refused_without_listing_anyone(
    client, student_geography, coordinator, projects
):
    client.force_login(student_geography)

    response = client.post(
        apply_url(projects[0].round),
        form_data(projects[:3], work_with_1=coordinator.email),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 422
    assert "We found no student with the address" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_naming_oneself_is_refused_at_the_field(client, student_geography, projects):
    client.force_login(student_geography)

    response = client.post(
        apply_url(projects[0].round),
        form_data(projects[:3], work_with_1=student_geography.email),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 422
    assert "You cannot name yourself" in response.content.decode()
    # The service's `work_with` refusal shows at the first e-mail field, not above the form.
    assert response.context["form"].errors == {
        "work_with_1": ["You cannot name yourself as a fellow student."]
    }


@pytest.mark.django_db
def test_a_project_of_another_round_posted_is_refused_naming_it(
    client, student_geography, projects
):
    other = ProjectFactory(title="Werkhalle Zeitz", round=RoundFactory(name="Sommer 2027"))
    client.force_login(student_geography)

    response = client.post(
        apply_url(projects[0].round),
        form_data([projects[0], projects[1], other]),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "“Werkhalle Zeitz” belongs to the round “Sommer 2027”" in html
    assert ranked_titles(response) == ["Bahnhof", "Dorfladen", "Werkhalle Zeitz"]
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_late_submit_is_refused_with_the_deadline_and_keeps_the_ranking(
    client, student_geography, projects
):
    round_ = closing_soon(projects[0].round)
    client.force_login(student_geography)

    with time_machine.travel(round_.applications_close_at + timedelta(minutes=5), tick=False):
        response = client.post(
            apply_url(round_), form_data(projects[:3]), HTTP_ACCEPT_LANGUAGE="en"
        )

    assert response.status_code == 422
    assert "The application deadline of “Wintersemester 2026/27” was" in response.content.decode()
    assert ranked_titles(response) == ["Bahnhof", "Dorfladen", "Jugendclub"]
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_closed_round_shows_why_and_the_stored_ranking_without_a_form(
    client, student_geography, projects
):
    application_for(student_geography, projects[:3])
    Round.objects.filter(pk=projects[0].round_id).update(phase=Round.Phase.ALLOCATION)
    client.force_login(student_geography)

    response = client.get(apply_url(projects[0].round), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert "are closed" in html
    assert "Submit application" not in html
    assert "Jugendclub" in html


@pytest.mark.django_db
def test_after_the_deadline_the_top_of_the_page_no_longer_offers_changes(
    client, student_geography, projects
):
    application_for(student_geography, projects[:3])
    round_ = closing_soon(projects[0].round)
    client.force_login(student_geography)

    with time_machine.travel(round_.applications_close_at + timedelta(minutes=5), tick=False):
        response = client.get(apply_url(round_), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    top = html[html.index("<h1") : html.index('id="rule-heading"')]
    assert "Your application</h1>" in top
    assert "The application deadline of “Wintersemester 2026/27” was" in top
    assert "can change" not in top and "change it or withdraw it" not in top
    assert "Change your application" not in html
    assert html.count("The application deadline of") == 1


@pytest.mark.django_db
def test_the_apply_page_needs_the_same_queries_for_few_and_many_projects(
    client, student_geography, student_informatics, projects, django_assert_max_num_queries
):
    round_ = projects[0].round
    competence = Competence.objects.create(slug="gis", label_de="GIS")
    for project in projects:
        project.required_competences.add(competence)
    application_for(student_geography, projects[:3]).work_with.set([student_informatics])
    application_for(student_informatics, projects[1:4]).work_with.set([student_geography])
    client.force_login(student_geography)
    client.get(apply_url(round_))  # session and caches warm

    # 12 for the page as before, the count and a page of other projects with their skills,
    # towns and topic fields for the filters, one for the bell's unread count
    with django_assert_max_num_queries(21) as few:  # 21: the viewer's roles read once
        client.get(apply_url(round_))
    for _ in range(APPLY_PAGE_SIZE + 3):
        ProjectFactory(round=round_).required_competences.add(competence)
    with django_assert_max_num_queries(21) as many:
        response = client.get(apply_url(round_))

    assert len(many.captured_queries) == len(few.captured_queries)
    available = response.content.decode().split("data-ranking-available>", 1)[1]
    assert assert_capped(available, "data-ranking-item", APPLY_PAGE_SIZE) == APPLY_PAGE_SIZE


# --- searching and paging without losing the ranking ----------------------------------------


@pytest.fixture
def many_projects(round_):
    """More open projects than a page shows, by title: "Projekt 01" … ."""
    projects = [
        ProjectFactory(round=round_, title=f"Projekt {number:02d}")
        for number in range(1, APPLY_PAGE_SIZE + 6)
    ]
    for project in projects:
        project_index(project)
    return projects


def available_titles(response):
    """Titles in the list of other projects, top to bottom."""
    html = response.content.decode()
    available = html.split("data-ranking-available>", 1)[1].split("</ul>", 1)[0]
    return re.findall(r'data-title="([^"]+)"', available)


@pytest.mark.django_db
def test_a_choice_on_a_later_page_survives_going_back_to_the_first(
    client, student_geography, many_projects
):
    round_ = many_projects[0].round
    late = many_projects[-1]  # on the second page
    client.force_login(student_geography)
    second = client.post(apply_url(round_), {"seite": "2"})
    assert second.status_code == 200
    assert late.title in available_titles(second)

    back = client.post(
        apply_url(round_),
        {
            **form_data([late], {late.pk: "Weil ich Radwege mag"}),
            "work_with_1": "freundin@example.org",
            "seite": "1",
        },
    )

    assert back.status_code == 200
    assert ranked_titles(back) == [late.title]
    assert late.title not in available_titles(back)
    assert available_titles(back)[0] == "Projekt 01"
    html = back.content.decode()
    assert "Weil ich Radwege mag" in html
    assert 'value="freundin@example.org"' in html
    assert "We found no student" not in html  # not judged before it is submitted
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_search_within_the_round_keeps_the_ranking_as_typed(
    client, student_geography, many_projects
):
    round_ = many_projects[0].round
    first, second, wanted = many_projects[0], many_projects[1], many_projects[7]
    # A word no factory text holds ("08" would also end a sequence number such as "108").
    wanted.title = "Streuobstwiese"
    wanted.save(update_fields=["title"])
    project_index(wanted)
    client.force_login(student_geography)

    found = client.post(
        apply_url(round_), {**form_data([second, first]), "q": "Streuobstwiese", "zeigen": "1"}
    )

    assert ranked_titles(found) == [second.title, first.title]
    assert available_titles(found) == ["Streuobstwiese"]
    assert "Warum Projekt 02" in found.content.decode()
    assert client.get(apply_url(round_), {"q": "Streuobstwiese"}).status_code == 200


@pytest.mark.django_db
def test_htmx_asks_for_the_list_alone_without_the_ranked_projects(
    client, student_geography, many_projects
):
    round_ = many_projects[0].round
    ranked = many_projects[0]
    client.force_login(student_geography)

    fragment = client.post(
        apply_url(round_),
        {**form_data([ranked]), "zeigen": "1", "seite": "1"},
        headers={"HX-Request": "true", "HX-Trigger": "apply-page-1"},
    )

    html = fragment.content.decode()
    assert "<h1" not in html and "data-ranking-chosen" not in html
    assert ranked.title not in available_titles(fragment)
    assert assert_capped(fragment, "data-ranking-item", APPLY_PAGE_SIZE) == APPLY_PAGE_SIZE
    assert "autofocus" in html  # a page button: the new list takes the focus
    assert 'hx-swap-oob="innerHTML"' in html  # the count for screen readers


@pytest.mark.django_db
def test_a_motivation_typed_for_a_project_on_another_page_is_kept(
    client, student_geography, many_projects
):
    round_ = many_projects[0].round
    unranked = many_projects[2]  # on the first page, no rank yet
    client.force_login(student_geography)

    second = client.post(
        apply_url(round_), {f"motivation_{unranked.pk}": "Schon angefangen", "seite": "2"}
    )

    html = second.content.decode()
    assert f'<input type="hidden" name="motivation_{unranked.pk}" value="Schon angefangen">' in html
    first = client.post(
        apply_url(round_), {f"motivation_{unranked.pk}": "Schon angefangen", "seite": "1"}
    )
    assert "Schon angefangen</textarea>" in first.content.decode()
    assert 'type="hidden" name="motivation_' not in first.content.decode()


@pytest.mark.django_db
def test_choices_gathered_on_several_pages_are_submitted_in_their_order(
    client, student_geography, many_projects
):
    round_ = many_projects[0].round
    order = [many_projects[-1], many_projects[0], many_projects[-2]]
    client.force_login(student_geography)

    response = client.post(apply_url(round_), {**form_data(order), "q": "Projekt"})

    assert response.status_code == 302
    application = Application.objects.get(student=student_geography)
    assert [c.project for c in application.choices.order_by("rank")] == order


@pytest.mark.django_db
def test_a_refused_submit_shows_the_ranking_and_a_page_of_the_others(
    client, student_geography, many_projects
):
    round_ = many_projects[0].round
    client.force_login(student_geography)

    response = client.post(apply_url(round_), form_data([many_projects[-1]]))

    assert response.status_code == 422
    assert ranked_titles(response) == [many_projects[-1].title]
    assert len(available_titles(response)) == APPLY_PAGE_SIZE
    assert rows_marked(response, "data-ranking-item") == APPLY_PAGE_SIZE + 1


# --- withdrawing ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_student_withdraws(client, student_geography, projects):
    application_for(student_geography, projects[:3])
    client.force_login(student_geography)

    response = client.post(reverse("projects:withdraw", args=[projects[0].round_id]))

    assert response["Location"] == reverse("projects:mine")
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_withdrawing_after_the_deadline_is_refused_with_a_message(
    client, student_geography, projects
):
    application_for(student_geography, projects[:3])
    round_ = closing_soon(projects[0].round)
    client.force_login(student_geography)

    with time_machine.travel(round_.applications_close_at + timedelta(minutes=5), tick=False):
        response = client.post(
            reverse("projects:withdraw", args=[round_.pk]), follow=True, HTTP_ACCEPT_LANGUAGE="en"
        )

    assert "The application deadline" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_withdraw_takes_only_post(client, student_geography, projects):
    client.force_login(student_geography)
    assert client.get(reverse("projects:withdraw", args=[projects[0].round_id])).status_code == 405


# --- the student's rounds ------------------------------------------------------------------------


@pytest.mark.django_db
def test_mine_shows_each_round_with_its_status_and_ranking(client, student_geography, projects):
    open_round = projects[0].round
    application_for(student_geography, [projects[1], projects[0], projects[2]])
    closed = RoundFactory(name="Sommer 2026", phase=Round.Phase.ALLOCATION)
    application_for(student_geography, [ProjectFactory(round=closed, title="Scheune")])
    published = RoundFactory(
        name="Winter 2025/26", phase=Round.Phase.WORK, published_at=timezone.now()
    )
    placed_in = ProjectFactory(round=published, title="Marktplatz Eilenburg")
    application_for(student_geography, [placed_in])
    place(student_geography, placed_in)
    another_open = RoundFactory(name="Kurzformat Frühjahr")
    client.force_login(student_geography)

    response = client.get(reverse("projects:mine"), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert "Applications open" in html
    assert reverse("projects:apply", args=[open_round.pk]) in html
    assert "Allocation running" in html
    assert "You work on “Marktplatz Eilenburg”." in html
    assert reverse("projects:result", args=[published.pk]) in html
    assert reverse("projects:workspace", args=[placed_in.pk]) in html
    assert reverse("projects:apply", args=[another_open.pk]) in html
    assert reverse("projects:student-profile") in html
    assert html.index("Dorfladen") < html.index("Bahnhof") < html.index("Jugendclub")


@pytest.mark.django_db
def test_mine_with_nothing_yet(client, student_geography):
    client.force_login(student_geography)
    response = client.get(reverse("projects:mine"), HTTP_ACCEPT_LANGUAGE="en")
    assert "You have not applied in any round yet." in response.content.decode()


# --- the profile for applying --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_student_edits_the_profile_and_returns_to_the_apply_page(
    client, student_geography, projects
):
    programme = StudyProgrammeFactory(name="Soziologie")
    gis = Competence.objects.create(slug="gis", label_de="GIS")
    client.force_login(student_geography)
    back = apply_url(projects[0].round)

    response = client.get(reverse("projects:student-profile"), {"next": back})
    assert response.status_code == 200
    assert f'value="{back}"' in response.content.decode()

    response = client.post(
        reverse("projects:student-profile"),
        {
            "study_programme": programme.pk,
            "semester": "2",
            "competences": [gis.pk],
            "languages": "Deutsch, Polnisch",
            "mobility": ["deutschlandticket", "car"],
            "availability": "montags",
            "next": back,
        },
    )

    assert response["Location"] == back
    student_geography.refresh_from_db()
    assert student_geography.study_programme == programme
    assert list(PersonProfile.objects.get(user=student_geography).competences.all()) == [gis]
    assert StudentProfile.objects.get(user=student_geography).mobility == [
        "deutschlandticket",
        "car",
    ]


@pytest.mark.django_db
def test_the_profile_does_not_follow_a_foreign_next(client, student_geography):
    client.force_login(student_geography)
    response = client.post(
        reverse("projects:student-profile"),
        {
            "study_programme": student_geography.study_programme_id,
            "semester": "5",
            "next": "https://example.org/",
        },
    )
    assert response["Location"] == reverse("projects:mine")


@pytest.mark.django_db
def test_a_refused_profile_keeps_what_was_typed(client):
    student = StudentFactory()
    client.force_login(student)

    response = client.post(
        reverse("projects:student-profile"),
        {"study_programme": "", "semester": "4", "availability": "nur freitags"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "Please choose your study programme." in html
    assert "nur freitags" in html
    assert not StudentProfile.objects.exists()


@pytest.mark.django_db
def test_the_profile_shows_what_was_stored(client, student_geography):
    StudentProfile.objects.create(user=student_geography, availability="mittwochs")
    client.force_login(student_geography)

    response = client.get(reverse("projects:student-profile"))

    assert 'value="mittwochs"' in response.content.decode()
    assert StudentProfile.objects.count() == 1


def test_a_long_motivation_carried_between_pages_is_kept_whole():
    """Typed text that goes from page to page is never cut: the service refuses it with the
    limit when the application is sent."""
    from django.http import QueryDict

    from transferraum.projects.forms.applications import posted_motivations
    from transferraum.projects.services.applications import MOTIVATION_MAX_LENGTH

    text = "Weil " * (MOTIVATION_MAX_LENGTH // 4)
    data = QueryDict(mutable=True)
    data["motivation_7"] = text

    assert posted_motivations(data) == {7: text}
