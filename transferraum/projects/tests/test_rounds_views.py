"""Pages of rounds and projects: allowed, refused (403/404) and invalid input that keeps what was
typed; query-count guards on the round page and the showcase."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from transferraum.actors.models import Competence
from transferraum.challenges.models import Challenge, TopicField
from transferraum.challenges.services import challenge_index
from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory
from transferraum.core.pagination import CappedPaginator
from transferraum.core.testing import assert_capped, rows_marked
from transferraum.projects import travel
from transferraum.projects.models import Project, Round, SupervisorCapacity
from transferraum.projects.services.rounds import project_index
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorFactory,
    place,
)
from transferraum.projects.views import rounds as rounds_views
from transferraum.projects.views.rounds import ROUND_PROJECTS_PAGE_SIZE, SHOWCASE_PAGE_SIZE
from transferraum.regions.tests.factories import zeitz

P = Round.Phase
S = Project.Status


@pytest.fixture(autouse=True)
def _english(client):
    """Pages in English, so that the checks do not depend on the German translation."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def challenge(town_eilenburg, officer_eilenburg):
    challenge = ChallengeFactory(
        organisation=town_eilenburg,
        municipality=town_eilenburg.municipality,
        contact_person=officer_eilenburg,
        status=Challenge.Status.PUBLISHED,
        title="Leerstand am Marktplatz",
        problem="Viele Läden am Markt stehen leer.",
    )
    challenge.formats.add(TransferFormatFactory())
    return challenge


@pytest.fixture
def supervisor():
    return SupervisorFactory(name="Prof. Dr. Anna Weiß")


def _in(days: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


# --- the list of rounds and the navigation ----------------------------------------------------


@pytest.mark.django_db
def test_everyone_sees_current_rounds_but_not_those_in_preparation(client):
    RoundFactory(name="Wintersemester 2026/27", phase=P.APPLICATIONS)
    RoundFactory(name="Geheime Planung", phase=P.PREPARATION)
    RoundFactory(name="Sommersemester 2026", phase=P.CLOSED)

    page = client.get(reverse("projects:rounds")).content.decode()

    assert "Wintersemester 2026/27" in page
    assert "Sommersemester 2026" in page
    assert "Geheime Planung" not in page
    assert reverse("projects:round-new") not in page
    assert 'aria-current="step"' in page
    assert f'href="{reverse("projects:rounds")}" aria-current="page"' in page


@pytest.mark.django_db
def test_coordinators_see_rounds_in_preparation_and_the_new_round_button(client, coordinator):
    RoundFactory(name="Geheime Planung", phase=P.PREPARATION)
    client.force_login(coordinator)

    page = client.get(reverse("projects:rounds")).content.decode()

    assert "Geheime Planung" in page
    assert reverse("projects:round-new") in page


@pytest.mark.django_db
def test_finished_rounds_come_a_page_at_a_time(client, monkeypatch):
    monkeypatch.setattr(rounds_views, "PAST_ROUNDS_PAGE_SIZE", 2)
    RoundFactory(name="Laufende Runde", phase=P.APPLICATIONS)
    for year in (2023, 2024, 2025):
        RoundFactory(name=f"Runde {year}", phase=P.CLOSED, applications_open_at=_in(year - 2027))
    url = reverse("projects:rounds")

    first = client.get(url)
    assert assert_capped(first, "data-round", 2) == 2
    assert "Runde 2025" in first.content.decode() and "Runde 2023" not in first.content.decode()
    assert f'href="{url}?seite=2"' in first.content.decode()

    second = client.get(url, {"seite": 2}, headers={"HX-Request": "true"})
    content = second.content.decode()
    assert "Runde 2023" in content and "Runde 2025" not in content
    # htmx gets the finished rounds alone; the current ones are not read again.
    assert "Laufende Runde" not in content and "<html" not in content
    assert second["HX-Push-Url"] == f"{url}?seite=2"


# --- a round's page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_round_in_preparation_is_not_found_by_others(client, student_geography, coordinator):
    round = RoundFactory(phase=P.PREPARATION)
    url = reverse("projects:round", args=[round.pk])

    assert client.get(url).status_code == 404
    client.force_login(student_geography)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_students_are_invited_to_apply_while_applications_are_open(
    client, student_geography, challenge
):
    round = RoundFactory(phase=P.APPLICATIONS)
    ProjectFactory(round=round, challenge=challenge, title="Leerstand am Marktplatz", ects=10)
    url = reverse("projects:round", args=[round.pk])

    anonymous = client.get(url).content.decode()
    assert "Log in as a student to apply" in anonymous
    client.force_login(student_geography)
    page = client.get(url).content.decode()

    assert reverse("projects:apply", args=[round.pk]) in page
    assert "Leerstand am Marktplatz" in page
    assert "Eilenburg" in page
    assert reverse("projects:round-advance", args=[round.pk]) not in page


@pytest.mark.django_db
def test_coordinators_manage_the_round_from_its_page(client, coordinator):
    round = RoundFactory(phase=P.ALLOCATION)
    client.force_login(coordinator)

    page = client.get(reverse("projects:round", args=[round.pk])).content.decode()

    assert reverse("projects:round-advance", args=[round.pk]) in page
    assert "Close applications and start the allocation" not in page  # already there
    assert "Start the work phase" in page
    assert reverse("projects:allocation", args=[round.pk]) in page
    assert "Reopen applications" in page
    assert reverse("projects:project-new", args=[round.pk]) not in page  # too late for that


@pytest.mark.django_db
def test_the_result_link_appears_after_publication(client, student_geography):
    round = RoundFactory(phase=P.WORK, published_at=timezone.now())
    client.force_login(student_geography)

    page = client.get(reverse("projects:round", args=[round.pk])).content.decode()

    assert reverse("projects:result", args=[round.pk]) in page


@pytest.mark.django_db
def test_the_round_page_needs_the_same_queries_for_many_projects(
    client, coordinator, django_assert_max_num_queries
):
    round = RoundFactory(phase=P.APPLICATIONS)
    skills = [Competence.objects.create(slug=f"s{i}", label_de=f"Kompetenz {i}") for i in range(3)]

    def add_projects(count: int) -> None:
        for _ in range(count):
            project = ProjectFactory(round=round, status=S.OPEN)
            project.required_competences.set(skills[:2])
            project.desired_competences.set(skills[2:])

    client.force_login(coordinator)
    url = reverse("projects:round", args=[round.pk])
    add_projects(3)
    # session, user, round, count, projects, two kinds of skills, towns and topic fields for
    # the filters, the bell's unread count
    with django_assert_max_num_queries(11) as few:  # 11: the viewer's roles are read once
        small = client.get(url)
    add_projects(ROUND_PROJECTS_PAGE_SIZE)
    with django_assert_max_num_queries(len(few)):
        large = client.get(url)

    assert rows_marked(small, "data-project-card") == 3
    assert assert_capped(large, "data-project-card", ROUND_PROJECTS_PAGE_SIZE) == (
        ROUND_PROJECTS_PAGE_SIZE
    )


@pytest.mark.django_db
def test_the_round_page_finds_its_projects_by_words_and_town(client, town_eilenburg):
    round = RoundFactory(phase=P.APPLICATIONS)
    here = ProjectFactory(
        round=round,
        title="Radwege im Muldental",
        challenge=ChallengeFactory(municipality=town_eilenburg.municipality),
    )
    elsewhere = ProjectFactory(round=round, title="Leerstand am Markt")
    for project in (here, elsewhere):
        project_index(project)
    url = reverse("projects:round", args=[round.pk])

    by_words = client.get(url, {"q": "Radweg"})
    assert rows_marked(by_words, "data-project-card") == 1
    assert "Radwege im Muldental" in by_words.content.decode()

    by_town = client.get(url, {"ort": town_eilenburg.municipality.ags}).content.decode()
    assert "Radwege im Muldental" in by_town and "Leerstand am Markt" not in by_town

    fragment = client.get(url, {"q": "Markt"}, headers={"HX-Request": "true"})
    assert rows_marked(fragment, "data-project-card") == 1
    assert "Phases of the round" not in fragment.content.decode()
    assert fragment["HX-Push-Url"] == f"{url}?q=Markt"


# --- creating and changing rounds -------------------------------------------------------------

ROUND_FORM = {
    "name": "Sommersemester 2027",
    "description": "",
    "applications_open_at": "2027-03-01T09:00",
    "applications_close_at": "2027-03-21T22:00",
    "work_starts_on": "2027-04-06",
    "presentation_on": "2027-07-08",
    "ends_on": "2027-07-31",
    "min_choices": "3",
    "max_choices": "5",
    "motivation_ranks": "2",
    "objective": "rank-maximal",
    "max_programme_share": "",
    "work_with_weight": "1",
}


@pytest.mark.django_db
def test_coordinator_creates_a_round(client, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("projects:round-new"), ROUND_FORM)

    round = Round.objects.get()
    assert response["Location"] == round.get_absolute_url()
    assert round.phase == P.PREPARATION
    assert timezone.localtime(round.applications_close_at).hour == 22


@pytest.mark.django_db
def test_a_deadline_before_the_opening_keeps_what_was_typed(client, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("projects:round-new"),
        {**ROUND_FORM, "applications_close_at": "2027-02-01T12:00", "name": "Mein Entwurf"},
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert "The application deadline must lie after the opening." in page
    assert 'value="Mein Entwurf"' in page
    assert 'value="2027-02-01T12:00"' in page
    assert not Round.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["student_geography", "officer_eilenburg", "supervisor"])
def test_only_coordinators_create_rounds(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("projects:round-new")).status_code == 403
    assert client.post(reverse("projects:round-new"), ROUND_FORM).status_code == 403
    assert not Round.objects.exists()


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_log_in(client):
    response = client.get(reverse("projects:round-new"))

    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_the_round_form_sets_supervisors_capacities(client, coordinator, supervisor):
    round = RoundFactory(phase=P.PREPARATION)
    ProjectFactory(round=round, supervisors=[supervisor])
    client.force_login(coordinator)
    url = reverse("projects:round-edit", args=[round.pk])
    assert "Prof. Dr. Anna Weiß" in client.get(url).content.decode()

    data = {
        **ROUND_FORM,
        "applications_open_at": "",
        "applications_close_at": "",
        "work_starts_on": "",
        "presentation_on": "",
        "ends_on": "",
        f"capacity_{supervisor.pk}": "8",
        "version": round.version,
    }
    response = client.post(url, data)

    assert response.status_code == 302
    assert SupervisorCapacity.objects.get(round=round, supervisor=supervisor).capacity == 8
    round.refresh_from_db()
    assert round.name == "Sommersemester 2027"


@pytest.mark.django_db
def test_a_refused_round_change_stores_no_capacity_either(client, coordinator, supervisor):
    round = RoundFactory(phase=P.PREPARATION)
    ProjectFactory(round=round, supervisors=[supervisor])
    client.force_login(coordinator)

    response = client.post(
        reverse("projects:round-edit", args=[round.pk]),
        {
            **ROUND_FORM,
            "min_choices": "6",
            f"capacity_{supervisor.pk}": "8",
            "version": round.version,
        },
    )

    assert response.status_code == 422
    assert 'value="8"' in response.content.decode()
    assert not SupervisorCapacity.objects.exists()


# --- advancing a round ------------------------------------------------------------------------


@pytest.mark.django_db
def test_coordinator_advances_the_round(client, coordinator):
    round = RoundFactory(phase=P.APPLICATIONS)
    client.force_login(coordinator)

    response = client.post(
        reverse("projects:round-advance", args=[round.pk]),
        {"richtung": "vor", "phase": round.phase},
    )

    assert response["Location"] == round.get_absolute_url()
    round.refresh_from_db()
    assert round.phase == P.ALLOCATION
    page = client.get(response["Location"]).content.decode()
    assert "Done: the round is now in the phase" in page


@pytest.mark.django_db
def test_a_refused_advance_says_why(client, coordinator):
    round = RoundFactory(phase=P.PREPARATION)
    client.force_login(coordinator)

    response = client.post(
        reverse("projects:round-advance", args=[round.pk]),
        {"richtung": "vor", "phase": round.phase},
        follow=True,
    )

    assert "Please add at least one project before opening applications." in (
        response.content.decode()
    )
    round.refresh_from_db()
    assert round.phase == P.PREPARATION


@pytest.mark.django_db
def test_a_double_click_advances_only_once(client, coordinator):
    round = RoundFactory(phase=P.APPLICATIONS)
    client.force_login(coordinator)
    url = reverse("projects:round-advance", args=[round.pk])

    client.post(url, {"richtung": "vor", "phase": P.APPLICATIONS})
    client.post(url, {"richtung": "vor", "phase": P.APPLICATIONS})

    round.refresh_from_db()
    assert round.phase == P.ALLOCATION


@pytest.mark.django_db
def test_coordinator_reopens_applications(client, coordinator):
    round = RoundFactory(phase=P.ALLOCATION, applications_close_at=_in(-1))
    client.force_login(coordinator)
    deadline = timezone.localtime(_in(5)).strftime("%Y-%m-%dT%H:%M")

    client.post(
        reverse("projects:round-advance", args=[round.pk]),
        {"richtung": "zurueck", "applications_close_at": deadline},
    )

    round.refresh_from_db()
    assert round.phase == P.APPLICATIONS
    assert round.applications_close_at > timezone.now()


@pytest.mark.django_db
def test_others_cannot_advance_rounds(client, student_geography, supervisor):
    round = RoundFactory(phase=P.APPLICATIONS)
    url = reverse("projects:round-advance", args=[round.pk])
    for person in (student_geography, supervisor):
        client.force_login(person)
        assert client.post(url, {"richtung": "vor"}).status_code == 403
    client.force_login(student_geography)
    assert client.get(url).status_code == 405
    round.refresh_from_db()
    assert round.phase == P.APPLICATIONS


# --- adding and changing projects -------------------------------------------------------------


def _project_form(supervisor, **changes):
    return {
        "format": str(TransferFormatFactory().pk),
        "title": "Leerstand am Marktplatz",
        "description": "Das Team befragt die Händler.",
        "supervisors": [str(supervisor.pk)],
        "min_team_size": "3",
        "max_team_size": "5",
        "module": "Wahlpflichtmodul Stadtgeographie",
        "ects": "10",
        "work_language": "de",
        "site_visit_place": "Rathaus Eilenburg",
        "site_visit_frequency": "alle zwei Wochen",
        **changes,
    }


@pytest.mark.django_db
def test_coordinator_chooses_among_eligible_challenges(client, coordinator, challenge):
    round = RoundFactory(phase=P.PREPARATION)
    ChallengeFactory(title="Noch ein Entwurf", status=Challenge.Status.DRAFT).formats.add(
        TransferFormatFactory()
    )
    ChallengeFactory(title="Ohne Projektformat", status=Challenge.Status.PUBLISHED)
    client.force_login(coordinator)

    page = client.get(reverse("projects:project-new", args=[round.pk])).content.decode()

    assert "Leerstand am Marktplatz" in page
    assert f"?challenge={challenge.pk}" in page
    assert "Noch ein Entwurf" not in page
    assert "Ohne Projektformat" not in page


@pytest.mark.django_db
def test_the_challenges_to_choose_from_come_a_page_at_a_time_by_words_and_town(
    client, coordinator, challenge, monkeypatch
):
    monkeypatch.setattr(rounds_views, "CHALLENGES_PAGE_SIZE", 2)
    round = RoundFactory(phase=P.PREPARATION)
    project_format = TransferFormatFactory()
    for title in ("Radverkehr am Bahnhof", "Radwege im Muldental", "Ladesäulen am Markt"):
        other = ChallengeFactory(title=title, status=Challenge.Status.PUBLISHED)
        other.formats.add(project_format)
        challenge_index(other)  # as the services do when a challenge is saved
    ProjectFactory(round=round, challenge=challenge)  # already a project of the round
    client.force_login(coordinator)
    url = reverse("projects:project-new", args=[round.pk])

    first = client.get(url)
    assert assert_capped(first, "data-challenge", 2) == 2
    assert "3 challenges found, page 1 of 2." in first.content.decode()
    assert "Leerstand am Marktplatz" not in first.content.decode()

    found = client.get(url, {"q": "Radwege"}, headers={"HX-Request": "true"})
    content = found.content.decode()
    assert rows_marked(found, "data-challenge") == 1
    assert "Radwege im Muldental" in content and "<html" not in content
    assert found["HX-Push-Url"] == f"{url}?q=Radwege"

    town = challenge.municipality
    by_town = client.get(url, {"ort": town.ags}).content.decode()
    assert f'value="{town.ags}" selected' in by_town
    assert "No challenge waiting for a project matches these filters." in by_town


@pytest.mark.django_db
def test_the_project_form_starts_from_the_challenge(client, coordinator, challenge):
    round = RoundFactory(phase=P.PREPARATION)
    client.force_login(coordinator)

    page = client.get(
        reverse("projects:project-new", args=[round.pk]) + f"?challenge={challenge.pk}"
    ).content.decode()

    assert 'value="Leerstand am Marktplatz"' in page
    assert "Viele Läden am Markt stehen leer." in page


@pytest.mark.django_db
def test_coordinator_adds_a_project(client, coordinator, supervisor, challenge, officer_eilenburg):
    round = RoundFactory(phase=P.PREPARATION)
    client.force_login(coordinator)
    url = reverse("projects:project-new", args=[round.pk]) + f"?challenge={challenge.pk}"

    response = client.post(
        url, _project_form(supervisor, partner_contacts=[str(officer_eilenburg.pk)])
    )

    project = Project.objects.get()
    assert response["Location"] == project.get_absolute_url()
    assert (project.round, project.challenge, project.ects) == (round, challenge, 10)
    assert list(project.partner_contacts.all()) == [officer_eilenburg]


@pytest.mark.django_db
def test_a_refused_project_keeps_what_was_typed(client, coordinator, supervisor, challenge):
    round = RoundFactory(phase=P.PREPARATION)
    client.force_login(coordinator)
    url = reverse("projects:project-new", args=[round.pk]) + f"?challenge={challenge.pk}"

    response = client.post(
        url,
        _project_form(supervisor, title="Mein Projekttitel", min_team_size="5", max_team_size="2"),
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert "The largest team cannot be smaller than the smallest." in page
    assert 'value="Mein Projekttitel"' in page
    assert 'value="Wahlpflichtmodul Stadtgeographie"' in page
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_an_ineligible_challenge_is_not_found(client, coordinator):
    round = RoundFactory(phase=P.PREPARATION)
    draft = ChallengeFactory(status=Challenge.Status.DRAFT)
    client.force_login(coordinator)

    response = client.get(
        reverse("projects:project-new", args=[round.pk]) + f"?challenge={draft.pk}"
    )

    assert response.status_code == 404


@pytest.mark.django_db
def test_projects_are_not_added_by_others_or_after_applications_close(
    client, coordinator, student_geography, challenge
):
    open_round = RoundFactory(phase=P.APPLICATIONS)
    client.force_login(student_geography)
    assert client.get(reverse("projects:project-new", args=[open_round.pk])).status_code == 403

    client.force_login(coordinator)
    late = RoundFactory(phase=P.WORK, published_at=timezone.now())
    assert client.get(reverse("projects:project-new", args=[late.pk])).status_code == 403


@pytest.mark.django_db
def test_coordinator_edits_a_project(client, coordinator, supervisor, challenge):
    project = ProjectFactory(
        round=RoundFactory(phase=P.APPLICATIONS), challenge=challenge, supervisors=[supervisor]
    )
    transfer_format = challenge.formats.get()
    client.force_login(coordinator)
    url = reverse("projects:project-edit", args=[project.pk])
    assert f'value="{project.title}"' in client.get(url).content.decode()

    response = client.post(
        url,
        _project_form(
            supervisor, format=str(transfer_format.pk), title="Neuer Titel", version=project.version
        ),
    )

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Neuer Titel"


@pytest.mark.django_db
def test_a_project_cannot_be_edited_after_applications_close(client, coordinator, supervisor):
    project = ProjectFactory(round=RoundFactory(phase=P.ALLOCATION))
    client.force_login(coordinator)

    assert client.get(reverse("projects:project-edit", args=[project.pk])).status_code == 403


# --- a project's public page ------------------------------------------------------------------


@pytest.fixture
def zeitz_project(owner_zeitz, company_zeitz, supervisor):
    zeitz()
    travel.train_connections_load()
    challenge = ChallengeFactory(
        organisation=company_zeitz,
        municipality=company_zeitz.municipality,
        status=Challenge.Status.IN_PROGRESS,
        title="Fachkräfte für die Werkstatt",
    )
    challenge.topics.add(TopicField.objects.create(slug="arbeit", name_de="Arbeit", name_en="Work"))
    round = RoundFactory(phase=P.WORK, published_at=timezone.now())
    project = ProjectFactory(
        round=round,
        challenge=challenge,
        status=S.RUNNING,
        supervisors=[supervisor],
        title="Fachkräfte gewinnen",
        module="Projektseminar",
        ects=10,
        site_visit_place="Werkhalle in Zeitz",
        site_visit_frequency="einmal im Monat",
    )
    project.partner_contacts.add(owner_zeitz)
    project.required_competences.add(
        Competence.objects.create(slug="interviews", label_de="Interviews")
    )
    return project


@pytest.mark.django_db
def test_the_public_project_page_shows_the_work_and_the_way_there(client, zeitz_project):
    page = client.get(reverse("projects:project", args=[zeitz_project.pk])).content.decode()

    for text in (
        "Fachkräfte gewinnen",
        "Zeitzer Werkstätten GmbH",
        "Zeitz",
        "Burgenlandkreis",
        "Work",  # topic field in English
        "Projektseminar",
        "Interviews",
        "Werkhalle in Zeitz",
        "einmal im Monat",
        "Prof. Dr. Anna Weiß",
        "Elster-Saale-Bahn",
        "Fahrzeiten gerundet, bitte aktuelle Verbindung prüfen",
        "https://www.bahn.de/buchung/fahrplan/suche#",
    ):
        assert text in page, text
    # Team, partner names and the workspace are not for the public.
    assert "Monika Lehmann" not in page
    assert reverse("projects:workspace", args=[zeitz_project.pk]) not in page


@pytest.mark.django_db
def test_the_team_sees_its_members_and_the_workspace_link(
    client, zeitz_project, student_geography, student_informatics
):
    place(student_geography, zeitz_project)
    client.force_login(student_geography)

    page = client.get(reverse("projects:project", args=[zeitz_project.pk])).content.decode()

    assert "Lena Schubert" in page
    assert "Monika Lehmann" in page
    assert reverse("projects:workspace", args=[zeitz_project.pk]) in page
    client.force_login(student_informatics)
    other = client.get(reverse("projects:project", args=[zeitz_project.pk])).content.decode()
    assert "Lena Schubert" not in other


@pytest.mark.django_db
def test_a_project_in_preparation_is_not_found_by_the_public(
    client, coordinator, supervisor, outsider
):
    project = ProjectFactory(round=RoundFactory(phase=P.PREPARATION), supervisors=[supervisor])
    url = reverse("projects:project", args=[project.pk])

    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(supervisor)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_completed_project_shows_its_results(client):
    project = ProjectFactory(
        round=RoundFactory(phase=P.CLOSED, published_at=timezone.now()),
        status=S.COMPLETED,
        completed_at=timezone.now(),
        public_summary="Drei Ideen für leere Läden.",
        results="Ein **Konzept** für Pop-up-Läden.",
    )

    page = client.get(reverse("projects:project", args=[project.pk])).content.decode()

    assert "Drei Ideen für leere Läden." in page
    assert "<strong>Konzept</strong>" in page
    # … and leads to the transfer dossier with the team's recommendations.
    assert reverse("recommendations:dossier-project", args=[project.pk]) in page


# --- completing a project ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_supervisor_completes_the_project_from_its_page(client, zeitz_project, supervisor):
    Round.objects.filter(pk=zeitz_project.round_id).update(phase=P.PRESENTATION)
    client.force_login(supervisor)
    url = reverse("projects:project", args=[zeitz_project.pk])
    assert reverse("projects:project-complete", args=[zeitz_project.pk]) in (
        client.get(url).content.decode()
    )

    response = client.post(reverse("projects:project-complete", args=[zeitz_project.pk]))

    assert response["Location"] == url
    zeitz_project.refresh_from_db()
    assert zeitz_project.status == S.COMPLETED
    assert zeitz_project.challenge.status == Challenge.Status.COMPLETED


@pytest.mark.django_db
def test_others_cannot_complete_a_project(client, zeitz_project, owner_zeitz, outsider):
    Round.objects.filter(pk=zeitz_project.round_id).update(phase=P.PRESENTATION)
    url = reverse("projects:project-complete", args=[zeitz_project.pk])

    assert reverse("account_login") in client.post(url)["Location"]
    for person in (owner_zeitz, outsider):
        client.force_login(person)
        assert client.post(url).status_code == 403
    zeitz_project.refresh_from_db()
    assert zeitz_project.status == S.RUNNING


@pytest.mark.django_db
def test_completing_too_early_says_why(client, zeitz_project, supervisor):
    client.force_login(supervisor)

    response = client.post(
        reverse("projects:project-complete", args=[zeitz_project.pk]), follow=True
    )

    assert "Projects are completed from the final presentations on." in response.content.decode()
    zeitz_project.refresh_from_db()
    assert zeitz_project.status == S.RUNNING


# --- the showcase -----------------------------------------------------------------------------


def _finished(title: str, municipality, round: Round, **fields) -> Project:
    challenge = ChallengeFactory(
        status=Challenge.Status.COMPLETED, municipality=municipality, title=f"Aufgabe: {title}"
    )
    challenge.topics.add(TopicField.objects.get_or_create(slug="mobil", name_de="Mobilität")[0])
    project = ProjectFactory(
        round=round,
        challenge=challenge,
        status=S.COMPLETED,
        completed_at=timezone.now(),
        title=title,
        public_summary=f"Zusammenfassung: {title}",
        results="Ergebnisse",
        **fields,
    )
    for _ in range(3):
        place(StudentFactory(), project)
    return project


@pytest.mark.django_db
def test_the_showcase_shows_finished_projects_and_filters_by_town_and_round(
    client, town_eilenburg, company_zeitz
):
    autumn = RoundFactory(name="Herbst", phase=P.CLOSED, published_at=timezone.now())
    spring = RoundFactory(name="Frühjahr", phase=P.CLOSED, published_at=timezone.now())
    _finished("Radwege", town_eilenburg.municipality, autumn)
    _finished("Werkstatt", company_zeitz.municipality, spring)
    ProjectFactory(round=autumn, status=S.COMPLETED, title="Ohne Zusammenfassung")
    ProjectFactory(round=autumn, status=S.RUNNING, title="Läuft noch", public_summary="x")
    url = reverse("projects:showcase")

    page = client.get(url).content.decode()
    assert "Radwege" in page and "Werkstatt" in page
    assert "Ohne Zusammenfassung" not in page and "Läuft noch" not in page
    assert "3 students" in page
    assert "Zusammenfassung: Radwege" in page

    by_town = client.get(url, {"ort": company_zeitz.municipality.ags}).content.decode()
    assert "Werkstatt" in by_town and "Radwege" not in by_town

    by_round = client.get(url, {"runde": autumn.pk}).content.decode()
    assert "Radwege" in by_round and "Werkstatt" not in by_round

    nonsense = client.get(url, {"ort": "Zeitz'; --", "runde": "x"})
    assert nonsense.status_code == 200
    assert "Radwege" in nonsense.content.decode()


@pytest.mark.django_db
def test_the_showcase_counts_only_up_to_the_limit(client, town_eilenburg, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 2)
    round = RoundFactory(phase=P.CLOSED, published_at=timezone.now())
    for number in range(3):
        _finished(f"Projekt {number}", town_eilenburg.municipality, round)

    page = client.get(reverse("projects:showcase")).content.decode()

    assert "More than 2 finished projects" in page
    assert "3 finished projects" not in page


@pytest.mark.django_db
def test_the_showcase_shows_the_chosen_town_and_round_as_chips(client, town_eilenburg):
    autumn = RoundFactory(name="Herbst", phase=P.CLOSED, published_at=timezone.now())
    _finished("Radwege", town_eilenburg.municipality, autumn)
    url = reverse("projects:showcase")
    ags = town_eilenburg.municipality.ags

    page = client.get(url, {"ort": ags, "runde": autumn.pk}).content.decode()

    chip = '<span class="kern-sr-only">Remove filter </span>'
    assert f'href="{url}?runde={autumn.pk}">{chip}Town: Eilenburg<' in page
    assert f'href="{url}?ort={ags}">{chip}Round: Herbst<' in page
    assert f'<option value="{autumn.pk}" selected>Herbst</option>' in page
    assert "Active filters" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_showcase_needs_the_same_queries_for_many_projects(
    client, town_eilenburg, django_assert_max_num_queries
):
    round = RoundFactory(phase=P.CLOSED, published_at=timezone.now())
    for number in range(3):
        _finished(f"Projekt {number}", town_eilenburg.municipality, round)
    url = reverse("projects:showcase")

    # count, projects with their team sizes, topic fields; towns, topics and rounds for the
    # filters
    with django_assert_max_num_queries(6) as few:
        small = client.get(url)
    for number in range(3, SHOWCASE_PAGE_SIZE + 2):
        _finished(f"Projekt {number}", town_eilenburg.municipality, round)
    with django_assert_max_num_queries(len(few)):
        large = client.get(url)

    assert rows_marked(small, "data-showcase-item") == 3
    assert assert_capped(large, "data-showcase-item", SHOWCASE_PAGE_SIZE) == SHOWCASE_PAGE_SIZE
    page_two = client.get(url, {"seite": 2})
    assert rows_marked(page_two, "data-showcase-item") == 2
    assert f'href="{url}?seite=2"' in large.content.decode()


@pytest.mark.django_db
def test_the_showcase_finds_projects_by_words_and_topic_field(client, town_eilenburg):
    round = RoundFactory(phase=P.CLOSED, published_at=timezone.now())
    bikes = _finished("Radwege im Muldental", town_eilenburg.municipality, round)
    shops = _finished("Leerstand am Markt", town_eilenburg.municipality, round)
    for project in (bikes, shops):
        project_index(project)
    culture = TopicField.objects.create(slug="kultur", name_de="Kultur")
    shops.challenge.topics.set([culture])
    url = reverse("projects:showcase")

    by_words = client.get(url, {"q": "Radweg"}).content.decode()
    assert "Radwege im Muldental" in by_words and "Leerstand am Markt" not in by_words
    assert 'value="Radweg"' in by_words

    by_topic = client.get(url, {"thema": "kultur"}).content.decode()
    assert "Leerstand am Markt" in by_topic and "Radwege im Muldental" not in by_topic
    assert '<option value="kultur" selected>Kultur</option>' in by_topic

    fragment = client.get(url, {"q": "Markt"}, headers={"HX-Request": "true"})
    assert rows_marked(fragment, "data-showcase-item") == 1
    assert "<h1" not in fragment.content.decode()
    assert fragment["HX-Push-Url"] == f"{url}?q=Markt"


@pytest.mark.django_db
def test_a_round_without_projects_still_shows_its_phases(client):
    round = RoundFactory(phase=P.APPLICATIONS)

    page = client.get(reverse("projects:round", args=[round.pk])).content.decode()

    assert "This round has no projects yet." in page
    assert "Applications open" in page


@pytest.mark.django_db
def test_results_of_a_non_public_challenge_stay_in_the_workspace(
    client, town_eilenburg, student_geography
):
    round = RoundFactory(phase=P.CLOSED, published_at=timezone.now())
    public = _finished("Offen", town_eilenburg.municipality, round)
    secret = _finished("Vertraulich", town_eilenburg.municipality, round)
    Project.objects.filter(pk=public.pk).update(results="Offene Befunde")
    Project.objects.filter(pk=secret.pk).update(results="Geheime Zahlen")
    secret.challenge.confidentiality = Challenge.Confidentiality.SUMMARY
    secret.challenge.save()
    place(student_geography, secret)

    showcase = client.get(reverse("projects:showcase")).content.decode()
    assert "Offene Befunde" in showcase
    assert "Zusammenfassung: Vertraulich" in showcase  # the public summary still shows
    assert "Geheime Zahlen" not in showcase

    assert "Offene Befunde" in client.get(public.get_absolute_url()).content.decode()
    assert "Geheime Zahlen" not in client.get(secret.get_absolute_url()).content.decode()
    client.force_login(student_geography)  # a member of the team
    assert "Geheime Zahlen" in client.get(secret.get_absolute_url()).content.decode()


# --- review findings: forms sent twice, reopening dates, completing without a summary --------


@pytest.mark.django_db
def test_a_project_form_sent_twice_gives_a_message_not_an_error(
    client, coordinator, supervisor, challenge
):
    round = RoundFactory(phase=P.PREPARATION)
    client.force_login(coordinator)
    url = reverse("projects:project-new", args=[round.pk]) + f"?challenge={challenge.pk}"

    first = client.post(url, _project_form(supervisor))
    second = client.post(url, _project_form(supervisor), follow=True)

    project = Project.objects.get()
    assert first["Location"] == project.get_absolute_url()
    assert second.status_code == 200
    assert second.redirect_chain[-1][0] == project.get_absolute_url()
    assert "This challenge already has a project in this round" in second.content.decode()


@pytest.mark.django_db
def test_a_project_form_sent_twice_at_once_gives_a_message_not_an_error(
    client, coordinator, supervisor, challenge, monkeypatch
):
    from transferraum.projects.services import rounds as services
    from transferraum.projects.views import rounds as views

    round = RoundFactory(phase=P.PREPARATION)
    client.force_login(coordinator)
    url = reverse("projects:project-new", args=[round.pk]) + f"?challenge={challenge.pk}"
    client.post(url, _project_form(supervisor))
    # The second request checked everything before the first had saved its project.
    monkeypatch.setattr(views, "eligible_challenge", lambda round, pk: challenge)
    calls = []
    monkeypatch.setattr(
        services, "_challenge_in_round", lambda round, challenge: calls.append(1) or len(calls) > 1
    )

    response = client.post(url, _project_form(supervisor, title="Zweiter Klick"))

    assert response.status_code == 422
    assert "This challenge already has a project in this round." in response.content.decode()
    assert 'value="Zweiter Klick"' in response.content.decode()
    assert Project.objects.count() == 1


@pytest.mark.django_db
def test_reopening_with_a_deadline_after_the_work_starts_says_why(client, coordinator):
    round = RoundFactory(
        phase=P.ALLOCATION,
        applications_close_at=_in(-1),
        work_starts_on=timezone.localdate() + dt.timedelta(days=10),
    )
    client.force_login(coordinator)
    deadline = timezone.localtime(_in(20)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(
        reverse("projects:round-advance", args=[round.pk]),
        {"richtung": "zurueck", "applications_close_at": deadline},
        follow=True,
    )

    assert response.status_code == 200
    assert "The new deadline lies after the start of the work" in response.content.decode()
    round.refresh_from_db()
    assert round.phase == P.ALLOCATION


@pytest.mark.django_db
def test_completing_a_project_without_summary_warns_before_and_after(
    client, zeitz_project, supervisor
):
    Round.objects.filter(pk=zeitz_project.round_id).update(phase=P.PRESENTATION)
    client.force_login(supervisor)

    page = client.get(reverse("projects:project", args=[zeitz_project.pk])).content.decode()
    response = client.post(
        reverse("projects:project-complete", args=[zeitz_project.pk]), follow=True
    )

    assert "The project has no summary for the public yet." in page
    assert reverse("projects:workspace-deliverables", args=[zeitz_project.pk]) in page
    done = response.content.decode()
    assert "The project is completed. Thank you!" in done
    assert "the showcase does not show it yet" in done
    zeitz_project.refresh_from_db()
    assert zeitz_project.status == S.COMPLETED


@pytest.mark.django_db
def test_completing_a_project_with_summary_gives_no_warning(client, zeitz_project, supervisor):
    Round.objects.filter(pk=zeitz_project.round_id).update(phase=P.PRESENTATION)
    Project.objects.filter(pk=zeitz_project.pk).update(public_summary="Zwei neue Azubis.")
    client.force_login(supervisor)

    page = client.get(reverse("projects:project", args=[zeitz_project.pk])).content.decode()
    response = client.post(
        reverse("projects:project-complete", args=[zeitz_project.pk]), follow=True
    )

    assert "The project has no summary for the public yet." not in page
    assert "the showcase does not show it yet" not in response.content.decode()


@pytest.mark.django_db
def test_closing_the_round_names_the_projects_without_summary(client, coordinator):
    round = RoundFactory(phase=P.PRESENTATION, published_at=timezone.now())
    ProjectFactory(round=round, status=S.RUNNING, title="Ohne Text")
    ProjectFactory(round=round, status=S.RUNNING, title="Mit Text", public_summary="Fertig.")
    client.force_login(coordinator)

    page = client.get(reverse("projects:round", args=[round.pk])).content.decode()

    assert "1 project has no summary for the public yet:" in page
    warning = page[page.index("1 project has no summary") :]
    assert "Ohne Text" in warning[:1000]
    assert "Mit Text" not in warning[:1000]


@pytest.mark.django_db
def test_the_round_page_names_dates_and_phases_apart(client):
    round = RoundFactory(phase=P.APPLICATIONS)

    page = client.get(reverse("projects:round", args=[round.pk])).content.decode()

    assert "Phase: Applications open" in page
    assert "Start of applications" in page


@pytest.mark.django_db
def test_a_team_of_one_size_is_said_in_the_singular(client):
    project = ProjectFactory(
        round=RoundFactory(phase=P.APPLICATIONS), min_team_size=1, max_team_size=1
    )

    page = client.get(reverse("projects:project", args=[project.pk])).content.decode()

    assert "A team of exactly 1 student." in page
    assert "1 to 1 students" not in page
