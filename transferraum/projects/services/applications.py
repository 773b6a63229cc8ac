"""Writes of the applications area: a student's profile for applying, submitting (and changing)
a ranking of projects, withdrawing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Competence
from transferraum.actors.services import person_index, profile_for
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.notifications.services import notifications_enabled
from transferraum.projects.models import (
    Application,
    Assignment,
    Choice,
    Project,
    Round,
    StudentProfile,
)
from transferraum.projects.permissions import applications_open, is_student

BERLIN = ZoneInfo("Europe/Berlin")
MAX_WORK_WITH = 2
MAX_SEMESTER = 30
MOTIVATION_MAX_LENGTH = 1500
AVAILABILITY_MAX_LENGTH = 300  # StudentProfile.availability
LANGUAGES_MAX_LENGTH = 200  # PersonProfile.languages


def berlin_time(moment: dt.datetime) -> str:
    """A moment as people in Leipzig read it, in the active language's format."""
    return str(formats.date_format(timezone.localtime(moment, BERLIN), "DATETIME_FORMAT"))


def application_closed_reason(round: Round) -> str | None:
    """Why applications to `round` cannot be submitted or changed now; None while they can."""
    if applications_open(round):
        return None
    now = timezone.now()
    opens, closes = round.applications_open_at, round.applications_close_at
    if round.phase == Round.Phase.PREPARATION or (
        round.phase == Round.Phase.APPLICATIONS and opens is not None and now < opens
    ):
        if opens is not None and now < opens:
            return _("Applications for “%(round)s” open on %(opening)s (Berlin time).") % {
                "round": round.name,
                "opening": berlin_time(opens),
            }
        return _("Applications for “%(round)s” are not open yet.") % {"round": round.name}
    if closes is not None and now > closes:
        return _(
            "The application deadline of “%(round)s” was %(deadline)s (Berlin time). "
            "Applications can no longer be submitted, changed or withdrawn."
        ) % {"round": round.name, "deadline": berlin_time(closes)}
    return _("Applications for “%(round)s” are closed.") % {"round": round.name}


def _lock_open_round(round: Round) -> Round:
    """Reload the round under a row lock, so that a phase change cannot slip between the check
    and the write; refuse when applications are not open."""
    round = Round.objects.select_for_update().get(pk=round.pk)
    reason = application_closed_reason(round)
    if reason is not None:
        raise DomainError(reason)
    return round


def _checked_choices(round: Round, choices: list[tuple[int, str]]) -> list[tuple[Project, str]]:
    """The ranked projects in order, each of this round and open, with the motivations."""
    projects = Project.objects.select_related("round").in_bulk([pk for pk, _m in choices])
    seen: set[int] = set()
    checked: list[tuple[Project, str]] = []
    for project_id, motivation in choices:
        project = projects.get(project_id)
        if project is None:
            raise DomainError(
                _("One of the projects you ranked does not exist. Please check your ranking."),
                field="ranking",
            )
        if project_id in seen:
            raise DomainError(
                _("You ranked “%(title)s” more than once. Each project can be ranked only once.")
                % {"title": project.title},
                field="ranking",
            )
        seen.add(project_id)
        if project.round_id != round.pk:
            raise DomainError(
                _(
                    "“%(title)s” belongs to the round “%(other)s”, not to “%(round)s”. "
                    "Please remove it from your ranking."
                )
                % {"title": project.title, "other": project.round.name, "round": round.name},
                field="ranking",
            )
        if project.status != Project.Status.OPEN:
            raise DomainError(
                _("“%(title)s” takes no applications. Please remove it from your ranking.")
                % {"title": project.title},
                field="ranking",
            )
        checked.append((project, motivation.strip()))
    count = len(checked)
    if count < round.min_choices:
        raise DomainError(
            ngettext(
                "Please rank at least %(min)d project; you have ranked %(count)d.",
                "Please rank at least %(min)d projects; you have ranked %(count)d.",
                round.min_choices,
            )
            % {"min": round.min_choices, "count": count},
            field="ranking",
        )
    if count > round.max_choices:
        raise DomainError(
            ngettext(
                "Please rank at most %(max)d project; you have ranked %(count)d.",
                "Please rank at most %(max)d projects; you have ranked %(count)d.",
                round.max_choices,
            )
            % {"max": round.max_choices, "count": count},
            field="ranking",
        )
    for rank, (project, motivation) in enumerate(checked, start=1):
        field = f"motivation_{project.pk}"
        if rank <= round.motivation_ranks and not motivation:
            raise DomainError(
                _("Please write a short motivation for your choice %(rank)d, “%(title)s”.")
                % {"rank": rank, "title": project.title},
                field=field,
            )
        if len(motivation) > MOTIVATION_MAX_LENGTH:
            raise DomainError(
                _("The motivation for “%(title)s” is longer than %(max)d characters.")
                % {"title": project.title, "max": MOTIVATION_MAX_LENGTH},
                field=field,
            )
    return checked


def _checked_work_with(actor: User, work_with: Iterable[int]) -> list[User]:
    wanted = list(dict.fromkeys(work_with))
    if actor.pk in wanted:
        raise DomainError(_("You cannot name yourself as a fellow student."), field="work_with")
    if len(wanted) > MAX_WORK_WITH:
        raise DomainError(_("You can name at most two fellow students."), field="work_with")
    people = User.objects.in_bulk(wanted)
    checked = []
    for pk in wanted:
        person = people.get(pk)
        if person is None:
            raise DomainError(
                _("One of the people you named is not registered."), field="work_with"
            )
        if not is_student(person):
            raise DomainError(
                _("%(name)s is not a student of the programme.")
                % {"name": person.name or person.email},
                field="work_with",
            )
        checked.append(person)
    return checked


def _notify(event: str, *, round_id: int, student_id: int) -> None:
    from transferraum.projects.tasks.applications import application_notify

    if not notifications_enabled():
        return
    transaction.on_commit(lambda: application_notify.enqueue(round_id, student_id, event))


@transaction.atomic
def application_submit(
    *,
    actor: User,
    round: Round,
    choices: list[tuple[int, str]],
    work_with: Iterable[int] = (),
) -> Application:
    """Submit a ranking, or replace the one submitted before: "change everything until the
    deadline". `choices` are (project id, motivation) pairs, first choice first.

    Rules: only students; only while applications are open (before the opening and after the
    deadline are refused, naming the date in Berlin time); between the round's fewest and most
    choices; each project once, of this round and open; a motivation for the first
    `round.motivation_ranks` choices; at most two fellow students to work with, students and not
    the applicant. One application per student and round: the second submit replaces the
    ranking of the first, under a row lock, so a double click stores no duplicate and no half.
    Raises PermissionDenied, DomainError (with `field`: "ranking", "motivation_<project id>",
    "work_with"); nothing is stored on error. The student gets a confirmation e-mail.
    """
    if not is_student(actor):
        raise PermissionDenied(_("Only students apply for projects."), needs_role=User.Role.STUDENT)
    round = _lock_open_round(round)
    checked = _checked_choices(round, choices)
    partners = _checked_work_with(actor, work_with)
    now = timezone.now()
    application, created = Application.objects.select_for_update().get_or_create(
        round=round, student=actor, defaults={"submitted_at": now}
    )
    if not created:
        application.choices.all().delete()
        application.submitted_at = now
        application.save(update_fields=["submitted_at", "updated_at"])
    Choice.objects.bulk_create(
        Choice(application=application, project=project, rank=rank, motivation=motivation)
        for rank, (project, motivation) in enumerate(checked, start=1)
    )
    application.work_with.set(partners)
    activity_record(
        actor=actor,
        verb="application.submitted" if created else "application.changed",
        target=application,
        data={
            "round": round.pk,
            "projects": [project.pk for project, _m in checked],
            "work_with": [person.pk for person in partners],
        },
    )
    _notify("submitted", round_id=round.pk, student_id=actor.pk)
    return application


@transaction.atomic
def application_withdraw(*, actor: User, round: Round) -> None:
    """Withdraw the student's application while applications are open.

    Raises PermissionDenied (not a student), DomainError (closed, or nothing to withdraw).
    """
    if not is_student(actor):
        raise PermissionDenied(_("Only students apply for projects."), needs_role=User.Role.STUDENT)
    round = _lock_open_round(round)
    application = Application.objects.select_for_update().filter(round=round, student=actor).first()
    if application is None:
        raise DomainError(
            _("You have no application in “%(round)s” to withdraw.") % {"round": round.name}
        )
    application.delete()
    # A place from an earlier allocation run (or a hand move) goes with the application.
    Assignment.objects.filter(round=round, student=actor).delete()
    activity_record(
        actor=actor, verb="application.withdrawn", target=round, data={"student": actor.pk}
    )
    _notify("withdrawn", round_id=round.pk, student_id=actor.pk)


@transaction.atomic
def student_profile_update(
    *,
    actor: User,
    study_programme: StudyProgramme | None,
    semester: int | None,
    competences: Iterable[Competence],
    languages: str,
    mobility: Iterable[str],
    availability: str,
) -> StudentProfile:
    """A student's profile for applying: programme and semester (on the user), competences and
    languages (on the person profile, shared with the directory), mobility and availability.

    Rules: only students edit it, and only their own; a study programme; a semester between 1
    and 30 if given; mobility from the list. Raises PermissionDenied, DomainError.
    """
    if not is_student(actor):
        raise PermissionDenied(
            _("Only students have a profile for applying."), needs_role=User.Role.STUDENT
        )
    if study_programme is None:
        raise DomainError(_("Please choose your study programme."), field="study_programme")
    if semester is not None and not 1 <= semester <= MAX_SEMESTER:
        raise DomainError(
            _("Please give your semester as a number from 1 to %(max)d.") % {"max": MAX_SEMESTER},
            field="semester",
        )
    chosen = set(mobility)
    unknown = chosen - set(StudentProfile.Mobility.values)
    if unknown:
        raise DomainError(_("Please choose your mobility from the list."), field="mobility")
    availability, languages = availability.strip(), languages.strip()
    if len(availability) > AVAILABILITY_MAX_LENGTH:
        raise DomainError(
            _("Please describe your availability in at most %(max)d characters.")
            % {"max": AVAILABILITY_MAX_LENGTH},
            field="availability",
        )
    if len(languages) > LANGUAGES_MAX_LENGTH:
        raise DomainError(
            _("Please list your languages in at most %(max)d characters.")
            % {"max": LANGUAGES_MAX_LENGTH},
            field="languages",
        )
    actor.study_programme = study_programme
    actor.semester = semester
    actor.save(update_fields=["study_programme", "semester"])
    profile = profile_for(actor)
    profile.languages = languages
    profile.save(update_fields=["languages", "updated_at"])
    profile.competences.set(list(competences))
    person_index(profile)
    student_profile, _created = StudentProfile.objects.get_or_create(user=actor)
    student_profile.mobility = [m for m in StudentProfile.Mobility.values if m in chosen]
    student_profile.availability = availability
    student_profile.save()
    activity_record(actor=actor, verb="student_profile.updated", target=student_profile)
    return student_profile
