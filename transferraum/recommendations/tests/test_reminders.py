"""Reminders: which recommendations are due at a frozen time, and the daily command's mails."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.models import Activity
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.selectors import reminders_due
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
)

S = Recommendation.Status
BERLIN = ZoneInfo("Europe/Berlin")
T0 = dt.datetime(2027, 1, 11, 10, 0, tzinfo=BERLIN)


def later(days, hours=0):
    return T0 + dt.timedelta(days=days, hours=hours)


def with_event(project, status, at=T0, **kwargs):
    recommendation = RecommendationFactory(project=project, status=status, **kwargs)
    RecommendationEventFactory(recommendation=recommendation, action="hand_over", at=at)
    return recommendation


@pytest.fixture
def cases(project, officer_eilenburg):
    """One recommendation of each kind, every event at T0 unless said otherwise."""
    return {
        "stale": with_event(project, S.UNDER_REVIEW, responsible_person=officer_eilenburg),
        "overdue": with_event(project, S.RECEIVED, first_answer_due=dt.date(2027, 2, 1)),
        "decided_overdue": with_event(project, S.ADOPTED, first_answer_due=dt.date(2027, 2, 1)),
        "recent": with_event(project, S.IN_IMPLEMENTATION, at=later(60)),
        "draft": with_event(project, S.DRAFTED, first_answer_due=dt.date(2027, 2, 1)),
        "approved": with_event(project, S.APPROVED),
        "rejected": with_event(project, S.REJECTED, first_answer_due=dt.date(2027, 2, 1)),
        "implemented": with_event(project, S.IMPLEMENTED),
        "evaluated": with_event(project, S.EVALUATED),
    }


def due_at(moment, **kwargs):
    return sorted(r.title for r in reminders_due(moment, **kwargs))


def titles(cases, *names):
    return sorted(cases[name].title for name in names)


@pytest.mark.django_db
def test_nothing_is_due_while_things_move(cases):
    assert due_at(later(20)) == []


@pytest.mark.django_db
def test_past_the_date_for_a_first_answer_without_a_decision(cases):
    assert due_at(dt.datetime(2027, 2, 1, 23, 59, tzinfo=BERLIN)) == []
    assert due_at(dt.datetime(2027, 2, 2, 0, 1, tzinfo=BERLIN)) == titles(cases, "overdue")


@pytest.mark.django_db
def test_no_change_for_ninety_days(cases):
    assert due_at(later(89, hours=13)) == titles(cases, "overdue")  # 10 April, 23:00
    assert due_at(later(90)) == titles(cases, "stale", "overdue", "decided_overdue")
    assert due_at(later(150)) == titles(cases, "stale", "overdue", "decided_overdue", "recent")


@pytest.mark.django_db
def test_the_number_of_days_is_configurable(cases):
    assert due_at(later(30), stale_days=30) == titles(cases, "stale", "overdue", "decided_overdue")
    with override_settings(RECOMMENDATION_REMINDER_DAYS=30):
        assert due_at(later(30)) == titles(cases, "stale", "overdue", "decided_overdue")


@pytest.mark.django_db
def test_any_event_counts_as_a_change(cases):
    RecommendationEventFactory(
        recommendation=cases["stale"], action="milestone_updated", at=later(80)
    )

    assert cases["stale"].title not in due_at(later(100))


@pytest.mark.django_db
def test_a_reminder_repeats_only_after_the_same_number_of_days(cases):
    Recommendation.objects.filter(pk=cases["stale"].pk).update(
        last_reminded_on=dt.date(2027, 4, 11)
    )

    assert cases["stale"].title not in due_at(later(90))  # reminded that day
    assert cases["stale"].title not in due_at(later(179))
    assert cases["stale"].title in due_at(later(180))


@pytest.mark.django_db
def test_the_command_mails_each_person_once_listing_theirs(
    cases, coordinator, officer_eilenburg, mailoutbox
):
    second = UserFactory(email="zweite@uni-leipzig.example", role=User.Role.COORDINATOR)
    UserFactory(email="ehemalig@uni-leipzig.example", role=User.Role.COORDINATOR, is_active=False)
    second.language = "en"
    second.save()

    with time_machine.travel(later(90), tick=False):
        call_command("send_recommendation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    by_person = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_person) == sorted([coordinator.email, second.email, officer_eilenburg.email])
    officer_mail = by_person[officer_eilenburg.email]
    assert cases["stale"].title in officer_mail.body
    assert cases["overdue"].title not in officer_mail.body
    for coordinator_mail in (by_person[coordinator.email], by_person[second.email]):
        for name in ("stale", "overdue", "decided_overdue"):
            assert cases[name].title in coordinator_mail.body
        assert cases["draft"].title not in coordinator_mail.body
    assert by_person[second.email].extra_headers["Content-Language"] == "en"
    assert "01.02.2027" in by_person[coordinator.email].body  # the date that passed
    assert Activity.objects.filter(verb="recommendation.reminded").count() == 3


@pytest.mark.django_db
def test_the_command_sends_once_per_day(cases, coordinator, mailoutbox):
    with time_machine.travel(later(90), tick=False):
        call_command("send_recommendation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = len(mailoutbox)

    with time_machine.travel(later(90, hours=8), tick=False):
        call_command("send_recommendation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with time_machine.travel(later(91), tick=False):
        call_command("send_recommendation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert first == 2  # the coordinator and the responsible person
    assert len(mailoutbox) == first
    assert set(
        Recommendation.objects.filter(last_reminded_on__isnull=False).values_list("pk", flat=True)
    ) == {cases[name].pk for name in ("stale", "overdue", "decided_overdue")}


@pytest.mark.django_db
def test_nothing_due_sends_nothing(cases, coordinator, mailoutbox):
    with time_machine.travel(later(10), tick=False):
        call_command("send_recommendation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert mailoutbox == []


@pytest.mark.django_db
def test_mails_link_to_the_recommendations_page(settings, project):
    from transferraum.recommendations.tasks import mail_link

    settings.SITE_URL = "https://transferraum.example"
    recommendation = RecommendationFactory(project=project)

    assert mail_link(recommendation) == (
        f"https://transferraum.example/empfehlungen/{recommendation.pk}/"
    )
