"""Saved searches and their alerts: matching, at most once per person, never expired or filled
items, daily and weekly, with frozen time."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.tests.factories import CompetenceFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.opportunities import alerts
from transferraum.opportunities.models import Kind, Opportunity, SavedSearch, SentItem
from transferraum.opportunities.selectors import FeedFilters
from transferraum.opportunities.tests.factories import OpportunityFactory, SavedSearchFactory
from transferraum.regions.tests.factories import eilenburg, zeitz

START = datetime.datetime(2027, 3, 1, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def _later(frozen, **delta):
    frozen.move_to(START + datetime.timedelta(**delta), tick=False)


def _run(capture):
    with capture(execute=True):
        return alerts.alerts_send()


def test_overlapping_searches_send_an_item_once(
    frozen, company_zeitz, django_capture_on_commit_callbacks
):
    person = UserFactory()
    SavedSearchFactory(user=person, kind=Kind.INTERNSHIP)
    SavedSearchFactory(user=person, municipality=eilenburg())
    SavedSearchFactory(user=person)
    _later(frozen, hours=1)
    item = OpportunityFactory(organisation=company_zeitz)
    mail.outbox.clear()

    report = _run(django_capture_on_commit_callbacks)

    assert (report.people, report.items) == (1, 1)
    assert len(mail.outbox) == 1
    assert item.title in mail.outbox[0].body
    _later(frozen, days=1, hours=1)
    assert _run(django_capture_on_commit_callbacks).items == 0
    assert SentItem.objects.filter(user=person, opportunity=item).count() == 1


def test_filters_are_matched_in_sql(frozen, company_zeitz, django_capture_on_commit_callbacks):
    gis = CompetenceFactory(slug="gis", label_de="GIS")
    wants = {
        "kind": SavedSearchFactory(kind=Kind.FLAT),
        "town": SavedSearchFactory(municipality=zeitz()),
        "district": SavedSearchFactory(district=eilenburg().district),
        "pay": SavedSearchFactory(pay_min_cents=150000),
        "competence": SavedSearchFactory(competence=gis),
        "words": SavedSearchFactory(stem1="metallbau"),
        "start": SavedSearchFactory(start_by_days=30),
    }
    _later(frozen, hours=1)
    flat = OpportunityFactory(organisation=company_zeitz, kind=Kind.FLAT, municipality=zeitz())
    paid = OpportunityFactory(organisation=company_zeitz, pay_max_cents=200000)
    with_gis = OpportunityFactory(organisation=company_zeitz, title="Kartierung")
    with_gis.competences.add(gis)
    words = OpportunityFactory(
        organisation=company_zeitz, title="Metallbau im Team", municipality=zeitz()
    )
    soon = OpportunityFactory(
        organisation=company_zeitz, start_date=START.date() + datetime.timedelta(days=10)
    )
    from transferraum.opportunities.services import opportunity_index

    opportunity_index(with_gis)

    _run(django_capture_on_commit_callbacks)

    def sent(search):
        return set(SentItem.objects.filter(user=search.user).values_list("opportunity", flat=True))

    assert sent(wants["kind"]) == {flat.pk}
    assert sent(wants["town"]) == {flat.pk, words.pk}
    assert sent(wants["district"]) == {paid.pk, with_gis.pk, soon.pk}
    assert sent(wants["pay"]) == {paid.pk}
    assert sent(wants["competence"]) == {with_gis.pk}
    assert sent(wants["words"]) == {words.pk}
    assert sent(wants["start"]) == {soon.pk}


def test_expired_filled_and_old_items_are_never_sent(
    frozen, company_zeitz, django_capture_on_commit_callbacks
):
    OpportunityFactory(organisation=company_zeitz, title="Vorher")  # before the search
    search = SavedSearchFactory()
    _later(frozen, hours=1)
    OpportunityFactory(organisation=company_zeitz, status=Opportunity.Status.FILLED)
    OpportunityFactory(
        organisation=company_zeitz, expires_on=START.date() - datetime.timedelta(days=1)
    )
    OpportunityFactory(organisation=company_zeitz, status=Opportunity.Status.WITHDRAWN)
    mail.outbox.clear()

    assert _run(django_capture_on_commit_callbacks).items == 0
    assert not SentItem.objects.filter(user=search.user).exists()
    assert mail.outbox == []


def test_an_item_filled_before_the_mail_leaves_is_dropped(frozen, company_zeitz):
    search = SavedSearchFactory()
    _later(frozen, hours=1)
    item = OpportunityFactory(organisation=company_zeitz)
    Opportunity.objects.filter(pk=item.pk).update(status=Opportunity.Status.FILLED)
    mail.outbox.clear()
    alerts.alert_digest_mail(user_id=search.user_id, opportunity_ids=[item.pk])
    assert mail.outbox == []


def test_weekly_searches_run_every_seventh_day(
    frozen, company_zeitz, django_capture_on_commit_callbacks
):
    search = SavedSearchFactory(frequency=SavedSearch.Frequency.WEEKLY)
    _later(frozen, hours=1)
    OpportunityFactory(organisation=company_zeitz)
    assert _run(django_capture_on_commit_callbacks).items == 1
    _later(frozen, days=1)
    OpportunityFactory(organisation=company_zeitz)
    _later(frozen, days=2)
    assert _run(django_capture_on_commit_callbacks).items == 0  # not due yet
    _later(frozen, days=7, hours=2)
    assert _run(django_capture_on_commit_callbacks).items == 1
    assert SentItem.objects.filter(user=search.user).count() == 2


def test_the_alert_mail_carries_a_one_click_unsubscribe(
    frozen, company_zeitz, client, django_capture_on_commit_callbacks
):
    search = SavedSearchFactory()
    _later(frozen, hours=1)
    OpportunityFactory(organisation=company_zeitz)
    mail.outbox.clear()
    _run(django_capture_on_commit_callbacks)
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    url = header.strip("<>").split(">")[0]
    path = url.split("://", 1)[1].split("/", 1)[1]

    response = client.post("/" + path)  # what a mail program does, without a sign-in

    assert response.status_code == 200
    from transferraum.notifications.models import Preference

    assert Preference.objects.get(user=search.user, kind="opportunity.alert").delivery == "platform"


def test_the_match_takes_constant_queries(
    frozen, company_zeitz, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(30):
        SavedSearchFactory()
    _later(frozen, hours=1)
    for _ in range(5):
        OpportunityFactory(organisation=company_zeitz)
    from transferraum.notifications.services import notifications_suppressed

    with notifications_suppressed(), django_assert_max_num_queries(4):
        report = alerts.alerts_send()
    assert report.items == 150


def test_saving_a_search_keeps_the_filter(student_geography):
    filters = FeedFilters(
        query="Metallbau Praktikum", kind=Kind.JOB, municipality=zeitz().ags, pay="1000"
    )
    search = alerts.saved_search_create(
        actor=student_geography, filters=filters, name="Jobs in Zeitz", frequency="daily"
    )
    assert search.kind == Kind.JOB and search.municipality.name == "Zeitz"
    assert search.pay_min_cents == 100000
    assert search.stem1 and search.stem2
    assert "art=job" in search.querystring


def test_saving_a_search_refuses_bad_input(student_geography):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        alerts.saved_search_create(
            actor=AnonymousUser(), filters=FeedFilters(), name="x", frequency="daily"
        )
    with pytest.raises(DomainError):
        alerts.saved_search_create(
            actor=student_geography, filters=FeedFilters(), name=" ", frequency="daily"
        )
    with pytest.raises(DomainError):
        alerts.saved_search_create(
            actor=student_geography, filters=FeedFilters(), name="x", frequency="hourly"
        )
    assert not SavedSearch.objects.exists()


def test_now_is_aware():
    assert timezone.is_aware(START)
