"""Every write on recommendations: drafts and evidence, the lifecycle from approval to evaluation,
implementation milestones and the reminders.

Each write records a `RecommendationEvent` (the timeline) and an entry of the activity log, and
runs in one transaction: a refused step leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Membership, Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.core.workflow import Step, StepRules, Taken, step_take
from transferraum.notifications.services import email_send
from transferraum.projects import permissions as project_permissions
from transferraum.projects.models import Document, Project, Round
from transferraum.recommendations import permissions, selectors
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)
from transferraum.recommendations.tasks import NOTIFIED_EVENTS, mail_link, recommendation_notify
from transferraum.recommendations.workflow import (
    APPROVER,
    AUTHOR,
    COORDINATOR,
    LIFECYCLE,
    PARTNER,
    PARTNER_SIDE,
    REQUEST_APPROVAL,
    RESEARCHER,
)
from transferraum.regions.models import Municipality

S = Recommendation.Status

CONTENT_FIELDS = (
    "title",
    "summary",
    "rationale",
    "expected_effect",
    "cost_min",
    "cost_max",
    "effort",
    "effort_days_min",
    "effort_days_max",
    "evidence_links",
    "addressee_kind",
    "addressee_name",
    "addressee_organisation",
    "responsible_person",
    "responsible_name",
    "first_answer_due",
    "confidential",
)
# Only a recommendation without a project says where it belongs; a project's decides otherwise.
PLACE_FIELDS = ("round", "municipality")
RELATED_FIELDS: dict[str, type[Model]] = {
    "round": Round,
    "municipality": Municipality,
    "addressee_organisation": Organisation,
    "responsible_person": User,
}

_url_validator = URLValidator(schemes=["http", "https"])


# --- rules on values ------------------------------------------------------------------------


def _check_url(value: str, field: str) -> str:
    value = value.strip()
    try:
        _url_validator(value)
    except ValidationError:
        raise DomainError(
            _("“%(value)s” is not a web address; please give one that starts with https://.")
            % {"value": value},
            field=field,
        ) from None
    return value


def _whole_number(value: Any, field: str, message: str) -> int | None:
    """None or a whole number of at least 0 (money is counted in whole euros, never floats)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DomainError(message, field=field)
    return int(value)


def _check_future(value: Any, field: str) -> date | None:
    """A date for something still to come: today or later."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise DomainError(_("Please give a date."), field=field)
    if value < timezone.localdate():
        raise DomainError(
            _("The date %(date)s lies in the past; please choose today or a later day.")
            % {"date": date_format(value, "SHORT_DATE_FORMAT")},
            field=field,
        )
    return value


def _check_past(value: Any, field: str) -> date:
    """A date of something that happened: given, and not in the future."""
    if not isinstance(value, date):
        raise DomainError(_("Please give the date."), field=field)
    if value > timezone.localdate():
        raise DomainError(
            _("The date %(date)s lies in the future; please record a decision once it is taken.")
            % {"date": date_format(value, "SHORT_DATE_FORMAT")},
            field=field,
        )
    return value


def _partner_organisations(recommendation: Recommendation) -> list[int]:
    """The organisations on the partner's side: the one addressed and the town (or company) that
    posed the project's challenge."""
    ids = []
    if recommendation.addressee_organisation_id is not None:
        ids.append(recommendation.addressee_organisation_id)
    if recommendation.project is not None:
        ids.append(recommendation.project.challenge.organisation_id)
    return ids


def _check_responsible(recommendation: Recommendation, person: User | None) -> None:
    """The responsible person works on the partner's side (a member of one of its organisations
    or a partner contact of the project)."""
    if person is None:
        return
    project = recommendation.project
    on_side = Membership.objects.filter(
        user_id=person.pk, organisation_id__in=_partner_organisations(recommendation)
    ).exists() or (project is not None and project.partner_contacts.filter(pk=person.pk).exists())
    if not on_side:
        raise DomainError(
            _(
                "%(person)s does not belong to %(partner)s; the responsible person must work on "
                "the partner's side."
            )
            % {"person": person, "partner": selectors.partner_name(recommendation)},
            field="responsible_person",
        )


def _check_links(links: Any) -> list[dict[str, str]]:
    if links in (None, ""):
        return []
    if not isinstance(links, list):
        raise DomainError(_("Please give the links as a list."), field="evidence_links")
    cleaned = []
    for link in links:
        if isinstance(link, str):
            link = {"url": link}
        if not isinstance(link, dict) or not str(link.get("url", "")).strip():
            raise DomainError(_("Every link needs a web address."), field="evidence_links")
        url = _check_url(str(link["url"]), "evidence_links")
        cleaned.append({"title": str(link.get("title") or url).strip()[:200], "url": url})
    return cleaned


def _check_content(recommendation: Recommendation, data: dict[str, Any]) -> None:
    """Rules on the text and the numbers (a draft may be incomplete, never inconsistent)."""
    if not recommendation.title.strip():
        raise DomainError(_("Please give the recommendation a title."), field="title")
    euros = _("Please give costs in whole euros (no cents, not below zero).")
    cost_min = _whole_number(recommendation.cost_min, "cost_min", euros)
    cost_max = _whole_number(recommendation.cost_max, "cost_max", euros)
    if cost_min is not None and cost_max is not None and cost_min > cost_max:
        raise DomainError(_("The lowest cost is higher than the highest."), field="cost_max")
    days = _("Please give the effort in whole person-days.")
    days_min = _whole_number(recommendation.effort_days_min, "effort_days_min", days)
    days_max = _whole_number(recommendation.effort_days_max, "effort_days_max", days)
    if days_min is not None and days_max is not None and days_min > days_max:
        raise DomainError(
            _("The lowest effort is higher than the highest."), field="effort_days_max"
        )
    if recommendation.effort not in ("", *Recommendation.Effort.values):
        raise DomainError(_("Please choose small, medium or large."), field="effort")
    if recommendation.addressee_kind not in ("", *Recommendation.Addressee.values):
        raise DomainError(_("Please choose to whom it is addressed."), field="addressee_kind")
    if "first_answer_due" in data:
        _check_future(recommendation.first_answer_due, "first_answer_due")
    if "responsible_person" in data or "addressee_organisation" in data:
        _check_responsible(recommendation, recommendation.responsible_person)


def _missing(recommendation: Recommendation) -> list[str]:
    """The fields a recommendation still lacks before it may go to the partner."""
    missing = []
    if not recommendation.summary.strip():
        missing.append("summary")
    if not recommendation.rationale.strip():
        missing.append("rationale")
    if recommendation.addressee_organisation_id is None and recommendation.project_id is None:
        missing.append("addressee_organisation")
    if not recommendation.addressee_kind:
        missing.append("addressee_kind")
    return missing


def _check_complete(recommendation: Recommendation) -> None:
    """What a recommendation needs before it may go to the partner (and before the authors ask
    for approval): every missing field is named; the error sits at the first."""
    missing = _missing(recommendation)
    if not missing:
        return
    names = ", ".join(
        str(getattr(Recommendation._meta.get_field(name), "verbose_name", name)) for name in missing
    )
    raise DomainError(
        _("The recommendation is not complete yet. Please fill in: %(fields)s.")
        % {"fields": names},
        field=missing[0],
    )


def _check_evidence(
    recommendation: Recommendation, documents: Iterable[Document]
) -> list[Document]:
    documents = list(documents)
    foreign = [d for d in documents if d.project_id != recommendation.project_id]
    if foreign:
        raise DomainError(
            _("Only documents of the recommendation's own project can be evidence: %(titles)s.")
            % {"titles": ", ".join(d.title for d in foreign)},
            field="evidence",
        )
    return documents


def _place(recommendation: Recommendation, data: dict[str, Any]) -> None:
    """Round and town come from the project's challenge; without a project from what the
    researcher said, else from the organisation addressed."""
    project = recommendation.project
    if project is not None:
        recommendation.round = project.round
        challenge = project.challenge
        recommendation.municipality_id = (
            challenge.municipality_id or challenge.organisation.municipality_id
        )
        return
    if "municipality" not in data and recommendation.addressee_organisation_id is not None:
        organisation = recommendation.addressee_organisation
        if organisation is not None and organisation.municipality_id is not None:
            recommendation.municipality_id = organisation.municipality_id


def _apply(recommendation: Recommendation, data: dict[str, Any]) -> list[str]:
    allowed = set(CONTENT_FIELDS)
    if recommendation.project_id is None:
        allowed |= set(PLACE_FIELDS)
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Unknown or fixed recommendation fields: {sorted(unknown)}")
    for key, model in RELATED_FIELDS.items():
        if data.get(key) is not None and not isinstance(data[key], model):
            raise ValueError(f"{key} must be a {model.__name__} or None")
    changed = [
        key
        for key, value in data.items()
        if getattr(recommendation, key) != (value.strip() if isinstance(value, str) else value)
    ]
    for key, value in data.items():
        if key == "evidence_links":
            value = _check_links(value)
        elif key in ("cost_min", "cost_max", "effort_days_min", "effort_days_max") and value == "":
            value = None
        setattr(recommendation, key, value.strip() if isinstance(value, str) else value)
    _check_content(recommendation, {key: data[key] for key in changed})
    _place(recommendation, data)
    return changed


# --- events, log, notifications -------------------------------------------------------------


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, date | datetime):
            result[key] = value.isoformat()
        elif isinstance(value, User):
            result[key] = {"id": value.pk, "name": str(value)}
        elif value not in (None, ""):
            result[key] = value
    return result


def _event(
    *,
    recommendation: Recommendation,
    actor: User | None,
    action: str,
    from_status: str,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> RecommendationEvent:
    """The entry of the timeline."""
    return RecommendationEvent.objects.create(
        recommendation=recommendation,
        action=action,
        from_status=from_status,
        to_status=recommendation.status,
        actor=actor,
        note=note,
        data=data or {},
    )


def _record(
    *,
    recommendation: Recommendation,
    actor: User | None,
    action: str,
    from_status: str,
    data: dict[str, Any] | None = None,
) -> RecommendationEvent:
    """The timeline entry and the activity of a write that is not a step of the lifecycle (the
    steps record through `step_take`)."""
    data = data or {}
    event = _event(
        recommendation=recommendation,
        actor=actor,
        action=action,
        from_status=from_status,
        data=data,
    )
    activity_record(
        actor=actor,
        verb=f"recommendation.{action}",
        target=recommendation,
        data={"status": recommendation.status, **data},
    )
    return event


def _lock(recommendation: Recommendation) -> Recommendation:
    """Reload under a row lock, so that two clicks cannot both change it. (No joins: a lock on
    the nullable side of an outer join is refused by PostgreSQL.)"""
    return Recommendation.objects.select_for_update().get(pk=recommendation.pk)


# A notice repeated by the same person within this time is a second click, not a reminder.
NOTICE_REPEAT = timedelta(days=1)


class AlreadyRequested(DomainError):
    """The same person asked for approval of this draft within ``NOTICE_REPEAT``."""


# --- drafts ---------------------------------------------------------------------------------


class DuplicateDraft(DomainError):
    """The same draft was saved a moment ago (a second click): `recommendation` is the first."""

    def __init__(self, recommendation: Recommendation) -> None:
        super().__init__(
            _("The draft “%(title)s” has already been saved.") % {"title": recommendation.title}
        )
        self.recommendation = recommendation


@transaction.atomic
def recommendation_create(
    *,
    actor: User,
    data: dict[str, Any],
    project: Project | None = None,
    evidence: Iterable[Document] = (),
) -> Recommendation:
    """Draft a recommendation. A team member of `project` writes for the team; a researcher
    writes for the accompanying research, with or without a project (then `round` and
    `municipality` may be given; otherwise the town follows the organisation addressed).

    Rules: a title; costs and effort in whole numbers, lowest ≤ highest; a date for a first
    answer not in the past; the responsible person on the partner's side; evidence only from
    the same project; links must be web addresses. The same title for the same project by the
    same person within a minute is a second click: refused with `DuplicateDraft`, which names
    the first.
    Raises PermissionDenied, DomainError; nothing is stored on error.
    """
    if not permissions.can_write_for(actor, project):
        raise PermissionDenied(
            _("Only the project's team or researchers can write recommendations.")
        )
    title = str(data.get("title") or "").strip()
    if title:
        # One author's drafts one after the other, so that two clicks cannot both pass the check.
        list(User.objects.select_for_update().filter(pk=actor.pk).values_list("pk", flat=True))
        first = selectors.recent_duplicate_draft(actor=actor, project=project, title=title)
        if first is not None:
            raise DuplicateDraft(first)
    is_member = project is not None and project_permissions.MEMBER in (
        project_permissions.roles_for(actor, project)
    )
    recommendation = Recommendation(
        project=project,
        created_by=actor,
        written_by_kind=(
            Recommendation.Author.TEAM if is_member else Recommendation.Author.RESEARCH
        ),
    )
    data = {"title": "", **data}
    _apply(recommendation, data)
    documents = _check_evidence(recommendation, evidence)
    recommendation.save()
    recommendation.evidence.set(documents)
    _record(recommendation=recommendation, actor=actor, action="created", from_status="")
    return recommendation


@transaction.atomic
def recommendation_update(
    *,
    actor: User,
    recommendation: Recommendation,
    data: dict[str, Any],
    evidence: Iterable[Document] | None = None,
) -> Recommendation:
    """Change a draft (the same rules as `recommendation_create`); `evidence` replaces the linked
    documents when given. Only the authors, only while drafted.
    Raises PermissionDenied, DomainError; nothing is stored on error.
    """
    recommendation = _lock(recommendation)
    if not permissions.can_edit(actor, recommendation):
        raise PermissionDenied(
            _("Only the authors can change a recommendation, and only while it is a draft.")
        )
    changed = _apply(recommendation, data)
    if evidence is not None:
        documents = _check_evidence(recommendation, evidence)
        before = set(recommendation.evidence.values_list("pk", flat=True))
        if before != {d.pk for d in documents}:
            changed.append("evidence")
        recommendation.evidence.set(documents)
    recommendation.save()
    if changed:
        _record(
            recommendation=recommendation,
            actor=actor,
            action="updated",
            from_status=recommendation.status,
            data={"fields": sorted(changed)},
        )
    return recommendation


@transaction.atomic
def recommendation_evidence_set(
    *,
    actor: User,
    recommendation: Recommendation,
    documents: Iterable[Document],
    links: list[Any] | None = None,
) -> Recommendation:
    """Link the documents of the project (deliverables, working documents) and outside sources.
    Only the authors, while drafted; only documents of the same project; links must be web
    addresses. Raises PermissionDenied, DomainError."""
    recommendation = _lock(recommendation)
    if not permissions.can_edit(actor, recommendation):
        raise PermissionDenied(
            _("Only the authors can change a recommendation, and only while it is a draft.")
        )
    documents = _check_evidence(recommendation, documents)
    if links is not None:
        recommendation.evidence_links = _check_links(links)
        recommendation.save(update_fields=["evidence_links", "updated_at"])
    recommendation.evidence.set(documents)
    _record(
        recommendation=recommendation,
        actor=actor,
        action="evidence_changed",
        from_status=recommendation.status,
        data={
            "documents": [d.pk for d in documents],
            "links": len(recommendation.evidence_links),
        },
    )
    return recommendation


# --- the lifecycle --------------------------------------------------------------------------


def _who(recommendation: Recommendation, step: Step) -> str:
    """Who takes a step, in words: the authors, the approvers, the partner (by its name) …"""
    roles = step.roles
    if roles == {AUTHOR}:
        return _("the authors")
    if roles == {APPROVER}:
        if recommendation.written_by_kind == Recommendation.Author.TEAM:
            return _("the project's supervisors")
        return _("the coordination")
    if roles == {AUTHOR, APPROVER}:
        return _("the authors or whoever approved it")
    partner = selectors.partner_name(recommendation)
    if RESEARCHER in roles:
        return _("%(partner)s, the coordination or the accompanying research") % {
            "partner": partner
        }
    return partner


class RecommendationRules(StepRules[Recommendation]):
    """How a step of a recommendation is authorised, refused, recorded and announced."""

    lifecycle = LIFECYCLE

    def lock(self, obj: Recommendation) -> Recommendation:
        return _lock(obj)

    def roles(self, actor: Any, obj: Recommendation) -> set[str]:
        """The person's roles, none for whoever may not see the recommendation (e.g. a
        confidential one, for a researcher who did not write it)."""
        roles = permissions.roles_for(actor, obj)
        return roles if permissions.may_view(obj, roles) else set()

    def refused(self, obj: Recommendation, step: Step, roles: set[str]) -> PermissionDenied:
        if step.is_notice:
            return PermissionDenied(
                _("Only the authors can ask for approval of their recommendation.")
            )
        if step.roles & PARTNER_SIDE:
            return PermissionDenied(
                _("Only people of %(partner)s or the coordinators can record this step.")
                % {"partner": selectors.partner_name(obj)}
            )
        if step.name == "approve":
            if obj.written_by_kind == Recommendation.Author.TEAM:
                return PermissionDenied(
                    _("Only the project's supervisors can approve the team's recommendation.")
                )
            return PermissionDenied(
                _("Only a coordinator can approve a recommendation of the accompanying research.")
            )
        return PermissionDenied(_("Only the authors can do this with the recommendation."))

    def out_of_order(self, obj: Recommendation, step: Step, roles: set[str]) -> DomainError:
        """Names the steps that do follow: first those the person can take, then whose turn
        the others are."""
        status = obj.get_status_display()
        if step.is_notice:
            return DomainError(
                _("Only a draft needs approval; the recommendation is “%(status)s”.")
                % {"status": status}
            )
        steps = LIFECYCLE.possible(obj.status)
        if not steps:
            return DomainError(
                _("The recommendation is “%(status)s”; no further steps follow.")
                % {"status": status}
            )
        mine = LIFECYCLE.allowed(obj.status, roles, notices=False)
        yours = LIFECYCLE.allowed(obj.status, roles)
        others: dict[str, list[str]] = {}
        for name in steps:
            if name not in mine:
                who = _who(obj, LIFECYCLE[name])
                others.setdefault(who, []).append(LIFECYCLE.label(name))
        parts = [
            _("This step is not possible while the recommendation is “%(status)s”.")
            % {"status": status}
        ]
        if yours:
            labels = ", ".join(LIFECYCLE.label(name) for name in yours)
            parts.append(_("You can: %(steps)s.") % {"steps": labels})
        for who, labels_of in others.items():
            parts.append(
                _("Next, %(who)s: %(steps)s.") % {"who": who, "steps": ", ".join(labels_of)}
            )
        return DomainError(" ".join(parts))

    def details(self, taken: Taken[Recommendation]) -> dict[str, Any]:
        """Coordinators take the partner's steps on its behalf (many towns send a letter)."""
        roles = taken.roles
        if taken.step.roles & PARTNER_SIDE and COORDINATOR in roles and PARTNER not in roles:
            return {"on_behalf": True}
        return {}

    def recorded(self, taken: Taken[Recommendation]) -> None:
        _event(
            recommendation=taken.obj,
            actor=taken.actor,
            action=taken.step.records,
            from_status=taken.from_status,
            note=taken.note,
            data=taken.details,
        )

    def notify(self, pk: Any, event: str) -> None:
        if event in NOTIFIED_EVENTS:
            recommendation_notify.enqueue(pk, event)


RULES = RecommendationRules()


def _handed_over_on(recommendation: Recommendation) -> date | None:
    event = recommendation.events.filter(action="hand_over").order_by("at").only("at").first()
    return timezone.localdate(event.at) if event else None


def _check_decided_on(recommendation: Recommendation, decided_on: date | None) -> date:
    """A decision is taken on a day not in the future and not before the hand-over."""
    decided = _check_past(decided_on, "decided_on")
    handed_over_on = _handed_over_on(recommendation)
    if handed_over_on is not None and decided < handed_over_on:
        raise DomainError(
            _("The decision cannot lie before the hand-over on %(date)s.")
            % {"date": date_format(handed_over_on, "SHORT_DATE_FORMAT")},
            field="decided_on",
        )
    return decided


def _decide(
    name: str, *, actor: User, recommendation: Recommendation, decided_on: date | None, note: str
) -> Recommendation:
    """Record a decision of the partner (adopted, with changes, rejected) and its date."""
    with step_take(RULES, name, actor=actor, obj=recommendation, note=note) as taken:
        decided = _check_decided_on(taken.obj, decided_on)
        if name == "reject" and not taken.note:
            raise DomainError(_("Please give the reason for the rejection."), field="note")
        if name == "adopt_with_changes" and not taken.note:
            raise DomainError(_("Please describe what was changed."), field="note")
        taken.obj.decided_on = decided
        taken.obj.decision_note = taken.note
        taken.details.update(_jsonable({"decided_on": decided_on}))
    return taken.obj


@transaction.atomic
def recommendation_approve(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The supervisors (team-written) or a coordinator (research-written) let a draft go to the
    partner. Rules: summary, rationale and addressee complete (every missing field named);
    records who approved and when.
    Raises PermissionDenied (not an approver), DomainError (not a draft, incomplete)."""
    with step_take(RULES, "approve", actor=actor, obj=recommendation, note=note) as taken:
        _check_complete(taken.obj)
        taken.obj.approved_by = actor
        taken.obj.approved_at = timezone.now()
    return taken.obj


@transaction.atomic
def recommendation_reopen(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The authors or the approvers take an approved text back to a draft; the approval is
    forgotten. Raises PermissionDenied (neither), DomainError (not approved)."""
    with step_take(RULES, "reopen", actor=actor, obj=recommendation, note=note) as taken:
        taken.obj.approved_by = None
        taken.obj.approved_at = None
    return taken.obj


@transaction.atomic
def recommendation_hand_over(
    *,
    actor: User,
    recommendation: Recommendation,
    first_answer_due: date | None = None,
    note: str = "",
) -> Recommendation:
    """The authors hand an approved recommendation to the partner, who hears of it by e-mail.
    Rules: complete; `first_answer_due`, when given, not in the past (it replaces the date);
    without one, a date set before must not have passed.
    Raises PermissionDenied (not an author), DomainError (not approved, incomplete, date)."""
    with step_take(RULES, "hand_over", actor=actor, obj=recommendation, note=note) as taken:
        _check_complete(taken.obj)
        if first_answer_due is not None:
            taken.obj.first_answer_due = _check_future(first_answer_due, "first_answer_due")
            taken.details.update(_jsonable({"first_answer_due": first_answer_due}))
        elif (
            taken.obj.first_answer_due is not None
            and taken.obj.first_answer_due < timezone.localdate()
        ):
            raise DomainError(
                _("The date for a first answer has passed; please choose a new one."),
                field="first_answer_due",
            )
    return taken.obj


@transaction.atomic
def recommendation_confirm_receipt(
    *,
    actor: User,
    recommendation: Recommendation,
    responsible_person: User | None = None,
    first_answer_due: date | None = None,
    note: str = "",
) -> Recommendation:
    """The partner (or a coordinator for it) confirms that the recommendation arrived. Rules:
    `responsible_person`, when given, works on the partner's side; `first_answer_due`, when
    given, not in the past. Empty values keep what was set.
    Raises PermissionDenied (not on the partner's side), DomainError (not handed over, person,
    date)."""
    with step_take(RULES, "confirm_receipt", actor=actor, obj=recommendation, note=note) as taken:
        if responsible_person is not None:
            _check_responsible(taken.obj, responsible_person)
            taken.obj.responsible_person = responsible_person
        if first_answer_due is not None:
            taken.obj.first_answer_due = _check_future(first_answer_due, "first_answer_due")
        taken.details.update(
            _jsonable(
                {"responsible_person": responsible_person, "first_answer_due": first_answer_due}
            )
        )
    return taken.obj


@transaction.atomic
def recommendation_start_review(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The partner starts to review it. Raises PermissionDenied, DomainError (not received)."""
    with step_take(RULES, "start_review", actor=actor, obj=recommendation, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def recommendation_put_on_agenda(
    *,
    actor: User,
    recommendation: Recommendation,
    agenda_body: str = "",
    agenda_date: date | None = None,
    agenda_item: str = "",
    council_url: str = "",
    note: str = "",
) -> Recommendation:
    """The partner puts it on the agenda of a committee or the council. Rules: the body and the
    date of the meeting are required, the meeting not before the hand-over; `council_url` an
    http(s) address.
    Raises PermissionDenied, DomainError (not under review or deferred, body, date, address)."""
    with step_take(RULES, "put_on_agenda", actor=actor, obj=recommendation, note=note) as taken:
        body = agenda_body.strip()
        if not body:
            raise DomainError(
                _("Please name the body, for example the town council."), field="agenda_body"
            )
        if not isinstance(agenda_date, date):
            raise DomainError(_("Please give the date of the meeting."), field="agenda_date")
        handed_over_on = _handed_over_on(taken.obj)
        if handed_over_on is not None and agenda_date < handed_over_on:
            raise DomainError(
                _("The meeting cannot lie before the hand-over on %(date)s.")
                % {"date": date_format(handed_over_on, "SHORT_DATE_FORMAT")},
                field="agenda_date",
            )
        url = council_url.strip()
        taken.obj.council_url = _check_url(url, "council_url") if url else ""
        taken.obj.agenda_body = body
        taken.obj.agenda_date = agenda_date
        taken.obj.agenda_item = agenda_item.strip()
        taken.details.update(
            _jsonable(
                {
                    "agenda_body": agenda_body,
                    "agenda_date": agenda_date,
                    "agenda_item": agenda_item,
                    "council_url": council_url,
                }
            )
        )
    return taken.obj


@transaction.atomic
def recommendation_adopt(
    *, actor: User, recommendation: Recommendation, decided_on: date | None = None, note: str = ""
) -> Recommendation:
    """The partner adopted it. Rules: `decided_on` given, not in the future, not before the
    hand-over. Raises PermissionDenied, DomainError (not under review or on an agenda, date)."""
    return _decide(
        "adopt", actor=actor, recommendation=recommendation, decided_on=decided_on, note=note
    )


@transaction.atomic
def recommendation_adopt_with_changes(
    *, actor: User, recommendation: Recommendation, decided_on: date | None = None, note: str = ""
) -> Recommendation:
    """The partner adopted it with changes, which `note` describes (required). Rules on
    `decided_on` as for adopting. Raises PermissionDenied, DomainError."""
    return _decide(
        "adopt_with_changes",
        actor=actor,
        recommendation=recommendation,
        decided_on=decided_on,
        note=note,
    )


@transaction.atomic
def recommendation_reject(
    *, actor: User, recommendation: Recommendation, decided_on: date | None = None, note: str = ""
) -> Recommendation:
    """The partner rejected it, for the reason in `note` (required). Rules on `decided_on` as
    for adopting. Raises PermissionDenied, DomainError."""
    return _decide(
        "reject", actor=actor, recommendation=recommendation, decided_on=decided_on, note=note
    )


@transaction.atomic
def recommendation_defer(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The partner deferred the decision. Raises PermissionDenied, DomainError (not under
    review or on an agenda)."""
    with step_take(RULES, "defer", actor=actor, obj=recommendation, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def recommendation_resume_review(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The partner takes a deferred recommendation up again. Raises PermissionDenied,
    DomainError (not deferred)."""
    with step_take(RULES, "resume_review", actor=actor, obj=recommendation, note=note) as taken:
        pass
    return taken.obj


@transaction.atomic
def recommendation_start_implementation(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The partner starts to implement an adopted recommendation. Raises PermissionDenied,
    DomainError (not adopted)."""
    with step_take(
        RULES, "start_implementation", actor=actor, obj=recommendation, note=note
    ) as taken:
        pass
    return taken.obj


@transaction.atomic
def recommendation_mark_implemented(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The partner marks it implemented; the progress becomes 100. Raises PermissionDenied,
    DomainError (not in implementation)."""
    with step_take(RULES, "mark_implemented", actor=actor, obj=recommendation, note=note) as taken:
        taken.obj.progress = 100
    return taken.obj


@transaction.atomic
def recommendation_evaluate(
    *,
    actor: User,
    recommendation: Recommendation,
    evaluation: str = "",
    indicator: str = "",
    indicator_value: str = "",
    note: str = "",
) -> Recommendation:
    """The partner, the coordination or the accompanying research record what changed. Rules:
    `evaluation` required; a value of an indicator needs the indicator's name.
    Raises PermissionDenied, DomainError (not implemented, evaluation, indicator)."""
    with step_take(RULES, "evaluate", actor=actor, obj=recommendation, note=note) as taken:
        evaluation = evaluation.strip()
        if not evaluation:
            raise DomainError(_("Please describe what changed."), field="evaluation")
        indicator, indicator_value = indicator.strip(), indicator_value.strip()
        if indicator_value and not indicator:
            raise DomainError(
                _("Please name the indicator the value belongs to."), field="indicator"
            )
        taken.obj.evaluation = evaluation
        taken.obj.indicator = indicator
        taken.obj.indicator_value = indicator_value
        taken.details.update(
            _jsonable(
                {
                    "evaluation": evaluation,
                    "indicator": indicator,
                    "indicator_value": indicator_value,
                }
            )
        )
    return taken.obj


@transaction.atomic
def recommendation_request_approval(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The authors ask for approval of their draft: a notice, not a status. It is recorded in
    the timeline (`approval_requested`) and mailed to the approvers (the project's supervisors,
    or the coordinators for research), each in their language. The draft must be complete
    (summary, rationale, addressee; every missing field named), as for the approval itself.
    The same person asking again within a day (a second click) is refused with
    AlreadyRequested: nothing is recorded or mailed twice.
    Raises PermissionDenied (not an author), DomainError; nothing is stored on error."""
    with step_take(RULES, REQUEST_APPROVAL, actor=actor, obj=recommendation, note=note) as taken:
        latest = selectors.latest_event(taken.obj.pk)
        if (
            latest is not None
            and latest.action == taken.step.records
            and latest.actor_id == actor.pk
            and latest.at >= timezone.now() - NOTICE_REPEAT
        ):
            raise AlreadyRequested(_("Already recorded."))
        _check_complete(taken.obj)
        approvers = selectors.approvers_of(taken.obj)
        if not approvers:
            raise DomainError(
                _(
                    "The project has no supervisor yet who could approve it; please ask the "
                    "coordination."
                )
            )
        taken.details["to"] = [str(person) for person in approvers]
    return taken.obj


# The service of each step, for callers that hold a step's name as data (the detail page picks
# it with the step's form; the demo's tables name the steps of each story).
STEP_SERVICES: dict[str, Callable[..., Recommendation]] = {
    "approve": recommendation_approve,
    "reopen": recommendation_reopen,
    "hand_over": recommendation_hand_over,
    "confirm_receipt": recommendation_confirm_receipt,
    "start_review": recommendation_start_review,
    "put_on_agenda": recommendation_put_on_agenda,
    "adopt": recommendation_adopt,
    "adopt_with_changes": recommendation_adopt_with_changes,
    "reject": recommendation_reject,
    "defer": recommendation_defer,
    "resume_review": recommendation_resume_review,
    "start_implementation": recommendation_start_implementation,
    "mark_implemented": recommendation_mark_implemented,
    "evaluate": recommendation_evaluate,
    REQUEST_APPROVAL: recommendation_request_approval,
}


# --- implementation -------------------------------------------------------------------------


def _check_percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise DomainError(
            _("Please give the progress as a whole number from 0 to 100."), field="progress"
        )
    return int(value)


def _progress_follow(recommendation: Recommendation) -> None:
    """Unless set by hand, the progress is the mean of the milestones (rounded half up)."""
    if recommendation.progress_is_manual:
        return
    values = list(recommendation.milestones.values_list("progress", flat=True))
    if values:
        recommendation.progress = (2 * sum(values) + len(values)) // (2 * len(values))
        recommendation.save(update_fields=["progress", "updated_at"])


def _may_manage(actor: User, recommendation: Recommendation) -> None:
    if not permissions.can_manage_milestones(actor, recommendation):
        raise PermissionDenied(
            _(
                "Only people of %(partner)s or the coordinators keep the implementation up to "
                "date, from the adoption until it is implemented."
            )
            % {"partner": selectors.partner_name(recommendation)}
        )


@transaction.atomic
def milestone_add(
    *,
    actor: User,
    recommendation: Recommendation,
    title: str,
    due: date | None = None,
    progress: int = 0,
) -> ImplementationMilestone:
    """Plan a step of the implementation (the partner's side, adopted until implemented).
    Raises PermissionDenied, DomainError (no title, progress not 0–100)."""
    recommendation = _lock(recommendation)
    _may_manage(actor, recommendation)
    title = title.strip()
    if not title:
        raise DomainError(_("Please give the milestone a title."), field="title")
    progress = _check_percent(progress)
    milestone = ImplementationMilestone.objects.create(
        recommendation=recommendation,
        title=title,
        due=due,
        progress=progress,
        done=progress == 100,
    )
    _progress_follow(recommendation)
    _record(
        recommendation=recommendation,
        actor=actor,
        action="milestone_added",
        from_status=recommendation.status,
        data={"milestone": title, "progress": progress, "overall": recommendation.progress},
    )
    return milestone


@transaction.atomic
def milestone_update(
    *,
    actor: User,
    milestone: ImplementationMilestone,
    title: str | None = None,
    due: date | None = None,
    progress: int | None = None,
    done: bool | None = None,
) -> ImplementationMilestone:
    """Update a milestone: done means 100 percent, 100 percent means done; reopening a done one
    without a progress sets it back to 90. The recommendation's progress follows (the mean).
    Raises PermissionDenied, DomainError."""
    recommendation = _lock(milestone.recommendation)
    _may_manage(actor, recommendation)
    milestone = ImplementationMilestone.objects.select_for_update().get(pk=milestone.pk)
    if title is not None:
        if not title.strip():
            raise DomainError(_("Please give the milestone a title."), field="title")
        milestone.title = title.strip()
    if due is not None:
        milestone.due = due
    if progress is not None:
        milestone.progress = _check_percent(progress)
        milestone.done = milestone.progress == 100
    if done is True:
        milestone.done, milestone.progress = True, 100
    elif done is False and milestone.done:
        milestone.done = False
        if progress is None or progress == 100:
            milestone.progress = 90
    milestone.save()
    _progress_follow(recommendation)
    _record(
        recommendation=recommendation,
        actor=actor,
        action="milestone_updated",
        from_status=recommendation.status,
        data={
            "milestone": milestone.title,
            "progress": milestone.progress,
            "overall": recommendation.progress,
        },
    )
    return milestone


@transaction.atomic
def recommendation_progress_set(
    *, actor: User, recommendation: Recommendation, progress: int | None
) -> Recommendation:
    """Set the progress by hand (it then stays until set again), or with None return to the mean
    of the milestones. Raises PermissionDenied, DomainError."""
    recommendation = _lock(recommendation)
    _may_manage(actor, recommendation)
    if progress is None:
        recommendation.progress_is_manual = False
        recommendation.save(update_fields=["progress_is_manual", "updated_at"])
        _progress_follow(recommendation)
    else:
        recommendation.progress = _check_percent(progress)
        recommendation.progress_is_manual = True
        recommendation.save(update_fields=["progress", "progress_is_manual", "updated_at"])
    _record(
        recommendation=recommendation,
        actor=actor,
        action="progress_set",
        from_status=recommendation.status,
        data={"overall": recommendation.progress, "by_hand": recommendation.progress_is_manual},
    )
    return recommendation


# --- reminders ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderItem:
    recommendation: Recommendation
    link: str
    overdue: bool


@dataclass(frozen=True)
class ReminderReport:
    recommendations: int
    mails: int


@transaction.atomic
def recommendation_reminders_send(
    *, now: datetime | None = None, stale_days: int | None = None
) -> ReminderReport:
    """Remind the responsible person and every coordinator of the recommendations due (see
    `selectors.reminders_due`): one e-mail per person listing theirs, in their language. The
    reminder date is stored, so a second run on the same day sends nothing."""
    now = now or timezone.now()
    days = stale_days if stale_days is not None else settings.RECOMMENDATION_REMINDER_DAYS
    due = list(selectors.reminders_due(now, days).select_for_update(of=("self",)))
    if not due:
        return ReminderReport(recommendations=0, mails=0)
    today = timezone.localdate(now)
    coordinators = list(User.objects.filter(role=User.Role.COORDINATOR, is_active=True))
    lists: dict[int, tuple[User, list[Recommendation]]] = {}
    for recommendation in due:
        people = {person.pk: person for person in coordinators}
        responsible = recommendation.responsible_person
        if responsible is not None and responsible.is_active:
            people[responsible.pk] = responsible
        for person in people.values():
            lists.setdefault(person.pk, (person, []))[1].append(recommendation)
    for person, recommendations in lists.values():
        items = [
            ReminderItem(
                recommendation=r,
                link=mail_link(r),
                overdue=r.first_answer_due is not None and r.first_answer_due < today,
            )
            for r in recommendations
        ]
        email_send(
            to=person.email,
            template="recommendations/email/reminder",
            context={"person": person, "items": items, "days": days},
            language=person.language,
        )
    Recommendation.objects.filter(pk__in=[r.pk for r in due]).update(last_reminded_on=today)
    for recommendation in due:
        activity_record(actor=None, verb="recommendation.reminded", target=recommendation)
    return ReminderReport(recommendations=len(due), mails=len(lists))
