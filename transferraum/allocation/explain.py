"""Why each student got what they got, in German and English.

Every text has a stable ``kind`` and ``params`` (for the app's own templates) and the finished
text in both languages (``texts``); ``text``/``reason`` is the one in ``options.language``.
"""

from __future__ import annotations

import dataclasses
import functools
import gettext
import math
import time
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from transferraum.allocation import engine
from transferraum.allocation.io import check_pins
from transferraum.allocation.model import (
    LANGUAGES,
    ClosedProject,
    Explanation,
    Instance,
    InstanceError,
    Pin,
    Project,
    Result,
    Student,
    Unassigned,
)

# kind -> language -> text; params are filled in with str.format.
TEXTS: dict[str, dict[str, str]] = {
    "assigned": {
        "de": "Sie haben Ihren {rank}. Wunsch erhalten.",
        "en": "You got your choice no. {rank}.",
    },
    "excluded": {
        "de": "Sie sind von diesem Projekt ausgeschlossen.",
        "en": "You are excluded from this project.",
    },
    "pinned": {
        "de": "Die Koordination hat Sie fest dem Projekt {pinned} zugeordnet.",
        "en": "The coordination assigned you to project {pinned}.",
    },
    "closed_no_places": {
        "de": "geschlossen: das Projekt hat keine Plätze",
        "en": "closed: the project has no places",
    },
    "closed_not_chosen": {
        "de": "geschlossen: niemand sonst konnte es wählen",
        "en": "closed: no one else could choose it",
    },
    "closed_too_few": {
        "de": "geschlossen: nur {chosen} der {needed} nötigen Studierenden haben es gewählt",
        "en": "closed: only {chosen} of the {needed} needed students chose it",
    },
    "closed_too_few_left": {
        "de": (
            "geschlossen: {chosen} Studierende haben es gewählt, aber nur {left} von ihnen "
            "bekamen keinen besseren Wunsch; nötig sind {needed}"
        ),
        "en": (
            "closed: {chosen} students chose it, but only {left} of them did not get a better "
            "choice; {needed} are needed"
        ),
    },
    "closed_no_competence": {
        "de": "geschlossen: niemand mit der nötigen Kompetenz {competence} hat es gewählt",
        "en": "closed: no one with the required competence {competence} ranked it",
    },
    "closed_no_competence_left": {
        "de": (
            "geschlossen: alle, die es gewählt haben und die Kompetenz {competence} mitbringen, "
            "bekamen einen besseren Wunsch"
        ),
        "en": (
            "closed: everyone who ranked it and has the required competence {competence} got a "
            "better choice"
        ),
    },
    "closed_supervisor_too_small": {
        "de": (
            "geschlossen: die Betreuungskapazität von {supervisor} ({capacity}) reicht nicht "
            "für ein Team von {needed}"
        ),
        "en": (
            "closed: the supervision capacity of {supervisor} ({capacity}) is too small for a "
            "team of {needed}"
        ),
    },
    "closed_supervisor_full": {
        "de": "geschlossen: die Betreuungskapazität von {supervisor} ging an andere Projekte",
        "en": "closed: the supervision capacity of {supervisor} went to other projects",
    },
    "closed_tradeoff": {
        "de": (
            "geschlossen: es zu öffnen, hätte andere Studierende auf einen schlechteren Wunsch "
            "verschoben"
        ),
        "en": "closed: opening it would have moved other students to a worse choice",
    },
    "full_higher": {
        "de": "voll: die Plätze gingen an Studierende, die es mindestens so hoch gewählt haben",
        "en": "full: its places went to students who ranked it at least as high",
    },
    "full_tradeoff": {
        "de": (
            "voll: die Plätze gingen an andere; Ihnen einen davon zu geben, hätte andere "
            "Studierende auf einen schlechteren Wunsch verschoben"
        ),
        "en": (
            "full: its places went to others; giving you one would have moved other students to "
            "a worse choice"
        ),
    },
    "supervisor_full": {
        "de": "Die Betreuungskapazität von {supervisor} war ausgeschöpft.",
        "en": "The supervision capacity of {supervisor} was used up.",
    },
    "needed_min_size": {
        "de": "Ihr Team in {assigned} brauchte Sie, um seine Mindestgröße {min_size} zu erreichen.",
        "en": "Your team in {assigned} needed you to reach its minimum size of {min_size}.",
    },
    "needed_competence": {
        "de": "Ihr Team in {assigned} brauchte Ihre Kompetenz {competence}.",
        "en": "Your team in {assigned} needed your competence {competence}.",
    },
    "tradeoff": {
        "de": "Sie dort zu platzieren, hätte das Gesamtergebnis für andere verschlechtert.",
        "en": "Placing you there would have made the overall result worse for others.",
    },
    "counterfactual": {
        "de": (
            "Ihnen diesen Platz zu geben, hätte {moved} andere Studierende auf einen "
            "schlechteren Wunsch verschoben und {unplaced} ohne Platz gelassen."
        ),
        "en": (
            "Giving you this place would have moved {moved} other students to a worse choice "
            "and left {unplaced} without a place."
        ),
    },
    "counterfactual_free": {
        "de": (
            "Sie hätten diesen Platz bekommen können, ohne jemanden schlechter zu stellen; "
            "bei Gleichstand entschied das Los (Startwert {seed}) oder ein weicher Wunsch."
        ),
        "en": (
            "You could have had this place without moving anyone to a worse choice; the tie "
            "was decided by the lottery (seed {seed}) or a soft wish."
        ),
    },
    "counterfactual_impossible": {
        "de": (
            "Dieser Platz ist unter den festen Regeln (Größen, Kapazitäten, Kompetenzen, "
            "Zuordnungen) für Sie nicht möglich."
        ),
        "en": (
            "This place is not possible for you under the hard rules (sizes, capacities, "
            "competences, pins)."
        ),
    },
    "not_ranked": {
        "de": "Sie haben dieses Projekt nicht gewählt.",
        "en": "You did not rank this project.",
    },
    "unassigned_no_choices": {
        "de": "hat kein Projekt gewählt",
        "en": "ranked no project",
    },
    "unassigned_all_excluded": {
        "de": "ist von allen gewählten Projekten ausgeschlossen",
        "en": "is excluded from every project they ranked",
    },
    "unassigned_all_closed": {
        "de": "alle gewählten Projekte sind geschlossen",
        "en": "every project they ranked closed",
    },
    "unassigned_no_room": {
        "de": (
            "alle gewählten Projekte waren voll oder konnten nur auf Kosten anderer "
            "Studierender aufnehmen"
        ),
        "en": "every project they ranked was full or could only take them at others' expense",
    },
}


# Counted words: TEXTS hold the plural; a number 1 takes the singular chosen by ngettext
# (German and English both use "one" and "other"). kind -> language -> {param: (plural phrase,
# singular phrase)}; the phrase is replaced inside the text before the numbers are filled in.
PLURALS: dict[str, dict[str, dict[str, tuple[str, str]]]] = {
    "closed_too_few_left": {
        "de": {"chosen": ("{chosen} Studierende haben", "{chosen} Person hat")},
        "en": {"chosen": ("{chosen} students chose", "{chosen} student chose")},
    },
    "counterfactual": {
        "de": {"moved": ("{moved} andere Studierende", "{moved} andere Person")},
        "en": {"moved": ("{moved} other students", "{moved} other student")},
    },
}


def render(kind: str, lang: str, params: Mapping[str, Any]) -> str:
    """The text of ``kind`` in ``lang`` with ``params`` filled in (counted words agree)."""
    text = TEXTS[kind][lang]
    for param, (plural, singular) in PLURALS.get(kind, {}).get(lang, {}).items():
        count = params.get(param)
        if isinstance(count, int):
            text = text.replace(plural, gettext.ngettext(singular, plural, count))
    return text.format(**params)


def message(kind: str, **params: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Params and the text of ``kind`` in every language."""
    try:
        texts = _texts(kind, tuple(sorted(params.items())))
    except TypeError:  # an unhashable parameter: render without the cache
        return params, {lang: render(kind, lang, params) for lang in LANGUAGES}
    return params, dict(texts)


@functools.lru_cache(maxsize=8192)
def _texts(kind: str, params: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, str], ...]:
    """The texts of ``kind`` in every language, rendered once per kind and parameters (a
    round of 20,000 students repeats a few hundred distinct texts)."""
    values = dict(params)
    return tuple((lang, render(kind, lang, values)) for lang in LANGUAGES)


def _explanation(
    instance: Instance, project: str, rank: int | None, kind: str, /, **params: Any
) -> Explanation:
    params, texts = message(kind, **params)
    return Explanation(
        project=project,
        text=texts[instance.options.language],
        kind=kind,
        params=params,
        texts=texts,
        rank=rank,
    )


class _Outcome:
    """The assignment seen from every side, for the explanations."""

    def __init__(self, instance: Instance, assignment: Mapping[str, str]) -> None:
        self.instance = instance
        self.assignment = assignment
        self.students = {s.id: s for s in instance.students}
        self.projects = {p.id: p for p in instance.projects}
        self.excluded = {(e.student, e.project) for e in instance.exclusions}
        self.pin_of = {p.student: p.project for p in instance.pins}
        self.members: dict[str, list[str]] = defaultdict(list)
        for sid, pid in assignment.items():
            self.members[pid].append(sid)
        self.capacity = {s.id: s.capacity for s in instance.supervisors}
        self.load: dict[str, int] = defaultdict(int)
        self._worst_rank: dict[str, int] = {}
        for pid, sids in self.members.items():
            for lid in self.projects[pid].supervisors:
                self.load[lid] += len(sids)

    def rank(self, sid: str, pid: str | None) -> int | None:
        return engine.rank_of(self.students[sid], pid)

    def worst_rank(self, pid: str) -> int:
        """The worst rank among the members of ``pid`` (0 without members)."""
        worst = self._worst_rank.get(pid)
        if worst is None:
            worst = max((self.rank(m, pid) or 0 for m in self.members.get(pid, [])), default=0)
            self._worst_rank[pid] = worst
        return worst

    def eligible(self, pid: str) -> list[Student]:
        return [
            s
            for s in self.instance.students
            if pid in s.preferences
            and (s.id, pid) not in self.excluded
            and self.pin_of.get(s.id, pid) == pid
        ]

    def better_elsewhere(self, student: Student, pid: str) -> bool:
        mine = self.assignment.get(student.id)
        if mine is None:
            return False
        own = self.rank(student.id, mine)
        other = self.rank(student.id, pid)
        return own is not None and other is not None and own < other

    def full_supervisor(self, project: Project) -> str | None:
        for lid in project.supervisors:
            if self.load[lid] >= self.capacity[lid]:
                return lid
        return None

    def can_take(self, student: Student, project: Project) -> bool:
        size = len(self.members.get(project.id, []))
        if size + 1 > project.max_size or (student.id, project.id) in self.excluded:
            return False
        if any(self.load[lid] + 1 > self.capacity[lid] for lid in project.supervisors):
            return False
        if size == 0:
            return project.min_size <= 1 and all(
                c in student.competences for c in project.required_competences
            )
        return True


def _closed_reason(out: _Outcome, project: Project) -> tuple[str, dict[str, Any]]:
    eligible = out.eligible(project.id)
    if project.max_size == 0:
        return "closed_no_places", {}
    if not eligible:
        return "closed_not_chosen", {}
    if len(eligible) < project.min_size:
        return "closed_too_few", {"chosen": len(eligible), "needed": project.min_size}
    for c in project.required_competences:
        if not any(c in s.competences for s in eligible):
            return "closed_no_competence", {"competence": c}
    for lid in project.supervisors:
        if out.capacity[lid] < max(project.min_size, 1):
            return "closed_supervisor_too_small", {
                "supervisor": lid,
                "capacity": out.capacity[lid],
                "needed": project.min_size,
            }
    left = [s for s in eligible if not out.better_elsewhere(s, project.id)]
    if len(left) < project.min_size:
        return "closed_too_few_left", {
            "chosen": len(eligible),
            "left": len(left),
            "needed": project.min_size,
        }
    for c in project.required_competences:
        if not any(c in s.competences for s in left):
            return "closed_no_competence_left", {"competence": c}
    for lid in project.supervisors:
        if out.load[lid] + max(project.min_size, 1) > out.capacity[lid]:
            return "closed_supervisor_full", {"supervisor": lid}
    return "closed_tradeoff", {}


def _why_not(
    out: _Outcome,
    student: Student,
    project: Project,
    closed: Mapping[str, ClosedProject],
    rank: int,
) -> Explanation:
    """Why ``student`` did not get ``project``, their rank-th choice."""
    instance = out.instance
    if (student.id, project.id) in out.excluded:
        return _explanation(instance, project.id, rank, "excluded")
    pinned = out.pin_of.get(student.id)
    if pinned is not None and pinned != project.id:
        return _explanation(instance, project.id, rank, "pinned", pinned=pinned)
    if project.id in closed:
        c = closed[project.id]
        return _explanation(instance, project.id, rank, c.kind, **c.params)
    members = out.members.get(project.id, [])
    if len(members) >= project.max_size:
        higher = out.worst_rank(project.id) <= rank
        return _explanation(
            instance, project.id, rank, "full_higher" if higher else "full_tradeoff"
        )
    supervisor = out.full_supervisor(project)
    if supervisor is not None:
        return _explanation(instance, project.id, rank, "supervisor_full", supervisor=supervisor)
    mine = out.assignment.get(student.id)
    if mine is not None:
        own_project = out.projects[mine]
        team = out.members[mine]
        if len(team) <= own_project.min_size:
            return _explanation(
                instance,
                project.id,
                rank,
                "needed_min_size",
                assigned=mine,
                min_size=own_project.min_size,
            )
        for competence in own_project.required_competences:
            holders = [m for m in team if competence in out.students[m].competences]
            if holders == [student.id]:
                return _explanation(
                    instance,
                    project.id,
                    rank,
                    "needed_competence",
                    assigned=mine,
                    competence=competence,
                )
    return _explanation(instance, project.id, rank, "tradeoff")


def _suggestions(out: _Outcome, student: Student, limit: int = 5) -> tuple[str, ...]:
    open_with_room = [
        p
        for p in out.instance.projects
        if p.id not in student.preferences and out.can_take(student, p)
    ]
    running = [p for p in open_with_room if out.members.get(p.id)]
    idle = [p for p in open_with_room if not out.members.get(p.id)]
    running.sort(key=lambda p: (-(p.max_size - len(out.members[p.id])), p.id))
    return tuple(p.id for p in [*running, *idle][:limit])


def _unassigned(out: _Outcome, student: Student, closed: Mapping[str, ClosedProject]) -> Unassigned:
    language = out.instance.options.language
    allowed = [p for p in student.preferences if (student.id, p) not in out.excluded]
    if not student.preferences:
        kind = "unassigned_no_choices"
    elif not allowed:
        kind = "unassigned_all_excluded"
    elif all(p in closed for p in allowed):
        kind = "unassigned_all_closed"
    else:
        kind = "unassigned_no_room"
    params, texts = message(kind)
    return Unassigned(
        student=student.id,
        reason=texts[language],
        kind=kind,
        params=params,
        texts=texts,
        suggestions=_suggestions(out, student),
    )


def explain(
    instance: Instance, assignment: Mapping[str, str]
) -> tuple[tuple[Unassigned, ...], tuple[ClosedProject, ...], dict[str, tuple[Explanation, ...]]]:
    """Unassigned students, closed projects and each student's explanations."""
    out = _Outcome(instance, assignment)
    language = instance.options.language
    closed: dict[str, ClosedProject] = {}
    for project in instance.projects:
        if out.members.get(project.id):
            continue
        kind, params = _closed_reason(out, project)
        params, texts = message(kind, **params)
        closed[project.id] = ClosedProject(
            project=project.id, reason=texts[language], kind=kind, params=params, texts=texts
        )
    unassigned = tuple(
        _unassigned(out, s, closed) for s in instance.students if s.id not in assignment
    )
    explanations: dict[str, tuple[Explanation, ...]] = {}
    for student in instance.students:
        mine = assignment.get(student.id)
        rank = out.rank(student.id, mine)
        better = student.preferences if rank is None else student.preferences[: rank - 1]
        items = [
            _why_not(out, student, out.projects[pid], closed, r)
            for r, pid in enumerate(better, start=1)
        ]
        if mine is not None:
            items.append(_explanation(instance, mine, rank, "assigned", rank=rank))
        if items:
            explanations[student.id] = tuple(items)
    return unassigned, tuple(closed.values()), explanations


def build_result(instance: Instance, solution: engine.Solution, started: float) -> Result:
    """The full result: assignment, profile, phases, explanations and run metadata."""
    options = instance.options
    assignment = solution.assignment
    unassigned, closed, explanations = explain(instance, assignment)
    phases = solution.phases
    rank_phases = [p for p in phases if p.name.startswith("rank")]
    headline = next((p for p in rank_phases if not p.optimal), None)
    if headline is None:
        headline = rank_phases[-1] if rank_phases else phases[0]
    counted = [p for p in phases if p.name not in ("wanted-programmes",)]
    excess, pairs = engine.soft_score(instance, assignment)
    profile = engine.profile_of(instance, assignment)
    rank_cost = sum(options.cost_of_rank(r) * count for r, count in enumerate(profile, 1) if count)
    placed_phase = phases[0]
    meta: dict[str, Any] = {
        "method": solution.method,
        "objective_name": options.objective,
        "objective_phase": headline.name,
        "seed": options.seed,
        "language": options.language,
        "time_limit": options.time_limit,
        "solvers": engine.solver_versions(),
        "students": len(instance.students),
        "placed": len(assignment),
        "placed_bound": placed_phase.bound if math.isfinite(placed_phase.bound) else None,
        "rank_cost": rank_cost,
        "programme_excess": excess,
        "work_with_fulfilled": pairs,
        "phases": [p.as_json() for p in phases],
    }
    return Result(
        assignment=dict(assignment),
        unassigned=unassigned,
        closed_projects=closed,
        profile=profile,
        objective=headline.objective,
        bound=headline.bound,
        gap=headline.gap,
        optimal=all(p.optimal for p in counted),
        seconds=round(time.perf_counter() - started, 4),
        explanations=explanations,
        meta=meta,
    )


def counterfactual(
    instance: Instance, result: Result, student_id: str, project_id: str
) -> Explanation:
    """What it would have cost others to give ``student_id`` a place in ``project_id``.

    Re-solves the instance with the student pinned there (the same options and seed) and counts
    the other students who would land on a worse choice or without a place.
    """
    students = {s.id: s for s in instance.students}
    if student_id not in students:
        raise InstanceError(f"student {student_id!r}: unknown student")
    if project_id not in {p.id for p in instance.projects}:
        raise InstanceError(f"project {project_id!r}: unknown project")
    student = students[student_id]
    rank = engine.rank_of(student, project_id) if project_id in student.preferences else None
    if rank is None:
        return _explanation(instance, project_id, None, "not_ranked")
    if result.assignment.get(student_id) == project_id:
        return _explanation(instance, project_id, rank, "assigned", rank=rank)
    if any(e.student == student_id and e.project == project_id for e in instance.exclusions):
        return _explanation(instance, project_id, rank, "excluded")
    pins = tuple(p for p in instance.pins if p.student != student_id)
    pinned = dataclasses.replace(
        instance, pins=(*pins, Pin(student=student_id, project=project_id))
    )
    try:
        check_pins(pinned)
        alternative = engine.solve(pinned).assignment
    except InstanceError:
        return _explanation(instance, project_id, rank, "counterfactual_impossible")
    moved = 0
    unplaced = 0
    for other in instance.students:
        if other.id == student_id:
            continue
        before = engine.rank_of(other, result.assignment.get(other.id))
        after = engine.rank_of(other, alternative.get(other.id))
        if before is not None and after is None:
            unplaced += 1
        elif before is not None and after is not None and after > before:
            moved += 1
    if moved == 0 and unplaced == 0:
        return _explanation(
            instance, project_id, rank, "counterfactual_free", seed=instance.options.seed
        )
    return _explanation(
        instance, project_id, rank, "counterfactual", moved=moved, unplaced=unplaced
    )
