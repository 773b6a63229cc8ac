"""Allocation through the product: a benchmark round stored in the database, then the time from
"start" (``allocation_start``, what the coordinator's button calls) through the task
(``allocation_execute``: input from the database, engine, explanations, teams saved) to the
teams on the board.

Run with Django set up, on a database of its own (it adds a round and 5,000 students)::

    DATABASE_URL=sqlite:////tmp/alloc.sqlite3 DJANGO_SETTINGS_MODULE=config.settings.dev \\
        .venv/bin/python -m benchmarks.allocation.product --students 5000

Students keep the generator's preferences and work-with wishes, projects their sizes and
supervisors (with capacities), programmes and competences (the "full" scenario), and the round
has the product's default settings (rank-maximal, work-with weight 1, no programme share).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from typing import Any, cast

import django


def build_round(n_students: int, seed: int) -> tuple[Any, Any]:
    """Store one generated round (scenario "full") in the allocation phase; (round, coordinator)."""
    from django.utils import timezone

    from benchmarks.allocation.generator import generate
    from transferraum.accounts.models import StudyProgramme, User, UserRole
    from transferraum.actors.models import Competence, PersonProfile
    from transferraum.challenges.models import Challenge, TransferFormat
    from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory
    from transferraum.projects.models import (
        Application,
        Choice,
        Project,
        Round,
        SupervisorCapacity,
    )
    from transferraum.projects.tests.factories import RoundFactory

    data = generate(n_students, seed, scenario="full")
    tag = f"{n_students}-{seed}-{time.time_ns()}"
    round = cast(Round, RoundFactory(phase=Round.Phase.ALLOCATION))
    coordinator = User.objects.create_user(
        email=f"coordinator-{tag}@bench.example",
        name="Koordination",
        roles=[User.Role.COORDINATOR],
    )
    # A project per challenge and round: one challenge each (factories, as the tests make them).
    challenges = ChallengeFactory.create_batch(
        len(data["projects"]), status=Challenge.Status.PUBLISHED
    )
    transfer_format = cast(TransferFormat, TransferFormatFactory())
    programmes = {
        name: StudyProgramme.objects.get_or_create(
            name=name, degree=StudyProgramme.Degree.BACHELOR
        )[0]
        for name in {s["programme"] for s in data["students"]}
        | {name for p in data["projects"] for name in p["wanted_programmes"]}
    }
    competences = {
        slug: Competence.objects.get_or_create(slug=slug, defaults={"label_de": slug})[0]
        for slug in {c for s in data["students"] for c in s["competences"]}
        | {c for p in data["projects"] for c in p["required_competences"]}
    }
    supervisors = {
        s["id"]: User(email=f"{s['id']}-{tag}@bench.example", name=f"Prof. {s['id']}")
        for s in data["supervisors"]
    }
    User.objects.bulk_create(supervisors.values())
    SupervisorCapacity.objects.bulk_create(
        SupervisorCapacity(round=round, supervisor=supervisors[s["id"]], capacity=s["capacity"])
        for s in data["supervisors"]
    )
    projects = {
        p["id"]: Project(
            round=round,
            challenge=challenges[i],
            format=transfer_format,
            title=f"Praxisprojekt {p['id']}",
            description="Das Team untersucht die Aufgabe vor Ort.",
            status=Project.Status.OPEN,
            min_team_size=p["min_size"],
            max_team_size=p["max_size"],
        )
        for i, p in enumerate(data["projects"])
    }
    Project.objects.bulk_create(projects.values())
    Project.supervisors.through.objects.bulk_create(
        Project.supervisors.through(project=projects[p["id"]], user=supervisors[s])
        for p in data["projects"]
        for s in p["supervisors"]
    )
    Project.required_competences.through.objects.bulk_create(
        Project.required_competences.through(project=projects[p["id"]], competence=competences[c])
        for p in data["projects"]
        for c in p["required_competences"]
    )
    Project.wanted_programmes.through.objects.bulk_create(
        Project.wanted_programmes.through(
            project=projects[p["id"]], studyprogramme=programmes[name]
        )
        for p in data["projects"]
        for name in p["wanted_programmes"]
    )
    students = {
        s["id"]: User(
            email=f"{s['id']}-{tag}@bench.example",
            name=f"Studentin {s['id']}",
            study_programme=programmes[s["programme"]],
        )
        for s in data["students"]
    }
    User.objects.bulk_create(students.values())
    UserRole.objects.bulk_create(
        UserRole(user=student, role=User.Role.STUDENT) for student in students.values()
    )
    profiles = {s["id"]: PersonProfile(user=students[s["id"]]) for s in data["students"]}
    PersonProfile.objects.bulk_create(profiles.values())
    PersonProfile.competences.through.objects.bulk_create(
        PersonProfile.competences.through(
            personprofile=profiles[s["id"]], competence=competences[c]
        )
        for s in data["students"]
        for c in s["competences"]
    )
    now = timezone.now() - dt.timedelta(days=1)
    applications = {
        s["id"]: Application(round=round, student=students[s["id"]], submitted_at=now)
        for s in data["students"]
    }
    Application.objects.bulk_create(applications.values())
    Choice.objects.bulk_create(
        Choice(application=applications[s["id"]], project=projects[p], rank=rank)
        for s in data["students"]
        for rank, p in enumerate(s["preferences"], start=1)
    )
    Application.work_with.through.objects.bulk_create(
        Application.work_with.through(application=applications[s["id"]], user=students[o])
        for s in data["students"]
        for o in s["work_with"]
    )
    return round, coordinator


def through_product(round: Any, coordinator: Any) -> tuple[float, Any]:
    """Seconds from "start" to the teams saved, and the finished run."""
    from transferraum.projects.models import AllocationRun
    from transferraum.projects.services.allocation import allocation_start

    started = time.perf_counter()
    # With the immediate task backend (set in ``main``) the task runs when the start commits.
    run = allocation_start(actor=coordinator, round=round)
    seconds = time.perf_counter() - started
    return seconds, AllocationRun.objects.get(pk=run.pk)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--migrate", action="store_true", help="migrate the database first")
    parser.add_argument("--json", action="store_true", help="print one JSON line instead")
    args = parser.parse_args(argv)
    # The task runs in this process when the start commits, as a worker would run it.
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    django.setup()
    if args.migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    built = time.perf_counter()
    round, coordinator = build_round(args.students, args.seed)
    stored = time.perf_counter() - built
    cpu = time.process_time()
    seconds, run = through_product(round, coordinator)
    # The process's CPU time (HiGHS's threads included): on a shared machine it changes far
    # less with the load than the wall time does, so it compares two versions fairly.
    cpu = time.process_time() - cpu
    meta = run.result.get("meta", {}) if run.result else {}
    if args.json:
        print(
            json.dumps(
                {
                    "students": args.students,
                    "stored": stored,
                    "seconds": seconds,
                    "cpu": cpu,
                    "status": run.status,
                    "engine": run.result.get("seconds") if run.result else None,
                    "optimal": run.result.get("optimal") if run.result else None,
                }
            )
        )
        return 0
    print(f"round stored in {stored:.1f} s")
    print(f"start to teams: {seconds:.1f} s, CPU {cpu:.1f} s ({run.status}, {run.error or 'ok'})")
    for phase in meta.get("phases", []):
        print(f"  {phase.get('name')}: {phase.get('seconds')} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
