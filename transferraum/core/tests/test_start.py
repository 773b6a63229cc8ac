"""The start page "Mein Bereich": the registry of the apps' providers, bounding, overdue
marking, the page and the landing after signing in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import PASSWORD, UserFactory
from transferraum.core import start
from transferraum.core.start import (
    IDEA,
    MORE,
    StartItem,
    bounded,
    bounded_items,
    start_areas,
    start_page_for,
    start_register,
)


@pytest.fixture
def registry():
    """Only the providers a test registers; the apps' come back afterwards."""
    saved = dict(start._AREAS)
    start._AREAS.clear()
    yield
    start._AREAS.clear()
    start._AREAS.update(saved)


def item(title: str, area: str = "probe", **kwargs) -> StartItem:
    return StartItem(title=title, area=area, url="/probe/", action="Tun", **kwargs)


def test_every_app_with_items_is_discovered_without_core_naming_it():
    assert [area.key for area in start_areas()] == [
        "account",
        "challenges",
        "projects",
        "recommendations",
        "opportunities",
        "research",
        "places",
        "talent",
        "ventures",
        "indicators",
    ]


def test_areas_come_in_order_and_a_second_registration_replaces_the_first(registry):
    start_register("late", "Spät", order=90)(lambda user: [item("B", "late")])
    start_register("early", "Früh", order=10)(lambda user: [item("A", "early")])
    start_register("early", "Früh", order=10)(lambda user: [item("A2", "early")])

    page = start_page_for(object())

    assert [group.label for group in page.groups] == ["Früh", "Spät"]
    assert [row.item.title for row in page.groups[0].rows] == ["A2"]


def test_ideas_are_kept_apart_and_areas_without_tasks_are_left_out(registry):
    start_register("probe", "Probe", order=10)(lambda user: [item("Etwas beginnen", kind=IDEA)])
    page = start_page_for(object())
    assert page.is_empty
    assert [idea.title for idea in page.ideas] == ["Etwas beginnen"]


def test_bounded_cuts_at_the_limit_and_links_to_the_whole_list():
    items = [item(str(n)) for n in range(4)]

    cut = bounded(items, more_url="/alle/", more_title="Alle", limit=3)

    assert [each.title for each in cut] == ["0", "1", "2", "Alle"]
    assert cut[-1].kind == MORE and cut[-1].url == "/alle/"
    assert bounded(items[:3], more_url="/alle/", limit=3) == items[:3]
    assert len(bounded(items, limit=3)) == 3  # no list page: cut without a link


def test_bounded_items_reads_one_more_row_than_it_shows(django_assert_num_queries, db):
    shown = UserFactory.create_batch(4)
    rows = User.objects.filter(pk__in=[user.pk for user in shown]).order_by("pk")

    with django_assert_num_queries(1):
        cut = bounded_items(
            rows, lambda user: item(user.email), more_url="/alle/", more_title="Alle", limit=3
        )

    assert [each.title for each in cut] == [user.email for user in shown[:3]] + ["Alle"]
    assert cut[-1].kind == MORE
    assert bounded_items(rows, lambda user: item(user.email), limit=4) == [
        item(user.email) for user in shown
    ]


def test_past_dates_and_moments_are_overdue_in_berlin_time():
    now = dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)  # already 8 December in Berlin
    assert item("x", due=dt.date(2026, 12, 7)).is_overdue(now)
    assert not item("x", due=dt.date(2026, 12, 8)).is_overdue(now)
    assert item("x", due=now - dt.timedelta(minutes=1)).is_overdue(now)
    assert not item("x", due=now + dt.timedelta(minutes=1)).is_overdue(now)
    assert not item("x").is_overdue(now)


def test_the_page_needs_signing_in(client, db):
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_page_shows_items_by_area_with_due_date_and_overdue_mark(client, registry, outsider):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    start_register("probe", "Probebereich", order=10)(
        lambda user: [
            item("Antrag prüfen", due=yesterday, detail="seit Montag"),
            item("Bericht lesen"),
        ]
    )
    client.force_login(outsider)

    page = client.get(reverse("start")).content.decode()

    assert "<h1" in page and "Mein Bereich" in page
    assert "Probebereich" in page and "Antrag prüfen" in page and "seit Montag" in page
    assert f'datetime="{yesterday.isoformat()}"' in page
    assert page.count("Überfällig") == 1
    assert 'href="/probe/"' in page


def test_an_empty_page_says_so_and_offers_the_ideas(client, registry, outsider):
    start_register("probe", "Probebereich", order=10)(
        lambda user: [item("Eine Aufgabe beschreiben", kind=IDEA)]
    )
    client.force_login(outsider)

    page = client.get(reverse("start")).content.decode()

    assert "Gerade wartet nichts auf Sie." in page
    assert "Eine Aufgabe beschreiben" in page


@pytest.fixture
def _no_rate_limits():
    cache.clear()


def test_signing_in_lands_on_the_start_page(client, outsider, _no_rate_limits):
    response = client.post(
        reverse("account_login"), {"login": outsider.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("start")


def test_signing_in_still_follows_next(client, outsider, _no_rate_limits):
    target = reverse("challenges:board")
    response = client.post(
        f"{reverse('account_login')}?next={target}",
        {"login": outsider.email, "password": PASSWORD, "next": target},
    )
    assert response["Location"] == target


def test_the_menu_offers_the_page_to_everyone_signed_in(client, outsider):
    assert 'href="/mein-bereich/"' not in client.get(reverse("regions:home")).content.decode()
    client.force_login(outsider)
    assert 'href="/mein-bereich/"' in client.get(reverse("regions:home")).content.decode()
