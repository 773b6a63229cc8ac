"""What waits for a person on their start page (core.start): the partner's recommendations that
wait for receipt, review, agenda or decision; the coordinators' that wait too long (the
reminders' rule, `selectors.needs_nudge`); approvals asked of supervisors and coordinators; the
authors' drafts to complete and hand over.

Who holds which role is decided as in `permissions.roles_for`, but for all recommendations in
one query (so the page's queries do not grow with the items); which step comes next is read
from the lifecycle (`LIFECYCLE.allowed(status, roles)`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.actors.models import Membership
from transferraum.core.start import IDEA, StartItem, bounded_items, start_register
from transferraum.projects.models import Assignment, Project
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.selectors import needs_nudge
from transferraum.recommendations.workflow import (
    APPROVER,
    AUTHOR,
    COORDINATOR,
    LIFECYCLE,
    PARTNER,
    REQUEST_APPROVAL,
)

AREA = "recommendations"
S = Recommendation.Status
A = Recommendation.Author

# A step back is never what a start page asks for.
STEPS_BACK = frozenset({"reopen"})
# The partner's turn: every status in which the partner may take a step, except the
# implementation, which runs for months and is kept up to date on the recommendation's page,
# and finished ones (an evaluation is welcome, but nobody waits for it).
PARTNER_TURN = tuple(
    status
    for status in S
    if status not in (S.IN_IMPLEMENTATION, *Recommendation.FINISHED_STATUSES)
    and LIFECYCLE.allowed(status, {PARTNER}, notices=False)
)


def _next_step(recommendation: Recommendation, roles: set[str]) -> tuple[str, str]:
    """The label of the link and where it leads: the one step the roles may take now, its form
    unfolded, or the list of steps when there is a choice."""
    allowed = LIFECYCLE.allowed(recommendation.status, roles)
    steps = [name for name in allowed if name not in STEPS_BACK]
    if len(steps) == 1:
        return str(LIFECYCLE[steps[0]].label), recommendation.get_step_url(steps[0])
    return _("Choose the next step"), recommendation.get_absolute_url() + "#steps"


def _due(recommendation: Recommendation) -> dt.date | None:
    if recommendation.status == S.ON_AGENDA and recommendation.agenda_date is not None:
        return recommendation.agenda_date
    if recommendation.status in Recommendation.AWAITING_DECISION_STATUSES:
        return recommendation.first_answer_due
    return None


def _item(recommendation: Recommendation, roles: set[str], detail: str = "") -> StartItem:
    action, url = _next_step(recommendation, roles)
    return StartItem(
        title=recommendation.title,
        area=AREA,
        url=url,
        action=action,
        due=_due(recommendation),
        detail=detail or recommendation.get_status_display(),
    )


def _rows(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    return recommendations.select_related("municipality", "addressee_organisation").defer(
        "municipality__boundary"
    )


def _approval_requested() -> Q:
    """The authors asked for approval since the draft last changed its status (the rule of
    `selectors.approval_requested`, as a condition on `_with_requests()`)."""
    return Q(last_request__isnull=False) & (
        Q(last_change__isnull=True) | Q(last_request__gt=F("last_change"))
    )


def _with_requests(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    events = RecommendationEvent.objects.filter(recommendation_id=OuterRef("pk")).order_by(
        "-at", "-pk"
    )
    return recommendations.annotate(
        last_request=Subquery(
            events.filter(action=LIFECYCLE[REQUEST_APPROVAL].records).values("at")[:1]
        ),
        last_change=Subquery(events.exclude(from_status=F("to_status")).values("at")[:1]),
    )


def _tracker(status: str = "") -> str:
    url = reverse("recommendations:tracker")
    return f"{url}?status={status}" if status else url


# --- the partner's side -----------------------------------------------------------------------


def _partner_of(user: User) -> Q:
    """The recommendations for which `user` holds the partner role (`permissions.roles_for`):
    addressed to their organisation, posed by it (while the project names no contacts), a
    project whose contact they are, or they are the responsible person."""
    organisations = Membership.objects.filter(user_id=user.pk).values("organisation_id")
    contacts = Project.partner_contacts.through.objects
    named = Exists(contacts.filter(project_id=OuterRef("project_id")))
    return (
        Q(addressee_organisation_id__in=organisations)
        | (Q(project__challenge__organisation_id__in=organisations) & ~named)
        | Q(project_id__in=contacts.filter(user_id=user.pk).values("project_id"))
        | Q(responsible_person_id=user.pk)
    )


def _for_partner(user: User) -> list[StartItem]:
    recommendations = _rows(
        Recommendation.objects.filter(_partner_of(user), status__in=PARTNER_TURN).order_by(
            F("first_answer_due").asc(nulls_last=True), "pk"
        )
    )
    return bounded_items(
        recommendations,
        lambda recommendation: _item(recommendation, {PARTNER}),
        more_url=_tracker(),
        more_title=_("All recommendations"),
    )


# --- coordinators -----------------------------------------------------------------------------


def _waiting_too_long(now: dt.datetime) -> list[StartItem]:
    """What the reminders chase: no change for the reminder period, or the first answer
    overdue."""
    return bounded_items(
        _rows(
            needs_nudge(now).order_by(F("first_answer_due").asc(nulls_last=True), "last_event_at")
        ),
        _nudge_item,
        more_url=_tracker(),
        more_title=_("All recommendations"),
    )


def _nudge_item(recommendation: Recommendation) -> StartItem:
    last = recommendation.last_event_at  # type: ignore[attr-defined]
    since = (
        _("no change since %(date)s")
        % {"date": date_format(timezone.localdate(last), "DATE_FORMAT")}
        if last is not None
        else _("no change recorded")
    )
    place = recommendation.municipality.name if recommendation.municipality else ""
    detail = ", ".join(part for part in (recommendation.get_status_display(), place, since) if part)
    return _item(recommendation, {COORDINATOR}, detail)


# --- approvers and authors --------------------------------------------------------------------


def _approvals(user: User) -> list[StartItem]:
    """Drafts whose authors asked this person for approval: supervisors for their projects'
    teams, coordinators for the accompanying research."""
    mine = Q(
        written_by_kind=A.TEAM,
        project_id__in=Project.supervisors.through.objects.filter(user_id=user.pk).values(
            "project_id"
        ),
    )
    if user.is_coordinator:
        mine |= Q(written_by_kind=A.RESEARCH)
    recommendations = _rows(
        _with_requests(Recommendation.objects.filter(mine, status=S.DRAFTED))
        .filter(_approval_requested())
        .order_by("last_request", "pk")
    )
    return bounded_items(
        recommendations,
        lambda recommendation: _item(recommendation, {APPROVER}, _("Approval requested")),
        more_url=_tracker(S.DRAFTED),
        more_title=_("All drafts"),
    )


def _drafts(user: User) -> list[StartItem]:
    """The authors' drafts not yet sent for approval, and approved ones to hand over: a team's
    for its project, a researcher's own."""
    teams = Assignment.objects.filter(
        student_id=user.pk, round__published_at__isnull=False, project__isnull=False
    ).values("project_id")
    mine = Q(written_by_kind=A.TEAM, project_id__in=teams)
    if user.has_role(User.Role.RESEARCHER):
        mine |= Q(written_by_kind=A.RESEARCH, created_by_id=user.pk)
    recommendations = _rows(
        _with_requests(
            Recommendation.objects.filter(mine, status__in=Recommendation.PREPARATION_STATUSES)
        )
        .exclude(Q(status=S.DRAFTED) & _approval_requested())
        .order_by("status", "-updated_at", "pk")  # approved before drafted
    )
    return bounded_items(
        recommendations,
        lambda recommendation: _item(recommendation, {AUTHOR}),
        more_url=_tracker(),
        more_title=_("All recommendations"),
    )


def _ideas(user: User) -> list[StartItem]:
    if not user.has_role(User.Role.RESEARCHER):
        return []
    return [
        StartItem(
            title=_("New recommendation"),
            area=AREA,
            url=reverse("recommendations:new"),
            action=_("Write a recommendation"),
            detail=_("From the accompanying research, to a town or a company."),
            kind=IDEA,
        )
    ]


@start_register(AREA, gettext_lazy("Recommendations"), order=60)
def items_for(user: User) -> list[StartItem]:
    items = _for_partner(user)
    if user.is_coordinator:
        items += _waiting_too_long(timezone.now())
    if user.is_coordinator or user.has_role(User.Role.SUPERVISOR):
        items += _approvals(user)
    if user.has_role(User.Role.STUDENT, User.Role.RESEARCHER):
        items += _drafts(user)
    return items + _ideas(user)
