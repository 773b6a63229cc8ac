"""The transfer dossier: what it holds for whom (the confidential rule, the team's names, drafts
never), the printable page, and the PDF read back with pdftotext (titles and statuses) and
pdfinfo (tagged, titled)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from transferraum.challenges.models import Challenge
from transferraum.projects.models import Document, DocumentVersion, Project, Round
from transferraum.recommendations import dossier
from transferraum.recommendations import standing as standings
from transferraum.recommendations.models import ImplementationMilestone, Recommendation
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
    # Rendering the PDF takes seconds: the link says so, and the page has a status to announce it
    assert 'aria-describedby="pdf-note"' in page
    assert "this can take a few seconds" in page
    assert 'role="status"' in page and "The PDF is being prepared" in page


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
    # the typeface comes from the shared PDF base (core/pdf-base.css, imported)
    assert b"+Fira-Sans" in objects and b"+Fira-Sans-Bold" in objects


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
        standing = standings.standing(recommendation)
        assert 1 <= standing.step <= standing.steps == 10
        assert [s.state for s in standing.path].count("current") == 1
        assert (standing.progress is not None) is recommendation.is_adopted
    rejected = standings.standing(Recommendation(status=S.REJECTED))
    assert {s.state for s in rejected.path[7:]} == {"closed"}
    without_agenda = standings.standing(Recommendation(status=S.ADOPTED))
    assert without_agenda.path[5].state == "skipped"


def test_a_rejection_is_closed_not_progress():
    rejected = standings.standing(Recommendation(status=S.REJECTED))

    assert rejected.closed
    assert rejected.percent is None
    assert rejected.summary == "Closed: rejected"
    assert rejected.position == "closed, no further steps"
    assert rejected.progress_label == ""
    on_agenda = standings.standing(Recommendation(status=S.ON_AGENDA))
    assert not on_agenda.closed
    assert on_agenda.percent == 60
    assert on_agenda.summary == "Step 6 of 10: On the agenda"
    assert on_agenda.progress_label == "Progress along the way: step 6 of 10"
    deferred = standings.standing(Recommendation(status=S.DEFERRED))
    assert not deferred.closed  # waiting, not closed


@pytest.mark.django_db
def test_the_dossier_shows_a_rejection_as_closed(english, eilenburg, project):
    page = english.get(project_url(project)).content.decode()

    assert "Status: Rejected</strong> · closed, no further steps" in page
    assert "step 7 of 10" not in page  # the rejection; the adopted one is at step 8


# --- what each entry holds ------------------------------------------------------------------


@pytest.fixture
def evidenced(eilenburg, project):
    """The adopted recommendation with a responsible person, a first answer due, a document
    and a link as evidence."""
    recommendation = eilenburg["adopted"]
    document = Document.objects.create(project=project, title="Befragung der Eigentuemer")
    DocumentVersion.objects.create(
        document=document,
        number=1,
        file="projects/befragung.pdf",
        name="befragung.pdf",
        kind="pdf",
        size=1000,
    )
    recommendation.evidence.add(document)
    recommendation.evidence_links = [
        {"title": "Leerstandsstudie Sachsen", "url": "https://example.org/studie"}
    ]
    recommendation.responsible_name = "Sabine Hoffmann"
    recommendation.first_answer_due = dt.date(2026, 3, 2)
    recommendation.rationale = "Die Eigentuemer wissen nicht, wer sucht."
    recommendation.save()
    return {"recommendation": recommendation, "document": document}


@pytest.mark.django_db
def test_each_entry_holds_rationale_evidence_responsible_person_and_first_answer(
    english, evidenced, project
):
    page = english.get(project_url(project)).content.decode()

    assert "Rationale:" in page
    assert "Die Eigentuemer wissen nicht, wer sucht." in page
    assert "Befragung der Eigentuemer" in page  # the title, for everyone
    assert 'href="https://example.org/studie"' in page
    assert "Responsible person</dt><dd>Sabine Hoffmann" in page
    assert "First answer due</dt><dd>March 2, 2026" in page
    download = reverse(
        "projects:workspace-document-download",
        args=[project.pk, evidenced["document"].pk, 1],
    )
    assert download not in page  # the public may not open the workspace's files


@pytest.mark.django_db
def test_evidence_documents_link_only_for_those_who_may_open_them(
    english, evidenced, project, student_geography, officer_zeitz
):
    download = reverse(
        "projects:workspace-document-download",
        args=[project.pk, evidenced["document"].pk, 1],
    )
    english.force_login(officer_zeitz)
    assert download not in english.get(project_url(project)).content.decode()

    english.force_login(student_geography)
    assert f'href="{download}"' in english.get(project_url(project)).content.decode()


# --- results of non-public challenges -------------------------------------------------------


@pytest.fixture
def confidential_challenge(eilenburg, project):
    Challenge.objects.filter(pk=project.challenge_id).update(
        confidentiality=Challenge.Confidentiality.CONFIDENTIAL,
        public_summary="Eine Stadt sucht Wege gegen Leerstand.",
    )
    project.refresh_from_db()
    return project


@needs_poppler
@pytest.mark.django_db
def test_results_of_a_non_public_challenge_stay_out_of_the_public_dossier(
    english, confidential_challenge, town_eilenburg, tmp_path
):
    project = confidential_challenge
    for url in (project_url(project), town_url(town_eilenburg, project.round)):
        page = english.get(url).content.decode()
        assert "Ein Kataster und ein Leitfaden." not in page
        assert "<strong>40 Eigentümer</strong>" in page  # the public summary stays
    for url in (project_url(project, pdf=True), town_url(town_eilenburg, project.round, pdf=True)):
        text = pdf_text(english.get(url).content, tmp_path)
        assert "Ein Kataster und ein Leitfaden." not in text
        assert "40 Eigentümer" in text


@needs_poppler
@pytest.mark.django_db
def test_results_of_a_non_public_challenge_are_there_for_the_coordinator(
    english, confidential_challenge, town_eilenburg, coordinator, tmp_path
):
    english.force_login(coordinator)
    project = confidential_challenge

    page = english.get(town_url(town_eilenburg, project.round)).content.decode()
    text = pdf_text(
        english.get(town_url(town_eilenburg, project.round, pdf=True)).content, tmp_path
    )

    assert "Ein Kataster und ein Leitfaden." in page
    assert "Ein Kataster und ein Leitfaden." in text


@pytest.mark.django_db
def test_results_of_a_public_challenge_are_public_once_completed(english, eilenburg, project):
    page = english.get(project_url(project)).content.decode()

    assert "Ein Kataster und ein Leitfaden." in page


NOT_PUBLIC = "The results of this project are not public."
NOT_YET = "The team has not published results yet."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "summary", "results", "may_see_results", "note"),
    [
        (Project.Status.COMPLETED, "Befragt.", "Kataster.", False, ""),  # the summary shows
        (Project.Status.COMPLETED, "", "Kataster.", True, ""),  # the results show
        (Project.Status.COMPLETED, "", "Kataster.", False, NOT_PUBLIC),
        (Project.Status.COMPLETED, "", "", True, NOT_YET),
        (Project.Status.RUNNING, "Befragt.", "Kataster.", True, NOT_YET),  # not completed
    ],
)
def test_a_project_without_results_to_show_says_why(
    english, project, status, summary, results, may_see_results, note
):
    Project.objects.filter(pk=project.pk).update(
        status=status, public_summary=summary, results=results
    )
    project.refresh_from_db()
    access = dossier.Access(team=False, workspace=False, results=may_see_results)

    part = dossier._part(project, access, [])

    assert part.results_note == note


@pytest.mark.django_db
def test_the_public_dossier_says_the_results_are_not_public(english, confidential_challenge):
    project = confidential_challenge
    Project.objects.filter(pk=project.pk).update(public_summary="")

    page = english.get(project_url(project)).content.decode()

    assert "Ein Kataster und ein Leitfaden." not in page
    assert NOT_PUBLIC in page


# --- cover, legend, overview, figures -------------------------------------------------------


@pytest.mark.django_db
def test_the_cover_names_the_coordinations_contact(english, eilenburg, project, settings):
    settings.SITE_OPERATOR = {
        **settings.SITE_OPERATOR,
        "email": "dossier@uni-leipzig.example",
        "phone": "+49 341 97-12345",
    }

    page = english.get(project_url(project)).content.decode()

    assert 'href="mailto:dossier@uni-leipzig.example"' in page
    assert "+49 341 97-12345" in page


@pytest.mark.django_db
def test_the_legend_explains_every_stage(english, eilenburg, project, town_eilenburg):
    page = english.get(town_url(town_eilenburg, project.round)).content.decode()

    legend = page[page.index('id="legend"') : page.index('id="figures"')]
    for stage in standings.STAGES:
        assert f"<strong>{stage.label}</strong>: {escape(stage.description)}" in legend
    assert 'href="#legend"' in page  # in the table of contents
    assert page.index('id="toc-heading"') < page.index('id="legend"')


@pytest.mark.django_db
def test_the_overview_groups_by_project_with_addressee_and_next_date(
    english, eilenburg, project, town_eilenburg
):
    second = team_project(town_eilenburg, title="Aaa Radwege")
    Project.objects.filter(pk=second.pk).update(round=project.round)
    RecommendationFactory(
        project=second,
        round=project.round,
        title="Aaa Fahrradstraße",
        status=S.RECEIVED,
        addressee_name="Ordnungsamt",
        first_answer_due=dt.date(2026, 5, 4),
    )

    page = english.get(town_url(town_eilenburg, project.round)).content.decode()

    table = page[page.index('class="kern-table kern-table--small rc-overview"') :]
    table = table[: table.index("</table>")]
    for header in ("Addressed to", "Decision / next date", "Implementation progress"):
        assert f">{header}</th>" in table
    assert ">Implemented</th>" not in table
    # By project (projects by title), not by the recommendations' titles.
    groups = re.findall(r'scope="rowgroup"[^>]*>([^<]+)<', table)
    assert groups == ["Aaa Radwege", project.title, "Accompanying research"]
    assert table.index("Aaa Fahrradstraße") < table.index("Kataster der leeren Laeden")
    assert table.index("Kataster der leeren Laeden") < table.index("Parkhaus am Markt")
    assert "Ordnungsamt" in table
    assert 'First answer due: <time datetime="2026-05-04">' in table
    assert "Rejected, <time" in table  # the decision and its date


@pytest.mark.django_db
def test_the_median_counts_days_and_decisions(english, project):
    handed = timezone.now() - dt.timedelta(days=3)
    recommendation = RecommendationFactory(
        project=project, status=S.ADOPTED, decided_on=timezone.localdate(handed) + dt.timedelta(1)
    )
    RecommendationEventFactory(
        recommendation=recommendation, action="hand_over", to_status=S.HANDED_OVER, at=handed
    )
    RecommendationEventFactory(
        recommendation=recommendation,
        action="adopt",
        to_status=S.ADOPTED,
        at=handed + dt.timedelta(days=1),
        data={"decided_on": recommendation.decided_on.isoformat()},
    )

    page = english.get(project_url(project)).content.decode()

    assert "From the hand-over to the decision took 1 day (median)." in page
    assert "The median rests on 1 decision." in page


@pytest.mark.django_db
def test_the_town_dossier_asks_no_more_queries_for_more_projects(
    client, eilenburg, project, town_eilenburg, officer_eilenburg
):
    url = town_url(town_eilenburg, project.round)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    anonymous = queries()
    client.force_login(officer_eilenburg)
    signed_in = queries()
    client.logout()
    for number in range(3):
        more = team_project(town_eilenburg, title=f"Projekt {number}")
        Project.objects.filter(pk=more.pk).update(round=project.round)
        RecommendationFactory(project=more, round=project.round, status=S.RECEIVED)

    assert queries() == anonymous
    # A signed-in person's roles are looked up once per project (at most four small queries,
    # kept on the project instance for the three predicates the dossier asks).
    client.force_login(officer_eilenburg)
    assert queries() <= signed_in + 3 * 4


# --- the PDF, on paper and from the cache ---------------------------------------------------


@needs_poppler
@pytest.mark.django_db
def test_the_pdf_prints_addresses_and_the_contact(english, eilenburg, project, tmp_path, settings):
    settings.SITE_OPERATOR = {**settings.SITE_OPERATOR, "email": "dossier@uni-leipzig.example"}

    content = english.get(project_url(project, pdf=True)).content

    text = pdf_text(content, tmp_path)
    online = f"{settings.SITE_URL}{eilenburg['adopted'].get_absolute_url()}"
    assert f"Follow it online: {online}" in text
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_info(content, tmp_path)).group(1))
    assert pages > 1
    assert text.count("dossier@uni-leipzig.example") == pages + 1  # every footer and the cover


@pytest.fixture
def rendered(monkeypatch):
    """Counts the PDFs rendered (a stand-in for WeasyPrint) and starts from an empty cache."""
    cache.clear()
    calls: list[str] = []

    def fake(html: str) -> bytes:
        calls.append(html)
        return f"%PDF fake {len(calls)}".encode()

    monkeypatch.setattr(dossier, "render_pdf", fake)
    yield calls
    cache.clear()


@pytest.mark.django_db
def test_the_public_pdf_comes_from_the_cache_until_something_changes(
    client, eilenburg, project, town_eilenburg, rendered
):
    url = town_url(town_eilenburg, project.round, pdf=True)

    first = client.get(url).content
    assert client.get(url).content == first
    assert len(rendered) == 1

    recommendation = eilenburg["adopted"]
    recommendation.progress = 60
    recommendation.save()
    second = client.get(url).content

    assert len(rendered) == 2
    assert second != first
    assert client.get(url).content == second
    ImplementationMilestone.objects.filter(recommendation=recommendation).update(
        progress=80, updated_at=timezone.now()
    )
    client.get(url)
    assert len(rendered) == 3


@pytest.mark.django_db
def test_a_signed_in_viewers_pdf_is_not_cached(
    client, eilenburg, project, officer_eilenburg, rendered
):
    client.force_login(officer_eilenburg)
    url = project_url(project, pdf=True)

    client.get(url)
    client.get(url)

    assert len(rendered) == 2
    assert "Verhandlung mit dem Eigentuemer" in rendered[0]  # confidential: never cached
