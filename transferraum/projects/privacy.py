"""What the projects area stores about people (see `core.privacy`)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.core.privacy import (
    FORMER_MEMBER,
    PROGRAMME,
    PUBLIC_TASK,
    STAFF,
    STUDENTS,
    WITH_OBJECT,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    Retention,
    privacy_register,
)
from transferraum.projects.models import Assignment, Choice, Project, Round

TEACHING = _("Running practice projects: applying, allocating students, working in teams")
PROJECTS = PrivacyArea(
    area="projects",
    purpose=TEACHING,
    legal_basis=PUBLIC_TASK,
    people=STUDENTS,
    recipients=PROGRAMME,
)
WORKSPACE = PrivacyArea(
    area="workspace",
    purpose=TEACHING,
    legal_basis=PUBLIC_TASK,
    people=STUDENTS,
    recipients=PROGRAMME,
)
FINISHED = Q(project__status=Project.Status.COMPLETED) | Q(round__phase=Round.Phase.CLOSED)


def former_member() -> User:
    """A new account that stands for an erased person where a history must keep a place
    (a finished team): no name, no address of theirs, no login."""
    with translation.override(settings.LANGUAGE_CODE):
        name = str(FORMER_MEMBER)
    name = name[:1].upper() + name[1:]
    return User.objects.create_user(
        email=f"former-member-{uuid.uuid4().hex}@invalid.invalid", name=name, is_active=False
    )


def finished_places_keep(person: User) -> None:
    """A former student's place in a finished team stays, held by an anonymous member, so the
    team's size and history stay true; places in rounds still running go with the account."""
    places = Assignment.objects.filter(FINISHED, student=person, project__isnull=False)
    if places.exists():
        places.update(student=former_member(), explanation=[])


def choices_of(person: User) -> QuerySet[Choice]:
    return Choice.objects.filter(application__student=person)


privacy_register(
    PersonalData(
        "projects.StudentProfile",
        person_fields=("user",),
        export_fields=("mobility", "availability", "created_at"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "projects.Application",
        person_fields=("student",),
        export_fields=("round", "work_with", "submitted_at"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "projects.Choice",
        rows=choices_of,
        export_fields=("project", "rank", "motivation"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "projects.Assignment",
        person_fields=("student",),
        export_fields=("round", "project", "rank", "pinned", "explanation"),
        before_erase=finished_places_keep,
        erase=Erase.DELETE,
        mentions=("explanation",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.Counterfactual",
        recipients=_("The student themselves"),
        person_fields=("student",),
        export_fields=("project", "status", "texts", "created_at"),
        erase=Erase.DELETE,
        mentions=("texts",),
        retention=Retention(365, "created_at"),
    ),
    PersonalData(
        "projects.SupervisorCapacity",
        people=STAFF,
        person_fields=("supervisor",),
        export_fields=("round", "capacity"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "projects.Round",
        people=STAFF,
        person_fields=("created_by",),
        export_fields=("name", "phase", "created_at"),
        erase=Erase.KEEP,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.Project",
        people=STAFF,
        person_fields=("supervisors", "partner_contacts"),
        export_fields=("title", "round", "status", "supervisors", "partner_contacts"),
        erase=Erase.ANONYMISE,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.AllocationRun",
        people=STAFF,
        person_fields=("started_by",),
        export_fields=("round", "number", "status", "created_at"),
        erase=Erase.KEEP,
        mentions=("error", "progress_note"),
        retention_text=WITH_OBJECT,
    ),
    NotPersonal("projects.TrainConnection", "Train connections to municipalities."),
    defaults=PROJECTS,
)
privacy_register(
    PersonalData(
        "projects.Milestone",
        person_fields=("created_by",),
        export_fields=("project", "title", "description", "due_on", "status"),
        erase=Erase.KEEP,
        mentions=("title", "description"),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.Meeting",
        person_fields=("created_by", "attendees"),
        export_fields=("project", "kind", "starts_at", "place", "minutes"),
        erase=Erase.ANONYMISE,
        mentions=("minutes",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.Document",
        person_fields=("created_by",),
        export_fields=("project", "title", "category", "created_at"),
        erase=Erase.KEEP,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.DocumentVersion",
        person_fields=("uploaded_by",),
        export_fields=("document", "number", "file", "name", "uploaded_at"),
        files=("file",),
        # the team's work stays with the team, without the uploader
        erase=Erase.KEEP,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.Post",
        person_fields=("author",),
        export_fields=("project", "text", "created_at"),
        erase=Erase.KEEP,
        mentions=("text",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "projects.Feedback",
        people=STAFF,
        person_fields=("author",),
        export_fields=("project", "stage", "usefulness", "collaboration", "what_next", "comment"),
        erase=Erase.KEEP,
        mentions=("what_next", "comment"),
        retention_text=WITH_OBJECT,
    ),
    defaults=WORKSPACE,
)
