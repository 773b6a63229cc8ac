"""Scheduled work runs once per period, however many app servers start it.

Every app server may carry the same cron entries or systemd timers; each periodic management
command takes a lock before it works, so the first one does the work and every other start in
the same period exits quietly, saying the run is done or still running. The lock is a row of
`ScheduledRun` with a unique (name, period) key, committed before the work starts: it works the
same on SQLite and PostgreSQL, survives restarts and shows in the admin.

New periodic commands subclass `ScheduledCommand` (the name is the command's, the period the
day in Europe/Berlin) and put their work in `run_scheduled`; other periodic code calls
`run_once` directly. Never start periodic work without one of the two.

- A run that fails (raises) gives its period free again, so the next start retries.
- A run that died without a word (a killed process) holds its period until `stale_after` has
  passed; then the next start takes it over. A coordinator may also delete the row in the admin.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from transferraum.core.models import ScheduledRun

STALE_AFTER = timedelta(hours=6)


@dataclass(frozen=True)
class Claim:
    """The answer of `run_once`: `taken` when this process does the work, else `reason` says
    who did or does it."""

    taken: bool
    reason: str = ""


def today() -> str:
    """The default period: the day in the platform's time zone (a daily command)."""
    return timezone.localdate().isoformat()


@contextmanager
def run_once(
    name: str, period: str | None = None, *, stale_after: timedelta = STALE_AFTER
) -> Iterator[Claim]:
    """Claim the run of `name` for `period` (default: today) and hold it while the block runs.

    Yields a `Claim`; the block does the work only when `claim.taken`. The claim is committed
    at once, so it must not be called inside a transaction (`transaction.atomic`) of the caller.
    A block that raises gives the period free again; a finished one keeps it for good.
    """
    period = period or today()
    token = uuid.uuid4()
    if not _claim(name, period, token, stale_after):
        yield Claim(taken=False, reason=_reason(name, period))
        return
    mine = ScheduledRun.objects.filter(name=name, period=period, token=token)
    try:
        yield Claim(taken=True)
    except BaseException:
        mine.delete()
        raise
    mine.update(finished_at=timezone.now())


def _claim(name: str, period: str, token: uuid.UUID, stale_after: timedelta) -> bool:
    now = timezone.now()
    holder = f"{socket.gethostname()} (pid {os.getpid()})"[:200]
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(
                name=name, period=period, token=token, holder=holder, started_at=now
            )
        return True
    except IntegrityError:
        pass
    # Someone else holds it. Take it over only from a run that died: one UPDATE, so of two
    # servers that find the same dead run only one wins.
    taken_over = ScheduledRun.objects.filter(
        name=name, period=period, finished_at__isnull=True, started_at__lt=now - stale_after
    ).update(token=token, holder=holder, started_at=now)
    return taken_over == 1


def _reason(name: str, period: str) -> str:
    other = ScheduledRun.objects.filter(name=name, period=period).first()
    if other is None:  # released in the meantime: a failed run; the next start retries
        return f"{name} for {period}: another run just failed; try again."
    if other.finished_at is None:
        return (
            f"{name} for {period} is already running on {other.holder} "
            f"since {timezone.localtime(other.started_at):%H:%M:%S}; nothing to do."
        )
    return (
        f"{name} for {period} was already done on {other.holder} "
        f"at {timezone.localtime(other.finished_at):%H:%M:%S}; nothing to do."
    )


class ScheduledCommand(BaseCommand):
    """A management command run by cron or a timer on every app server, done once per day.

    Subclasses put the work in `run_scheduled`, which returns the line to report.
    """

    def handle(self, *args: Any, **options: Any) -> None:
        name = self.__module__.rsplit(".", 1)[-1]
        with run_once(name) as claim:
            if not claim.taken:
                self.stdout.write(claim.reason)
                return
            self.stdout.write(self.run_scheduled())

    def run_scheduled(self) -> str:
        raise NotImplementedError
