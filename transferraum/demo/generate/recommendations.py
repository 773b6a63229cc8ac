"""Recommendations of the teams and of the accompanying research in every state of their
lifecycle, each with the timeline of events that led there (taken from the lifecycle's table),
the fields its steps fill in, and implementation milestones where it is adopted."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from transferraum.actors.models import Organisation
from transferraum.demo.data import generate as data
from transferraum.demo.generate.context import Context, insert
from transferraum.demo.generate.index import index_recommendation
from transferraum.demo.generate.rounds import FinishedProject
from transferraum.projects.models import Project
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)
from transferraum.recommendations.workflow import LIFECYCLE

S = Recommendation.Status

_DECIDED = ("approve", "hand_over", "confirm_receipt", "start_review", "put_on_agenda")
# The steps from a new draft to each status, in order; every step is the lifecycle's.
PATHS: dict[str, tuple[str, ...]] = {
    S.DRAFTED: (),
    S.APPROVED: ("approve",),
    S.HANDED_OVER: ("approve", "hand_over"),
    S.RECEIVED: ("approve", "hand_over", "confirm_receipt"),
    S.UNDER_REVIEW: ("approve", "hand_over", "confirm_receipt", "start_review"),
    S.DEFERRED: ("approve", "hand_over", "confirm_receipt", "start_review", "defer"),
    S.ON_AGENDA: _DECIDED,
    S.ADOPTED: (*_DECIDED, "adopt"),
    S.ADOPTED_WITH_CHANGES: (*_DECIDED, "adopt_with_changes"),
    S.REJECTED: (*_DECIDED, "reject"),
    S.IN_IMPLEMENTATION: (*_DECIDED, "adopt", "start_implementation"),
    S.IMPLEMENTED: (*_DECIDED, "adopt", "start_implementation", "mark_implemented"),
    S.EVALUATED: (*_DECIDED, "adopt", "start_implementation", "mark_implemented", "evaluate"),
}
_STEP_DAYS = 21  # between two steps, on average


def recommendations_generate(ctx: Context, projects: list[FinishedProject]) -> None:
    """`size.recommendations` recommendations, every status at least once; most by teams of
    finished projects, some by the accompanying research."""
    rng = ctx.rng
    statuses = list(PATHS)
    statuses += [rng.choice(list(PATHS)) for _n in range(ctx.size.recommendations - len(statuses))]
    towns = {m.pk: m for m in ctx.municipalities}
    researchers = ctx.researchers or ctx.coordinators
    organisations = list(ctx.organisations)
    for start in range(0, len(statuses), data.BATCH):
        rows: list[
            tuple[Recommendation, list[RecommendationEvent], list[ImplementationMilestone]]
        ] = []
        for status in statuses[start : start + data.BATCH]:
            project = rng.choice(projects) if projects and rng.random() < 0.85 else None
            if project is not None:
                theme = ctx.theme(project.theme)
                organisation, town_pk = project.organisation, project.municipality
                author, approver = project.member, project.supervisor
            else:
                theme = ctx.theme(rng.randrange(len(data.THEMES)))
                organisation = rng.choice(organisations)
                town_pk = ctx.organisations[organisation][3]
                author = approver = rng.choice(researchers)
            town = towns.get(town_pk) if town_pk else None
            subject = rng.choice(theme.subjects)
            kind, addressee = rng.choice(data.ADDRESSEES)
            title = rng.choice(data.RECOMMENDATION_TITLES).format(
                action=rng.choice(data.RECOMMENDATION_ACTIONS), subject=subject
            )
            recommendation = Recommendation(
                project=Project(pk=project.pk, title=project.title) if project else None,
                round_id=project.round if project else None,
                municipality=town,
                written_by_kind=Recommendation.Author.TEAM
                if project
                else Recommendation.Author.RESEARCH,
                created_by_id=author,
                title=title[0].upper() + title[1:200],
                summary=rng.choice(theme.goals),
                rationale=rng.choice(theme.problems).format(
                    subject=subject, town=town.name if town else "der Region"
                ),
                expected_effect=rng.choice(theme.effects),
                cost_min=(low := rng.choice((None, 0, 5_000, 20_000))),
                cost_max=None if low is None else low + rng.choice((5_000, 30_000)),
                effort=rng.choice(list(Recommendation.Effort)),
                addressee_kind=kind,
                addressee_name=addressee,
                addressee_organisation=Organisation(
                    pk=organisation, name=ctx.organisations[organisation][0]
                ),
                confidential=rng.random() < 0.1,
                status=status,
                indicator=theme.indicator,
            )
            events = _story(ctx, recommendation, author, approver, status)
            index_recommendation(recommendation)
            milestones = []
            if status in (*Recommendation.MILESTONE_STATUSES, *Recommendation.IMPLEMENTED_STATUSES):
                for number in range(rng.randint(1, 3)):
                    done = status in Recommendation.IMPLEMENTED_STATUSES or rng.random() < 0.3
                    milestones.append(
                        ImplementationMilestone(
                            title=f"Schritt {number + 1}: {rng.choice(data.MILESTONES)}",
                            due=ctx.today + dt.timedelta(days=rng.randint(-60, 180)),
                            progress=100 if done else rng.choice((0, 25, 50, 75)),
                            done=done,
                        )
                    )
            rows.append((recommendation, events, milestones))
        with transaction.atomic():
            insert(Recommendation, [row[0] for row in rows])
            events = []
            milestones = []
            for recommendation, own_events, own_milestones in rows:
                for event in own_events:
                    event.recommendation = recommendation
                    events.append(event)
                for milestone in own_milestones:
                    milestone.recommendation = recommendation
                    milestones.append(milestone)
            insert(RecommendationEvent, events)
            insert(ImplementationMilestone, milestones)
        ctx.count("recommendations", len(rows))
        ctx.count("recommendation events", len(events))


def _story(
    ctx: Context, recommendation: Recommendation, author: int, approver: int, status: str
) -> list[RecommendationEvent]:
    """The events from the draft to `status`, ending some days before today, and the fields the
    steps fill in (dates, agenda, decision, progress, evaluation)."""
    rng = ctx.rng
    path = PATHS[status]
    partner = ctx.members.get(recommendation.addressee_organisation_id or 0, [None])[0]
    day = -(len(path) + 1) * _STEP_DAYS - rng.randint(3, 60)
    events = [
        RecommendationEvent(
            action="created", from_status="", to_status=S.DRAFTED, actor_id=author, at=ctx.at(day)
        )
    ]
    current: str = S.DRAFTED
    for name in path:
        step = LIFECYCLE[name]
        if current not in step.sources:  # PATHS no longer follows the lifecycle
            raise ValueError(f"{name} does not lead on from {current}")
        day += rng.randint(7, 2 * _STEP_DAYS)
        at = ctx.at(min(day, -1))
        actor = {"approve": approver, "hand_over": author}.get(name, partner)
        target = step.target or current
        events.append(
            RecommendationEvent(
                action=name, from_status=current, to_status=target, actor_id=actor, at=at
            )
        )
        if name == "approve":
            recommendation.approved_by_id, recommendation.approved_at = approver, at
        elif name in ("hand_over", "confirm_receipt"):
            recommendation.first_answer_due = at.date() + dt.timedelta(days=42)
            if name == "confirm_receipt":
                recommendation.responsible_person_id = partner
        elif name == "put_on_agenda":
            recommendation.agenda_body = rng.choice(data.AGENDA_BODIES)
            recommendation.agenda_date = at.date() + dt.timedelta(days=14)
            recommendation.agenda_item = f"TOP {rng.randint(3, 18)}"
        elif name in ("adopt", "adopt_with_changes", "reject"):
            recommendation.decided_on = at.date()
            recommendation.decision_note = rng.choice(data.DECISION_NOTES)
        elif name == "start_implementation":
            recommendation.progress = rng.choice((10, 25, 40, 60))
        elif name == "mark_implemented":
            recommendation.progress = 100
        elif name == "evaluate":
            recommendation.evaluation = "Die Maßnahme wirkt; die Zahlen des Indikators sinken."
            recommendation.indicator_value = f"{rng.randint(10, 30)} → {rng.randint(2, 9)}"
        current = target
    return events
