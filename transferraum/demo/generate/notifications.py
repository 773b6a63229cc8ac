"""In-app notifications for the generated people: about challenges on the board, rounds and
recommendations, half of them read."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from transferraum.challenges.models import Challenge
from transferraum.demo.data import generate as data
from transferraum.demo.generate.context import Context, chunks, insert
from transferraum.notifications.models import Notification


def notifications_generate(ctx: Context) -> None:
    rng = ctx.rng
    people = [*ctx.staff, *ctx.supervisors, *ctx.researchers]
    people += [pk for students in ctx.students for pk in students]
    board = [row for status in Challenge.BOARD_STATUSES for row in ctx.challenges.get(status, [])]
    if not board:
        return
    wanted = int(len(people) * ctx.size.notifications_per_person)
    for chunk in chunks(range(wanted)):
        rows = []
        for _n in chunk:
            challenge = rng.choice(board)
            kind, title = rng.choice(data.NOTIFICATION_TEXTS)
            created = ctx.now - dt.timedelta(hours=rng.randint(1, 24 * 90))
            rows.append(
                Notification(
                    recipient_id=rng.choice(people),
                    kind=kind,
                    title=title.format(title=challenge[4])[:300],
                    url=f"/herausforderungen/{challenge[0]}/",
                    created_at=created,
                    read_at=created + dt.timedelta(hours=5) if rng.random() < 0.5 else None,
                )
            )
        with transaction.atomic():
            insert(Notification, rows)
        ctx.count("notifications", len(rows))
