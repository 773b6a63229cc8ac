"""Opportunities of the generated organisations: one for every fourth, of every kind, most on
the feed, some filled or expired; search texts as `opportunities.services` makes them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from transferraum.core.search import search_document
from transferraum.demo.data import generate as data
from transferraum.demo.generate.context import Context, insert
from transferraum.opportunities.models import Kind, Opportunity

Status = Opportunity.Status
# status → share in per cent
STATUS_SHARES: tuple[tuple[str, int], ...] = (
    (Status.PUBLISHED, 70),
    (Status.FILLED, 10),
    (Status.EXPIRED, 10),
    (Status.DRAFT, 5),
    (Status.SUBMITTED, 5),
)
TITLES = {
    Kind.JOB: "Fachkraft",
    Kind.INTERNSHIP: "Praktikum",
    Kind.WORKING_STUDENT: "Werkstudium",
    Kind.THESIS: "Abschlussarbeit",
    Kind.APPRENTICESHIP: "Ausbildung",
    Kind.VOLUNTARY: "Ehrenamt",
    Kind.FLAT: "Wohnung",
    Kind.ROOM: "Zimmer",
    Kind.TRIAL_LIVING: "Probewohnen",
}


def opportunities_generate(ctx: Context) -> None:
    rng = ctx.rng
    towns = {m.pk: m for m in ctx.municipalities}
    organisations = list(ctx.organisations.items())[::4]
    statuses = [status for status, _share in STATUS_SHARES]
    weights = [share for _status, share in STATUS_SHARES]
    rows = []
    for pk, (name, _kind, _theme, municipality) in organisations:
        town = towns.get(municipality) or rng.choice(ctx.municipalities)
        kind = rng.choice(list(Kind))
        status = rng.choices(statuses, weights)[0]
        title = f"{TITLES[kind]} bei {name}"
        low = rng.choice((None, 30000, 80000, 250000))
        published = status not in (Status.DRAFT, Status.SUBMITTED)
        rows.append(
            Opportunity(
                organisation_id=pk,
                kind=kind,
                title=title[:200],
                description=f"{TITLES[kind]} in {town.name}.",
                municipality=town,
                status=status,
                start_date=ctx.today + dt.timedelta(days=rng.randint(0, 180)),
                pay_min_cents=low,
                pay_max_cents=None if low is None else low + rng.choice((0, 20000, 50000)),
                expires_on=ctx.today
                + dt.timedelta(days=-3 if status == Status.EXPIRED else rng.randint(5, 90)),
                published_at=ctx.at(-rng.randint(1, 60)) if published else None,
                apply_by=Opportunity.ApplyBy.LINK
                if kind == Kind.TRIAL_LIVING
                else Opportunity.ApplyBy.PLATFORM,
                external_url="https://probewohnen.bench.example/"
                if kind == Kind.TRIAL_LIVING
                else "",
                search_text=search_document(
                    [title, name, str(kind.label), town.name, town.district.name]
                ),
            )
        )
    for start in range(0, len(rows), data.BATCH):
        with transaction.atomic():
            insert(Opportunity, rows[start : start + data.BATCH])
    ctx.counts["opportunities"] = len(rows)
