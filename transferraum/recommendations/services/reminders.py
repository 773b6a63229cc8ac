"""Reminders of the recommendations that wait for an answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.core.services import activity_record
from transferraum.notifications.services import notify
from transferraum.recommendations import selectors
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.notification_kinds import RECOMMENDATION_REMINDER
from transferraum.recommendations.tasks import mail_link

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
    coordinators = list(User.objects.with_role(User.Role.COORDINATOR).filter(is_active=True))
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
        notify(
            recipient=person,
            kind=RECOMMENDATION_REMINDER,
            template="recommendations/email/reminder",
            context={"person": person, "items": items, "days": days},
            language=person.language,
            url=reverse("recommendations:tracker"),
        )
    Recommendation.objects.filter(pk__in=[r.pk for r in due]).update(last_reminded_on=today)
    for recommendation in due:
        activity_record(actor=None, verb="recommendation.reminded", target=recommendation)
    return ReminderReport(recommendations=len(due), mails=len(lists))
