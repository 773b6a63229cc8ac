"""Challenges of towns, companies and associations in every status of their lifecycle, with
topics, formats, the review's traces (dates, coordinator, reasons) and followers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge, Follow, TopicField, TransferFormat
from transferraum.demo.data import generate as data
from transferraum.demo.generate.context import Context, insert, insert_m2m
from transferraum.demo.generate.index import index_challenge

Status = Challenge.Status
Kind = Organisation.Kind

# Share of each status (per cent): many on the board, since rounds draw their projects from it.
STATUS_SHARES: tuple[tuple[str, int], ...] = (
    (Status.DRAFT, 8),
    (Status.SUBMITTED, 6),
    (Status.IN_REVIEW, 5),
    (Status.CHANGES_REQUESTED, 4),
    (Status.ACCEPTED, 5),
    (Status.PUBLISHED, 25),
    (Status.IN_PROGRESS, 15),
    (Status.COMPLETED, 25),
    (Status.WITHDRAWN, 3),
    (Status.REJECTED, 4),
)
_SUBMITTED = {s for s, _w in STATUS_SHARES} - {Status.DRAFT}
_ASSIGNED = {Status.ACCEPTED, *Challenge.BOARD_STATUSES}
_AUTHOR_KINDS = (Kind.TOWN, Kind.COMPANY, Kind.CIVIL_SOCIETY, Kind.PUBLIC_BODY, Kind.STARTUP)


def _statuses(ctx: Context) -> list[str]:
    """Every status at least once, the rest by share."""
    statuses = [status for status, _share in STATUS_SHARES]
    rest = ctx.size.challenges - len(statuses)
    statuses += ctx.rng.choices(statuses, [share for _s, share in STATUS_SHARES], k=rest)
    return statuses


def challenges_generate(ctx: Context) -> None:
    rng = ctx.rng
    authors = [pk for pk, (_n, kind, _t, _m) in ctx.organisations.items() if kind in _AUTHOR_KINDS]
    with_members = [pk for pk in authors if ctx.members.get(pk)]
    topics_by_slug: dict[str, TopicField] = ctx.topics
    formats: list[TransferFormat] = ctx.formats
    coordinator = ctx.coordinators[0]
    towns = {m.pk: m for m in ctx.municipalities}
    statuses = _statuses(ctx)
    for start in range(0, len(statuses), data.BATCH):
        batch: list[tuple[Challenge, list[TopicField], list[TransferFormat], int]] = []
        for status in statuses[start : start + data.BATCH]:
            org = (
                rng.choice(with_members)
                if with_members and rng.random() < 0.85
                else rng.choice(authors)
            )
            name, _kind, theme_index, town_pk = ctx.organisations[org]
            if rng.random() < 0.3:  # a theme of its own now and then
                theme_index = rng.randrange(len(data.THEMES))
            theme = ctx.theme(theme_index)
            town = towns[town_pk]
            subject = rng.choice(theme.subjects)
            title = f"{rng.choice(theme.actions)} {subject}"
            if rng.random() < 0.6:
                title += f" in {town.name}"
            member = ctx.members.get(org, [None])[0]
            confidentiality = rng.choices(list(Challenge.Confidentiality), (80, 15, 5))[0]
            days = -rng.randint(1, 720)
            start_day = ctx.today + dt.timedelta(days=days + rng.randint(30, 120))
            challenge = Challenge(
                title=title[0].upper() + title[1:200],
                problem=rng.choice(theme.problems).format(subject=subject, town=town.name),
                context=rng.choice(theme.problems).format(
                    subject=rng.choice(theme.subjects), town=town.name
                ),
                desired_result=rng.choice(theme.goals),
                public_summary=(
                    f"{name} sucht Unterstützung: {subject} in {town.name}."
                    if confidentiality != Challenge.Confidentiality.PUBLIC
                    else ""
                ),
                organisation=Organisation(pk=org, name=name),
                municipality=town,
                contact_person_id=member,
                created_by_id=member,
                earliest_start=start_day,
                deadline=start_day + dt.timedelta(days=rng.randint(60, 240)),
                partner_offers=rng.sample(
                    [o.value for o in Challenge.PartnerOffer], rng.randint(0, 3)
                ),
                confidentiality=confidentiality,
                nda_required=confidentiality == Challenge.Confidentiality.CONFIDENTIAL,
                definition=rng.choice(list(Challenge.Definition)),
                citizen_involvement=rng.random() < 0.3,
                technical_depth=rng.choice(list(Challenge.Depth)),
                expected_team_size=rng.choice((None, 3, 4, 5, 6)),
                status=status,
                coordinator_id=coordinator if status in _ASSIGNED else None,
                rejection_reason=(
                    "Die Aufgabe passt nicht zu den Studiengängen des Programms."
                    if status == Status.REJECTED
                    else ""
                ),
                submitted_at=ctx.at(days) if status in _SUBMITTED else None,
                published_at=ctx.at(days + rng.randint(7, 21))
                if status in Challenge.BOARD_STATUSES
                else None,
            )
            topics = [topics_by_slug[theme.topic]] if theme.topic in topics_by_slug else []
            if rng.random() < 0.3:
                topics.append(rng.choice(list(topics_by_slug.values())))
            topics = list(dict.fromkeys(topics))
            chosen_formats = [rng.choice(formats)] if status in _ASSIGNED and formats else []
            index_challenge(challenge, topics, chosen_formats)
            batch.append((challenge, topics, chosen_formats, theme_index))
        with transaction.atomic():
            insert(Challenge, [row[0] for row in batch])
            topic_through = Challenge.topics.through
            insert(
                topic_through,
                [
                    topic_through(challenge_id=c.pk, topicfield_id=t.pk)
                    for c, ts, _f, _t in batch
                    for t in ts
                ],
            )
            format_through = Challenge.formats.through
            insert(
                format_through,
                [
                    format_through(challenge_id=c.pk, transferformat_id=f.pk)
                    for c, _t, fs, _x in batch
                    for f in fs
                ],
            )
        for challenge, _topics, _formats, theme_index in batch:
            ctx.challenges.setdefault(challenge.status, []).append(
                (
                    challenge.pk,
                    challenge.organisation_id,
                    challenge.municipality_id,
                    theme_index,
                    challenge.title,
                )
            )
        ctx.count("challenges", len(batch))


def follows_generate(ctx: Context) -> None:
    """Students and staff who follow challenges on the board."""
    rng = ctx.rng
    people = [pk for students in ctx.students for pk in students] + ctx.staff
    board = [
        row[0] for status in Challenge.BOARD_STATUSES for row in ctx.challenges.get(status, [])
    ]
    if not people:
        return

    def rows():
        for challenge in board:
            count = rng.choice((0, 0, 1, 1, 1, 2, 2)) * ctx.size.follows_per_challenge
            for user in set(rng.sample(people, min(len(people), int(count)))):
                yield {"challenge_id": challenge, "user_id": user}

    ctx.count("follows", insert_m2m(Follow, rows()))
