"""Loading the demo's recommendations: the teams of the finished round and the accompanying
research hand their results to Eilenburg, Zeitz and the partners, who decide on them and implement
them. The stories themselves are data, in `transferraum.demo.data.recommendations`.

`demo_recommendations_load` is called at the end of `demo_load`, after `demo_rounds_load`, and
builds on the finished round ("Sommersemester 2026"): its projects, teams, supervisors, partner
contacts and documents. Unlike the rounds, recommendations are written as a sequence of actions:
every step goes through the recommendation services, taken by the person who would take it, at
the moment it happened. `time_machine` sets the clock for each step (the services check dates
against "today" and the timeline records the time of each step), so the events, the activity
log, the research figures and the reminders tell one story: results handed over in July and
August 2026, committee and council sessions from September to November, implementations that
run into 2027, and the last step a week before the demo's day (DEMO_TODAY). Nobody is notified.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import time_machine
from django.db import transaction

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.demo.data.recommendations import RECOMMENDATIONS, RecommendationSpec, Step
from transferraum.demo.data.rounds import FINISHED_PROJECTS, FINISHED_ROUND
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import Assignment, Document, Project, Round
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services import (
    STEP_SERVICES,
    milestone_add,
    milestone_update,
    recommendation_create,
    recommendation_progress_set,
)
from transferraum.regions.models import Municipality

# Besides the loader's own names, the tables that callers and tests read through this module.
__all__ = ["RECOMMENDATIONS", "RecommendationSpec", "Step", "demo_recommendations_load"]


# --- Writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecommendationsReport:
    """The demo's recommendations after a run; `created` counts the ones this run added."""

    recommendations: int
    statuses: int  # how many different statuses they are in
    confidential: int
    created: int


@dataclass
class _Context:
    round: Round
    projects: dict[str, Project]
    teams: dict[str, list[User]]  # by project title, ordered by e-mail
    supervisors: dict[str, list[User]]  # by project title, in the order of the round's table
    people: dict[str, User]
    organisations: dict[str, Organisation]
    documents: dict[tuple[int, str], Document]
    municipalities: dict[str, Municipality]


@transaction.atomic
def demo_recommendations_load() -> RecommendationsReport:
    """Add the recommendations of the finished round; idempotent.

    Rules: runs after `demo_rounds_load`; without the finished round it does nothing. A
    recommendation is found by its title among the finished round's; one that exists is left as
    it is (whatever happened to it since), a missing one is written and taken through its story,
    each step by its person through the services at its time. A spec whose project, team,
    person, organisation or document is missing, or whose story the services refuse (the demo
    was changed since), is left out, written whole or not at all. Nobody is notified.
    """
    round = Round.objects.filter(name=FINISHED_ROUND).first()
    if round is None:
        return RecommendationsReport(recommendations=0, statuses=0, confidential=0, created=0)
    existing = set(Recommendation.objects.filter(round=round).values_list("title", flat=True))
    missing = [spec for spec in RECOMMENDATIONS if spec.title not in existing]
    created = 0
    if missing:
        context = _context(round)
        with notifications_suppressed():
            for spec in missing:
                if not _playable(spec, context):
                    continue
                try:
                    with transaction.atomic():
                        _play(spec, context)
                except (DomainError, PermissionDenied):
                    # Someone changed the demo since (a team, a membership): leave this one out
                    # rather than fail the whole demo.
                    continue
                created += 1
    recommendations = Recommendation.objects.filter(round=round)
    return RecommendationsReport(
        recommendations=recommendations.count(),
        statuses=len(set(recommendations.values_list("status", flat=True))),
        confidential=recommendations.filter(confidential=True).count(),
        created=created,
    )


def _emails_of(spec: RecommendationSpec) -> set[str]:
    """The e-mail addresses of the people a spec names (team members and supervisors aside)."""
    keys = {spec.author, spec.responsible, *(s.by for s in spec.steps)}
    keys |= {s.data["responsible_person"] for s in spec.steps if "responsible_person" in s.data}
    return {key for key in keys if "@" in key}


def _context(round: Round) -> _Context:
    projects = {
        project.title: project
        for project in Project.objects.filter(round=round).select_related("challenge")
    }
    teams: dict[str, list[User]] = {}
    for assignment in (
        Assignment.objects.filter(round=round, project__isnull=False)
        .select_related("student", "project")
        .order_by("student__email")
    ):
        if assignment.project is not None:
            teams.setdefault(assignment.project.title, []).append(assignment.student)
    supervisor_emails = {w.project.title: w.project.supervisors for w in FINISHED_PROJECTS}
    lecturers = {
        user.email: user
        for user in User.objects.filter(
            email__in={e for emails in supervisor_emails.values() for e in emails}
        )
    }
    organisations = {spec.addressee_organisation for spec in RECOMMENDATIONS}
    return _Context(
        round=round,
        projects=projects,
        teams=teams,
        supervisors={
            title: [lecturers[e] for e in emails if e in lecturers]
            for title, emails in supervisor_emails.items()
        },
        people={
            user.email: user
            for user in User.objects.filter(
                email__in=set().union(*(_emails_of(spec) for spec in RECOMMENDATIONS))
            )
        },
        organisations={o.name: o for o in Organisation.objects.filter(name__in=organisations)},
        documents={
            (document.project_id, document.title): document
            for document in Document.objects.filter(project__in=projects.values())
        },
        municipalities={
            m.ags: m
            for m in Municipality.objects.filter(
                ags__in={spec.municipality for spec in RECOMMENDATIONS if spec.municipality}
            )
        },
    )


def _playable(spec: RecommendationSpec, context: _Context) -> bool:
    """Everything the story needs exists (the demo may have been loaded partly or changed)."""
    if spec.project and (
        spec.project not in context.projects
        or not context.teams.get(spec.project)
        or not context.supervisors.get(spec.project)
    ):
        return False
    if spec.municipality and spec.municipality not in context.municipalities:
        return False
    if spec.project and any(
        (context.projects[spec.project].pk, title) not in context.documents
        for title in spec.evidence
    ):
        return False
    return spec.addressee_organisation in context.organisations and _emails_of(spec) <= set(
        context.people
    )


def _person(key: str, spec: RecommendationSpec, context: _Context) -> User:
    if key.startswith("m") and key[1:].isdecimal():
        team = context.teams[spec.project]
        return team[int(key[1:]) % len(team)]
    if key in ("sup", "sup2"):
        supervisors = context.supervisors[spec.project]
        return supervisors[min(int(key == "sup2"), len(supervisors) - 1)]
    return context.people[key]


def _play(spec: RecommendationSpec, context: _Context) -> Recommendation:
    """Write the recommendation and take it through its steps, each at its time."""
    project = context.projects.get(spec.project) if spec.project else None
    data: dict[str, Any] = {
        "title": spec.title,
        "summary": spec.summary,
        "rationale": spec.rationale,
        "expected_effect": spec.expected_effect,
        "cost_min": spec.cost[0] if spec.cost else None,
        "cost_max": spec.cost[1] if spec.cost else None,
        "effort": spec.effort,
        "effort_days_min": spec.effort_days[0] if spec.effort_days else None,
        "effort_days_max": spec.effort_days[1] if spec.effort_days else None,
        "evidence_links": [{"title": title, "url": url} for title, url in spec.links],
        "addressee_kind": spec.addressee_kind,
        "addressee_name": spec.addressee_name,
        "addressee_organisation": context.organisations[spec.addressee_organisation],
        "confidential": spec.confidential,
    }
    if spec.responsible:
        data["responsible_person"] = context.people[spec.responsible]
    if project is None:
        data["round"] = context.round
        data["municipality"] = context.municipalities[spec.municipality]
    evidence = (
        [context.documents[(project.pk, title)] for title in spec.evidence] if project else []
    )
    with time_machine.travel(spec.written, tick=False):
        recommendation = recommendation_create(
            actor=_person(spec.author, spec, context),
            data=data,
            project=project,
            evidence=evidence,
        )
    for each in spec.steps:
        with time_machine.travel(each.when, tick=False):
            recommendation = _take(each, recommendation, spec, context)
    return recommendation


def _take(
    each: Step, recommendation: Recommendation, spec: RecommendationSpec, context: _Context
) -> Recommendation:
    actor = _person(each.by, spec, context)
    if each.action == "milestone":
        milestone_add(actor=actor, recommendation=recommendation, **each.data)
    elif each.action == "milestone_update":
        milestone_update(
            actor=actor,
            milestone=recommendation.milestones.get(title=each.data["title"]),
            progress=each.data["progress"],
        )
    elif each.action == "progress":
        recommendation_progress_set(
            actor=actor, recommendation=recommendation, progress=each.data["progress"]
        )
    else:
        data = dict(each.data)
        if "responsible_person" in data:
            data["responsible_person"] = context.people[data["responsible_person"]]
        return STEP_SERVICES[each.action](
            actor=actor,
            recommendation=recommendation,
            note=each.note,
            **data,
        )
    return recommendation
