import datetime

import factory
from django.utils import timezone

from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.opportunities.models import (
    Application,
    Kind,
    Opportunity,
    SavedSearch,
    TownContact,
    VerifiedOrganisation,
)
from transferraum.regions.tests.factories import eilenburg

# The smallest file that `challenges.files.sniff` recognises as a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class VerifiedOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerifiedOrganisation
        django_get_or_create = ("organisation",)

    organisation = factory.SubFactory(OrganisationFactory)


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A published internship in Eilenburg by default."""

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Kind.INTERNSHIP
    title = factory.Sequence(lambda n: f"Praktikum Stadtplanung {n}")
    description = "Ein Praktikum in der Stadtentwicklung."
    municipality = factory.LazyFunction(eilenburg)
    status = Opportunity.Status.PUBLISHED
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            from transferraum.opportunities.services import opportunity_index

            opportunity_index(self)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    opportunity = factory.SubFactory(OpportunityFactory)
    applicant = factory.SubFactory("transferraum.accounts.tests.factories.UserFactory")
    cover_note = "Ich interessiere mich sehr."
    consent_at = factory.LazyFunction(timezone.now)


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedSearch

    user = factory.SubFactory("transferraum.accounts.tests.factories.UserFactory")
    name = factory.Sequence(lambda n: f"Suche {n}")
    frequency = SavedSearch.Frequency.DAILY


class TownContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TownContact

    municipality = factory.LazyFunction(eilenburg)
    kind = TownContact.Kind.CHILDCARE
    name = factory.Sequence(lambda n: f"Kita Sonnenschein {n}")
