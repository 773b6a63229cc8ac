"""The transfer dossier: what it holds for whom (the confidential rule, the team's names, drafts
never), the printable page, and the PDF read back with pdftotext (titles and statuses) and
pdfinfo (tagged, titled)."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from transferraum.projects.models import Document, Project, Round
from transferraum.recommendations import dossier
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    ImplementationMilestoneFactory,
    RecommendationEventFactory,
    RecommendationFactory,
    ResearchRecommendationFactory,
    team_project,
)

S = Recommendation.Status
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (make test installs it)"
)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def eilenburg(project, town_eilenburg, researcher):
    """A completed project of Eilenburg with recommendations in several states, one
    confidential, one a draft; and one of the accompanying research for the town."""
    Project.objects.filter(pk=project.pk).update(
        status=Project.Status.COMPLETED,
        public_summary="Das Team hat **40 Eigentümer** befragt.",
        results="Ein Kataster und ein Leitfaden.",
    )
    project.refresh_from_db()
    Document.objects.create(project=project, title="Abschlussbericht", category="report")
    adopted = RecommendationFactory(
        project=project,
        addressee_organisation=town_eilenburg,
        title="Kataster der leeren Laeden",
        status=S.IN_IMPLEMENTATION,
        progress=40,
        agenda_body="Stadtrat Eilenburg",
        agenda_date=timezone.localdate(),
        decided_on=timezone.localdate(),
    )
    ImplementationMilestoneFactory(recommendation=adopted, title="Kataster online", progress=40)
    RecommendationEventFactory(recommendation=adopted, action="hand_over", to_status=S.HANDED_OVER)
    return {
        "adopted": adopted,
        "rejected": RecommendationFactory(
            project=project,
            title="Parkhaus am Markt",
            status=S.REJECTED,
            decided_on=timezone.localdate(),
        ),
        "confidential": RecommendationFactory(
            project=project,
            addressee_organisation=town_eilenburg,
            title="Verhandlung mit dem Eigentuemer",
            status=S.UNDER_REVIEW,
            confidential=True,
        ),
        "draft": RecommendationFactory(project=project, title="Noch ein Entwurf"),
        "research": ResearchRecommendationFactory(
            created_by=researcher,
            addressee_organisation=town_eilenburg,
            municipality=town_eilenburg.municipality,
            round=project.round,
            title="Wohnen auf Probe",
            status=S.RECEIVED,
        ),
    }


def project_url(project, pdf=False) -> str:
    name = "dossier-project-pdf" if pdf else "dossier-project"
    return reverse(f"recommendations:{name}", args=[project.pk])


def town_url(town, round, pdf=False) -> str:
    name = "dossier-town-pdf" if pdf else "dossier-town"
    return reverse(f"recommendations:{name}", args=[town.municipality.ags, round.pk])


def pdf_text(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "dossier.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return " ".join(text.split())


def pdf_info(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout


def pdf_objects(content: bytes) -> bytes:
    """The PDF with its compressed streams inflated, to look for entries of the catalogue."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with contextlib.suppress(zlib.error):
            streams.append(zlib.decompress(match.group(1)))
    return content + b"".join(streams)


# --- the page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_project_dossier_shows_challenge_team_results_and_recommendations(
    english, eilenburg, project, student_geography
):
    english.force_login(student_geography)

    response = english.get(project_url(project))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert project.challenge.title in page
    assert "Lena Schubert" in page  # the team sees its names
    assert "<strong>40 Eigentümer</strong>" in page
    assert "Abschlussbericht" in page  # deliverables, for the workspace's people
    for title, status in (
        ("Kataster der leeren Laeden", "In implementation"),
        ("Parkhaus am Markt", "Rejected"),
        ("Verhandlung mit dem Eigentuemer", "Under review"),
    ):
        assert title in page
        assert status in page
    assert "Noch ein Entwurf" not in page  # drafts have not reached the partner
    assert "Wohnen auf Probe" not in page  # not of this project
    assert reverse("recommendations:dossier-project-pdf", args=[project.pk]) in page
    assert "Kataster online" in page
    assert "40 %" in page


@pytest.mark.django_db
def test_the_public_dossier_leaves_out_confidential_ones_names_and_files(
    english, eilenburg, project
):
    page = english.get(project_url(project)).content.decode()

    assert "Kataster der leeren Laeden" in page
    assert "Verhandlung mit dem Eigentuemer" not in page
    assert "Lena Schubert" not in page
    assert "A team of 1 student" in page
    assert "Abschlussbericht" not in page
    assert "Confidential:" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("officer_eilenburg", True),
        ("supervisor", True),
        ("coordinator", True),
        ("officer_zeitz", False),
        ("researcher_other", False),
    ],
)
def test_confidential_ones_only_in_dossiers_of_those_allowed(
    request, english, eilenburg, project, town_eilenburg, persona, sees
):
    english.force_login(request.getfixturevalue(persona))

    for url in (project_url(project), town_url(town_eilenburg, project.round)):
        page = english.get(url).content.decode()
        assert ("Verhandlung mit dem Eigentuemer" in page) is sees
        assert ("Confidential:" in page) is sees


@pytest.mark.django_db
def test_the_town_dossier_gathers_the_towns_projects_of_the_round(
    english, eilenburg, project, town_eilenburg, town_zeitz
):
    other_town = team_project(town_zeitz)
    RecommendationFactory(project=other_town, title="Rufbus", status=S.ADOPTED)
    second = team_project(town_eilenburg)
    Project.objects.filter(pk=second.pk).update(round=project.round)

    response = english.get(town_url(town_eilenburg, project.round))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Transfer dossier: Eilenburg" in page
    assert 'aria-labelledby="toc-heading"' in page  # a table of contents
    assert f'href="#project-{project.pk}"' in page
    assert f'href="#project-{second.pk}"' in page
    assert "Wohnen auf Probe" in page  # the accompanying research for the town
    assert "Rufbus" not in page


@pytest.mark.django_db
def test_a_round_in_preparation_has_no_dossier(client, project, town_eilenburg):
    Round.objects.filter(pk=project.round.pk).update(phase=Round.Phase.PREPARATION)

    assert client.get(town_url(town_eilenburg, project.round)).status_code == 404
    assert client.get(project_url(project)).status_code == 404


@pytest.mark.django_db
def test_an_unknown_town_has_no_dossier(client, project):
    url = reverse("recommendations:dossier-town", args=["00000000", project.round.pk])

    assert client.get(url).status_code == 404


# --- the PDF --------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.django_db
def test_the_project_pdf_holds_the_titles_and_statuses(
    english, eilenburg, project, officer_eilenburg, tmp_path
):
    english.force_login(officer_eilenburg)

    response = english.get(project_url(project, pdf=True))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="transferdossier-projekt-{project.pk}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content, tmp_path)
    for title, status in (
        ("Kataster der leeren Laeden", "In implementation"),
        ("Parkhaus am Markt", "Rejected"),
        ("Verhandlung mit dem Eigentuemer", "Under review"),
    ):
        assert title in text
        assert f"Status: {status}" in text
    assert "Noch ein Entwurf" not in text
    assert "Transferraum" in text
    assert "Universität Leipzig" in text


@needs_poppler
@pytest.mark.django_db
def test_the_pdf_is_tagged_titled_and_in_the_pages_language(english, eilenburg, project, tmp_path):
    response = english.get(project_url(project, pdf=True))

    info = dict(
        (key.strip(), value.strip())
        for key, _, value in (
            line.partition(":") for line in pdf_info(response.content, tmp_path).splitlines()
        )
    )
    assert info["Tagged"] == "yes"
    assert info["Title"] == f"Transfer dossier: {project.title}"
    objects = pdf_objects(response.content)
    assert b"/Lang (en)" in objects
    assert b'pdfuaid:part="1"' in objects  # PDF/UA-1
    assert b"/DisplayDocTitle true" in objects


@needs_poppler
@pytest.mark.django_db
def test_the_public_town_pdf_leaves_out_confidential_ones(
    english, eilenburg, project, town_eilenburg, tmp_path
):
    response = english.get(town_url(town_eilenburg, project.round, pdf=True))

    text = pdf_text(response.content, tmp_path)
    assert response.status_code == 200
    assert "Kataster der leeren Laeden" in text
    assert "Status: Received" in text  # the research's recommendation
    assert "Wohnen auf Probe" in text
    assert "Verhandlung mit dem Eigentuemer" not in text
    assert "Contents" in text


@pytest.mark.django_db
def test_the_pdf_reaches_no_further_than_the_static_files(settings):
    fetcher = dossier._static_fetcher()

    css = fetcher.fetch(f"{settings.SITE_URL}/static/recommendations/dossier-pdf.css")
    assert b"@page" in css.read()
    for url in (
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        f"{settings.SITE_URL}/media/projects/1/1/bericht.pdf",
        f"{settings.SITE_URL}/static/../config/settings/base.py",
    ):
        with pytest.raises(Exception):  # noqa: B017, PT011 – WeasyPrint catches any of them
            fetcher.fetch(url)


def test_standing_says_where_each_status_stands():
    for status in S.values:
        recommendation = Recommendation(status=status, progress=30)
        standing = dossier.standing(recommendation)
        assert 1 <= standing.step <= standing.steps == 10
        assert [s.state for s in standing.path].count("current") == 1
        assert (standing.progress is not None) is recommendation.is_adopted
    rejected = dossier.standing(Recommendation(status=S.REJECTED))
    assert {s.state for s in rejected.path[7:]} == {"closed"}
    without_agenda = dossier.standing(Recommendation(status=S.ADOPTED))
    assert without_agenda.path[5].state == "skipped"
