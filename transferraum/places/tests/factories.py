"""Factories of the places area: a place with hours Monday–Friday 8–20 and Saturday 10–16."""

from __future__ import annotations

import datetime as dt

import factory

from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.places.calendar import BERLIN
from transferraum.places.models import OpeningHours, Place, Resource, Training
from transferraum.regions.tests.factories import eilenburg


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Ort {n}")
    slug = factory.Sequence(lambda n: f"ort-{n}")
    kind = Place.Kind.COWORKING
    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.TOWN)
    municipality = factory.LazyFunction(eilenburg)
    street = "Markt 1"
    postcode = "04838"
    cancel_hours = 24

    @factory.post_generation
    def hours(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        for weekday in range(5):
            OpeningHours.objects.create(
                place=self, weekday=weekday, opens=dt.time(8), closes=dt.time(20)
            )
        OpeningHours.objects.create(place=self, weekday=5, opens=dt.time(10), closes=dt.time(16))


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    place = factory.SubFactory(PlaceFactory)
    name = factory.Sequence(lambda n: f"Einweisung {n}")
    lapse = Training.Lapse.NEVER


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    place = factory.SubFactory(PlaceFactory)
    name = factory.Sequence(lambda n: f"Schreibtisch {n}")
    kind = Resource.Kind.DESK
    min_minutes = 30
    max_minutes = 480
    lead_minutes = 0
    ahead_days = 120
    audience = Resource.Audience.SIGNED_IN


# A Monday morning in term: 1 March 2027, 09:00 in Berlin.
NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=BERLIN)


def at(day: int, hour: int, minute: int = 0, month: int = 3, year: int = 2027) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)
