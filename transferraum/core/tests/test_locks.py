"""Scheduled commands run once per period, however many servers start them (core.locks)."""

import io
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from transferraum.core.locks import run_once
from transferraum.core.models import ScheduledRun


def _work(name: str, period: str = "2026-12-07") -> bool:
    with run_once(name, period) as claim:
        return claim.taken


@pytest.mark.django_db
def test_a_second_start_in_the_same_period_does_nothing():
    assert _work("digest") is True

    with run_once("digest", "2026-12-07") as claim:
        assert claim.taken is False
        assert "already done" in claim.reason
    assert ScheduledRun.objects.get(name="digest").finished_at is not None


@pytest.mark.django_db
def test_a_start_while_another_runs_does_nothing():
    with run_once("digest", "2026-12-07") as first:
        assert first.taken
        with run_once("digest", "2026-12-07") as second:
            assert second.taken is False
            assert "already running" in second.reason


@pytest.mark.django_db
def test_other_periods_and_other_commands_run():
    assert _work("digest", "2026-12-07") is True
    assert _work("digest", "2026-12-08") is True
    assert _work("reminders", "2026-12-07") is True


@pytest.mark.django_db
def test_a_failed_run_gives_its_period_free():
    with pytest.raises(RuntimeError), run_once("digest", "2026-12-07") as claim:
        assert claim.taken
        raise RuntimeError("mail server down")

    assert not ScheduledRun.objects.exists()
    assert _work("digest") is True


@pytest.mark.django_db
def test_a_run_that_died_is_taken_over_only_after_it_went_stale():
    ScheduledRun.objects.create(
        name="digest",
        period="2026-12-07",
        token="00000000-0000-0000-0000-000000000001",
        holder="app-1 (pid 4711)",
        started_at=timezone.now() - timedelta(hours=1),
    )
    assert _work("digest") is False

    ScheduledRun.objects.update(started_at=timezone.now() - timedelta(hours=7))
    assert _work("digest") is True
    run = ScheduledRun.objects.get()
    assert run.finished_at is not None
    assert run.holder != "app-1 (pid 4711)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "command",
    [
        "send_notification_digest",
        "send_coordinator_digest",
        "send_recommendation_reminders",
        "opportunities_expire",
        "send_opportunity_alerts",
    ],
)
def test_each_scheduled_command_works_once_a_day(command):
    first, second = io.StringIO(), io.StringIO()

    call_command(command, stdout=first)
    call_command(command, stdout=second)

    assert "nothing to do" not in first.getvalue()
    assert f"{command} for {timezone.localdate().isoformat()} was already done" in second.getvalue()
    assert ScheduledRun.objects.filter(name=command).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_servers_starting_at_the_same_moment_work_once():
    barrier = threading.Barrier(4)
    results: list[bool] = []

    def start() -> None:
        try:
            barrier.wait()
            results.append(_work("digest"))
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, False, False, True]
    assert ScheduledRun.objects.filter(name="digest").count() == 1
