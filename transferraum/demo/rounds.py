"""Loading the demo's practice projects: a finished round with filled workspaces and a round whose
applications are open, with 60 and more applications, so that the allocation has real input. The
tables (projects, workspaces, capacities, the rounds' challenges) are in
`transferraum.demo.data.rounds`; this module draws teams, rankings and wishes from them with a
seed and writes the rows.

`demo_rounds_load` is called at the end of `demo_load` and builds on what it created: the
organisations and people, the generated students and their competences, the challenges. The
challenges that the rounds need beyond `CHALLENGES` are written here, the same way (by a member
of the organisation, through the challenge services, without notifying anybody). Rows of the
rounds are written directly: the data is history, not a sequence of actions. Every rule of the
services is kept (choices of the round's open projects, 3 to 5 of them, a motivation for the
first two, at most two "work with" wishes and never oneself, teams within their sizes, each
required competence in each team, a completed project's challenge completed).
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Competence, Organisation, PersonProfile
from transferraum.allocation.explain import message
from transferraum.challenges.models import Challenge, Comment, Follow, TopicField, TransferFormat
from transferraum.challenges.services import challenge_follow
from transferraum.demo.data.challenges import DEMO_TODAY, Status
from transferraum.demo.data.people import COORDINATOR, PROGRAMMES
from transferraum.demo.data.rounds import (
    AVAILABILITY,
    FINISHED_CAPACITIES,
    FINISHED_CLOSES,
    FINISHED_COMPLETED,
    FINISHED_DESCRIPTION,
    FINISHED_ENDS,
    FINISHED_OPENS,
    FINISHED_PLANNED,
    FINISHED_PRESENTATION,
    FINISHED_PROJECTS,
    FINISHED_PUBLISHED,
    FINISHED_ROUND,
    FINISHED_WORK,
    OPEN_CAPACITIES,
    OPEN_DESCRIPTION,
    OPEN_PROJECTS,
    OPEN_ROUND,
    OPENERS,
    ROUND_AUTHOR,
    ROUND_CHALLENGES,
    VISIT,
    ProjectSpec,
    WorkspaceSpec,
)
from transferraum.demo.services import _FOLLOWERS, DEMO_SEED, _challenge_create, demo_students
from transferraum.notifications.services import notifications_suppressed
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
from transferraum.projects.services.rounds import project_index

# Besides the loader's own names, the tables that callers and tests read through this module.
__all__ = [
    "FINISHED_CAPACITIES",
    "FINISHED_PROJECTS",
    "FINISHED_ROUND",
    "OPEN_CAPACITIES",
    "OPEN_PROJECTS",
    "OPEN_ROUND",
    "ROUND_CHALLENGES",
    "Candidate",
    "RoundsReport",
    "demo_pdf",
    "demo_rounds_load",
    "finished_rankings",
    "open_rankings",
    "teams_form",
    "work_with_plan",
]

T = TypeVar("T")
BERLIN = ZoneInfo("Europe/Berlin")
# Generated students who do not apply in the open round (the two personas never apply).
OPEN_ROUND_ABSTAINERS = 2


# --- Planning: pure functions over the generated students ---------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A generated student as the planning sees them: programme, semester, competences."""

    key: str  # e-mail address
    programme: str
    semester: int
    competences: frozenset[str] = field(default_factory=frozenset)


def _fit(candidate: Candidate, spec: ProjectSpec) -> int:
    skills = set(spec.required) | set(spec.desired)
    return 2 * (candidate.programme in spec.programmes) + len(candidate.competences & skills)


def _weighted_sample(
    items: Sequence[T], weights: Sequence[float], k: int, rng: random.Random
) -> list[T]:
    """`k` items drawn without replacement, each draw in proportion to the remaining weights."""
    pool, pool_weights = list(items), list(weights)
    chosen: list[T] = []
    while pool and len(chosen) < k:
        index = rng.choices(range(len(pool)), weights=pool_weights)[0]
        chosen.append(pool.pop(index))
        pool_weights.pop(index)
    return chosen


def teams_form(
    candidates: Sequence[Candidate],
    projects: Sequence[tuple[ProjectSpec, int]],
    rng: random.Random,
) -> dict[str, list[Candidate]]:
    """Teams of the finished round: project title -> members, each team of the given size.

    Each team first gets a holder of each required competence (the project with the rarest one
    chooses first), then the candidates who fit best (programme wanted, competences asked for).
    """
    pool = list(candidates)
    rng.shuffle(pool)

    def holders(competence: str) -> int:
        return sum(competence in candidate.competences for candidate in pool)

    order = sorted(projects, key=lambda item: min(map(holders, item[0].required), default=0))
    teams: dict[str, list[Candidate]] = {}
    for spec, size in order:
        team: list[Candidate] = []
        for competence in spec.required:
            if any(competence in member.competences for member in team):
                continue
            having = [candidate for candidate in pool if competence in candidate.competences]
            if having:
                holder = max(having, key=lambda candidate: _fit(candidate, spec))
                team.append(holder)
                pool.remove(holder)
        for candidate in sorted(pool, key=lambda candidate: -_fit(candidate, spec)):
            if len(team) >= size:
                break
            team.append(candidate)
        pool = [candidate for candidate in pool if candidate not in team]
        teams[spec.title] = team
    return teams


# Ranks the members of the finished round's teams gave their project: most got their first.
_FINISHED_RANK_WEIGHTS = (76, 18, 6)


def finished_rankings(
    teams: dict[str, list[Candidate]], specs: Sequence[ProjectSpec], rng: random.Random
) -> dict[str, tuple[list[str], int]]:
    """Each member's ranking of project titles (3 or 4) and the rank their own project has."""
    rankings: dict[str, tuple[list[str], int]] = {}
    for title, team in teams.items():
        others = [spec for spec in specs if spec.title != title]
        for member in team:
            rank = rng.choices((1, 2, 3), weights=_FINISHED_RANK_WEIGHTS)[0]
            length = rng.randint(max(3, rank), 4)
            weights = [1 + _fit(member, spec) for spec in others]
            picked = [spec.title for spec in _weighted_sample(others, weights, length - 1, rng)]
            rankings[member.key] = ([*picked[: rank - 1], title, *picked[rank - 1 :]], rank)
    return rankings


_RANKING_LENGTHS = (3, 3, 4, 4, 4, 5, 5)


def open_rankings(
    applicants: Sequence[Candidate], specs: Sequence[ProjectSpec], rng: random.Random
) -> dict[str, list[str]]:
    """Each applicant ranks 3 to 5 projects: popular ones often, ones that fit them more often."""
    rankings: dict[str, list[str]] = {}
    for candidate in applicants:
        weights = [
            spec.popularity
            * (3 if candidate.programme in spec.programmes else 1)
            * (1.5 if candidate.competences & {*spec.required, *spec.desired} else 1)
            for spec in specs
        ]
        length = rng.choice(_RANKING_LENGTHS)
        rankings[candidate.key] = [s.title for s in _weighted_sample(specs, weights, length, rng)]
    return rankings


def work_with_plan(
    applicants: Sequence[Candidate],
    rankings: dict[str, list[str]],
    rng: random.Random,
    *,
    mutual: int = 6,
    one_sided: int = 4,
) -> dict[str, list[str]]:
    """Wishes to work with fellow students: key -> keys (at most two, never oneself).

    Pairs of the same programme ask for each other and agree on their first two choices (their
    rankings change accordingly); one student asks for both members of a pair; a few ask for a
    fellow student who does not ask back.
    """
    by_programme: dict[str, list[Candidate]] = {}
    for candidate in applicants:
        by_programme.setdefault(candidate.programme, []).append(candidate)
    wishes: dict[str, list[str]] = {}
    pairs: list[tuple[Candidate, Candidate]] = []
    for programme in sorted(by_programme):
        members = by_programme[programme]
        if len(members) >= 2 and len(pairs) < mutual:
            first, second = rng.sample(members, 2)
            pairs.append((first, second))
    for first, second in pairs:
        wishes[first.key] = [second.key]
        wishes[second.key] = [first.key]
        head = rankings[first.key][:2]
        own = rankings[second.key]
        rankings[second.key] = [*head, *(t for t in own if t not in head)][: len(own)]
    free = [candidate for candidate in applicants if candidate.key not in wishes]
    if pairs and free:
        third = free.pop(rng.randrange(len(free)))
        first, second = pairs[0]
        wishes[third.key] = [first.key, second.key]
    for candidate in rng.sample(free, min(one_sided, len(free))):
        others = [other for other in applicants if other.key != candidate.key]
        wishes[candidate.key] = [rng.choice(others).key]
    return wishes


def coverage_ensure(
    applicants: Sequence[Candidate],
    rankings: dict[str, list[str]],
    specs: Sequence[ProjectSpec],
    *,
    max_choices: int,
) -> None:
    """Make the input worth allocating: among the students ranking each project is someone with
    each required competence, and at least as many as the smallest team needs."""

    def rankers(spec: ProjectSpec) -> list[Candidate]:
        return [c for c in applicants if spec.title in rankings[c.key]]

    def add(candidate: Candidate, spec: ProjectSpec) -> None:
        ranking = rankings[candidate.key]
        if len(ranking) < max_choices:
            ranking.append(spec.title)
        else:
            ranking[-1] = spec.title

    for spec in specs:
        for competence in spec.required:
            if any(competence in c.competences for c in rankers(spec)):
                continue
            holder = next(
                (
                    c
                    for c in sorted(applicants, key=lambda c: -_fit(c, spec))
                    if competence in c.competences and spec.title not in rankings[c.key]
                ),
                None,
            )
            if holder is not None:
                add(holder, spec)
        missing = spec.team[0] - len(rankers(spec))
        if missing > 0:
            chosen = [c for c in applicants if spec.title not in rankings[c.key]]
            chosen = [c for c in chosen if len(rankings[c.key]) < max_choices]
            for candidate in sorted(chosen, key=lambda c: -_fit(c, spec))[:missing]:
                add(candidate, spec)


def motivation(
    candidate: Candidate,
    spec: ProjectSpec,
    *,
    town: str,
    labels: dict[str, str],
    rng: random.Random,
) -> str:
    """A short motivation in the student's words: who they are, why this project, what they
    bring."""
    opener = rng.choice(OPENERS).format(programme=candidate.programme, semester=candidate.semester)
    parts = [opener]
    if spec.hooks:
        parts.append(rng.choice(spec.hooks))
    shared = [slug for slug in (*spec.required, *spec.desired) if slug in candidate.competences]
    if shared:
        parts.append(f"Aus dem Studium bringe ich Kenntnisse in {labels[shared[0]]} mit.")
    else:
        parts.append(f"Ich arbeite gern im Team und fahre dafür auch regelmäßig nach {town}.")
    return " ".join(parts)


def demo_pdf(title: str, paragraphs: Sequence[str]) -> bytes:
    """A small but valid one-page PDF (A4, Helvetica) with a title and wrapped paragraphs.

    Written by hand so the demo needs no PDF library; text outside Windows-1252 becomes "?".
    """

    def literal(text: str) -> bytes:
        raw = text.encode("cp1252", errors="replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, width=92) or [""])
    operations = [b"BT", b"/F1 15 Tf", b"56 780 Td", b"(" + literal(title) + b") Tj"]
    operations += [b"/F2 10 Tf", b"14 TL", b"0 -10 Td"]
    operations += [b"(" + literal(line) + b") '" for line in lines[:50]]
    operations.append(b"ET")
    stream = b"\n".join(operations)
    title_utf16 = (b"\xfe\xff" + title.encode("utf-16-be")).hex().upper().encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title <" + title_utf16 + b"> /Producer (Transferraum demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- Writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundsReport:
    """The demo's rounds after a run; `created` counts the rows this run added."""

    rounds: int
    projects: int
    applications: int  # in the open round
    created: int


@dataclass
class _Context:
    """What both rounds are built from, loaded once."""

    seed: int
    people: dict[str, User]
    candidates: list[Candidate]
    students: dict[str, User]  # generated students by e-mail
    competences: dict[str, Competence]
    programmes: dict[str, StudyProgramme]
    formats: dict[str, TransferFormat]


_COUNTED: tuple[type[models.Model], ...] = (
    Challenge,
    Comment,
    Follow,
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
)


def _rows() -> int:
    return sum(model._default_manager.count() for model in _COUNTED)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def _day_at(offset: int, hour: int) -> dt.datetime:
    """A time `offset` days from the demo's fixed day (DEMO_TODAY), as the challenges count."""
    return _at(DEMO_TODAY + dt.timedelta(days=offset), hour)


@transaction.atomic
def demo_rounds_load(*, seed: int = DEMO_SEED) -> RoundsReport:
    """Add the demo's two rounds of practice projects; idempotent.

    Rules: runs after `demo_load` wrote organisations, people, students and challenges. The
    challenges of ROUND_CHALLENGES are found by organisation and title and written like those
    of CHALLENGES when missing. A round is found by its name; one that exists is left as it
    is (whatever happened in it since), except that the open round, while still taking
    applications, moves its dates forward when its deadline has passed, so an old demo
    database has an open round again. The finished round ("Sommersemester 2026", closed) has
    a project for each completed challenge of FINISHED_PROJECTS, teams of generated students,
    their applications, one finished allocation run and full workspaces; the open round
    ("Wintersemester 2026/27", applications open from a week ago to three weeks ahead) has an
    open project for each published challenge of OPEN_PROJECTS that has the project's format,
    and the applications of all generated students but OPEN_ROUND_ABSTAINERS. The student
    personas apply in neither. `seed` decides teams, rankings and wishes.
    """
    before = _rows()
    context = _context(seed)
    _round_challenges_load(context)
    _student_profiles_ensure(list(context.students.values()), seed)
    _finished_round_load(context)
    _open_round_load(context, timezone.now())
    names = (FINISHED_ROUND, OPEN_ROUND)
    return RoundsReport(
        rounds=Round.objects.filter(name__in=names).count(),
        projects=Project.objects.filter(round__name__in=names).count(),
        applications=Application.objects.filter(round__name=OPEN_ROUND).count(),
        created=_rows() - before,
    )


def _context(seed: int) -> _Context:
    specs = [*FINISHED_PROJECTS]
    emails = {ROUND_AUTHOR, COORDINATOR}
    for spec in [*(w.project for w in specs), *OPEN_PROJECTS]:
        emails |= {*spec.supervisors, *spec.contacts}
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    generated = demo_students(seed)
    students = {
        user.email: user
        for user in User.objects.filter(email__in=[s.email for s in generated]).select_related(
            "study_programme"
        )
    }
    links = PersonProfile.competences.through.objects.filter(
        personprofile__user__in=students.values()
    ).values_list("personprofile__user__email", "competence__slug")
    skills: dict[str, set[str]] = {}
    for email, slug in links:
        skills.setdefault(email, set()).add(slug)
    candidates = [
        Candidate(
            key=spec.email,
            programme=user.study_programme.name if user.study_programme else "",
            semester=user.semester or 1,
            competences=frozenset(skills.get(spec.email, ())),
        )
        for spec in generated
        if (user := students.get(spec.email)) is not None
    ]
    programmes = {
        programme.name: programme
        for name, degree, _faculty in PROGRAMMES
        for programme in StudyProgramme.objects.filter(name=name, degree=degree)[:1]
    }
    return _Context(
        seed=seed,
        people=people,
        candidates=candidates,
        students=students,
        competences=Competence.objects.in_bulk(field_name="slug"),
        programmes=programmes,
        formats=TransferFormat.objects.in_bulk(field_name="slug"),
    )


def _round_challenges_load(context: _Context) -> None:
    """Write the challenges of ROUND_CHALLENGES that are missing, as `services._challenges` does."""
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(
            name__in={spec.organisation for spec in ROUND_CHALLENGES}
        )
    }
    existing = set(
        Challenge.objects.filter(organisation__in=organisations.values()).values_list(
            "organisation_id", "title"
        )
    )
    missing = [
        spec
        for spec in ROUND_CHALLENGES
        if (organisations[spec.organisation].pk, spec.title) not in existing
    ]
    if not missing:
        return
    emails = {COORDINATOR} | {
        email for spec in missing for email in (spec.author, spec.contact, spec.coordinator)
    }
    users = {user.email: user for user in User.objects.filter(email__in=emails - {""})}
    topics: dict[str, TopicField] = TopicField.objects.in_bulk(field_name="slug")
    students = list(context.students.values())
    with notifications_suppressed():
        for spec in missing:
            challenge = _challenge_create(
                spec,
                organisation=organisations[spec.organisation],
                users=users,
                topics=topics,
                formats=context.formats,
                municipalities={},
            )
            rng = random.Random(f"{context.seed}:follows:{spec.title}")
            for student in rng.sample(students, rng.randint(*_FOLLOWERS)):
                challenge_follow(actor=student, challenge=challenge, follow=True)
            if spec.status == Status.COMPLETED and spec.start is not None:
                # Published before its round, so the board lists it after the open challenges.
                Challenge.objects.filter(pk=challenge.pk).update(
                    submitted_at=_day_at(spec.start - 60, 10),
                    published_at=_day_at(spec.start - 30, 10),
                )


def _student_profiles_ensure(users: Sequence[User], seed: int) -> None:
    """A profile for applying (mobility, availability) for every generated student without one."""
    have = set(StudentProfile.objects.filter(user__in=users).values_list("user_id", flat=True))
    mobility = StudentProfile.Mobility
    chances = ((mobility.DEUTSCHLANDTICKET, 0.9), (mobility.BIKE, 0.45), (mobility.CAR, 0.2))
    profiles = []
    for user in users:
        if user.pk in have:
            continue
        rng = random.Random(f"{seed}:student-profile:{user.email}")
        means = [str(kind) for kind, chance in chances if rng.random() < chance]
        profiles.append(
            StudentProfile(
                user=user,
                mobility=means or [str(mobility.DEUTSCHLANDTICKET)],
                availability=rng.choice(AVAILABILITY),
            )
        )
    StudentProfile.objects.bulk_create(profiles)


def _challenges_by_title(titles: Iterable[str], status: str) -> dict[str, Challenge]:
    found: dict[str, Challenge] = {}
    for challenge in (
        Challenge.objects.filter(title__in=list(titles), status=status)
        .select_related("municipality")
        .prefetch_related("formats")
        .order_by("pk")
    ):
        found.setdefault(challenge.title, challenge)
    return found


def _project_create(
    context: _Context,
    spec: ProjectSpec,
    *,
    round: Round,
    challenge: Challenge,
    status: str,
    **fields: Any,
) -> Project:
    project = Project.objects.create(
        round=round,
        challenge=challenge,
        format=context.formats[spec.format],
        title=spec.title,
        description=spec.description,
        status=status,
        min_team_size=spec.team[0],
        max_team_size=spec.team[1],
        module=spec.module,
        ects=spec.ects,
        work_language=spec.language,
        site_visit_place=spec.site_visit_place,
        site_visit_frequency=spec.site_visit_frequency,
        **fields,
    )
    project.supervisors.set([context.people[email] for email in spec.supervisors])
    project.partner_contacts.set([context.people[email] for email in spec.contacts])
    project.required_competences.set([context.competences[slug] for slug in spec.required])
    project.desired_competences.set([context.competences[slug] for slug in spec.desired])
    project.wanted_programmes.set([context.programmes[name] for name in spec.programmes])
    project_index(project)
    return project


def _capacities_create(context: _Context, round: Round, capacities: dict[str, int]) -> None:
    SupervisorCapacity.objects.bulk_create(
        SupervisorCapacity(round=round, supervisor=context.people[email], capacity=capacity)
        for email, capacity in capacities.items()
    )


def _applications_create(
    context: _Context,
    round: Round,
    rankings: dict[str, list[str]],
    projects: dict[str, Project],
    wishes: dict[str, list[str]],
    submitted: Callable[[str], dt.datetime],
    rng: random.Random,
) -> dict[str, Application]:
    """Applications with their choices, motivations for the first choices and wishes."""
    by_key = {candidate.key: candidate for candidate in context.candidates}
    labels = {slug: competence.label_de for slug, competence in context.competences.items()}
    specs = {spec.title: spec for spec in (*OPEN_PROJECTS, *(w.project for w in FINISHED_PROJECTS))}
    applications = {
        key: Application(round=round, student=context.students[key], submitted_at=submitted(key))
        for key in rankings
    }
    Application.objects.bulk_create(applications.values())
    for application in applications.values():
        application.created_at = application.updated_at = application.submitted_at
    Application.objects.bulk_update(applications.values(), ["created_at", "updated_at"])
    choices = []
    for key, ranking in rankings.items():
        for rank, title in enumerate(ranking, start=1):
            project = projects[title]
            text = ""
            if rank <= round.motivation_ranks:
                town = project.challenge.municipality.name if project.challenge.municipality else ""
                text = motivation(by_key[key], specs[title], town=town, labels=labels, rng=rng)
            choices.append(
                Choice(application=applications[key], project=project, rank=rank, motivation=text)
            )
    Choice.objects.bulk_create(choices)
    through = Application.work_with.through
    through.objects.bulk_create(
        through(application_id=applications[key].pk, user_id=context.students[other].pk)
        for key, others in wishes.items()
        if key in applications
        for other in others
        if other != key
    )
    return applications


# --- The finished round --------------------------------------------------------------------------


def _finished_round_load(context: _Context) -> None:
    """The finished round: its projects, the teams, their applications, the published run, the
    assignments and the workspaces. A round of that name that exists is left as it is."""
    if Round.objects.filter(name=FINISHED_ROUND).exists():
        return
    challenges = _challenges_by_title(
        (w.project.challenge for w in FINISHED_PROJECTS), Challenge.Status.COMPLETED
    )
    workspaces = [w for w in FINISHED_PROJECTS if w.project.challenge in challenges]
    round = _finished_round_create(context)
    projects = {
        w.project.title: _project_create(
            context,
            w.project,
            round=round,
            challenge=challenges[w.project.challenge],
            status=Project.Status.COMPLETED,
            public_summary=w.public_summary,
            results=w.results,
            completed_at=_at(FINISHED_COMPLETED, 10),
        )
        for w in workspaces
    }
    rng = random.Random(f"{context.seed}:rounds:finished")
    teams = teams_form(context.candidates, [(w.project, w.team_size) for w in workspaces], rng)
    ranked = finished_rankings(teams, [w.project for w in workspaces], rng)
    wishes = _finished_wishes(teams)
    _finished_applications_create(context, round, projects, ranked, wishes, rng)
    run = _finished_run_create(context, round, projects, teams, ranked, wishes)
    _assignments_create(context, round, projects, teams, ranked, run)
    for w in workspaces:
        team_users = [context.students[member.key] for member in teams[w.project.title]]
        _workspace_fill(context, projects[w.project.title], w, team_users)


def _finished_round_create(context: _Context) -> Round:
    """The closed round with its dates of 2026 and its supervisors' capacities."""
    round = Round.objects.create(
        name=FINISHED_ROUND,
        description=FINISHED_DESCRIPTION,
        phase=Round.Phase.CLOSED,
        applications_open_at=_at(FINISHED_OPENS, 9),
        applications_close_at=_at(FINISHED_CLOSES, 23, 59),
        work_starts_on=FINISHED_WORK,
        presentation_on=FINISHED_PRESENTATION,
        ends_on=FINISHED_ENDS,
        published_at=_at(FINISHED_PUBLISHED, 10),
        created_by=context.people[ROUND_AUTHOR],
    )
    Round.objects.filter(pk=round.pk).update(created_at=_at(FINISHED_PLANNED, 11))
    _capacities_create(context, round, FINISHED_CAPACITIES)
    return round


def _finished_wishes(teams: dict[str, list[Candidate]]) -> dict[str, list[str]]:
    """Two friends in each of the first two teams asked to work together, and got it."""
    wishes: dict[str, list[str]] = {}
    for team in list(teams.values())[:2]:
        if len(team) >= 2:
            wishes[team[0].key], wishes[team[1].key] = [team[1].key], [team[0].key]
    return wishes


def _finished_applications_create(
    context: _Context,
    round: Round,
    projects: dict[str, Project],
    ranked: dict[str, tuple[list[str], int]],
    wishes: dict[str, list[str]],
    rng: random.Random,
) -> None:
    """The team members' applications, submitted while the round took them."""
    rankings = {key: ranking for key, (ranking, _rank) in ranked.items()}
    window = int((_at(FINISHED_CLOSES, 20) - _at(FINISHED_OPENS, 10)).total_seconds())
    submitted = {
        key: _at(FINISHED_OPENS, 10) + dt.timedelta(seconds=rng.randrange(window))
        for key in rankings
    }
    _applications_create(context, round, rankings, projects, wishes, submitted.__getitem__, rng)


def _assignments_create(
    context: _Context,
    round: Round,
    projects: dict[str, Project],
    teams: dict[str, list[Candidate]],
    ranked: dict[str, tuple[list[str], int]],
    run: AllocationRun,
) -> None:
    """Each team member's place from the published run, with the engine's explanation."""
    assignments = []
    for title, team in teams.items():
        project = projects[title]
        for member in team:
            ranking, rank = ranked[member.key]
            pids = [str(projects[t].pk) for t in ranking]
            assignments.append(
                Assignment(
                    round=round,
                    student=context.students[member.key],
                    project=project,
                    rank=rank,
                    run=run,
                    explanation=_explanation(pids, rank),
                )
            )
    Assignment.objects.bulk_create(assignments)


def _explanation(ranking: Sequence[str], rank: int) -> list[dict[str, Any]]:
    """The engine's explanation in its stored form: the choice the student got, and for each
    higher choice why not (its places went to students who ranked it at least as high)."""
    entries = []
    for number, project in enumerate(ranking[:rank], start=1):
        kind = "assigned" if number == rank else "full_higher"
        params, texts = message(kind, rank=rank) if kind == "assigned" else message(kind)
        entries.append(
            {
                "project": project,
                "rank": number,
                "kind": kind,
                "text": texts["de"],
                "params": params,
                "texts": texts,
            }
        )
    return [entries[-1], *entries[:-1]]


def _finished_run_create(
    context: _Context,
    round: Round,
    projects: dict[str, Project],
    teams: dict[str, list[Candidate]],
    ranked: dict[str, tuple[list[str], int]],
    wishes: dict[str, list[str]],
) -> AllocationRun:
    """The run whose result the round published: its input and a summary of its result."""
    sid = {key: str(user.pk) for key, user in context.students.items()}
    by_key = {candidate.key: candidate for candidate in context.candidates}
    specs = {w.project.title: w.project for w in FINISHED_PROJECTS}
    instance = {
        "students": [
            {
                "id": sid[key],
                "preferences": [str(projects[title].pk) for title in ranking],
                "programme": by_key[key].programme,
                "competences": sorted(by_key[key].competences),
                "work_with": [sid[other] for other in wishes.get(key, [])],
            }
            for key, (ranking, _rank) in ranked.items()
        ],
        "projects": [
            {
                "id": str(project.pk),
                "min_size": project.min_team_size,
                "max_size": project.max_team_size,
                "supervisors": [str(context.people[e].pk) for e in specs[title].supervisors],
                "required_competences": list(specs[title].required),
                "wanted_programmes": list(specs[title].programmes),
            }
            for title, project in projects.items()
        ],
        "supervisors": [
            {"id": str(context.people[email].pk), "capacity": capacity}
            for email, capacity in FINISHED_CAPACITIES.items()
        ],
        "pins": [],
        "exclusions": [],
        "options": {
            "objective": round.objective,
            "rank_costs": None,
            "max_programme_share": None,
            "work_with_weight": float(round.work_with_weight),
            "time_limit": 60.0,
            "seed": context.seed,
            "language": "de",
        },
    }
    profile = Counter(rank for _ranking, rank in ranked.values())
    result = {
        "assignment": {
            sid[member.key]: str(projects[title].pk)
            for title, team in teams.items()
            for member in team
        },
        "unassigned": [],
        "closed_projects": [],
        "profile": [profile.get(rank, 0) for rank in range(1, max(profile, default=0) + 1)],
        "objective": float(sum(rank for _ranking, rank in ranked.values())),
        "bound": None,
        "gap": 0.0,
        "optimal": True,
        "seconds": 0.4,
        "explanations": {},
        "meta": {"demo": True},
    }
    started = _at(FINISHED_CLOSES + dt.timedelta(days=1), 8)
    run = AllocationRun.objects.create(
        round=round,
        number=1,
        started_by=context.people[ROUND_AUTHOR],
        status=AllocationRun.Status.DONE,
        progress=100,
        progress_note="Fertig",
        objective=round.objective,
        seed=context.seed,
        instance=instance,
        result=result,
        finished_at=started + dt.timedelta(seconds=3),
    )
    AllocationRun.objects.filter(pk=run.pk).update(created_at=started, updated_at=started)
    return run


def _workspace_fill(
    context: _Context, project: Project, spec: WorkspaceSpec, team: list[User]
) -> None:
    """Milestones, meetings with minutes, documents with versions, the discussion and the
    partner's feedback of a finished project; dates count from the start of the work phase."""
    supervisors = [context.people[email] for email in spec.project.supervisors]
    contacts = [context.people[email] for email in spec.project.contacts]
    people = {f"m{i}": team[i % len(team)] for i in range(6)}
    people |= {"sup": supervisors[0], "con": contacts[0]}
    names = {key: user.get_short_name() for key, user in people.items()}
    names |= {"sup": supervisors[0].name, "con": contacts[0].name}

    def on(day: int, hour: int = 12) -> dt.datetime:
        return _at(FINISHED_WORK + dt.timedelta(days=day), hour)

    milestones = Milestone.objects.bulk_create(
        Milestone(
            project=project,
            title=title,
            description=description,
            due_on=FINISHED_WORK + dt.timedelta(days=day),
            status=Milestone.Status.DONE,
            created_by=team[0],
        )
        for day, title, description in spec.milestones
    )
    _backdate(milestones, [on(3, 10)] * len(milestones))

    meetings = Meeting.objects.bulk_create(
        Meeting(
            project=project,
            kind=meeting.kind,
            starts_at=_at(FINISHED_WORK + dt.timedelta(days=meeting.day), *meeting.time),
            place=meeting.place,
            minutes=meeting.minutes,
            created_by=team[1 % len(team)],
        )
        for meeting in spec.meetings
    )
    _backdate(meetings, [on(max(meeting.day - 7, 0), 9) for meeting in spec.meetings])
    through = Meeting.attendees.through
    links = []
    for meeting, meeting_spec in zip(meetings, spec.meetings, strict=True):
        guests = contacts[:1] if meeting_spec.kind == VISIT else [*supervisors, *contacts]
        links += [through(meeting_id=meeting.pk, user_id=user.pk) for user in [*team, *guests]]
    through.objects.bulk_create(links)

    _documents_create(project, spec, team, supervisors, contacts)

    posts = Post.objects.bulk_create(
        Post(project=project, author=people[key], text=text.format(**names))
        for key, _day, text in spec.posts
    )
    for post, (_key, day, _text) in zip(posts, spec.posts, strict=True):
        post.created_at = on(day, 18)
    Post.objects.bulk_update(posts, ["created_at"])

    feedback = Feedback.objects.bulk_create(
        Feedback(
            project=project,
            stage=stage,
            author=contacts[0],
            usefulness=given.usefulness,
            collaboration=given.collaboration,
            what_next=given.what_next,
            comment=given.comment,
        )
        for stage, given in (
            (Feedback.Stage.MIDTERM, spec.midterm),
            (Feedback.Stage.FINAL, spec.final),
        )
    )
    _backdate(feedback, [on(45, 16), on(84, 16)])


def _backdate(rows: Sequence[Any], when: Sequence[dt.datetime]) -> None:
    """Give rows written now the time they were written in the round's story."""
    for row, moment in zip(rows, when, strict=True):
        row.created_at = row.updated_at = moment
    if rows:
        type(rows[0])._default_manager.bulk_update(rows, ["created_at", "updated_at"])


def _documents_create(
    project: Project,
    spec: WorkspaceSpec,
    team: list[User],
    supervisors: list[User],
    contacts: list[User],
) -> None:
    """The team's documents, each a small PDF, the plan and the report in two versions."""
    category = Document.Category
    working_title, working_lines = spec.working_document
    documents = Document.objects.bulk_create(
        [
            Document(project=project, title="Arbeitsplan", category=category.WORKING),
            Document(project=project, title=working_title, category=category.WORKING),
            Document(project=project, title="Abschlussbericht", category=category.REPORT),
            Document(
                project=project, title="Abschlusspräsentation", category=category.PRESENTATION
            ),
        ]
    )
    plan, working, report, slides = documents
    for index, document in enumerate(documents):
        document.created_by = team[index % len(team)]
    Document.objects.bulk_update(documents, ["created_by"])
    _backdate(documents, [_at(FINISHED_WORK + dt.timedelta(days=d), 11) for d in (3, 6, 70, 79)])

    def day(offset: int) -> dt.date:
        return FINISHED_WORK + dt.timedelta(days=offset)

    people = [
        f"Team: {', '.join(user.name for user in team)}",
        f"Betreuung: {', '.join(user.name for user in supervisors)}",
        f"Partner: {', '.join(user.name for user in contacts)} ({project.challenge.organisation})",
    ]
    schedule = [f"{day(d):%d.%m.%Y}: {title}" for d, title, _description in spec.milestones]
    outcome = [spec.project.description, "", "Ergebnisse", spec.results]
    versions: list[tuple[Document, int, str, str, list[str], int]] = [
        (plan, 1, "Arbeitsplan_Entwurf.pdf", "Arbeitsplan (Entwurf)", [*people, "", *schedule], 3),
        (plan, 2, "Arbeitsplan.pdf", "Arbeitsplan", [*people, "", *schedule], 12),
        (working, 1, f"{_file_stem(working_title)}.pdf", working_title, list(working_lines), 6),
        (report, 1, "Abschlussbericht_Entwurf.pdf", "Abschlussbericht (Entwurf)", outcome, 70),
        (
            report,
            2,
            "Abschlussbericht.pdf",
            "Abschlussbericht",
            [*people, "", *outcome, "", "Zusammenfassung", spec.public_summary],
            84,
        ),
        (
            slides,
            1,
            "Abschlusspraesentation.pdf",
            "Abschlusspräsentation",
            [project.title, "", *(f"- {s.strip()}." for s in spec.results.split(". ") if s)],
            79,
        ),
    ]
    rows = []
    for document, number, name, title, lines, _offset in versions:
        content = demo_pdf(f"{title}: {project.title}", lines)
        version = DocumentVersion(
            document=document,
            number=number,
            name=name,
            kind="pdf",
            size=len(content),
            uploaded_by=document.created_by,
        )
        version.file.save(name, ContentFile(content), save=False)
        rows.append(version)
    DocumentVersion.objects.bulk_create(rows)
    for version, (*_rest, offset) in zip(rows, versions, strict=True):
        version.uploaded_at = _at(day(offset), 15)
    DocumentVersion.objects.bulk_update(rows, ["uploaded_at"])


def _file_stem(title: str) -> str:
    spelled = title.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return "_".join(spelled.split())


# --- The open round ------------------------------------------------------------------------------


def _open_dates(now: dt.datetime) -> dict[str, Any]:
    """Applications opened a week ago and close in three weeks; work starts on the Monday two
    weeks after the deadline and ends with the presentations ten weeks later."""
    today = timezone.localdate(now)
    closes = today + dt.timedelta(days=21)
    work = closes + dt.timedelta(days=14)
    work += dt.timedelta(days=(7 - work.weekday()) % 7)
    presentation = work + dt.timedelta(days=73)
    return {
        "applications_open_at": _at(today - dt.timedelta(days=7), 9),
        "applications_close_at": _at(closes, 23, 59),
        "work_starts_on": work,
        "presentation_on": presentation,
        "ends_on": presentation + dt.timedelta(days=22),
    }


def _open_round_refresh(round: Round, now: dt.datetime) -> None:
    """Move a stale open round (deadline passed, still taking applications) forward in time."""
    closes = round.applications_close_at
    if round.phase != Round.Phase.APPLICATIONS or closes is None or closes > now:
        return
    shift = _open_dates(now)["applications_close_at"].date() - timezone.localdate(closes)
    for name in ("applications_open_at", "applications_close_at", "work_starts_on"):
        value = getattr(round, name)
        if value is not None:
            setattr(round, name, value + shift)
    for name in ("presentation_on", "ends_on"):
        value = getattr(round, name)
        if value is not None:
            setattr(round, name, value + shift)
    round.save()
    Application.objects.filter(round=round).update(submitted_at=models.F("submitted_at") + shift)


def _open_round_load(context: _Context, now: dt.datetime) -> None:
    """The open round: its projects and the applications of the generated students. A round of
    that name that exists only moves forward in time when it is stale."""
    existing = Round.objects.filter(name=OPEN_ROUND).first()
    if existing is not None:
        _open_round_refresh(existing, now)
        return
    dates = _open_dates(now)
    round = _open_round_create(context, dates)
    challenges = _challenges_by_title(
        (spec.challenge for spec in OPEN_PROJECTS), Challenge.Status.PUBLISHED
    )
    specs = [
        spec
        for spec in OPEN_PROJECTS
        if spec.challenge in challenges
        and spec.format in {f.slug for f in challenges[spec.challenge].formats.all()}
    ]
    projects = {
        spec.title: _project_create(
            context,
            spec,
            round=round,
            challenge=challenges[spec.challenge],
            status=Project.Status.OPEN,
        )
        for spec in specs
    }
    if projects:
        opens = dates["applications_open_at"]
        _open_applications_create(context, round, projects, specs, opens=opens, now=now)


def _open_round_create(context: _Context, dates: dict[str, Any]) -> Round:
    """The round taking applications, with `dates` and its supervisors' capacities."""
    round = Round.objects.create(
        name=OPEN_ROUND,
        description=OPEN_DESCRIPTION,
        phase=Round.Phase.APPLICATIONS,
        min_choices=3,
        max_choices=5,
        motivation_ranks=2,
        objective=Round.Objective.RANK_MAXIMAL,
        max_programme_share=Decimal("0.60"),
        work_with_weight=1,
        created_by=context.people[ROUND_AUTHOR],
        **dates,
    )
    _capacities_create(context, round, OPEN_CAPACITIES)
    return round


def _open_applications_create(
    context: _Context,
    round: Round,
    projects: dict[str, Project],
    specs: Sequence[ProjectSpec],
    *,
    opens: dt.datetime,
    now: dt.datetime,
) -> None:
    """Applications of all generated students but OPEN_ROUND_ABSTAINERS, submitted between the
    opening and an hour ago: rankings, wishes, and every project ranked by enough of them."""
    rng = random.Random(f"{context.seed}:rounds:open")
    abstainers = set(rng.sample(range(len(context.candidates)), OPEN_ROUND_ABSTAINERS))
    applicants = [c for i, c in enumerate(context.candidates) if i not in abstainers]
    rankings = open_rankings(applicants, specs, rng)
    wishes = work_with_plan(applicants, rankings, rng)
    coverage_ensure(applicants, rankings, specs, max_choices=round.max_choices)
    window = max(int((now - opens).total_seconds()) - 3600, 1)
    submitted = {key: opens + dt.timedelta(seconds=rng.randrange(window)) for key in rankings}
    _applications_create(context, round, rankings, projects, wishes, submitted.__getitem__, rng)
