"""The lifecycle from approval to evaluation: one service per step of `workflow.LIFECYCLE`, each
taken through `core.workflow.step_take` with `RecommendationRules`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.workflow import Step, StepRules, Taken, step_take
from transferraum.recommendations import permissions, selectors
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services.common import (
    check_complete,
    check_future,
    check_past,
    check_responsible,
    check_url,
    jsonable,
    locked,
    timeline_add,
)
from transferraum.recommendations.tasks import NOTIFIED_EVENTS, recommendation_notify
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

# A notice repeated by the same person within this time is a second click, not a reminder.
NOTICE_REPEAT = timedelta(days=1)


class AlreadyRequested(DomainError):
    """The same person asked for approval of this draft within ``NOTICE_REPEAT``."""


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
        return locked(obj)

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
        timeline_add(
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
    decided = check_past(decided_on, "decided_on")
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
        taken.details.update(jsonable({"decided_on": decided_on}))
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
        check_complete(taken.obj)
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
        check_complete(taken.obj)
        if first_answer_due is not None:
            taken.obj.first_answer_due = check_future(first_answer_due, "first_answer_due")
            taken.details.update(jsonable({"first_answer_due": first_answer_due}))
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
            check_responsible(taken.obj, responsible_person)
            taken.obj.responsible_person = responsible_person
        if first_answer_due is not None:
            taken.obj.first_answer_due = check_future(first_answer_due, "first_answer_due")
        taken.details.update(
            jsonable(
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
        pass  # no rules beyond the lifecycle's
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
        taken.obj.council_url = check_url(url, "council_url") if url else ""
        taken.obj.agenda_body = body
        taken.obj.agenda_date = agenda_date
        taken.obj.agenda_item = agenda_item.strip()
        taken.details.update(
            jsonable(
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
        pass  # no rules beyond the lifecycle's
    return taken.obj


@transaction.atomic
def recommendation_resume_review(
    *, actor: User, recommendation: Recommendation, note: str = ""
) -> Recommendation:
    """The partner takes a deferred recommendation up again. Raises PermissionDenied,
    DomainError (not deferred)."""
    with step_take(RULES, "resume_review", actor=actor, obj=recommendation, note=note) as taken:
        pass  # no rules beyond the lifecycle's
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
        pass  # no rules beyond the lifecycle's
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
            jsonable(
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
        check_complete(taken.obj)
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
