"""The demo's innovation places: `demo_places_load` runs short named steps, each finds rows by
their natural key and adds only what is missing (idempotent). The places, resources and
trainings are made as rows (they have no service: staff keep them in the admin); who passed a
training goes through `qualification_record`; the term's bookings are written as the record
of a term that has already run (past bookings cannot go through the booking service, which
refuses the past), once per place – a place that has bookings is left alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.demo.data.challenges import DEMO_TODAY
from transferraum.demo.data.places import (
    PLACES,
    STAFF_OF_PLACE,
    TERM,
    TERM_WEEKS_AFTER,
    TERM_WEEKS_BEFORE,
    TRAINED,
)
from transferraum.places import calendar
from transferraum.places.models import (
    Booking,
    OpeningHours,
    Place,
    PlaceMember,
    Resource,
    Training,
)
from transferraum.places.services import person_kind, qualification_record
from transferraum.regions.models import Municipality


@dataclass
class PlacesReport:
    created: int = 0


def demo_places_load() -> PlacesReport:
    report = PlacesReport()
    report.created += _places()
    report.created += _trainings_passed()
    report.created += _term()
    return report


def _places() -> int:
    """The places with hours, trainings, resources, member organisations and staff."""
    created = 0
    for spec in PLACES:
        place, new = Place.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "organisation": Organisation.objects.get(name=spec.operator),
                "municipality": Municipality.objects.filter(name=spec.town).order_by("pk")[0],
                "street": spec.street,
                "postcode": spec.postcode,
                "lat": spec.lat,
                "lon": spec.lon,
                "description": spec.description,
                "house_rules": spec.house_rules,
                "accessibility": spec.accessibility,
                "contact_email": spec.contact_email,
            },
        )
        created += new
        if new:
            OpeningHours.objects.bulk_create(
                OpeningHours(place=place, weekday=day, opens=opens, closes=closes)
                for day, opens, closes in spec.hours
            )
        trainings = {}
        for training_spec in spec.trainings:
            training, new = Training.objects.get_or_create(
                place=place,
                name=training_spec.name,
                defaults={
                    "description": training_spec.description,
                    "lapse": training_spec.lapse,
                    "lapse_days": training_spec.lapse_days,
                    "lapse_months": training_spec.lapse_months,
                },
            )
            trainings[training.name] = training
            created += new
        for resource_spec in spec.resources:
            _resource, new = Resource.objects.get_or_create(
                place=place,
                name=resource_spec.name,
                defaults={
                    "kind": resource_spec.kind,
                    "capacity": resource_spec.capacity,
                    "min_minutes": resource_spec.min_minutes,
                    "max_minutes": resource_spec.max_minutes,
                    "weekly_hours_max": resource_spec.weekly_hours_max,
                    "audience": resource_spec.audience,
                    "training": trainings.get(resource_spec.training),
                    "price_cents": resource_spec.price_cents,
                    "needs_confirmation": resource_spec.needs_confirmation,
                    "description": resource_spec.description,
                },
            )
            created += new
        for name in spec.member_organisations:
            created += PlaceMember.objects.get_or_create(
                place=place, organisation=Organisation.objects.get(name=name)
            )[1]
    for slug, email in STAFF_OF_PLACE:
        created += PlaceMember.objects.get_or_create(
            place=Place.objects.get(slug=slug),
            user=User.objects.get(email=email),
            defaults={"role": PlaceMember.Role.STAFF},
        )[1]
    return created


def _trainings_passed() -> int:
    """Who passed a training, recorded by a coordinator through the service."""
    coordinator = User.objects.with_role(User.Role.COORDINATOR).order_by("pk").first()
    created = 0
    for name, email in TRAINED:
        training = Training.objects.get(name=name)
        person = User.objects.get(email=email)
        if coordinator is None or training.passed.filter(user=person).exists():
            continue
        qualification_record(
            actor=coordinator,
            training=training,
            person=person,
            passed_on=DEMO_TODAY - dt.timedelta(days=80),
        )
        created += 1
    return created


@transaction.atomic
def _term() -> int:
    """A term of weekly bookings around the demo's day, people taken in turn; a public holiday
    or a closed day is skipped. Future bookings of resources staff confirm wait for them."""
    people = (
        list(User.objects.with_role(User.Role.STUDENT).order_by("pk")[:12])
        + list(User.objects.with_role(User.Role.FOUNDER).order_by("pk")[:2])
        + list(User.objects.with_role(User.Role.STAFF).order_by("pk")[:4])
    )
    trained = {
        name: [u for u in people if u.email in {e for n, e in TRAINED if n == name}]
        for name, _email in TRAINED
    }
    if not people:
        return 0
    monday = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday())
    rows = []
    turn = 0
    for slug in {row[0] for row in TERM}:
        place = Place.objects.select_related("municipality").get(slug=slug)
        if Booking.objects.filter(resource__place=place).exists():
            continue
        resources = {r.name: r for r in place.resources.select_related("training")}
        first = monday - dt.timedelta(weeks=TERM_WEEKS_BEFORE)
        spans = calendar.spans_between(
            place, first, monday + dt.timedelta(weeks=TERM_WEEKS_AFTER, days=6)
        )
        for week in range(-TERM_WEEKS_BEFORE, TERM_WEEKS_AFTER + 1):
            for place_slug, name, weekday, hour, hours in TERM:
                if place_slug != slug:
                    continue
                day = monday + dt.timedelta(weeks=week, days=weekday)
                start, end = dt.time(hour), dt.time(hour + hours)
                if not any(o <= start and end <= c for o, c in spans.get(day, [])):
                    continue
                resource = resources[name]
                candidates = (
                    trained.get(resource.training.name, []) if resource.training else people
                )
                if not candidates:
                    continue
                person = candidates[turn % len(candidates)]
                turn += 1
                future = day > DEMO_TODAY
                rows.append(
                    Booking(
                        resource=resource,
                        user=person,
                        booked_by=person,
                        person_kind=person_kind(person),
                        starts_at=calendar.at(day, start),
                        ends_at=calendar.at(day, end),
                        minutes=hours * 60,
                        status=(
                            Booking.Status.REQUESTED
                            if future and resource.needs_confirmation
                            else Booking.Status.CONFIRMED
                        ),
                        no_show=not future and turn % 11 == 0,
                    )
                )
    Booking.objects.bulk_create(rows)
    return len(rows)
