"""The demo's rounds of practice projects: consistent tables, valid files, and one load of the
whole demo (slow, so once) that checks both rounds, the personas and a second run."""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.vocabulary import starter_terms
from transferraum.allocation.io import instance_from_json, result_from_json
from transferraum.challenges.catalogue import TOPIC_FIELDS, TRANSFER_FORMATS
from transferraum.challenges.files import sniff
from transferraum.challenges.models import Challenge
from transferraum.demo.rounds import (
    FINISHED_CAPACITIES,
    FINISHED_PROJECTS,
    FINISHED_ROUND,
    OPEN_CAPACITIES,
    OPEN_PROJECTS,
    OPEN_ROUND,
    ROUND_CHALLENGES,
    Candidate,
    demo_pdf,
    demo_rounds_load,
    finished_rankings,
    open_rankings,
    teams_form,
    work_with_plan,
)
from transferraum.demo.services import (
    CHALLENGES,
    MEMBERSHIPS,
    PEOPLE,
    PERSONA_STUDENTS,
    PROGRAMMES,
    Status,
    demo_load,
)
from transferraum.projects.models import (
    AllocationRun,
    Application,
    Assignment,
    Choice,
    Document,
    DocumentVersion,
    Feedback,
    Meeting,
    Milestone,
    Post,
    Project,
    Round,
    StudentProfile,
    SupervisorCapacity,
)

PROJECT_FORMATS = {f.slug for f in TRANSFER_FORMATS if f.is_project_format}
VOCABULARY = {term.slug for term, parent in starter_terms() if parent}
PROGRAMME_NAMES = {name for name, _degree, _faculty in PROGRAMMES}
FINISHED_SPECS = [w.project for w in FINISHED_PROJECTS]
ALL_SPECS = [*FINISHED_SPECS, *OPEN_PROJECTS]


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


def _members(organisation: str) -> set[str]:
    people = {p.email for p in PEOPLE if p.organisation == organisation}
    return people | {m.email for m in MEMBERSHIPS if m.organisation == organisation}


# --- Tables --------------------------------------------------------------------------------------


def test_round_challenges_follow_the_rules_of_the_demo_challenges():
    specs = {spec.title: spec for spec in [*CHALLENGES, *ROUND_CHALLENGES]}
    assert len(specs) == len(CHALLENGES) + len(ROUND_CHALLENGES)
    topics = {topic.slug for topic in TOPIC_FIELDS}
    for spec in ROUND_CHALLENGES:
        assert spec.status in (Status.COMPLETED, Status.PUBLISHED), spec.title
        assert 3 <= _sentences(spec.problem) <= 6, spec.title
        assert set(spec.topics) <= topics and set(spec.formats) & PROJECT_FORMATS, spec.title
        assert {spec.author, spec.contact or spec.author} <= _members(spec.organisation)
        assert spec.start is not None and spec.deadline is not None
        if spec.status == Status.COMPLETED:
            assert spec.deadline < 0, spec.title
        else:
            assert 0 < spec.start <= spec.deadline, spec.title
    for spec in ALL_SPECS:
        challenge = specs[spec.challenge]
        assert spec.format in set(challenge.formats) & PROJECT_FORMATS, spec.title
        wanted = Status.COMPLETED if spec in FINISHED_SPECS else Status.PUBLISHED
        assert challenge.status == wanted, spec.title


def test_projects_name_real_supervisors_contacts_competences_and_programmes():
    supervisors = {p.email for p in PEOPLE if User.Role.SUPERVISOR in p.roles}
    titles = [spec.title for spec in ALL_SPECS]
    assert len(titles) == len(set(titles))
    assert 5 <= len(FINISHED_PROJECTS) <= 6 and 8 <= len(OPEN_PROJECTS) <= 12
    organisations = {spec.title: spec.organisation for spec in [*CHALLENGES, *ROUND_CHALLENGES]}
    for spec in ALL_SPECS:
        assert set(spec.supervisors) <= supervisors, spec.title
        assert set(spec.contacts) <= _members(organisations[spec.challenge]), spec.title
        assert spec.required and set(spec.required) | set(spec.desired) <= VOCABULARY
        assert set(spec.programmes) <= PROGRAMME_NAMES, spec.title
        assert 1 <= spec.team[0] <= spec.team[1] and spec.ects > 0 and spec.module
        assert 2 <= _sentences(spec.description) <= 4, spec.title
    assert all(spec.hooks for spec in OPEN_PROJECTS)
    assert sum(spec.team[1] for spec in OPEN_PROJECTS) >= 60
    for workspace in FINISHED_PROJECTS:
        low, high = workspace.project.team
        assert low <= workspace.team_size <= high
        assert 3 <= _sentences(workspace.public_summary) <= 6
        assert 3 <= _sentences(workspace.results) <= 6
        assert {key for key, _day, _text in workspace.posts} <= {f"m{i}" for i in range(4)} | {
            "sup",
            "con",
        }
        assert {m.kind for m in workspace.meetings} == {Meeting.Kind.MEETING, "site_visit"}
        for feedback in (workspace.midterm, workspace.final):
            assert 1 <= feedback.usefulness <= 5 and 1 <= feedback.collaboration <= 5
    load: Counter[str] = Counter()
    for workspace in FINISHED_PROJECTS:
        for email in workspace.project.supervisors:
            load[email] += workspace.team_size
    assert all(load[email] <= FINISHED_CAPACITIES[email] for email in load)
    assert {e for spec in OPEN_PROJECTS for e in spec.supervisors} <= set(OPEN_CAPACITIES)


def test_demo_pdf_is_a_pdf_whose_cross_references_point_at_its_objects():
    content = demo_pdf("Abschlussbericht: Hitzeinseln (Entwurf)", ["Größere Bäume, mehr Schatten."])
    assert sniff(content) == "pdf"
    assert content.rstrip().endswith(b"%%EOF")
    start = int(content.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert content[start:].startswith(b"xref\n0 8\n")
    entries = content[start:].split(b"\n")[3:10]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry.split()[0])
        assert content[offset:].startswith(b"%d 0 obj" % number)
    assert "Größere".encode("cp1252") in content
    assert b"\\(Entwurf\\)" in content


# --- Planning ------------------------------------------------------------------------------------


def _candidates(count: int = 40) -> list[Candidate]:
    rng = random.Random(1)
    skills = sorted({slug for spec in ALL_SPECS for slug in (*spec.required, *spec.desired)})
    return [
        Candidate(
            key=f"s{i}",
            programme=rng.choice(sorted(PROGRAMME_NAMES)),
            semester=rng.randint(1, 8),
            competences=frozenset(rng.sample(skills, 3)),
        )
        for i in range(count)
    ]


def test_teams_hold_each_required_competence_and_rankings_keep_the_rules():
    candidates = _candidates()
    projects = [(w.project, w.team_size) for w in FINISHED_PROJECTS]
    teams = teams_form(candidates, projects, random.Random(7))
    assert teams == teams_form(candidates, projects, random.Random(7))
    members = [member.key for team in teams.values() for member in team]
    assert len(members) == len(set(members)) == sum(size for _spec, size in projects)
    for spec, size in projects:
        team = teams[spec.title]
        assert len(team) == size
        for competence in spec.required:
            if any(competence in c.competences for c in candidates):
                assert any(competence in member.competences for member in team)
    ranked = finished_rankings(teams, [spec for spec, _size in projects], random.Random(7))
    for title, team in teams.items():
        for member in team:
            ranking, rank = ranked[member.key]
            assert 3 <= len(ranking) <= 4 and len(set(ranking)) == len(ranking)
            assert ranking[rank - 1] == title

    rankings = open_rankings(candidates, OPEN_PROJECTS, random.Random(3))
    wishes = work_with_plan(candidates, rankings, random.Random(3))
    for ranking in rankings.values():
        assert 3 <= len(ranking) <= 5 and len(set(ranking)) == len(ranking)
    assert all(1 <= len(others) <= 2 and key not in others for key, others in wishes.items())
    mutual = [(a, b) for a, others in wishes.items() for b in others if a in wishes.get(b, [])]
    assert mutual
    for a, b in mutual:
        assert rankings[a][:2] == rankings[b][:2]


# --- The whole demo, loaded once -----------------------------------------------------------------


def _snapshot() -> dict[str, int]:
    models = (
        Round,
        SupervisorCapacity,
        Project,
        StudentProfile,
        Application,
        Choice,
        AllocationRun,
        Assignment,
        Milestone,
        Meeting,
        Document,
        DocumentVersion,
        Post,
        Feedback,
        Challenge,
    )
    counts = {model.__name__: model.objects.count() for model in models}
    counts["work_with"] = Application.work_with.through.objects.count()
    return counts


@pytest.mark.django_db
def test_demo_rounds_give_the_allocation_real_input_and_show_finished_work():
    demo_load()
    now = timezone.now()

    # The open round takes applications now: 60 and more, each by the rules of the services.
    current = Round.objects.get(name=OPEN_ROUND)
    assert current.phase == Round.Phase.APPLICATIONS
    assert current.applications_open_at < now < current.applications_close_at
    open_projects = set(current.projects.filter(status=Project.Status.OPEN))
    assert 8 <= len(open_projects) <= 12
    assert {p.challenge.status for p in open_projects} == {Challenge.Status.PUBLISHED}
    assert all(p.format.is_project_format for p in open_projects)
    assert SupervisorCapacity.objects.filter(round=current).count() == len(OPEN_CAPACITIES)
    applications = list(current.applications.prefetch_related("choices__project", "work_with"))
    assert len(applications) >= 60
    students = {a.student_id for a in applications}
    profiles = dict(StudentProfile.objects.values_list("user_id", "mobility"))
    assert students <= set(profiles) and all(profiles[s] for s in students)
    firsts = Counter()
    for application in applications:
        choices = list(application.choices.all())
        assert current.min_choices <= len(choices) <= current.max_choices
        assert [c.rank for c in choices] == list(range(1, len(choices) + 1))
        assert {c.project for c in choices} <= open_projects
        for choice in choices:
            assert bool(choice.motivation) == (choice.rank <= current.motivation_ranks)
        wished = {u.pk for u in application.work_with.all()}
        assert len(wished) <= 2 and application.student_id not in wished and wished <= students
        assert application.submitted_at < now
        firsts[choices[0].project_id] += 1
    assert max(firsts.values()) >= 3 * min(firsts.get(p.pk, 0) for p in open_projects)
    skills: dict[int, set[str]] = {}
    for user_id, slug in User.objects.filter(pk__in=students).values_list(
        "profile__user_id", "profile__competences__slug"
    ):
        skills.setdefault(user_id, set()).add(slug)
    for project in open_projects:
        rankers = set(project.choices.values_list("application__student_id", flat=True))
        assert len(rankers) >= project.min_team_size
        for slug in project.required_competences.values_list("slug", flat=True):
            holders = {s for s in students if slug in skills[s]}
            assert holders & rankers and holders != students, (project, slug)

    # The personas apply nowhere, so a person trying the demo can.
    personas = [spec.email for spec in PERSONA_STUDENTS]
    assert not Application.objects.filter(student__email__in=personas).exists()
    assert not StudentProfile.objects.filter(user__email__in=personas).exists()

    # The finished round: completed projects, teams from a finished run, full workspaces.
    finished = Round.objects.get(name=FINISHED_ROUND)
    assert finished.phase == Round.Phase.CLOSED and finished.is_published
    assert finished.ends_on < now.date()
    projects = list(finished.projects.select_related("challenge", "format"))
    assert len(projects) == len(FINISHED_PROJECTS)
    run = AllocationRun.objects.get(round=finished)
    assert run.status == AllocationRun.Status.DONE and run.finished_at
    assert len(instance_from_json(run.instance).students) == finished.applications.count()
    result = result_from_json(run.result)
    assignments = list(finished.assignments.all())
    assert len(assignments) == finished.applications.count() >= 25
    assert result.assignment == {str(a.student_id): str(a.project_id) for a in assignments}
    ranks = Counter(a.rank for a in assignments)
    assert ranks[1] > len(assignments) / 2
    assert list(result.profile) == [ranks[r] for r in range(1, len(result.profile) + 1)]
    for assignment in assignments:
        choice = Choice.objects.get(
            application__round=finished,
            application__student=assignment.student_id,
            project=assignment.project_id,
        )
        assert choice.rank == assignment.rank
        assert assignment.explanation[0]["kind"] == "assigned"
    for project in projects:
        assert project.status == Project.Status.COMPLETED and project.completed_at
        assert project.challenge.status == Challenge.Status.COMPLETED
        assert project.public_summary and project.results
        team = project.assignments.count()
        assert project.min_team_size <= team <= project.max_team_size
        for slug in project.required_competences.values_list("slug", flat=True):
            assert project.assignments.filter(student__profile__competences__slug=slug).exists()
        assert project.milestones.exclude(status=Milestone.Status.DONE).count() == 0
        assert project.milestones.count() >= 3 and project.posts.count() >= 4
        assert project.meetings.filter(kind=Meeting.Kind.SITE_VISIT).exclude(minutes="").exists()
        assert set(project.feedback.values_list("stage", flat=True)) == {"midterm", "final"}
        assert project.documents.filter(category=Document.Category.REPORT).exists()
        assert project.documents.filter(versions__number=2).exists()
        assert set(project.partner_contacts.all()) <= {
            m.user for m in project.challenge.organisation.memberships.select_related("user")
        }
        assert project.supervisors.filter(role_rows__role=User.Role.SUPERVISOR).exists()
        assert not project.assignments.filter(student__email__in=personas).exists()
    for version in DocumentVersion.objects.filter(document__project__round=finished):
        with version.file.open("rb") as handle:
            content = handle.read()
        assert sniff(content) == "pdf" and len(content) == version.size
        assert version.uploaded_at.date() <= finished.ends_on
    assert Post.objects.filter(project__round=finished).latest("created_at").created_at < now

    # A second run adds and changes nothing.
    before = _snapshot()
    assert demo_rounds_load().created == 0
    assert _snapshot() == before

    # A demo database loaded 51 days ago: the deadline has passed, the next run reopens it.
    ago = timedelta(days=51)
    Round.objects.filter(pk=current.pk).update(
        applications_open_at=F("applications_open_at") - ago,
        applications_close_at=F("applications_close_at") - ago,
    )
    Application.objects.filter(round=current).update(submitted_at=F("submitted_at") - ago)
    assert demo_rounds_load().created == 0
    current.refresh_from_db()
    assert current.applications_open_at < now < current.applications_close_at
    submitted = Application.objects.filter(round=current).values_list("submitted_at", flat=True)
    assert all(current.applications_open_at <= moment < now for moment in submitted)
