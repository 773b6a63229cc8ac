import factory
from django.utils.text import slugify

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import (
    Competence,
    Listing,
    ListingCategory,
    Membership,
    Organisation,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.COMPANY
    municipality = None
    short_description = ""


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competence

    label_de = factory.Sequence(lambda n: f"Kompetenz {n}")
    label_en = factory.Sequence(lambda n: f"Competence {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.label_de))


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    organisation = factory.SubFactory(OrganisationFactory)
    direction = Listing.Direction.OFFER
    category = ListingCategory.INTERNSHIPS
    text = factory.LazyAttribute(lambda o: f"{o.category} ({o.direction})")
