"""The indicators' pages: who may open them, the filters in the URL, the records behind a
figure, the public subset with small cells suppressed, the CSV files and the impact report."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from django.conf import settings
from django.urls import reverse

from transferraum.core.models import AccessEntry
from transferraum.indicators.registry import Scope, catalogue, indicator_get, value_of
from transferraum.recommendations.tests.test_dossier import pdf_info, pdf_objects, pdf_text

pytestmark = pytest.mark.django_db

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (make test installs it)"
)

DASHBOARD = reverse("indicators:dashboard")
PUBLIC = reverse("indicators:public")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def figure(response, key):
    return next(f for f in response.context["figures"] if f.key == key)


def records_url(key, **query):
    url = reverse("indicators:records", kwargs={"key": key})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- who may open what ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "dashboard", "records"),
    [
        ("coordinator", 200, 200),
        ("researcher", 200, 200),
        ("student_geography", 403, 403),
        ("officer_eilenburg", 403, 403),
        ("outsider", 403, 403),
    ],
)
def test_the_dashboard_and_records_are_for_the_coordination_and_research(
    client, request, persona, dashboard, records
):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(DASHBOARD).status_code == dashboard
    assert client.get(records_url("projects")).status_code == records
    assert client.get(reverse("indicators:dashboard-csv")).status_code == dashboard
    assert client.get(PUBLIC).status_code == 200


def test_a_visitor_is_sent_to_sign_in_for_the_dashboard(client):
    assert client.get(DASHBOARD).status_code == 302
    assert client.get(PUBLIC).status_code == 200
    assert client.get(reverse("indicators:public-csv")).status_code == 200


# --- the dashboard ----------------------------------------------------------------------------


def test_the_dashboard_shows_every_figure_with_its_table_and_chart(client, researcher, world):
    client.force_login(researcher)

    response = client.get(DASHBOARD)

    assert {f.key for f in response.context["figures"]} == {i.key for i in catalogue()}
    students = figure(response, "students")
    assert students.display == "5"
    assert [(row.label, row.display) for row in students.rows] == [
        ("Eilenburg", "4"),
        ("Zeitz", "1"),
    ]
    html = response.content.decode()
    assert 'role="img"' in html and "<table" in html
    assert records_url("students") in html


def test_the_filters_narrow_every_figure(client, researcher, world):
    client.force_login(researcher)

    response = client.get(DASHBOARD, {"ort": world.E.ags, "jahr": "2027", "nach": "runde"})

    assert figure(response, "recommendations-handed-over").total.value == 3  # r4 r6 r7
    assert figure(response, "students").total.value == 2  # s1 s5 in p3
    rows = figure(response, "projects").rows
    assert [(row.label, row.display) for row in rows] == [("R2", "1")]
    response = client.get(DASHBOARD, {"runde": world.r1.pk})
    assert figure(response, "projects").total.value == 2


def test_unknown_filter_values_are_dropped(client, researcher, world):
    client.force_login(researcher)

    response = client.get(DASHBOARD, {"ort": "0000\x00", "runde": "99999999999", "jahr": "1066"})

    assert response.status_code == 200
    assert response.context["scope"] == Scope()


# --- the records behind a figure ---------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        i.key
        for i in catalogue()
        if i.is_count
        and i.key
        in {
            "challenges-submitted",
            "challenges-published",
            "projects",
            "students",
            "partner-organisations",
            "site-days",
            "recommendations-handed-over",
            "recommendations-adopted",
            "recommendations-implemented",
        }
    ],
)
def test_the_list_of_records_counts_as_many_as_the_figure(client, coordinator, world, key):
    client.force_login(coordinator)
    indicator = indicator_get(key)
    for query, scope in (
        ({}, Scope()),
        ({"ort": world.E.ags}, Scope(town=world.E.pk)),
        ({"runde": world.r1.pk}, Scope(round=world.r1.pk)),
        ({"jahr": 2027}, Scope(year=2027)),
    ):
        response = client.get(records_url(key, **query))

        assert response.context["page"].paginator.count == value_of(indicator, scope)
        assert len(response.context["rows"]) == value_of(indicator, scope)


def test_the_records_are_paginated(client, coordinator, world, monkeypatch):
    from transferraum.indicators import views

    monkeypatch.setattr(views, "RECORDS_PAGE_SIZE", 2)
    client.force_login(coordinator)

    response = client.get(records_url("students"))

    assert response.context["page"].paginator.count == 5
    assert len(response.context["rows"]) == 2
    assert response.context["page"].paginator.num_pages == 3


def test_researchers_count_students_without_their_names(client, researcher, coordinator, world):
    client.force_login(researcher)
    html = client.get(records_url("students")).content.decode()
    assert world.s[1].name not in html
    assert AccessEntry.objects.count() == 0

    client.force_login(coordinator)
    html = client.get(records_url("students")).content.decode()
    assert world.s[1].name in html
    # the coordinator's view of people is in the access log they see on their profile
    assert AccessEntry.objects.filter(person=world.s[1]).exists()


def test_researchers_see_no_title_of_a_confidential_recommendation(client, researcher, world):
    client.force_login(researcher)

    html = client.get(records_url("recommendations-implemented")).content.decode()

    assert world.rec.r3.title in html
    assert world.rec.r6.title not in html  # confidential, still counted


def test_the_median_lists_the_decided_recommendations_with_their_days(client, coordinator, world):
    client.force_login(coordinator)

    response = client.get(records_url("days-to-decision", ort=world.Z.ags))

    assert response.context["figure"] == "10"
    assert [row.details[-1] for row in response.context["rows"]] == ["10"]


def test_an_unknown_indicator_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get(records_url("no-such-figure")).status_code == 404


# --- the public subset ----------------------------------------------------------------------


def test_the_public_figures_suppress_small_counts_of_people(client, world):
    response = client.get(PUBLIC)

    students = figure(response, "students")
    assert students.display == "5"  # the total
    assert [(row.label, row.display) for row in students.rows] == [
        ("Eilenburg", "< 5"),
        ("Zeitz", "< 5"),
    ]
    # counts of things are not people: shown as they are
    assert [row.display for row in figure(response, "projects").rows] == ["2", "1"]
    html = response.content.decode()
    assert (
        "datensaetze" not in html and reverse("indicators:records", args=["students"]) not in html
    )


def test_a_small_public_total_is_suppressed(client, world):
    response = client.get(PUBLIC, {"ort": world.Z.ags})

    assert figure(response, "students").display == "< 5"
    assert figure(response, "site-days").display == "< 5"
    assert figure(response, "recommendations-handed-over").display == "1"


# --- CSV --------------------------------------------------------------------------------------


def rows_of(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_holds_totals_and_every_breakdown(client, researcher, world):
    client.force_login(researcher)

    response = client.get(reverse("indicators:dashboard-csv"), {"jahr": "2026"})

    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    found = {(r["indicator"], r["breakdown"], r["group_key"]): r["value"] for r in rows}
    assert found["students", "total", ""] == "4"
    assert found["students", "town", world.E.ags] == "3"
    assert found["students", "round", str(world.r1.pk)] == "4"
    assert found["students", "year", "2026"] == "4"
    assert found["days-to-decision", "total", ""] == "30"
    assert found["recommendations-handed-over", "town", world.Z.ags] == "1"
    assert {r["indicator"] for r in rows} == {i.key for i in catalogue()}


def test_the_public_csv_leaves_small_cells_empty_and_says_so(client, world):
    rows = rows_of(client.get(reverse("indicators:public-csv"), {"ort": world.Z.ags}))

    students = next(r for r in rows if r["indicator"] == "students" and r["breakdown"] == "total")
    assert (students["value"], students["suppressed"]) == ("", "1")
    handed = next(
        r
        for r in rows
        if r["indicator"] == "recommendations-handed-over" and r["breakdown"] == "total"
    )
    assert (handed["value"], handed["suppressed"]) == ("1", "")


# --- the impact report ----------------------------------------------------------------------


def report_url(world, year=2027, pdf=False):
    name = "indicators:report-pdf" if pdf else "indicators:report"
    return reverse(name, kwargs={"ags": world.E.ags, "year": year})


def test_the_report_shows_figures_projects_and_recommendations_of_the_year(english, world):
    response = english.get(report_url(world))

    assert response.status_code == 200
    report = response.context["report"]
    assert [p.title for p in report.projects] == ["p3"]
    # r4 and r7 handed over in 2027; r6 is confidential; the draft r5 is not handed over
    assert {e.recommendation for e in report.recommendations} == {world.rec.r4, world.rec.r7}
    assert report.implemented == []
    html = response.content.decode()
    assert "Impact report Eilenburg 2027" in html
    assert "Median days to a decision" in html
    assert str(indicator_get("projects").definition)[:40] in html


def test_the_report_lists_what_was_implemented_in_the_year(english, world):
    from transferraum.recommendations.models import Recommendation

    Recommendation.objects.filter(pk=world.rec.r3.pk).update(municipality=world.E)

    report = english.get(report_url(world)).context["report"]

    assert [e.recommendation for e in report.implemented] == [world.rec.r3]


@pytest.mark.parametrize("year", [1999, 2041])
def test_a_report_out_of_the_programmes_years_is_not_found(client, world, year):
    assert client.get(report_url(world, year)).status_code == 404


def test_a_report_of_an_unknown_town_is_not_found(client, world):
    url = reverse("indicators:report", kwargs={"ags": "00000000", "year": 2027})
    assert client.get(url).status_code == 404


@needs_poppler
def test_the_report_pdf_is_tagged_and_holds_the_figures(english, world, tmp_path):
    response = english.get(report_url(world, pdf=True))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="wirkungsbericht-{world.E.ags}-2027.pdf"'
    )
    info = dict(
        (key.strip(), value.strip())
        for key, _, value in (
            line.partition(":") for line in pdf_info(response.content, tmp_path).splitlines()
        )
    )
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Impact report Eilenburg 2027"
    assert b'pdfuaid:part="1"' in pdf_objects(response.content)
    # the typeface comes from the shared PDF base (core/pdf-base.css, imported)
    assert b"+Fira-Sans" in pdf_objects(response.content)
    text = pdf_text(response.content, tmp_path)
    assert "Key figures" in text and "Students in teams" in text and "p3" in text


# --- bounded by construction ---------------------------------------------------------------


def test_the_pages_read_a_constant_number_of_queries(client, researcher, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from transferraum.projects.tests.factories import StudentFactory, place
    from transferraum.recommendations.tests.factories import team_project

    client.force_login(researcher)

    def queries(url):
        client.get(url)  # warm the session and the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    pages = (DASHBOARD, PUBLIC, records_url("students"), report_url(world))
    before = [queries(url) for url in pages]
    town = world.p[1].challenge.organisation
    for _ in range(3):
        team_project(town, *StudentFactory.create_batch(3))
    place(StudentFactory(), world.p[3])

    assert [queries(url) for url in pages] == before


def test_the_report_pdf_is_rendered_once_until_it_changes(client, world, monkeypatch):
    from django.core.cache import cache

    from transferraum.recommendations import dossier

    calls = []
    monkeypatch.setattr(dossier, "render_pdf", lambda html: calls.append(html) or b"%PDF-1.7 x")
    cache.clear()

    first = client.get(report_url(world, pdf=True)).content
    assert client.get(report_url(world, pdf=True)).content == first
    assert len(calls) == 1
    world.rec.r4.title = "Ein neuer Titel"
    world.rec.r4.save()
    client.get(report_url(world, pdf=True))
    assert len(calls) == 2
    cache.clear()
