import factory

from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.challenges.models import Challenge, TopicField, TransferFormat


class TopicFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicField
        django_get_or_create = ("slug",)

    slug = "innenstadt-leerstand"
    name_de = "Innenstadt & Leerstand"
    name_en = "Town centre & vacancy"


class TransferFormatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransferFormat
        django_get_or_create = ("slug",)

    slug = "praxisprojekt"
    name_de = "Praxisprojekt"
    name_en = "Practice project"
    description_de = "Studierende arbeiten ein Semester lang an einer Aufgabe."
    duration_de = "ein Semester"
    participants_de = "3–6 Studierende"
    partner_effort = TransferFormat.Effort.MEDIUM
    fits_when_de = "Die Aufgabe ist klar umrissen."
    not_fit_when_de = "Es eilt."
    is_project_format = True


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    title = factory.Sequence(lambda n: f"Herausforderung {n}")
    problem = "In der Innenstadt stehen viele Läden leer."
    organisation = factory.SubFactory(OrganisationFactory)
    status = Challenge.Status.DRAFT
