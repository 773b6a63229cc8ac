"""The transfer dossier: what came out of a project (or of all projects of a town in a round) and
where each of its recommendations stands, as a printable page and as a tagged PDF (PDF/UA-1)
to hand to a town council. Where a single recommendation stands (`standing`) lives in
standing.py and is re-exported here.

Everything is scoped to the viewer: a confidential recommendation appears only in the dossier
of someone who may see it (`selectors.visible_to`), the team's names only for those who may see
the team, the results text of a non-public challenge and the deliverables only for the people of
the workspace (and coordinators), links to evidence documents only for those who may open them.
Drafts never appear: a dossier shows what has reached the partner.

Rendering a PDF takes seconds, so the public one (of an anonymous visitor) is kept in the cache,
keyed by the dossier, the latest change of what it shows and a digest of its HTML: any change
makes a new PDF. Dossiers of signed-in people are rendered each time (they may differ per person).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.challenges.models import TopicField
from transferraum.challenges.selectors import public_text
from transferraum.projects.models import Assignment, Document, Project, Round
from transferraum.projects.permissions import can_see_results, can_see_team, can_view_workspace
from transferraum.recommendations.figures import Figures, facts_load, summarise
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
    RecommendationQuerySet,
)
from transferraum.recommendations.selectors import evidence_ordered, visible_to
from transferraum.recommendations.standing import LegendItem, Standing, legend, standing
from transferraum.recommendations.workflow import DECISION_ACTIONS
from transferraum.regions.models import Municipality

__all__ = [
    "Dossier",
    "Entry",
    "ProjectPart",
    "decision_label",
    "pdf_of",
    "public_pdf",
    "project_dossier",
    "render_pdf",
    "town_dossier",
    "town_projects",
]

S = Recommendation.Status

# --- the dossier ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """A document of the project the recommendation rests on; `url` (its newest version) only
    for those who may open the workspace's files, else the title alone."""

    title: str
    category: str  # the kind, in words
    url: str


@dataclass(frozen=True)
class Entry:
    """A recommendation as the dossier shows it."""

    recommendation: Recommendation
    standing: Standing
    handed_over_on: date | None
    decision: str  # adopted, adopted with changes or rejected, in words; "" while undecided
    milestones: list[ImplementationMilestone]
    evidence: list[Evidence]
    next_label: str  # what comes next with a date: a meeting, the first answer, a milestone
    next_date: date | None

    @property
    def responsible(self) -> str:
        r = self.recommendation
        return str(r.responsible_person) if r.responsible_person else r.responsible_name


@dataclass(frozen=True)
class Access:
    """What the viewer may see of one project."""

    team: bool
    workspace: bool
    results: bool


@dataclass(frozen=True)
class ProjectPart:
    project: Project
    challenge_text: str  # Markdown: what everybody may read of the challenge
    topics: list[TopicField]
    team: list[Assignment] | None  # the names, for those who may see the team
    team_size: int
    programmes: list[str]
    supervisors: list[User]
    show_summary: bool  # the public summary, once completed (always for the workspace)
    show_results: bool  # the results text: as the summary, and only where `can_see_results`
    results_note: str  # why no result is shown ("" when one is)
    deliverables: list[Document] | None  # for the people of the workspace
    recommendations: list[Entry]

    @property
    def anchor(self) -> str:
        return f"project-{self.project.pk}"


@dataclass(frozen=True)
class OverviewGroup:
    heading: str  # the project, or the accompanying research; "" in a project's dossier
    entries: list[Entry]


@dataclass(frozen=True)
class Dossier:
    title: str
    municipality: Municipality | None
    round: Round
    projects: list[ProjectPart]
    research: list[Entry]  # recommendations of the accompanying research (no project)
    figures: Figures
    created_on: date
    file_name: str
    is_town: bool

    @property
    def entries(self) -> list[Entry]:
        return [e for part in self.projects for e in part.recommendations] + self.research

    @property
    def overview(self) -> list[OverviewGroup]:
        """The overview table's rows by project, then the accompanying research; a town's
        dossier heads each group with its project, a project's has one group without."""
        groups = [
            OverviewGroup(part.project.title if self.is_town else "", part.recommendations)
            for part in self.projects
            if part.recommendations
        ]
        if self.research:
            groups.append(OverviewGroup(_("Accompanying research"), self.research))
        return groups

    @property
    def has_confidential(self) -> bool:
        return any(e.recommendation.confidential for e in self.entries)

    @property
    def median_days(self) -> int | None:
        """The median days from hand-over to decision, in whole days."""
        days = self.figures.median_days_to_decision
        return None if days is None else round(days)

    @property
    def legend(self) -> list[LegendItem]:
        return legend()


def _handed_over(queryset: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    return queryset.exclude(status__in=Recommendation.PREPARATION_STATUSES)


def decision_label(recommendation: Recommendation, decision_status: str | None) -> str:
    """The decision in words (adopted, with changes, rejected), also once the implementation
    has begun; `decision_status` is the status the decision led to, from the history."""
    if recommendation.decided_on is None:
        return ""
    status = decision_status or recommendation.status
    if status in (S.ADOPTED, S.ADOPTED_WITH_CHANGES, S.REJECTED):
        return str(S(status).label)
    # Implementing without a recorded decision event (imported data): adopted in some form.
    return str(S.ADOPTED.label) if recommendation.is_adopted else ""


def _next(
    recommendation: Recommendation, milestones: list[ImplementationMilestone], today: date
) -> tuple[str, date | None]:
    """What comes next with a date: the meeting on whose agenda it is, else the first answer
    owed, else the next milestone of the implementation."""
    r = recommendation
    if r.status in (S.ON_AGENDA, S.DEFERRED) and r.agenda_date and r.agenda_date >= today:
        return pgettext("of a council or committee", "Meeting"), r.agenda_date
    if r.status in Recommendation.AWAITING_DECISION_STATUSES and r.first_answer_due:
        return pgettext("before a date", "First answer due"), r.first_answer_due
    if r.status in Recommendation.MILESTONE_STATUSES:
        due = [m.due for m in milestones if not m.done and m.due is not None]
        if due:
            return _("Next milestone"), min(due)
    return "", None


def _evidence(document: Document, open_projects: Collection[int]) -> Evidence:
    versions = list(document.versions.all())
    url = ""
    if versions and document.project_id in open_projects:
        url = reverse(
            "projects:workspace-document-download",
            args=[document.project_id, document.pk, versions[0].number],
        )
    return Evidence(str(document.title), str(document.get_category_display()), url)


def _entries(
    recommendations: QuerySet[Recommendation], open_projects: Collection[int]
) -> list[Entry]:
    """Entries with their milestones, evidence, the day of the hand-over and the decision (four
    more queries); documents link only into the workspaces in `open_projects`."""
    items = list(
        recommendations.select_related("responsible_person")
        .prefetch_related(
            Prefetch("milestones", queryset=ImplementationMilestone.objects.order_by("due", "pk")),
            Prefetch("evidence", queryset=evidence_ordered(Document.objects.all())),
        )
        .order_by("title", "pk")
    )
    handed_over: dict[int, date] = {}
    decided: dict[int, str] = {}
    for event in RecommendationEvent.objects.filter(
        recommendation_id__in=[r.pk for r in items], action__in=("hand_over", *DECISION_ACTIONS)
    ).order_by("at", "pk"):
        if event.action == "hand_over":
            handed_over.setdefault(event.recommendation_id, timezone.localdate(event.at))
        else:
            decided[event.recommendation_id] = event.to_status  # the latest decision counts
    today = timezone.localdate()
    entries = []
    for r in items:
        milestones = list(r.milestones.all())
        next_label, next_date = _next(r, milestones, today)
        entries.append(
            Entry(
                recommendation=r,
                standing=standing(r),
                handed_over_on=handed_over.get(r.pk),
                decision=decision_label(r, decided.get(r.pk)),
                milestones=milestones,
                evidence=[_evidence(d, open_projects) for d in r.evidence.all()],
                next_label=next_label,
                next_date=next_date,
            )
        )
    return entries


def _figures(recommendations: QuerySet[Recommendation]) -> Figures:
    return summarise(facts_load(cast(RecommendationQuerySet, recommendations)))


def _projects() -> QuerySet[Project]:
    published = Assignment.objects.filter(round__published_at__isnull=False)
    return (
        Project.objects.select_related(
            "round", "format", "challenge__organisation", "challenge__municipality"
        )
        .prefetch_related(
            "challenge__topics",
            Prefetch("supervisors", queryset=User.objects.order_by("name", "email")),
            Prefetch(
                "assignments",
                queryset=published.select_related("student__study_programme").order_by(
                    "student__name", "student__email"
                ),
            ),
            Prefetch(
                "documents",
                queryset=Document.objects.filter(category__in=Document.DELIVERABLES).order_by(
                    "category", "title"
                ),
            ),
        )
        .defer("challenge__municipality__boundary")
    )


def _access(user: Viewer, project: Project) -> Access:
    """The predicates ask `roles_for`, which keeps the roles on this project instance: the
    roles are looked up once per project (none for an anonymous visitor)."""
    return Access(
        team=can_see_team(user, project),
        workspace=can_view_workspace(user, project),
        results=can_see_results(user, project),
    )


def _part(project: Project, access: Access, recommendations: list[Entry]) -> ProjectPart:
    team = list(project.assignments.all())
    programmes = sorted(
        {str(a.student.study_programme.name) for a in team if a.student.study_programme}
    )
    show_summary = access.workspace or project.status == Project.Status.COMPLETED
    show_results = show_summary and access.results
    if (show_summary and project.public_summary) or (show_results and project.results):
        results_note = ""
    elif show_summary and project.results:
        results_note = _("The results of this project are not public.")
    else:
        results_note = _("The team has not published results yet.")
    return ProjectPart(
        project=project,
        challenge_text=public_text(project.challenge),
        topics=list(project.challenge.topics.all()),
        team=team if access.team else None,
        team_size=len(team),
        programmes=programmes,
        supervisors=list(project.supervisors.all()),
        show_summary=show_summary,
        show_results=show_results,
        results_note=results_note,
        deliverables=list(project.documents.all()) if access.workspace else None,
        recommendations=recommendations,
    )


def _visible(user: Viewer) -> QuerySet[Recommendation]:
    return _handed_over(visible_to(user)).defer("municipality__boundary")


def project_dossier(user: Viewer, project: Project) -> Dossier:
    """The dossier of one project for `user` (who may see the project)."""
    project = _projects().get(pk=project.pk)
    access = _access(user, project)
    recommendations = _visible(user).filter(project=project)
    entries = _entries(recommendations, {project.pk} if access.workspace else ())
    challenge = project.challenge
    return Dossier(
        title=_("Transfer dossier: %(project)s") % {"project": project.title},
        municipality=challenge.municipality,
        round=project.round,
        projects=[_part(project, access, entries)],
        research=[],
        figures=_figures(recommendations),
        created_on=timezone.localdate(),
        file_name=f"transferdossier-projekt-{project.pk}.pdf",
        is_town=False,
    )


def town_projects(municipality: Municipality, round: Round) -> QuerySet[Project]:
    """The projects of `round` on challenges in `municipality` (the challenge's town, else its
    organisation's), except those that did not take place."""
    return (
        _projects()
        .filter(round=round)
        .filter(
            Q(challenge__municipality=municipality)
            | Q(
                challenge__municipality__isnull=True,
                challenge__organisation__municipality=municipality,
            )
        )
        .exclude(status=Project.Status.CLOSED)
        .order_by("title", "pk")
    )


def town_dossier(user: Viewer, municipality: Municipality, round: Round) -> Dossier:
    """The dossier of a town and a round: every project with its recommendations, and those of
    the accompanying research for the town."""
    projects = list(town_projects(municipality, round))
    access = {project.pk: _access(user, project) for project in projects}
    recommendations = _visible(user).filter(municipality=municipality, round=round)
    entries = _entries(recommendations, {pk for pk, a in access.items() if a.workspace})
    by_project: dict[int | None, list[Entry]] = {}
    for entry in entries:
        by_project.setdefault(entry.recommendation.project_id, []).append(entry)
    return Dossier(
        title=_("Transfer dossier: %(town)s, %(round)s")
        % {"town": municipality.name, "round": round.name},
        municipality=municipality,
        round=round,
        projects=[
            _part(project, access[project.pk], by_project.get(project.pk, []))
            for project in projects
        ],
        research=by_project.get(None, []),
        figures=_figures(recommendations),
        created_on=timezone.localdate(),
        file_name=f"transferdossier-{municipality.ags}-runde-{round.pk}.pdf",
        is_town=True,
    )


# --- the PDF --------------------------------------------------------------------------------


def _static_file(name: str) -> bytes:
    """A static file by its name: from the source folders (development, tests), else as
    collected (production, where the names carry a hash)."""
    found = finders.find(name)
    if isinstance(found, str):
        with open(found, "rb") as handle:
            return handle.read()
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as handle:
            return cast(bytes, handle.read())
    raise ValueError(f"No such static file: {name}")


def _static_fetcher() -> Any:
    """A WeasyPrint URL fetcher that serves only the platform's own static files (style sheet
    and fonts): the PDF never reaches out to the network or the file system, whatever address
    a text in the dossier contains."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = urlsplit(url).path
            if not path.startswith(settings.STATIC_URL):
                raise ValueError(f"Not a static file of the platform: {url}")
            name = path.removeprefix(settings.STATIC_URL)
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=_static_file(name), headers={"Content-Type": content_type}
            )

    return StaticFilesFetcher()


def render_pdf(html: str) -> bytes:
    """The dossier's HTML as a tagged PDF/UA-1 document (title, language and headings come from
    the HTML). WeasyPrint is imported here: loading it takes a moment every page does not need."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=_static_fetcher())
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None  # noqa: S101 – without a target WeasyPrint returns the bytes
    return cast(bytes, pdf)


# A day at most: the date of issue changes daily anyway.
PDF_CACHE_SECONDS = 24 * 60 * 60


def pdf_cache_key(dossier: Dossier, html: str) -> str:
    """The dossier (kind, town or project, round: its file name) and a digest of the HTML the
    PDF is made from: any change of what it shows (a status, a milestone, the language, the
    date of issue) changes the HTML and so the key."""
    return _cache_key(dossier.file_name, html)


def _cache_key(file_name: str, html: str) -> str:
    digest = hashlib.sha256(html.encode()).hexdigest()
    return f"recommendations:dossier-pdf:{file_name}:{digest}"


def pdf_of(dossier: Dossier, html: str, *, public: bool) -> bytes:
    """The PDF of `dossier` rendered from `html`. The public one (what anyone may see) is kept
    in the cache; a viewer's own dossier may hold confidential parts and is rendered anew."""
    if not public:
        return render_pdf(html)
    return public_pdf(dossier.file_name, html)


def public_pdf(file_name: str, html: str) -> bytes:
    """A PDF that everyone may read (a public dossier, an impact report), rendered from `html`
    and kept in the cache under its file name and the digest of the HTML."""
    key = _cache_key(file_name, html)
    pdf = cache.get(key)
    if not isinstance(pdf, bytes):
        pdf = render_pdf(html)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf
