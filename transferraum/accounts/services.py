"""Writes on a person's own account, and role requests (one service per step of
`workflow.LIFECYCLE`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from transferraum.accounts.models import REQUESTABLE_ROLES, RoleRequest, StudentEmailDomain, User
from transferraum.accounts.permissions import can_manage_roles, can_request_role
from transferraum.accounts.tasks import role_change_notify, role_request_notify
from transferraum.accounts.workflow import COORDINATOR, EMAIL_DOMAIN, LIFECYCLE, REQUESTER
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.core.workflow import RequestRules, Taken, request_step


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    """Remember the interface language, so e-mails reach the person in it too.

    Raises DomainError for a language the platform does not offer.
    """
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("This language is not offered."), field="language")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_update_profile(*, user: User, name: str, language: str) -> User:
    """Change the name shown to others and the preferred language.

    Raises DomainError when the name is blank.
    """
    name = name.strip()
    if not name:
        raise DomainError(_("Please enter your name."), field="name")
    user.name = name
    user.save(update_fields=["name"])
    user_set_language(user=user, language=language)
    activity_record(actor=user, verb="profile.updated", target=user)
    return user


# --- role requests ----------------------------------------------------------------------------


def student_email_domains() -> set[str]:
    """The e-mail domains whose verified addresses make a person a student: the setting's and
    the coordinators' list."""
    configured = {domain.lower() for domain in settings.STUDENT_EMAIL_DOMAINS}
    return configured | set(StudentEmailDomain.objects.values_list("domain", flat=True))


def has_student_email(user: User) -> bool:
    """Whether the person has a *verified* address at a student e-mail domain. An unverified
    address proves nothing: its request waits for the coordinators (or for the verification)."""
    domains = student_email_domains()
    if not domains:
        return False
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return any(email.rsplit("@", 1)[-1].lower() in domains for email in verified)


class RoleRequestRules(RequestRules[RoleRequest]):
    """How a step of a role request is authorised, recorded and announced: coordinators decide
    (or the e-mail domain grants), the requester withdraws."""

    lifecycle = LIFECYCLE
    related = ("user", "study_programme")

    def roles(self, actor: Any, obj: RoleRequest) -> set[str]:
        if actor is None:
            return {EMAIL_DOMAIN}
        roles = set()
        if actor.is_active and actor.is_coordinator:
            roles.add(COORDINATOR)
        if actor.is_active and actor.pk == obj.user_id:
            roles.add(REQUESTER)
        return roles

    def decider_refusal(self) -> str:
        return _("Only coordinators decide on role requests.")

    def details(self, taken: Taken[RoleRequest]) -> dict[str, Any]:
        return {"role": taken.obj.role, "person": taken.obj.user_id}

    def notify(self, pk: Any, event: str) -> None:
        role_request_notify.enqueue(pk, event)


RULES = RoleRequestRules()


@transaction.atomic
def role_request_submit(
    *,
    actor: User,
    role: str,
    note: str = "",
    study_programme_id: int | None = None,
    semester: int | None = None,
) -> RoleRequest:
    """A person asks for a role in the programme. Rules: a role one may ask for and does not
    hold yet; a student names their study programme and semester; one open request per person
    and role. A student with a verified address at a configured university domain is granted
    at once. Raises PermissionDenied (not signed in, a coordinator), DomainError."""
    if not can_request_role(actor):
        raise PermissionDenied(_("Coordinators hold every role already."))
    if role not in REQUESTABLE_ROLES:
        raise DomainError(_("Please choose a role you can ask for."), field="role")
    if actor.has_role(role):
        raise DomainError(_("You have this role already."), field="role")
    if role == User.Role.STUDENT:
        if study_programme_id is None:
            raise DomainError(_("Please choose your study programme."), field="study_programme")
        if semester is None or not 1 <= semester <= 30:
            raise DomainError(_("Please give your semester (1 to 30)."), field="semester")
    else:
        study_programme_id, semester = None, None
    if RoleRequest.objects.open().filter(user=actor, role=role).exists():
        raise DomainError(_("You have already asked for this role; the coordinators will answer."))
    try:
        with transaction.atomic():
            role_request = RoleRequest.objects.create(
                user=actor,
                role=role,
                note=note.strip(),
                study_programme_id=study_programme_id,
                semester=semester,
            )
    except IntegrityError as error:  # a second click at the same moment
        raise DomainError(
            _("You have already asked for this role; the coordinators will answer.")
        ) from error
    activity_record(
        actor=actor, verb="role_request.submit", target=role_request, data={"role": role}
    )
    if role == User.Role.STUDENT and has_student_email(actor):
        role_request = role_request_grant(actor=None, role_request=role_request)
    return role_request


@transaction.atomic
def role_request_grant(
    *, actor: User | None, role_request: RoleRequest, note: str = ""
) -> RoleRequest:
    """A coordinator grants the role (`actor` None: the e-mail domain granted it). The person
    gets the role besides those they hold and, for the student role, the study programme and
    semester they gave. Raises PermissionDenied (not a coordinator), DomainError (already
    answered)."""
    with request_step(RULES, "grant", actor=actor, request=role_request, note=note) as taken:
        request = taken.obj
        request.by_email_domain = actor is None
        person = request.user
        person.grant_role(request.role)
        if request.role == User.Role.STUDENT and request.study_programme_id:
            person.study_programme_id = request.study_programme_id
            person.semester = request.semester
            person.save(update_fields=["study_programme", "semester"])
    return taken.obj


@transaction.atomic
def role_request_refuse(*, actor: User, role_request: RoleRequest, note: str) -> RoleRequest:
    """A coordinator refuses the request; `note` is the reason (required), which the person
    reads. Raises PermissionDenied (not a coordinator), DomainError (already answered, no
    reason)."""
    with request_step(RULES, "refuse", actor=actor, request=role_request, note=note) as taken:
        pass  # the reason is all a refusal needs
    return taken.obj


@transaction.atomic
def role_request_withdraw(*, actor: User, role_request: RoleRequest, note: str = "") -> RoleRequest:
    """The person takes their open request back. Raises PermissionDenied (not theirs),
    DomainError (already answered)."""
    with request_step(RULES, "withdraw", actor=actor, request=role_request, note=note) as taken:
        pass  # no rules beyond the lifecycle's
    return taken.obj


# --- roles given or taken by the coordinators ------------------------------------------------


def _role_checked(role: str) -> str:
    if role not in User.Role.values or role == User.Role.PUBLIC:
        raise DomainError(_("Please choose a role in the programme."), field="role")
    return role


@transaction.atomic
def role_grant(*, actor: User, person: User, role: str) -> bool:
    """A coordinator gives `person` a role besides those they hold (appointing a coordinator,
    say, who cannot ask for it). Returns False when the person held it already. Raises
    PermissionDenied (not a coordinator), DomainError (no such role, account deactivated)."""
    if not can_manage_roles(actor):
        raise PermissionDenied(_("Only coordinators give and take roles."))
    role = _role_checked(role)
    if not person.is_active:
        raise DomainError(_("This account is deactivated; it gets no roles."))
    if not person.grant_role(role):
        return False
    activity_record(actor=actor, verb="role.grant", target=person, data={"role": role})
    transaction.on_commit(lambda: role_change_notify.enqueue(person.pk, role, "grant", ""))
    return True


@transaction.atomic
def role_revoke(*, actor: User, person: User, role: str, reason: str) -> bool:
    """A coordinator takes a role from `person`; `reason` (required) is e-mailed to them. The
    last active coordinator keeps the role. Returns False when the person did not hold it.
    Raises PermissionDenied (not a coordinator), DomainError (no reason, the last
    coordinator)."""
    if not can_manage_roles(actor):
        raise PermissionDenied(_("Only coordinators give and take roles."))
    role = _role_checked(role)
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Please give a reason; the person reads it."), field="reason")
    # Locked in a fixed order, so that two coordinators taking each other's role at once
    # cannot both succeed and leave the programme without one.
    holders = list(
        User.objects.select_for_update()
        .filter(is_active=True, role_rows__role=User.Role.COORDINATOR)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if role == User.Role.COORDINATOR and holders == [person.pk]:
        raise DomainError(
            _("%(person)s is the last coordinator. Appoint another coordinator first.")
            % {"person": person}
        )
    if not person.revoke_role(role):
        return False
    activity_record(
        actor=actor, verb="role.revoke", target=person, data={"role": role, "reason": reason}
    )
    transaction.on_commit(lambda: role_change_notify.enqueue(person.pk, role, "revoke", reason))
    return True


# The service of each step, for callers that hold a step's name as data (the decision page).
STEP_SERVICES: dict[str, Callable[..., RoleRequest]] = {
    "grant": role_request_grant,
    "refuse": role_request_refuse,
    "withdraw": role_request_withdraw,
}


@transaction.atomic
def user_grant_student_by_email(*, user: User) -> RoleRequest | None:
    """After a person verified an address: if it lies at a student e-mail domain, grant their
    open student request, or (for a person who is not a student yet) the student role itself, as
    a request granted by the domain so that the profile shows where the role came from. Returns
    the granted request, or None when nothing changed."""
    if not user.is_active or not has_student_email(user):
        return None
    return student_role_grant_unasked(user=user, data={"role": "student"})


def student_role_grant_unasked(*, user: User, data: dict[str, Any]) -> RoleRequest | None:
    """Grant the student role without a coordinator (a student e-mail domain, the university's
    single sign-on): the person's open student request, or a request made and granted at once
    (recorded with `data`) so that the profile shows where the role came from. Nothing when the
    person is a student already. Returns the granted request or None."""
    open_request = RoleRequest.objects.open().filter(user=user, role=User.Role.STUDENT).first()
    if open_request is not None:
        return role_request_grant(actor=None, role_request=open_request)
    if user.has_role(User.Role.STUDENT):
        return None
    role_request = RoleRequest.objects.create(user=user, role=User.Role.STUDENT)
    activity_record(actor=user, verb="role_request.submit", target=role_request, data=data)
    return role_request_grant(actor=None, role_request=role_request)
