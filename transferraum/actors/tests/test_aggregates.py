"""The map's cells and the links between organisations: rebuilt in SQL, after the services'
writes, once per transaction."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors import aggregates
from transferraum.actors.aggregates import (
    MAP_CELL_MAX_ZOOM,
    aggregates_deferred,
    aggregates_refresh_later,
    map_cells_refresh,
    organisation_links_refresh,
)
from transferraum.actors.models import MapCell, OrganisationLink
from transferraum.actors.services import membership_add, organisation_register, organisation_update
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.regions.tests.factories import eilenburg, zeitz


@pytest.mark.django_db
def test_cells_count_every_placed_organisation_at_every_zoom():
    OrganisationFactory(
        name="Eigen", municipality=zeitz(), lat=Decimal("51.1"), lon=Decimal("12.2")
    )
    OrganisationFactory(name="Stadtmitte", municipality=eilenburg())
    OrganisationFactory(name="Nirgends")  # neither coordinates nor a town

    rows = map_cells_refresh()

    assert rows == MapCell.objects.count()
    for zoom in range(MAP_CELL_MAX_ZOOM + 1):
        cells = MapCell.objects.filter(zoom=zoom)
        assert sum(cell.count for cell in cells) == 2
    centre = MapCell.objects.get(zoom=MAP_CELL_MAX_ZOOM, municipality=eilenburg())
    assert (centre.lat_sum, centre.lon_sum) == pytest.approx((51.459845, 12.632788))
    # A second rebuild replaces the rows.
    assert map_cells_refresh() == rows


@pytest.mark.django_db
def test_links_hold_both_ends_and_count_active_people_only():
    a = OrganisationFactory(name="A", kind="company", municipality=zeitz())
    b = OrganisationFactory(name="B", kind="town", municipality=eilenburg())
    for user in (UserFactory(), UserFactory(), UserFactory(is_active=False)):
        MembershipFactory(user=user, organisation=a)
        MembershipFactory(user=user, organisation=b)

    assert organisation_links_refresh() == 1

    link = OrganisationLink.objects.get()
    assert (link.source_id, link.target_id, link.weight) == (a.pk, b.pk, 2)
    assert (link.source_kind, link.target_kind) == ("company", "town")
    assert (link.source_municipality_id, link.target_municipality_id) == (
        zeitz().pk,
        eilenburg().pk,
    )
    assert link.source_district_id == zeitz().district_id


@pytest.mark.django_db
def test_services_rebuild_after_their_commit(coordinator, django_capture_on_commit_callbacks):
    town = OrganisationFactory(name="Stadt", municipality=eilenburg())
    with django_capture_on_commit_callbacks(execute=True):
        company = organisation_register(
            actor=coordinator, name="Werkstatt", kind="company", municipality=zeitz()
        )
        membership_add(actor=None, user=coordinator, organisation=company)
        membership_add(actor=None, user=coordinator, organisation=town)

    assert OrganisationLink.objects.get().weight == 1
    assert sum(c.count for c in MapCell.objects.filter(zoom=0)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        organisation_update(
            actor=coordinator,
            organisation=company,
            data={"lat": Decimal("51.3"), "lon": Decimal("12.4")},
        )

    moved = MapCell.objects.get(zoom=MAP_CELL_MAX_ZOOM, first=company)
    assert (moved.lat_sum, moved.lon_sum) == pytest.approx((51.3, 12.4))


@pytest.mark.django_db
def test_a_transaction_enqueues_one_rebuild_however_many_writes(
    monkeypatch, django_capture_on_commit_callbacks
):
    calls: list[tuple[bool, bool]] = []
    monkeypatch.setattr(
        aggregates, "aggregates_refresh_now", lambda **kw: calls.append((kw["places"], kw["links"]))
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for _ in range(5):
            aggregates_refresh_later(places=True)
        aggregates_refresh_later(links=True)

    assert len(callbacks) == 1
    assert calls == [(True, True)]


@pytest.mark.django_db
def test_a_rebuild_started_after_the_write_serves_it(monkeypatch):
    """Writes queue a rebuild each; a rebuild that started after a write committed has read
    it, so the queue shrinks to what is really stale."""
    calls: list[tuple[bool, bool]] = []
    monkeypatch.setattr(aggregates, "map_cells_refresh", lambda: calls.append((True, False)))
    monkeypatch.setattr(
        aggregates, "organisation_links_refresh", lambda: calls.append((False, True))
    )
    cache.clear()
    written = time.time()
    # nothing known about earlier rebuilds: rebuild
    assert aggregates.aggregates_refresh_if_stale(
        places=True, links=True, requested_at=written
    ) == (True, True)
    # a second write that committed before that rebuild started: served by it
    assert aggregates.aggregates_refresh_if_stale(
        places=True, links=True, requested_at=written - 1
    ) == (False, False)
    # a write after it: rebuilt again; a task without a time always rebuilds
    assert aggregates.aggregates_refresh_if_stale(
        places=True, links=False, requested_at=time.time() + 1
    ) == (True, False)
    assert aggregates.aggregates_refresh_if_stale(places=False, links=True) == (False, True)
    assert calls == [(True, False), (False, True), (True, False), (False, True)]


@pytest.mark.django_db
def test_the_daily_command_rebuilds_both_once_a_day(capsys):
    OrganisationFactory(name="Eigen", lat=Decimal("51.1"), lon=Decimal("12.2"))

    call_command("aggregates_refresh")
    call_command("aggregates_refresh")

    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Map cells: {MAP_CELL_MAX_ZOOM + 1}, links between organisations: 0."
    assert out[1] != out[0]  # the second start of the day does nothing
    assert MapCell.objects.count() == MAP_CELL_MAX_ZOOM + 1


@pytest.mark.django_db
def test_deferred_writes_enqueue_no_rebuild(coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, aggregates_deferred():
        organisation_register(
            actor=coordinator, name="Werkstatt", kind="company", municipality=zeitz()
        )

    assert callbacks == []
    assert not MapCell.objects.exists()
