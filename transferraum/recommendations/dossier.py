"""The transfer dossier: what came out of a project (or of all projects of a town in a round) and
where each of its recommendations stands, as a printable page and as a tagged PDF (PDF/UA-1)
to hand to a town council. Also where a single recommendation stands on its way
(`standing`), which the tracker and the recommendation's page show too.

Everything is scoped to the viewer: a confidential recommendation appears only in the dossier
of someone who may see it (`selectors.visible_to`), the team's names only for those who may see
the team, the deliverables only for the people of the workspace. Drafts never appear: a dossier
shows what has reached the partner.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date
from typing import Any, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.challenges.models import TopicField
from transferraum.challenges.selectors import public_text
from transferraum.projects.models import Assignment, Document, Project, Round
from transferraum.projects.permissions import can_see_team, can_view_workspace
from transferraum.recommendations.figures import Figures, facts_load, summarise
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
    RecommendationQuerySet,
)
from transferraum.recommendations.selectors import visible_to
from transferraum.recommendations.workflow import DECISION_ACTIONS
from transferraum.regions.models import Municipality

S = Recommendation.Status

# --- where a recommendation stands ----------------------------------------------------------

# The way of a recommendation in ten stages; a decision (adopted, with changes, rejected) is one.
STAGES = (
    ("drafted", gettext_lazy("Drafted")),
    ("approved", gettext_lazy("Approved")),
    ("handed_over", gettext_lazy("Handed over")),
    ("received", gettext_lazy("Received")),
    ("under_review", gettext_lazy("Under review")),
    ("on_agenda", gettext_lazy("On the agenda")),
    ("decided", gettext_lazy("Decided")),
    ("in_implementation", gettext_lazy("In implementation")),
    ("implemented", gettext_lazy("Implemented")),
    ("evaluated", gettext_lazy("Evaluated")),
)
STAGE_OF_STATUS: dict[str, int] = {
    S.DRAFTED: 0,
    S.APPROVED: 1,
    S.HANDED_OVER: 2,
    S.RECEIVED: 3,
    S.UNDER_REVIEW: 4,
    S.ON_AGENDA: 5,
    S.DEFERRED: 5,  # waiting for a decision, as on an agenda
    S.ADOPTED: 6,
    S.ADOPTED_WITH_CHANGES: 6,
    S.REJECTED: 6,
    S.IN_IMPLEMENTATION: 7,
    S.IMPLEMENTED: 8,
    S.EVALUATED: 9,
}
AGENDA_STAGE = 5


@dataclass(frozen=True)
class StageStep:
    label: str
    state: str  # done · current · skipped (no agenda was needed) · todo · closed (rejected)


@dataclass(frozen=True)
class Standing:
    status: str
    label: str  # the status in words
    tone: str  # KERN badge modifier; the words say the same, colour is only an aid
    step: int  # 1 … steps
    steps: int
    path: list[StageStep]
    progress: int | None  # implementation progress in percent, once adopted

    @property
    def percent(self) -> int:
        """How far along the way, in percent."""
        return round(100 * self.step / self.steps)


def _tone(status: str) -> str:
    if status in Recommendation.ADOPTED_STATUSES:
        return "success"
    if status == S.REJECTED:
        return "danger"
    if status == S.DEFERRED:
        return "warning"
    if status in Recommendation.PREPARATION_STATUSES:
        return ""
    return "info"


def standing(recommendation: Recommendation) -> Standing:
    """Where the recommendation stands on its way (no queries)."""
    status = recommendation.status
    current = STAGE_OF_STATUS.get(status, 0)
    label = recommendation.get_status_display()
    path = []
    for index, (_key, stage_label) in enumerate(STAGES):
        if index == current:
            path.append(StageStep(label, "current"))
        elif index < current:
            skipped = index == AGENDA_STAGE and recommendation.agenda_date is None
            path.append(StageStep(str(stage_label), "skipped" if skipped else "done"))
        else:
            closed = status == S.REJECTED
            path.append(StageStep(str(stage_label), "closed" if closed else "todo"))
    return Standing(
        status=status,
        label=label,
        tone=_tone(status),
        step=current + 1,
        steps=len(STAGES),
        path=path,
        progress=recommendation.progress if recommendation.is_adopted else None,
    )


# --- the dossier ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A recommendation as the dossier shows it."""

    recommendation: Recommendation
    standing: Standing
    handed_over_on: date | None
    decision: str  # adopted, adopted with changes or rejected, in words; "" while undecided
    milestones: list[ImplementationMilestone]


@dataclass(frozen=True)
class ProjectPart:
    project: Project
    challenge_text: str  # Markdown: what everybody may read of the challenge
    topics: list[TopicField]
    team: list[Assignment] | None  # the names, for those who may see the team
    team_size: int
    programmes: list[str]
    supervisors: list[User]
    show_results: bool
    deliverables: list[Document] | None  # for the people of the workspace
    recommendations: list[Entry]

    @property
    def anchor(self) -> str:
        return f"project-{self.project.pk}"


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
    def has_confidential(self) -> bool:
        return any(e.recommendation.confidential for e in self.entries)


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


def _entries(recommendations: QuerySet[Recommendation]) -> list[Entry]:
    """Entries with their milestones, the day of the hand-over and the decision (two more
    queries)."""
    items = list(
        recommendations.prefetch_related(
            Prefetch("milestones", queryset=ImplementationMilestone.objects.order_by("due", "pk"))
        ).order_by("title", "pk")
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
    return [
        Entry(
            recommendation=r,
            standing=standing(r),
            handed_over_on=handed_over.get(r.pk),
            decision=decision_label(r, decided.get(r.pk)),
            milestones=list(r.milestones.all()),
        )
        for r in items
    ]


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


def _part(user: Any, project: Project, recommendations: list[Entry]) -> ProjectPart:
    team = list(project.assignments.all())
    programmes = sorted(
        {str(a.student.study_programme.name) for a in team if a.student.study_programme}
    )
    workspace = can_view_workspace(user, project)
    return ProjectPart(
        project=project,
        challenge_text=public_text(project.challenge),
        topics=list(project.challenge.topics.all()),
        team=team if can_see_team(user, project) else None,
        team_size=len(team),
        programmes=programmes,
        supervisors=list(project.supervisors.all()),
        show_results=workspace or project.status == Project.Status.COMPLETED,
        deliverables=list(project.documents.all()) if workspace else None,
        recommendations=recommendations,
    )


def _visible(user: Any) -> QuerySet[Recommendation]:
    return _handed_over(visible_to(user)).defer("municipality__boundary")


def project_dossier(user: Any, project: Project) -> Dossier:
    """The dossier of one project for `user` (who may see the project)."""
    project = _projects().get(pk=project.pk)
    recommendations = _visible(user).filter(project=project)
    challenge = project.challenge
    return Dossier(
        title=_("Transfer dossier: %(project)s") % {"project": project.title},
        municipality=challenge.municipality,
        round=project.round,
        projects=[_part(user, project, _entries(recommendations))],
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


def town_dossier(user: Any, municipality: Municipality, round: Round) -> Dossier:
    """The dossier of a town and a round: every project with its recommendations, and those of
    the accompanying research for the town."""
    recommendations = _visible(user).filter(municipality=municipality, round=round)
    entries = _entries(recommendations)
    by_project: dict[int | None, list[Entry]] = {}
    for entry in entries:
        by_project.setdefault(entry.recommendation.project_id, []).append(entry)
    parts = [
        _part(user, project, by_project.get(project.pk, []))
        for project in town_projects(municipality, round)
    ]
    return Dossier(
        title=_("Transfer dossier: %(town)s, %(round)s")
        % {"town": municipality.name, "round": round.name},
        municipality=municipality,
        round=round,
        projects=parts,
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
