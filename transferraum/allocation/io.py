"""JSON in and out of the allocation engine, with validation that names the offending entry."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any, cast

from transferraum.allocation.model import (
    LANGUAGES,
    OBJECTIVES,
    ClosedProject,
    Exclusion,
    Explanation,
    Instance,
    InstanceError,
    Language,
    Objective,
    Options,
    Pin,
    Project,
    Result,
    Student,
    Supervisor,
    Unassigned,
    without_cyclic_gc,
)


def _obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InstanceError(f"{where}: expected an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InstanceError(f"{where}: expected a list")
    return value


def _id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise InstanceError(f"{where}: expected a non-empty string id, got {value!r}")
    return value


def _ids(value: Any, where: str) -> tuple[str, ...]:
    items = _list(value, where)
    for v in items:
        if v.__class__ is not str or not v:
            _id(v, where)  # a str subclass passes; anything else raises
    return tuple(items)


def _int(value: Any, where: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(f"{where}: expected a whole number, got {value!r}")
    if value < minimum:
        raise InstanceError(f"{where}: must not be below {minimum}, got {value}")
    return int(value)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InstanceError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _students(data: Mapping[str, Any]) -> tuple[Student, ...]:
    students = []
    for i, raw in enumerate(_list(data.get("students"), "students")):
        entry = _obj(raw, f"students[{i}]")
        sid = _id(entry.get("id"), f"students[{i}].id")
        where = f"student {sid!r}"
        preferences = _ids(entry.get("preferences"), f"{where}: preferences")
        if len(set(preferences)) != len(preferences):
            for project, count in Counter(preferences).items():
                if count > 1:
                    raise InstanceError(f"{where}: ranks project {project!r} twice")
        programme = entry.get("programme")
        if programme is not None and not isinstance(programme, str):
            raise InstanceError(f"{where}: programme must be a string or null")
        students.append(
            Student(
                id=sid,
                preferences=preferences,
                programme=programme or None,
                competences=_ids(entry.get("competences"), f"{where}: competences"),
                work_with=_ids(entry.get("work_with"), f"{where}: work_with"),
            )
        )
    return tuple(students)


def _projects(data: Mapping[str, Any]) -> tuple[Project, ...]:
    projects = []
    for i, raw in enumerate(_list(data.get("projects"), "projects")):
        entry = _obj(raw, f"projects[{i}]")
        pid = _id(entry.get("id"), f"projects[{i}].id")
        where = f"project {pid!r}"
        if "max_size" not in entry:
            raise InstanceError(f"{where}: max_size is missing")
        max_size = _int(entry["max_size"], f"{where}: max_size")
        min_size = _int(entry.get("min_size", 0), f"{where}: min_size")
        if min_size > max_size:
            raise InstanceError(f"{where}: min_size {min_size} is greater than max_size {max_size}")
        projects.append(
            Project(
                id=pid,
                max_size=max_size,
                min_size=min_size,
                supervisors=_ids(entry.get("supervisors"), f"{where}: supervisors"),
                required_competences=_ids(
                    entry.get("required_competences"), f"{where}: required_competences"
                ),
                wanted_programmes=_ids(
                    entry.get("wanted_programmes"), f"{where}: wanted_programmes"
                ),
            )
        )
    return tuple(projects)


def _supervisors(data: Mapping[str, Any]) -> tuple[Supervisor, ...]:
    supervisors = []
    for i, raw in enumerate(_list(data.get("supervisors"), "supervisors")):
        entry = _obj(raw, f"supervisors[{i}]")
        lid = _id(entry.get("id"), f"supervisors[{i}].id")
        if "capacity" not in entry:
            raise InstanceError(f"supervisor {lid!r}: capacity is missing")
        capacity = _int(entry["capacity"], f"supervisor {lid!r}: capacity")
        supervisors.append(Supervisor(id=lid, capacity=capacity))
    return tuple(supervisors)


def _pairs(data: Mapping[str, Any], key: str) -> list[tuple[str, str]]:
    pairs = []
    for i, raw in enumerate(_list(data.get(key), key)):
        entry = _obj(raw, f"{key}[{i}]")
        pairs.append(
            (_id(entry.get("student"), f"{key}[{i}].student"),
             _id(entry.get("project"), f"{key}[{i}].project"))
        )  # fmt: skip
    return pairs


def _options(data: Mapping[str, Any]) -> Options:
    raw = data.get("options")
    if raw is None:
        return Options()
    entry = _obj(raw, "options")
    objective = entry.get("objective", "rank-maximal")
    if objective not in OBJECTIVES:
        raise InstanceError(f"options.objective: must be one of {', '.join(OBJECTIVES)}")
    rank_costs = None
    if entry.get("rank_costs") is not None:
        costs = _list(entry["rank_costs"], "options.rank_costs")
        rank_costs = tuple(_number(c, f"options.rank_costs[{i}]") for i, c in enumerate(costs))
    share = entry.get("max_programme_share")
    if share is not None:
        share = _number(share, "options.max_programme_share")
        if not 0 < share <= 1:
            raise InstanceError("options.max_programme_share: must be above 0 and at most 1")
    weight = _number(entry.get("work_with_weight", 0) or 0, "options.work_with_weight")
    if weight < 0:
        raise InstanceError("options.work_with_weight: must not be negative")
    raw_limit = entry.get("time_limit")
    time_limit = 60.0 if raw_limit is None else _number(raw_limit, "options.time_limit")
    if time_limit <= 0:
        raise InstanceError("options.time_limit: must be positive")
    seed = _int(entry.get("seed", 0) or 0, "options.seed")
    language = entry.get("language", "de")
    if language not in LANGUAGES:
        raise InstanceError(f"options.language: must be one of {', '.join(LANGUAGES)}")
    return Options(
        objective=cast(Objective, objective),
        rank_costs=rank_costs,
        max_programme_share=share,
        work_with_weight=weight,
        time_limit=time_limit,
        seed=seed,
        language=cast(Language, language),
    )


def _unique(ids: list[str], kind: str) -> None:
    for value, count in Counter(ids).items():
        if count > 1:
            raise InstanceError(f"{kind} {value!r}: id appears {count} times")


@without_cyclic_gc
def instance_from_json(data: Any) -> Instance:
    """Build an ``Instance`` from its JSON form and check that it can be solved.

    Raises ``InstanceError`` naming the entry for: wrong types, duplicate ids, unknown ids,
    min_size > max_size, a student ranking a project twice, negative sizes or capacities, and
    an infeasible pin (project not ranked, excluded, more pins than places or than the
    supervisors' capacity, too few possible members or no one with a required competence).
    Unknown keys are ignored, so further optional fields can be added.
    """
    root = _obj(data, "instance")
    students = _students(root)
    projects = _projects(root)
    supervisors = _supervisors(root)
    options = _options(root)
    _unique([s.id for s in students], "student")
    _unique([p.id for p in projects], "project")
    _unique([s.id for s in supervisors], "supervisor")
    student_by_id = {s.id: s for s in students}
    project_by_id = {p.id: p for p in projects}
    supervisor_ids = {s.id for s in supervisors}

    for student in students:
        for pid in student.preferences:
            if pid not in project_by_id:
                raise InstanceError(f"student {student.id!r}: ranks unknown project {pid!r}")
        for other in student.work_with:
            if other not in student_by_id:
                raise InstanceError(f"student {student.id!r}: work_with unknown student {other!r}")
            if other == student.id:
                raise InstanceError(f"student {student.id!r}: work_with names the student itself")
    for project in projects:
        for lid in project.supervisors:
            if lid not in supervisor_ids:
                raise InstanceError(f"project {project.id!r}: unknown supervisor {lid!r}")
        if len(set(project.supervisors)) != len(project.supervisors):
            raise InstanceError(f"project {project.id!r}: a supervisor is listed twice")

    def check_pair(kind: str, sid: str, pid: str) -> None:
        if sid not in student_by_id:
            raise InstanceError(f"{kind} {sid!r} -> {pid!r}: unknown student {sid!r}")
        if pid not in project_by_id:
            raise InstanceError(f"{kind} {sid!r} -> {pid!r}: unknown project {pid!r}")

    exclusions = []
    for sid, pid in _pairs(root, "exclusions"):
        check_pair("exclusion", sid, pid)
        exclusions.append(Exclusion(student=sid, project=pid))
    excluded = {(e.student, e.project) for e in exclusions}

    pins: list[Pin] = []
    pinned: dict[str, str] = {}
    for sid, pid in _pairs(root, "pins"):
        check_pair("pin", sid, pid)
        where = f"pin {sid!r} -> {pid!r}"
        if sid in pinned:
            if pinned[sid] == pid:
                raise InstanceError(f"{where}: the same pin appears twice")
            raise InstanceError(f"{where}: student {sid!r} is already pinned to {pinned[sid]!r}")
        if pid not in student_by_id[sid].preferences:
            raise InstanceError(f"{where}: the student did not rank this project")
        if (sid, pid) in excluded:
            raise InstanceError(f"{where}: the student is excluded from this project")
        pinned[sid] = pid
        pins.append(Pin(student=sid, project=pid))
    instance = Instance(
        students=students,
        projects=projects,
        supervisors=supervisors,
        pins=tuple(pins),
        exclusions=tuple(exclusions),
        options=options,
    )
    check_pins(instance)
    max_rank = instance.max_rank
    if options.rank_costs is not None and len(options.rank_costs) < max_rank:
        raise InstanceError(
            f"options.rank_costs: has {len(options.rank_costs)} entries, but a student ranks "
            f"{max_rank} projects"
        )
    return instance


def check_pins(instance: Instance) -> None:
    """Necessary conditions for the pins; the engine reports any contradiction left."""
    pinned = {p.student: p.project for p in instance.pins}
    excluded = {(e.student, e.project) for e in instance.exclusions}
    pins_per_project = Counter(pinned.values())
    projects = {p.id: p for p in instance.projects}
    capacity = {s.id: s.capacity for s in instance.supervisors}
    load: dict[str, int] = defaultdict(int)
    for pid, count in sorted(pins_per_project.items()):
        project = projects[pid]
        if count > project.max_size:
            raise InstanceError(f"project {pid!r}: {count} pins but only {project.max_size} places")
        for lid in project.supervisors:
            load[lid] += max(count, project.min_size)
        candidates = [
            s
            for s in instance.students
            if pid in s.preferences and (s.id, pid) not in excluded and pinned.get(s.id, pid) == pid
        ]
        if len(candidates) < project.min_size:
            raise InstanceError(
                f"project {pid!r}: pinned students make it run, but only {len(candidates)} "
                f"students can join it and it needs {project.min_size}"
            )
        for competence in project.required_competences:
            if not any(competence in s.competences for s in candidates):
                raise InstanceError(
                    f"project {pid!r}: pinned students make it run, but no student who can join "
                    f"it has the required competence {competence!r}"
                )
    for lid, needed in sorted(load.items()):
        if needed > capacity[lid]:
            raise InstanceError(
                f"supervisor {lid!r}: pinned projects need {needed} places, "
                f"capacity is {capacity[lid]}"
            )


def instance_to_json(instance: Instance) -> dict[str, Any]:
    """The JSON form of an instance (inverse of ``instance_from_json``)."""
    o = instance.options
    return {
        "students": [
            {
                "id": s.id,
                "preferences": list(s.preferences),
                "programme": s.programme,
                "competences": list(s.competences),
                "work_with": list(s.work_with),
            }
            for s in instance.students
        ],
        "projects": [
            {
                "id": p.id,
                "min_size": p.min_size,
                "max_size": p.max_size,
                "supervisors": list(p.supervisors),
                "required_competences": list(p.required_competences),
                "wanted_programmes": list(p.wanted_programmes),
            }
            for p in instance.projects
        ],
        "supervisors": [{"id": s.id, "capacity": s.capacity} for s in instance.supervisors],
        "pins": [{"student": p.student, "project": p.project} for p in instance.pins],
        "exclusions": [{"student": e.student, "project": e.project} for e in instance.exclusions],
        "options": {
            "objective": o.objective,
            "rank_costs": list(o.rank_costs) if o.rank_costs is not None else None,
            "max_programme_share": o.max_programme_share,
            "work_with_weight": o.work_with_weight,
            "time_limit": o.time_limit,
            "seed": o.seed,
            "language": o.language,
        },
    }


def _explanation_to_json(e: Explanation) -> dict[str, Any]:
    return {
        "project": e.project,
        "text": e.text,
        "kind": e.kind,
        "rank": e.rank,
        "params": dict(e.params),
        "texts": dict(e.texts),
    }


def _unassigned_to_json(u: Unassigned) -> dict[str, Any]:
    return {
        "student": u.student,
        "reason": u.reason,
        "kind": u.kind,
        "params": dict(u.params),
        "texts": dict(u.texts),
        "suggestions": list(u.suggestions),
    }


def _closed_to_json(c: ClosedProject) -> dict[str, Any]:
    return {
        "project": c.project,
        "reason": c.reason,
        "kind": c.kind,
        "params": dict(c.params),
        "texts": dict(c.texts),
    }


def _finite(value: float) -> float | None:
    """JSON has no infinity: an unknown bound or gap is null."""
    return value if math.isfinite(value) else None


@without_cyclic_gc
def result_to_json(result: Result) -> dict[str, Any]:
    """The JSON form of a result, as described by schema/result.schema.json."""
    meta = dict(result.meta)
    if "phases" in meta:
        meta["phases"] = [
            {k: _finite(v) if isinstance(v, float) else v for k, v in phase.items()}
            for phase in meta["phases"]
        ]
    return {
        "assignment": dict(result.assignment),
        "unassigned": [_unassigned_to_json(u) for u in result.unassigned],
        "closed_projects": [_closed_to_json(c) for c in result.closed_projects],
        "profile": list(result.profile),
        "objective": result.objective,
        "bound": _finite(result.bound),
        "gap": _finite(result.gap),
        "optimal": result.optimal,
        "seconds": result.seconds,
        "explanations": {
            sid: [_explanation_to_json(e) for e in items]
            for sid, items in result.explanations.items()
        },
        "meta": meta,
    }


def explanation_to_json(explanation: Explanation) -> dict[str, Any]:
    """The JSON form of one explanation (e.g. a counterfactual)."""
    return _explanation_to_json(explanation)


def _explanation_from_json(entry: Mapping[str, Any]) -> Explanation:
    return Explanation(
        project=entry["project"],
        text=entry.get("text", ""),
        kind=entry["kind"],
        params=dict(entry.get("params") or {}),
        texts=dict(entry.get("texts") or {}),
        rank=entry.get("rank"),
    )


def _infinite(value: Any) -> float:
    return math.inf if value is None else float(value)


def result_from_json(data: Mapping[str, Any]) -> Result:
    """A result from its JSON form (inverse of ``result_to_json``), e.g. a stored run's result
    for ``explain.counterfactual``. The data is trusted: it was written by ``result_to_json``."""
    return Result(
        assignment=dict(data.get("assignment") or {}),
        unassigned=tuple(
            Unassigned(
                student=u["student"],
                reason=u.get("reason", ""),
                kind=u["kind"],
                params=dict(u.get("params") or {}),
                texts=dict(u.get("texts") or {}),
                suggestions=tuple(u.get("suggestions") or ()),
            )
            for u in data.get("unassigned") or ()
        ),
        closed_projects=tuple(
            ClosedProject(
                project=c["project"],
                reason=c.get("reason", ""),
                kind=c["kind"],
                params=dict(c.get("params") or {}),
                texts=dict(c.get("texts") or {}),
            )
            for c in data.get("closed_projects") or ()
        ),
        profile=tuple(data.get("profile") or ()),
        objective=float(data.get("objective") or 0),
        bound=_infinite(data.get("bound")),
        gap=_infinite(data.get("gap")),
        optimal=bool(data.get("optimal")),
        seconds=float(data.get("seconds") or 0),
        explanations={
            sid: tuple(_explanation_from_json(e) for e in items)
            for sid, items in (data.get("explanations") or {}).items()
        },
        meta=dict(data.get("meta") or {}),
    )
