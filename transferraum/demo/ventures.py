"""Loading the demo's ventures (`demo.data.ventures`) through the ventures' services: each
venture is started by its first founder, the others are invited and accept, the checklists are
ticked and the gates passed at their days before DEMO_TODAY (`time_machine`), mentors asked
and answering, programme applications recorded. Idempotent: a venture is found by its name;
one that exists is left as it is. Nobody is notified."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import transaction
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.demo.data.challenges import DEMO_TODAY
from transferraum.demo.data.rounds import FINISHED_ROUND
from transferraum.demo.data.ventures import TEAM, VENTURES, VentureSpec
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import Assignment, Project
from transferraum.regions.models import Municipality
from transferraum.ventures import services
from transferraum.ventures.data.gates import CHECKLISTS
from transferraum.ventures.models import STAGE_ORDER, Application, SupportProgramme, Venture
from transferraum.ventures.services import STEP_SERVICES


def _at(days: int) -> dt.datetime:
    return timezone.make_aware(
        dt.datetime.combine(DEMO_TODAY - dt.timedelta(days=days), dt.time(10))
    )


def demo_ventures_load() -> int:
    """Load the catalogue of support programmes and the demo's ventures; returns how many
    ventures were created. A venture whose people or project are missing, or whose story the
    services refuse, is left out whole."""
    created = services.programmes_load()
    existing = set(Venture.objects.values_list("name", flat=True))
    with notifications_suppressed():
        for spec in VENTURES:
            if spec.name in existing:
                continue
            try:
                with transaction.atomic():
                    if _play(spec):
                        created += 1
            except (DomainError, PermissionDenied, User.DoesNotExist):
                continue
    return created


def _people(spec: VentureSpec, project: Project | None) -> list[User] | None:
    team: list[User] = []
    if project is not None:
        team = [
            a.student
            for a in Assignment.objects.filter(project=project)
            .select_related("student")
            .order_by("student__email")
        ]
    people = []
    for key in spec.founders:
        if key.startswith(TEAM):
            index = int(key.removeprefix(TEAM))
            if index >= len(team):
                return None
            people.append(team[index])
        else:
            people.append(User.objects.get(email=key))
    return people


def _play(spec: VentureSpec) -> bool:
    project = None
    if spec.project:
        project = Project.objects.filter(round__name=FINISHED_ROUND, title=spec.project).first()
        if project is None:
            return False
    people = _people(spec, project)
    if not people:
        return False
    first, *others = people
    town = Municipality.objects.filter(name=spec.town).order_by("ags").first()
    start = max(spec.gates or (30,)) + 30
    with time_machine.travel(_at(start), tick=False):
        venture = services.venture_create(
            actor=first,
            data={
                "name": spec.name,
                "one_line": spec.one_line,
                "idea": spec.idea,
                "sector": spec.sector,
                "origin": spec.origin,
                "origin_project": project,
                "origin_note": spec.origin_note,
                "municipality": town,
                "organisation": Organisation.objects.filter(name=spec.organisation).first()
                if spec.organisation
                else None,
            },
            competences=Competence.objects.filter(slug__in=spec.competences),
        )
        for person in others:
            services.founder_invite(actor=first, venture=venture, email=person.email)
            services.founder_answer(actor=person, venture=venture, accept=True)
        for email, accepted in spec.mentors:
            mentor = User.objects.get(email=email)
            services.mentor_ask(actor=first, venture=venture, mentor=mentor)
            if accepted:
                services.mentor_answer(actor=mentor, venture=venture, accept=True)
    target = STAGE_ORDER.index(spec.stage)
    for gate, days in zip(STAGE_ORDER[1 : target + 1], spec.gates, strict=False):
        with time_machine.travel(_at(days), tick=False):
            venture.refresh_from_db()
            services.checklist_save(
                actor=first,
                venture=venture,
                gate=gate,
                ticked=[item.key for item in CHECKLISTS[gate]],
            )
            extra = {}
            if gate == "founded":
                extra = {
                    "founded_on": (DEMO_TODAY - dt.timedelta(days=days)),
                    "legal_form": spec.founding[0],
                    "register_number": spec.founding[1],
                    "founded_town": town,
                }
            STEP_SERVICES[f"pass_{gate}"](actor=first, venture=venture, **extra)
    venture.refresh_from_db()
    with time_machine.travel(_at(max(min(spec.gates or (10,)) - 5, 1)), tick=False):
        for slug, outcome in spec.applications:
            programme = SupportProgramme.objects.get(slug=slug)
            application = services.application_submit(
                actor=first, venture=venture, programme=programme
            )
            if outcome != Application.Status.SUBMITTED:
                services.application_decide(
                    actor=first,
                    application=application,
                    status=outcome,
                    amount_cents=programme.amount_max_cents,
                )
        if spec.public:
            services.venture_publish(actor=first, venture=venture, public=True)
    return True
