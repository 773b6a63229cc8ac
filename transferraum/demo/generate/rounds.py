"""Rounds of practice projects in every phase, from preparation to closed: projects drawn from
the board's challenges, applications with rankings, and for the allocated rounds a finished run,
the teams (assignments with the engine's explanation) and the workspaces' milestones.

The teams come from a greedy pass in ranking order, not from the engine: a generator that ran
the engine on ten rounds of 5,000 students would measure the engine, not make data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from transferraum.actors.models import Organisation
from transferraum.allocation.explain import message
from transferraum.challenges.models import Challenge
from transferraum.demo.data import generate as data
from transferraum.demo.generate.context import Context, chunks, insert
from transferraum.demo.generate.index import index_project
from transferraum.projects.models import (
    AllocationRun,
    Application,
    Assignment,
    Choice,
    Milestone,
    Project,
    Round,
)

Phase = Round.Phase
P = Project.Status


@dataclass(frozen=True)
class FinishedProject:
    """What recommendations need of a project whose team worked on it."""

    pk: int
    round: int
    organisation: int
    municipality: int | None
    theme: int
    title: str
    supervisor: int
    member: int


def round_phases(count: int) -> list[str]:
    """Oldest first: closed rounds, then one round in each later phase, the newest preparing."""
    later: list[str] = [
        Phase.PRESENTATION,
        Phase.WORK,
        Phase.ALLOCATION,
        Phase.APPLICATIONS,
        Phase.PREPARATION,
    ]
    later = later[max(0, len(later) - count) :] if count < len(later) else later
    return [Phase.CLOSED] * (count - len(later)) + later


# Days from today: applications open, applications close, work starts, presentation, end
_DATES: dict[str, tuple[int, int, int, int, int]] = {
    Phase.PREPARATION: (30, 51, 70, 170, 180),
    Phase.APPLICATIONS: (-7, 14, 35, 135, 145),
    Phase.ALLOCATION: (-30, -3, 14, 114, 124),
    Phase.WORK: (-80, -59, -40, 60, 70),
    Phase.PRESENTATION: (-140, -119, -100, 2, 10),
}
_CHALLENGE_STATUS: dict[str, str] = {
    Phase.CLOSED: Challenge.Status.COMPLETED,
    Phase.PRESENTATION: Challenge.Status.IN_PROGRESS,
    Phase.WORK: Challenge.Status.IN_PROGRESS,
}
_ALLOCATED = (Phase.ALLOCATION, Phase.WORK, Phase.PRESENTATION, Phase.CLOSED)
_PUBLISHED = (Phase.WORK, Phase.PRESENTATION, Phase.CLOSED)


def rounds_generate(ctx: Context) -> list[FinishedProject]:
    """Every round with its projects, applications and teams; returns the projects whose teams
    worked (for the recommendations)."""
    finished: list[FinishedProject] = []
    phases = round_phases(ctx.size.rounds)
    closed_before = phases.count(Phase.CLOSED)
    used: dict[str, int] = {}
    for number, phase in enumerate(phases):
        if phase == Phase.CLOSED:
            back = (closed_before - number) * 182 + 150
            dates = (-back - 21, -back, -back + 21, -back + 120, -back + 130)
        else:
            dates = _DATES[phase]
        worked = _round_generate(ctx, number, phase, dates, used)
        if phase == Phase.WORK and worked:
            ctx.team_member = worked[0].member
        finished += worked
    return finished


def _round_generate(
    ctx: Context, number: int, phase: str, dates: tuple[int, ...], used: dict[str, int]
) -> list[FinishedProject]:
    opens, closes, work, presentation, ends = dates
    opens_at = ctx.at(opens)
    semester = data.SEMESTERS[(ctx.today + dt.timedelta(days=work)).month in range(4, 10)]
    year = (ctx.today + dt.timedelta(days=work)).year
    round = Round.objects.create(
        name=f"{data.ROUND_PREFIX} {number + 1}: {semester} {year}",
        description=f"Praxisprojekte mit Partnern aus der Region im {semester} {year}.",
        phase=phase,
        applications_open_at=opens_at,
        applications_close_at=ctx.at(closes, 23),
        work_starts_on=ctx.today + dt.timedelta(days=work),
        presentation_on=ctx.today + dt.timedelta(days=presentation),
        ends_on=ctx.today + dt.timedelta(days=ends),
        min_choices=5,
        max_choices=10,
        motivation_ranks=2,
        published_at=ctx.at(closes + 5) if phase in _PUBLISHED else None,
        created_by_id=ctx.coordinators[0],
    )
    ctx.count("rounds", 1)
    projects = _projects_generate(ctx, round, phase, used)
    students = ctx.students[number]
    if phase == Phase.PREPARATION or not projects:
        return []
    applicants = students if phase != Phase.APPLICATIONS else students[: int(len(students) * 0.7)]
    rankings = _applications_generate(ctx, round, projects, applicants, opens, closes)
    if phase not in _ALLOCATED:
        return []
    teams = _allocate(ctx, round, projects, rankings, closes)
    return _teams_finish(ctx, round, phase, projects, teams, work)


def _projects_generate(
    ctx: Context, round: Round, phase: str, used: dict[str, int]
) -> list[tuple[Project, int, int]]:
    """Projects of the round, each on a challenge of the status its phase implies; returns each
    project with its supervisor and theme."""
    rng = ctx.rng
    status = _CHALLENGE_STATUS.get(phase, Challenge.Status.PUBLISHED)
    pool = ctx.challenges.get(status, [])
    wanted = min(len(pool), rng.randint(*ctx.size.projects_per_round))
    start = used.get(status, 0)
    picked = [pool[(start + i) % len(pool)] for i in range(wanted)]
    used[status] = start + wanted
    towns = {m.pk: m for m in ctx.municipalities}
    competences = list(ctx.competences.values())
    supervisors = ctx.supervisors or ctx.coordinators
    persona = ctx.personas.get("betreuung@bench.example")
    result: list[tuple[Project, int, int]] = []
    for chunk in chunks(picked):
        rows: list[Any] = []
        for challenge_pk, org, town_pk, theme_index, title in chunk:
            theme = ctx.theme(theme_index)
            town = towns.get(town_pk) if town_pk else None
            challenge = Challenge(
                pk=challenge_pk,
                title=title,
                organisation=Organisation(pk=org, name=ctx.organisations[org][0]),
                municipality=town,
            )
            subject = rng.choice(theme.subjects)
            values = {
                "subject": subject,
                "town": town.name if town else "der Region",
                "organisation": ctx.organisations[org][0],
            }
            completed = phase == Phase.CLOSED
            project = Project(
                round=round,
                challenge=challenge,
                format=ctx.formats[0] if rng.random() < 0.85 else rng.choice(ctx.formats),
                title=title,
                description=rng.choice(data.PROJECT_TASKS).format(**values),
                status=P.OPEN,
                min_team_size=3,
                max_team_size=rng.choice((5, 6, 6, 8)),
                module=rng.choice(data.MODULES),
                ects=rng.choice((5, 10, 10, 15)),
                work_language=rng.choices(list(Project.WorkLanguage), (80, 5, 15))[0],
                site_visit_place=f"{town.name}, {rng.choice(data.LANDMARKS)}" if town else "",
                site_visit_frequency=rng.choice(("einmal im Monat", "zweimal im Semester", "")),
                public_summary=rng.choice(data.SUMMARIES).format(**values) if completed else "",
                results="Bericht, Präsentation und eine Karte der Ergebnisse." if completed else "",
            )
            index_project(project)
            supervisor = [rng.choice(supervisors)]
            if persona and not result and not rows:
                supervisor = [persona]
            rows.append(
                (
                    project,
                    supervisor,
                    ctx.members.get(org, [0])[0],
                    rng.sample(competences, rng.randint(0, 1)),
                    rng.sample(competences, rng.randint(1, 2)),
                    rng.sample(ctx.programmes, rng.randint(0, 2)),
                    theme_index,
                )
            )
        with transaction.atomic():
            insert(Project, [row[0] for row in rows])
            _m2m(Project.supervisors.through, "user_id", [(r[0].pk, s) for r in rows for s in r[1]])
            _m2m(
                Project.partner_contacts.through, "user_id", [(r[0].pk, r[2]) for r in rows if r[2]]
            )
            _m2m(
                Project.required_competences.through,
                "competence_id",
                [(r[0].pk, c.pk) for r in rows for c in r[3]],
            )
            _m2m(
                Project.desired_competences.through,
                "competence_id",
                [(r[0].pk, c.pk) for r in rows for c in r[4]],
            )
            _m2m(
                Project.wanted_programmes.through,
                "studyprogramme_id",
                [(r[0].pk, p.pk) for r in rows for p in r[5]],
            )
        result += [(row[0], row[1][0], row[6]) for row in rows]
        ctx.count("projects", len(rows))
    return result


def _m2m(through: Any, field: str, pairs: list[tuple[int, int]]) -> None:
    insert(
        through,
        [through(**{"project_id": project, field: other}) for project, other in pairs],
    )


def _applications_generate(
    ctx: Context,
    round: Round,
    projects: list[tuple[Project, int, int]],
    students: list[int],
    opens: int,
    closes: int,
) -> dict[int, list[int]]:
    """One application per student with 5 to 10 ranked projects, some projects far more popular
    than others; returns each student's ranking (project pks)."""
    rng = ctx.rng
    pks = [project.pk for project, _supervisor, _theme in projects]
    rng.shuffle(pks)
    cumulative, total = [], 0.0
    for position in range(len(pks)):
        total += 1 / (position + 1) ** 0.8
        cumulative.append(total)
    rankings: dict[int, list[int]] = {}
    lowest, highest = min(round.min_choices, len(pks)), min(round.max_choices, len(pks))
    span = max(1, (closes - opens) * 24)
    for chunk in chunks(students):
        applications = []
        for student in chunk:
            wanted = rng.randint(lowest, highest)
            ranking: dict[int, None] = {}
            while len(ranking) < wanted:
                for pk in rng.choices(pks, cum_weights=cumulative, k=wanted - len(ranking)):
                    ranking[pk] = None
            rankings[student] = list(ranking)
            submitted = ctx.at(opens) + dt.timedelta(hours=rng.randrange(span))
            applications.append(
                Application(round=round, student_id=student, submitted_at=submitted)
            )
        with transaction.atomic():
            insert(Application, applications)
            choices = [
                Choice(
                    application=application,
                    project_id=pk,
                    rank=rank,
                    motivation=rng.choice(data.MOTIVATIONS)
                    if rank <= round.motivation_ranks
                    else "",
                )
                for application in applications
                for rank, pk in enumerate(rankings[application.student_id], start=1)
            ]
            insert(Choice, choices)
        ctx.count("applications", len(applications))
        ctx.count("choices", len(choices))
    return rankings


def _explanation(ranking: list[int], rank: int) -> list[dict[str, Any]]:
    """The stored form of the engine's explanation: the choice the student got, and why not the
    higher ones (their places went to students who ranked them at least as high)."""
    entries = []
    for number, project in enumerate(ranking[:rank], start=1):
        kind = "assigned" if number == rank else "full_higher"
        params, texts = message(kind, rank=rank) if kind == "assigned" else message(kind)
        entries.append(
            {
                "project": str(project),
                "rank": number,
                "kind": kind,
                "text": texts["de"],
                "params": params,
                "texts": texts,
            }
        )
    return [entries[-1], *entries[:-1]]


def _allocate(
    ctx: Context,
    round: Round,
    projects: list[tuple[Project, int, int]],
    rankings: dict[int, list[int]],
    closes: int,
) -> dict[int, list[int]]:
    """Teams by a greedy pass (students in a random order take their best choice with a place
    left), stored as the round's finished first run and its assignments."""
    rng = ctx.rng
    capacity = {project.pk: project.max_team_size for project, _s, _t in projects}
    # One project does not take place (its partner withdrew): it takes nobody.
    capacity[projects[-1][0].pk] = 0
    order = list(rankings)
    rng.shuffle(order)
    teams: dict[int, list[int]] = {pk: [] for pk in capacity}
    placed: dict[int, tuple[int | None, int | None]] = {}
    for student in order:
        placed[student] = (None, None)
        for rank, pk in enumerate(rankings[student], start=1):
            if len(teams[pk]) < capacity[pk]:
                teams[pk].append(student)
                placed[student] = (pk, rank)
                break
    profile = Counter(rank for _pk, rank in placed.values() if rank)
    started = ctx.at(closes + 1, 8)
    run = AllocationRun.objects.create(
        round=round,
        number=1,
        started_by_id=ctx.coordinators[0],
        status=AllocationRun.Status.DONE,
        progress=100,
        progress_note="Fertig",
        objective=round.objective,
        seed=ctx.seed,
        instance={},
        result={
            "assignment": {str(s): str(pk) for s, (pk, _r) in placed.items() if pk},
            "unassigned": [],
            "closed_projects": [],
            "profile": [profile.get(rank, 0) for rank in range(1, max(profile, default=0) + 1)],
            "objective": float(sum(r for _pk, r in placed.values() if r)),
            "bound": None,
            "gap": None,
            "optimal": False,
            "seconds": 0.0,
            "explanations": {},
            "meta": {"generated": True},
        },
        finished_at=started + dt.timedelta(seconds=30),
    )
    ctx.count("allocation runs", 1)
    for chunk in chunks(order):
        with transaction.atomic():
            insert(
                Assignment,
                [
                    Assignment(
                        round=round,
                        student_id=student,
                        project_id=placed[student][0],
                        rank=placed[student][1],
                        run=run,
                        explanation=(
                            _explanation(rankings[student], placed[student][1] or 0)
                            if placed[student][1]
                            else []
                        ),
                    )
                    for student in chunk
                ],
            )
        ctx.count("assignments", len(chunk))
    return teams


def _teams_finish(
    ctx: Context,
    round: Round,
    phase: str,
    projects: list[tuple[Project, int, int]],
    teams: dict[int, list[int]],
    work: int,
) -> list[FinishedProject]:
    """Project statuses after the allocation, and the workspaces' milestones of the rounds at
    work or done."""
    rng = ctx.rng
    empty = [project.pk for project, _s, _t in projects if not teams[project.pk]]
    Project.objects.filter(pk__in=empty).update(status=P.CLOSED)
    if phase == Phase.ALLOCATION:
        return []
    working = [row for row in projects if teams[row[0].pk]]
    if phase == Phase.CLOSED:
        Project.objects.filter(pk__in=[p.pk for p, _s, _t in working]).update(
            status=P.COMPLETED, completed_at=ctx.at(work + 125)
        )
    else:
        Project.objects.filter(pk__in=[p.pk for p, _s, _t in working]).update(status=P.RUNNING)
    finished = []
    for chunk in chunks(working):
        milestones = []
        for project, supervisor, theme in chunk:
            titles = data.MILESTONES[: rng.randint(3, len(data.MILESTONES))]
            for position, title in enumerate(titles):
                due = ctx.today + dt.timedelta(days=work + 7 + position * 18)
                if due < ctx.today - dt.timedelta(days=7):
                    status = Milestone.Status.DONE
                elif due < ctx.today + dt.timedelta(days=7):
                    status = Milestone.Status.IN_PROGRESS
                else:
                    status = Milestone.Status.PLANNED
                milestones.append(
                    Milestone(
                        project=project,
                        title=title,
                        due_on=due,
                        status=status,
                        created_by_id=teams[project.pk][0],
                    )
                )
            challenge = project.challenge
            finished.append(
                FinishedProject(
                    pk=project.pk,
                    round=round.pk,
                    organisation=challenge.organisation_id,
                    municipality=challenge.municipality_id,
                    theme=theme,
                    title=project.title,
                    supervisor=supervisor,
                    member=teams[project.pk][0],
                )
            )
        with transaction.atomic():
            insert(Milestone, milestones)
        ctx.count("milestones", len(milestones))
    return finished
