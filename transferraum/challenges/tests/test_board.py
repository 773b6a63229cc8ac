"""The public board: filters, German search, who reads which text, following, feed, catalogue."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404, QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.challenges.catalogue import catalogue_load
from transferraum.challenges.models import (
    Attachment,
    Challenge,
    Comment,
    Follow,
    TransferFormat,
)
from transferraum.challenges.selectors import (
    FEED_SIZE,
    PAGE_SIZE,
    BoardFilters,
    board_challenges,
    challenge_for_viewer,
    teaser,
)
from transferraum.challenges.services import (
    challenge_accept,
    challenge_assign,
    challenge_index,
    challenge_publish,
    challenge_save,
    challenge_submit,
)
from transferraum.challenges.tests.factories import (
    ChallengeFactory,
    TopicFieldFactory,
    TransferFormatFactory,
)
from transferraum.regions.tests.factories import MunicipalityFactory

S = Challenge.Status
C = Challenge.Confidentiality
ATOM = "{http://www.w3.org/2005/Atom}"

SECRET = "Geheimrezeptur"  # only in the problem of a challenge with a public summary
CONFIDENTIAL_SECRET = "Schweißroboter"  # only in the problem of a confidential challenge


def challenge_with(
    organisation: Organisation,
    *,
    topics=(),
    formats=(),
    status: str = S.PUBLISHED,
    days_ago: int = 0,
    **fields,
) -> Challenge:
    """A challenge made with the ORM, then indexed as the services do."""
    fields.setdefault("municipality", organisation.municipality)
    challenge = ChallengeFactory(
        organisation=organisation,
        status=status,
        published_at=(
            timezone.now() - timedelta(days=days_ago)
            if status in Challenge.BOARD_STATUSES
            else None
        ),
        **fields,
    )
    challenge.topics.set(topics)
    challenge.formats.set(formats)
    challenge_index(challenge)
    return challenge


def build_board(town_eilenburg: Organisation, company_zeitz: Organisation) -> SimpleNamespace:
    """Three challenges on the board, one of each board status, and four that are not.

    Leerstand (Eilenburg, published, public): Innenstadt, Praxisprojekt; speaks of "Läden".
    Nachwuchs (Zeitz, in progress, only a summary is public): Fachkräfte, Ideenwerkstatt.
    Radverkehr (Eilenburg, completed, confidential): Mobilität, Ideenwerkstatt.
    """
    downtown = TopicFieldFactory()
    mobility = TopicFieldFactory(slug="mobilitaet", name_de="Mobilität", name_en="Mobility")
    staff = TopicFieldFactory(slug="fachkraefte", name_de="Fachkräfte", name_en="Skilled staff")
    project = TransferFormatFactory()
    workshop = TransferFormatFactory(
        slug="ideenwerkstatt",
        name_de="Ideenwerkstatt",
        name_en="Idea workshop",
        duration_de="ein Tag",
        partner_effort="low",
        is_project_format=False,
        position=2,
    )
    vacancy = challenge_with(
        town_eilenburg,
        title="Leerstand in der Innenstadt",
        problem="Viele **Läden** in der Torgauer Straße stehen leer.",
        context="Die Stadt hat ein Förderprogramm.",
        desired_result="Ein Konzept für Zwischennutzungen.",
        topics=[downtown],
        formats=[project],
        partner_offers=["data", "rooms"],
        partner_offers_note="Wir stellen Daten zum Leerstand bereit.",
        earliest_start=date(2026, 4, 1),
        deadline=date(2026, 9, 30),
        days_ago=1,
    )
    young_staff = challenge_with(
        company_zeitz,
        title="Nachwuchs für die Werkstatt",
        problem=f"Unsere {SECRET} geht verloren, wenn niemand nachkommt.",
        context="Interne Zahlen zur Altersstruktur.",
        public_summary="Ein Metallbaubetrieb sucht Wege, Auszubildende zu gewinnen.",
        confidentiality=C.SUMMARY,
        nda_required=True,
        partner_offers=["budget"],
        partner_offers_note="Budget von 5000 Euro.",
        topics=[staff],
        formats=[workshop],
        status=S.IN_PROGRESS,
        days_ago=2,
    )
    cycling = challenge_with(
        town_eilenburg,
        title="Radverkehr am Bahnhof",
        problem=f"Die {CONFIDENTIAL_SECRET} stören die Radwege.",
        public_summary="Wie kommen Pendler mit dem Rad zum Bahnhof?",
        confidentiality=C.CONFIDENTIAL,
        topics=[mobility],
        formats=[workshop],
        status=S.COMPLETED,
        days_ago=3,
    )
    hidden = {
        status: challenge_with(
            town_eilenburg,
            title=f"Verborgen {status}",
            problem="Leerstand und Läden",
            topics=[downtown],
            formats=[project],
            status=status,
        )
        for status in (S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.WITHDRAWN)
    }
    return SimpleNamespace(
        vacancy=vacancy,
        young_staff=young_staff,
        cycling=cycling,
        hidden=hidden,
        draft=hidden[S.DRAFT],
        project=project,
        workshop=workshop,
    )


@pytest.fixture
def board(town_eilenburg, company_zeitz) -> SimpleNamespace:
    return build_board(town_eilenburg, company_zeitz)


def filters(query: str = "") -> BoardFilters:
    return BoardFilters.from_query(QueryDict(query))


def titles(queryset) -> set[str]:
    return {challenge.title for challenge in queryset}


ON_BOARD = {"Leerstand in der Innenstadt", "Nachwuchs für die Werkstatt", "Radverkehr am Bahnhof"}


# --- filters from the URL ---------------------------------------------------------------------


@pytest.mark.django_db
def test_filters_keep_known_values_in_a_fixed_order(board):
    parsed = filters(
        "seite=2&status=in_progress&format=ideenwerkstatt&kreis=15084&ort=15084590"
        "&thema=fachkraefte&q=+Werkstatt++Zeitz+"
    )
    assert parsed == BoardFilters(
        query="Werkstatt Zeitz",
        topic="fachkraefte",
        municipality="15084590",
        district="15084",
        transfer_format="ideenwerkstatt",
        status="in_progress",
        page=2,
    )
    assert parsed.is_filtered
    assert parsed.querystring() == (
        "?q=Werkstatt+Zeitz&thema=fachkraefte&ort=15084590&kreis=15084"
        "&format=ideenwerkstatt&status=in_progress&seite=2"
    )
    assert parsed.querystring(page=1).endswith("status=in_progress")


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored(board):
    parsed = filters("thema=zauberei&ort=00000000&kreis=99999&format=seance&status=draft&seite=-1")
    assert parsed == BoardFilters()
    assert not parsed.is_filtered
    assert parsed.querystring() == ""
    assert filters("seite=abc").page == filters("seite=%C2%B2").page == 1
    assert filters("status=rejected").status == ""
    # NUL characters (which PostgreSQL refuses) are dropped.
    assert filters("q=Rad%00&kreis=%0014730&thema=%00") == BoardFilters(
        query="Rad", district="14730"
    )


# --- the board's challenges -------------------------------------------------------------------


@pytest.mark.django_db
def test_board_lists_only_challenges_on_the_board(board):
    assert titles(board_challenges(filters())) == ON_BOARD
    # Newest first.
    assert [c.title for c in board_challenges(filters())] == [
        "Leerstand in der Innenstadt",
        "Nachwuchs für die Werkstatt",
        "Radverkehr am Bahnhof",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thema=innenstadt-leerstand", {"Leerstand in der Innenstadt"}),
        ("thema=mobilitaet", {"Radverkehr am Bahnhof"}),
        ("ort=15084590", {"Nachwuchs für die Werkstatt"}),
        ("ort=14730110", {"Leerstand in der Innenstadt", "Radverkehr am Bahnhof"}),
        ("kreis=14730", {"Leerstand in der Innenstadt", "Radverkehr am Bahnhof"}),
        ("kreis=15084", {"Nachwuchs für die Werkstatt"}),
        ("format=praxisprojekt", {"Leerstand in der Innenstadt"}),
        ("format=ideenwerkstatt", {"Nachwuchs für die Werkstatt", "Radverkehr am Bahnhof"}),
        ("status=published", {"Leerstand in der Innenstadt"}),
        ("status=in_progress", {"Nachwuchs für die Werkstatt"}),
        ("status=completed", {"Radverkehr am Bahnhof"}),
        ("status=draft", ON_BOARD),  # not a board status: ignored
        ("format=ideenwerkstatt&kreis=14730", {"Radverkehr am Bahnhof"}),
        ("format=praxisprojekt&status=completed", set()),
        ("q=Bahnhof&thema=mobilitaet", {"Radverkehr am Bahnhof"}),
        ("q=Bahnhof&thema=fachkraefte", set()),
    ],
)
def test_board_is_filtered(board, query, expected):
    assert titles(board_challenges(filters(query))) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # German stems: plural and umlaut, transliteration, compound head.
        ("Leerstände", {"Leerstand in der Innenstadt"}),
        ("Laeden", {"Leerstand in der Innenstadt"}),
        ("Läden", {"Leerstand in der Innenstadt"}),
        # "Stadtverwaltung Eilenburg" is the organisation of two challenges.
        ("Verwaltung", {"Leerstand in der Innenstadt", "Radverkehr am Bahnhof"}),
        ("eilenburger radverkehr", {"Radverkehr am Bahnhof"}),
        # Public summaries, topics and formats are searched ...
        ("Auszubildende", {"Nachwuchs für die Werkstatt"}),
        ("Pendler", {"Radverkehr am Bahnhof"}),
        ("Mobilität", {"Radverkehr am Bahnhof"}),
        ("Ideenwerkstatt", {"Nachwuchs für die Werkstatt", "Radverkehr am Bahnhof"}),
        # ... the texts of public challenges too ...
        ("Zwischennutzungen", {"Leerstand in der Innenstadt"}),
        # ... but never the confidential texts.
        (SECRET, set()),
        (CONFIDENTIAL_SECRET, set()),
        ("Altersstruktur", set()),
    ],
)
def test_board_search_in_german(board, query, expected):
    assert titles(board_challenges(filters(f"q={query}"))) == expected


@pytest.mark.django_db
def test_challenge_published_through_the_services_appears_on_the_board(
    officer_eilenburg, coordinator, town_eilenburg
):
    TransferFormatFactory()
    challenge = challenge_save(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"title": "Marktplatz beleben", "problem": "Der Markt ist leer.", "context": ""},
        topics=[TopicFieldFactory()],
    )
    challenge_submit(actor=officer_eilenburg, challenge=challenge)
    assert titles(board_challenges(filters())) == set()
    challenge_accept(actor=coordinator, challenge=challenge)
    challenge_assign(
        actor=coordinator,
        challenge=challenge,
        formats=[TransferFormatFactory()],
        coordinator=coordinator,
    )
    challenge_publish(actor=coordinator, challenge=challenge)
    assert titles(board_challenges(filters("q=Marktplatz&format=praxisprojekt"))) == {
        "Marktplatz beleben"
    }


@pytest.mark.django_db
def test_teaser_is_the_public_text_as_plain_words(board):
    assert teaser(board.vacancy) == "Viele Läden in der Torgauer Straße stehen leer."
    assert teaser(board.young_staff) == (
        "Ein Metallbaubetrieb sucht Wege, Auszubildende zu gewinnen."
    )
    assert SECRET not in teaser(board.young_staff)


@pytest.mark.django_db
def test_challenge_for_viewer_hides_what_the_viewer_may_not_see(board, outsider, officer_eilenburg):
    assert challenge_for_viewer(AnonymousUser(), board.vacancy.pk) == board.vacancy
    assert challenge_for_viewer(officer_eilenburg, board.draft.pk) == board.draft
    for viewer in (AnonymousUser(), outsider):
        with pytest.raises(Http404):
            challenge_for_viewer(viewer, board.draft.pk)
    with pytest.raises(Http404):
        challenge_for_viewer(AnonymousUser(), 999_999)


# --- pages ------------------------------------------------------------------------------------
# The pages are read in English, the language of the source texts, so that these tests do not
# depend on the wording of the German translation.


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield client
    # The locale middleware leaves English active in this thread; later tests expect German.
    translation.deactivate()


def results_html(response) -> str:
    content = response.content.decode()
    return content[content.index('id="board-results"') :]


@pytest.mark.django_db
def test_board_page_shows_cards_filters_and_the_feed(client, board):
    response = client.get(reverse("challenges:board"))
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        '<a class="tr-nav__link" href="/herausforderungen/" aria-current="page">Challenges'
        in content
    )
    assert '<label class="kern-label" for="id_q">Search</label>' in content
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Challenges on the Transferraum board" href="/herausforderungen/feed.atom">'
    ) in content
    assert '<p class="kern-body" role="status" id="board-status">3 challenges found.</p>' in content
    # The choices: topics, towns with challenges by district, formats, board statuses.
    assert '<option value="mobilitaet">Mobility</option>' in content
    assert '<optgroup label="Burgenlandkreis">' in content
    assert '<option value="15084590">Zeitz</option>' in content
    assert '<option value="ideenwerkstatt">Idea workshop</option>' in content
    assert '<option value="in_progress">In progress</option>' in content
    assert '<option value="draft">' not in content

    results = results_html(response)
    assert results.count('class="kern-card tr-challenge-card"') == 3
    assert f'href="{board.vacancy.get_absolute_url()}">Leerstand in der Innenstadt</a>' in results
    assert "Stadtverwaltung Eilenburg · Eilenburg" in results
    assert "Viele Läden in der Torgauer Straße stehen leer." in results  # public: the problem
    assert "Ein Metallbaubetrieb sucht Wege" in results  # otherwise: the summary
    assert SECRET not in content and CONFIDENTIAL_SECRET not in content
    assert "Town centre &amp; vacancy" in results  # topic tag
    assert "Practice project" in results  # format
    assert "Completed" in results  # status badge
    assert "Details confidential" in results
    assert 'href="/herausforderungen/feed.atom"' in results
    for hidden in board.hidden.values():
        assert hidden.title not in content


@pytest.mark.django_db
def test_board_page_keeps_the_chosen_filters(client, board):
    response = client.get(reverse("challenges:board"), {"ort": "14730110", "status": "completed"})
    content = response.content.decode()
    assert '<option value="14730110" selected>Eilenburg</option>' in content
    assert '<option value="completed" selected>Completed</option>' in content
    assert "1 challenge found." in content
    assert 'href="/herausforderungen/feed.atom?ort=14730110&amp;status=completed"' in content
    assert 'href="/herausforderungen/">Reset all filters' in content


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_each_chosen_filter_is_a_chip_that_removes_it(client, board, htmx):
    response = client.get(
        reverse("challenges:board"),
        {"ort": "14730110", "status": "completed", "seite": "1"},
        headers={"HX-Request": "true"} if htmx else {},
    )
    content = response.content.decode()
    assert (
        '<a class="kern-link tr-chip" href="/herausforderungen/?status=completed">'
        '<span class="kern-sr-only">Remove filter </span>Town: Eilenburg<'
    ) in content
    assert (
        'href="/herausforderungen/?ort=14730110"><span class="kern-sr-only">Remove filter </span>'
        "Status: Completed<"
    ) in content
    assert 'href="/herausforderungen/">Reset all filters' in content
    assert "Active filters" not in client.get(reverse("challenges:board")).content.decode()


@pytest.mark.django_db
def test_searching_a_confidential_word_finds_nothing_on_the_page(client, board):
    response = client.get(reverse("challenges:board"), {"q": SECRET})
    assert "0 challenges found." in response.content.decode()
    assert "No challenges found." in results_html(response)


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results_and_a_tidy_address(client, board):
    response = client.get(
        reverse("challenges:board"),
        {"q": "Rad", "thema": "", "ort": "", "kreis": "", "format": "", "status": ""},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section id="board-results"')
    assert "<html" not in content and 'id="board-filters"' not in content
    # The count goes into the live region that stays in the page.
    assert '<p id="board-status" hx-swap-oob="innerHTML">1 challenge found.</p>' in content
    assert "Radverkehr am Bahnhof" in content
    assert response.headers["HX-Push-Url"] == "/herausforderungen/?q=Rad"
    assert "HX-Request" in response.headers["Vary"]
    assert "HX-History-Restore-Request" in response.headers["Vary"]


@pytest.mark.django_db
def test_history_restore_gets_the_whole_page(client, board):
    response = client.get(
        reverse("challenges:board"),
        {"q": "Rad"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    content = response.content.decode()
    assert "<html" in content and 'id="board-filters"' in content
    assert 'value="Rad"' in content
    assert "hx-swap-oob" not in content
    assert "HX-Push-Url" not in response.headers


@pytest.mark.django_db
def test_pagination_keeps_the_filters_and_focuses_new_results(client, town_eilenburg):
    for n in range(PAGE_SIZE + 5):
        challenge_with(town_eilenburg, title=f"Aufgabe {n:02}", days_ago=n)
    challenge_with(OrganisationFactory(name="Anderswo"), title="Etwas anderes")
    url = reverse("challenges:board")
    response = client.get(url, {"q": "Aufgabe", "kreis": "14730"})
    assert "25 challenges found, page 1 of 2." in response.content.decode()
    first = results_html(response)
    assert first.count('class="kern-card tr-challenge-card"') == PAGE_SIZE
    next_url = "/herausforderungen/?q=Aufgabe&amp;kreis=14730&amp;seite=2"
    assert f'href="{next_url}" hx-get="{next_url}" rel="next"' in first
    assert "autofocus" not in first

    second = client.get(
        url,
        {"q": "Aufgabe", "kreis": "14730", "seite": "2"},
        headers={"HX-Request": "true", "HX-Trigger": "board-page-next"},
    )
    content = second.content.decode()
    assert "page 2 of 2" in content
    assert content.count('class="kern-card tr-challenge-card"') == 5
    assert "Aufgabe 24" in content and "Aufgabe 00" not in content
    assert 'tabindex="-1" autofocus>' in content
    assert second.headers["HX-Push-Url"] == "/herausforderungen/?q=Aufgabe&kreis=14730&seite=2"

    beyond = client.get(url, {"q": "Aufgabe", "seite": "99"}).content.decode()
    assert "page 2 of 2" in beyond


@pytest.mark.django_db
def test_unknown_filter_values_show_everything_without_error(client, board):
    response = client.get(
        reverse("challenges:board") + "?thema=x&ort=1&kreis=%00&format=..&status=rejected&seite=0"
    )
    assert response.status_code == 200
    assert "3 challenges found." in response.content.decode()


@pytest.mark.django_db
def test_board_answers_head_and_refuses_post(client, board):
    assert client.head(reverse("challenges:board")).status_code == 200
    assert client.post(reverse("challenges:board")).status_code == 405


def _add_challenges(count: int, prefix: str) -> None:
    """Challenges each with its own organisation and town, two topics and two formats."""
    topics = [TopicFieldFactory(), TopicFieldFactory(slug="mobilitaet", name_de="Mobilität")]
    formats = [TransferFormatFactory(), TransferFormatFactory(slug="werkstatt", name_de="W")]
    for n in range(count):
        organisation = OrganisationFactory(
            name=f"{prefix} Betrieb {n}", municipality=MunicipalityFactory(name=f"{prefix} {n}")
        )
        challenge_with(
            organisation,
            title=f"Aufgabe {prefix} {n}",
            topics=topics,
            formats=formats,
            confidentiality=C.SUMMARY if n % 2 else C.PUBLIC,
            public_summary="Kurz gesagt",
        )


def _queries(client, params: dict[str, str], headers=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("challenges:board"), params, headers=headers or {})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"q": "Aufgabe", "thema": "mobilitaet", "kreis": ""}])
@pytest.mark.parametrize("htmx", [False, True])
def test_board_needs_constant_queries(client, outsider, params, htmx):
    client.force_login(outsider)
    headers = {"HX-Request": "true"} if htmx else None
    _add_challenges(3, "Erste")
    few = _queries(client, params, headers)
    _add_challenges(9, "Weitere")
    many = _queries(client, params, headers)
    assert many == few


# --- a challenge's page -----------------------------------------------------------------------


def page(client, challenge: Challenge, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(challenge.get_absolute_url())


@pytest.mark.django_db
def test_public_challenge_shows_everything_to_everybody(client, board):
    response = page(client, board.vacancy)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<h1 class="kern-heading-x-large">Leerstand in der Innenstadt</h1>' in content
    assert "Viele <strong>Läden</strong> in der Torgauer Straße stehen leer." in content
    assert "Die Stadt hat ein Förderprogramm." in content
    assert "Ein Konzept für Zwischennutzungen." in content
    assert "Wir stellen Daten zum Leerstand bereit." in content
    assert "<li>Data</li><li>Rooms</li>" in content  # what the partner offers
    assert f'href="{board.vacancy.organisation.get_absolute_url()}"' in content
    assert 'href="/herausforderungen/?ort=14730110">Eilenburg</a> (Nordsachsen)' in content
    assert 'href="/herausforderungen/?thema=innenstadt-leerstand">' in content
    assert f'href="{board.project.get_absolute_url()}">Practice project</a>' in content
    assert "April 1, 2026" in content and "Sept. 30, 2026" in content
    assert "Published" in content
    assert "are confidential" not in content
    # Anonymous visitors are invited to log in to follow; no edit or review links.
    assert "Log in to follow this challenge" in content
    assert "/konto/login/?next=/herausforderungen/" in content
    assert "Edit challenge" not in content and "Review" not in content
    assert "Comments from the review" not in content


CONFIDENTIAL_VIEWERS = {
    # viewer → sees the full text
    "anonymous": False,
    "outsider": False,
    "student_geography": False,
    "officer_eilenburg": False,  # another organisation
    "owner_zeitz": True,  # the challenge's organisation
    "coordinator": True,
}


@pytest.mark.django_db
@pytest.mark.parametrize(("viewer", "full_text"), CONFIDENTIAL_VIEWERS.items())
def test_confidential_parts_only_for_the_organisation_and_coordinators(
    request, client, board, viewer, full_text
):
    user = None if viewer == "anonymous" else request.getfixturevalue(viewer)
    Attachment.objects.create(
        challenge=board.young_staff,
        file=SimpleUploadedFile("zahlen.pdf", b"%PDF-1.4 test"),
        name="Altersstruktur.pdf",
        kind="pdf",
        size=2048,
    )
    content = page(client, board.young_staff, user).content.decode()
    assert "Ein Metallbaubetrieb sucht Wege, Auszubildende zu gewinnen." in content
    assert "<li>A budget</li>" in content  # offers are public, their details are not
    assert "Only a public summary" in content
    assert "A non-disclosure agreement is needed." in content
    for secret in (SECRET, "Interne Zahlen zur Altersstruktur.", "Budget von 5000 Euro."):
        assert (secret in content) is full_text
    assert ("Altersstruktur.pdf" in content) is full_text
    assert ("(2.0\xa0KB)" in content) is full_text
    assert ("The details of this challenge are confidential." in content) is not full_text
    assert ("Confidential details" in content) is full_text


@pytest.mark.django_db
def test_attachments_link_to_their_files(client, board, owner_zeitz):
    attachment = Attachment.objects.create(
        challenge=board.young_staff,
        file=SimpleUploadedFile("zahlen.pdf", b"%PDF-1.4 test"),
        name="zahlen.pdf",
        kind="pdf",
        size=13,
    )
    content = page(client, board.young_staff, owner_zeitz).content.decode()
    url = reverse("challenges:attachment", args=[board.young_staff.pk, attachment.pk])
    assert f'href="{url}"' in content
    assert "13\xa0bytes" in content


@pytest.mark.django_db
def test_comments_by_role(client, board, coordinator, owner_zeitz, outsider):
    Comment.objects.create(challenge=board.young_staff, author=coordinator, text="Bitte kürzen.")
    Comment.objects.create(
        challenge=board.young_staff,
        author=coordinator,
        text="Intern: Firma anrufen.",
        visible_to_submitter=False,
    )
    as_coordinator = page(client, board.young_staff, coordinator).content.decode()
    assert "Bitte kürzen." in as_coordinator and "Intern: Firma anrufen." in as_coordinator
    assert "Internal note" in as_coordinator
    as_owner = page(client, board.young_staff, owner_zeitz).content.decode()
    assert "Bitte kürzen." in as_owner and "Intern: Firma anrufen." not in as_owner
    as_outsider = page(client, board.young_staff, outsider).content.decode()
    assert "Bitte kürzen." not in as_outsider
    assert "Comments from the review" not in as_outsider


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("owner_zeitz", 404),  # member of another organisation
        ("member_eilenburg", 200),
        ("coordinator", 200),
    ],
)
def test_drafts_are_unknown_to_outsiders(request, client, board, viewer, status):
    user = None if viewer == "anonymous" else request.getfixturevalue(viewer)
    for hidden in board.hidden.values():
        assert page(client, hidden, user).status_code == status


@pytest.mark.django_db
def test_draft_page_for_its_organisation(client, board, member_eilenburg):
    content = page(client, board.draft, member_eilenburg).content.decode()
    assert "This challenge is not on the board." in content
    assert f'href="{reverse("challenges:edit", args=[board.draft.pk])}"' in content
    assert reverse("challenges:review", args=[board.draft.pk]) not in content
    # Only challenges on the board can be followed.
    assert "Follow this challenge" not in content and "Log in to follow" not in content


@pytest.mark.django_db
def test_edit_and_review_links_follow_the_permissions(
    client, board, officer_eilenburg, coordinator
):
    as_officer = page(client, board.vacancy, officer_eilenburg).content.decode()
    assert "Edit challenge" not in as_officer  # published: the organisation edits no more
    assert "Comments from the review" in as_officer
    client.logout()
    as_coordinator = page(client, board.vacancy, coordinator).content.decode()
    assert f'href="{reverse("challenges:edit", args=[board.vacancy.pk])}"' in as_coordinator
    assert f'href="{reverse("challenges:review", args=[board.vacancy.pk])}"' in as_coordinator


# --- following --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_follow_and_unfollow_without_javascript(client, board, outsider):
    url = reverse("challenges:follow", args=[board.vacancy.pk])
    client.force_login(outsider)
    assert "Follow this challenge" in page(client, board.vacancy).content.decode()

    response = client.post(url, {"folgen": "1"}, follow=True)
    assert response.redirect_chain == [(board.vacancy.get_absolute_url(), 302)]
    assert Follow.objects.filter(challenge=board.vacancy, user=outsider).exists()
    content = response.content.decode()
    assert "You follow this challenge now." in content
    assert "Stop following" in content
    assert '<input type="hidden" name="folgen" value="0">' in content

    client.post(url, {"folgen": "1"})  # twice is the same as once
    assert Follow.objects.filter(challenge=board.vacancy, user=outsider).count() == 1

    response = client.post(url, {"folgen": "0"}, follow=True)
    assert not Follow.objects.filter(challenge=board.vacancy, user=outsider).exists()
    assert "You no longer follow this challenge." in response.content.decode()


@pytest.mark.django_db
def test_follow_with_htmx_swaps_the_button(client, board, student_geography):
    client.force_login(student_geography)
    response = client.post(
        reverse("challenges:follow", args=[board.young_staff.pk]),
        {"folgen": "1"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert 'id="follow-button"' in content and "Stop following" in content
    assert Follow.objects.filter(challenge=board.young_staff, user=student_geography).exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, board):
    url = reverse("challenges:follow", args=[board.vacancy.pk])
    response = client.post(url, {"folgen": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={board.vacancy.get_absolute_url()}"
    htmx = client.post(url, {"folgen": "1"}, headers={"HX-Request": "true"})
    assert htmx.headers["HX-Redirect"] == response["Location"]
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_challenges_off_the_board_cannot_be_followed(client, board, member_eilenburg, outsider):
    url = reverse("challenges:follow", args=[board.draft.pk])
    client.force_login(member_eilenburg)
    assert client.post(url, {"folgen": "1"}).status_code == 403
    client.force_login(outsider)
    assert client.post(url, {"folgen": "1"}).status_code == 404
    assert client.get(reverse("challenges:follow", args=[board.vacancy.pk])).status_code == 405
    assert not Follow.objects.exists()


# --- the Atom feed ----------------------------------------------------------------------------


def feed(client, query: str = "") -> ET.Element:
    response = client.get(reverse("challenges:feed") + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input


def entries(root: ET.Element) -> dict[str, ET.Element]:
    return {entry.findtext(f"{ATOM}title"): entry for entry in root.iter(f"{ATOM}entry")}


@pytest.mark.django_db
def test_feed_is_atom_with_the_public_texts(client, board):
    root = feed(client)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "Challenges on the Transferraum board"
    found = entries(root)
    assert list(found) == [
        "Leerstand in der Innenstadt",
        "Nachwuchs für die Werkstatt",
        "Radverkehr am Bahnhof",
    ]
    vacancy = found["Leerstand in der Innenstadt"]
    link = vacancy.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == f"http://testserver{board.vacancy.get_absolute_url()}"
    assert vacancy.findtext(f"{ATOM}author/{ATOM}name") == "Stadtverwaltung Eilenburg"
    assert vacancy.findtext(f"{ATOM}published", "").startswith(
        board.vacancy.published_at.date().isoformat()
    )
    assert "<strong>Läden</strong>" in vacancy.findtext(f"{ATOM}summary", "")
    staff = found["Nachwuchs für die Werkstatt"]
    assert "Auszubildende zu gewinnen" in staff.findtext(f"{ATOM}summary", "")
    # Never a confidential text, nor a challenge off the board.
    text = ET.tostring(root, encoding="unicode")
    assert SECRET not in text and CONFIDENTIAL_SECRET not in text
    assert "Altersstruktur" not in text and "Verborgen" not in text


@pytest.mark.django_db
def test_feed_follows_the_filters(client, board):
    assert list(entries(feed(client, "?format=ideenwerkstatt&kreis=14730"))) == [
        "Radverkehr am Bahnhof"
    ]
    assert list(entries(feed(client, f"?q={SECRET}"))) == []


@pytest.mark.django_db
def test_feed_holds_the_newest_thirty(client, town_eilenburg):
    for n in range(FEED_SIZE + 5):
        challenge_with(town_eilenburg, title=f"Aufgabe {n:02}", days_ago=n)
    found = list(entries(feed(client)))
    assert len(found) == FEED_SIZE
    assert found[0] == "Aufgabe 00" and "Aufgabe 34" not in found


# --- the format catalogue ---------------------------------------------------------------------


@pytest.mark.django_db
def test_format_list_shows_the_catalogue(client, board):
    response = client.get(reverse("challenges:formats"))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'href="{board.project.get_absolute_url()}">Practice project</a>' in content
    assert "Studierende arbeiten ein Semester lang an einer Aufgabe." in content
    assert "ein Semester" in content and "3–6 Studierende" in content
    assert "Medium" in content  # effort for the partner
    # Two challenges on the board use the workshop; hidden ones are not counted.
    assert 'href="/herausforderungen/?format=ideenwerkstatt">2 challenges on the board' in content
    assert 'href="/herausforderungen/?format=praxisprojekt">1 challenge on the board' in content


@pytest.mark.django_db
def test_format_page_shows_all_texts_and_its_challenges(client, board):
    response = client.get(board.workshop.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="kern-heading-x-large">Idea workshop</h1>' in content
    assert "Die Aufgabe ist klar umrissen." in content  # fits when
    assert "Es eilt." in content  # does not fit when
    assert "Low" in content
    assert "Radverkehr am Bahnhof" in content and "Nachwuchs für die Werkstatt" in content
    assert "Leerstand in der Innenstadt" not in content
    assert 'href="/herausforderungen/?format=ideenwerkstatt">Show all 2 challenges' in content
    assert client.get(reverse("challenges:format", args=["gibt-es-nicht"])).status_code == 404


@pytest.mark.django_db
def test_format_pages_show_the_whole_starter_catalogue(client):
    catalogue_load()
    formats = list(TransferFormat.objects.order_by("position", "name_de"))
    assert len(formats) == 12
    content = client.get(reverse("challenges:formats")).content.decode()
    assert content.count('<li class="kern-card">') == 12
    for transfer_format in formats:
        assert f'href="{transfer_format.get_absolute_url()}"' in content
        detail = client.get(transfer_format.get_absolute_url())
        assert detail.status_code == 200
        assert f'<h1 class="kern-heading-x-large">{escape(transfer_format.name_en)}</h1>' in (
            detail.content.decode()
        )
        assert "No challenge on the board uses this format yet." in detail.content.decode()


def test_the_board_index_covers_exactly_the_challenges_on_the_board():
    """The partial index `challenge_board_newest` is read only when its condition matches the
    board's filter; a status added to the board must be added to the index too."""
    from transferraum.challenges.models import Challenge

    (index,) = [i for i in Challenge._meta.indexes if i.name == "challenge_board_newest"]
    assert index.condition is not None
    (lookup, statuses) = index.condition.children[0]
    assert lookup == "status__in"
    assert sorted(statuses) == sorted(str(status) for status in Challenge.BOARD_STATUSES)
