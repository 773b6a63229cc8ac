import pytest

from transferraum.opportunities.tests.factories import VerifiedOrganisationFactory


@pytest.fixture
def verified_zeitz(company_zeitz):
    """The Zeitz company, verified to post opportunities."""
    VerifiedOrganisationFactory(organisation=company_zeitz)
    return company_zeitz
