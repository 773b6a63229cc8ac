"""A small cooperation network around the personas of tests/conftest.py."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.aggregates import organisation_links_refresh
from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.regions.tests.factories import eilenburg, zeitz


@pytest.fixture
def network(
    town_eilenburg, company_zeitz, officer_eilenburg, owner_zeitz, researcher
) -> SimpleNamespace:
    """Two groups and a loner.

    Eilenburg group: town – Heimatverein (officer), town – institute (researcher),
    institute – Gründerwerkstatt (owner), Gründerwerkstatt – Zeitzer Werkstätten (owner and a
    second person: weight 2). Alone: Einzelstück GmbH, linked only by a deactivated account.
    Separate pair: Kreisverwaltung – Stadtwerke Zeitz.
    """
    institute = OrganisationFactory(
        name="Institut für Geographie", kind=Organisation.Kind.UNIVERSITY_UNIT
    )
    heimatverein = OrganisationFactory(
        name="Heimatverein Eilenburg",
        kind=Organisation.Kind.CIVIL_SOCIETY,
        municipality=eilenburg(),
    )
    werkstatt = OrganisationFactory(
        name="Gründerwerkstatt Zeitz", kind=Organisation.Kind.STARTUP, municipality=zeitz()
    )
    loner = OrganisationFactory(
        name="Einzelstück GmbH", kind=Organisation.Kind.COMPANY, municipality=eilenburg()
    )
    kreis = OrganisationFactory(
        name="Kreisverwaltung Burgenlandkreis",
        kind=Organisation.Kind.PUBLIC_BODY,
        municipality=zeitz(),
    )
    stadtwerke = OrganisationFactory(
        name="Stadtwerke Zeitz", kind=Organisation.Kind.COMPANY, municipality=zeitz()
    )

    MembershipFactory(user=officer_eilenburg, organisation=heimatverein)
    MembershipFactory(user=researcher, organisation=town_eilenburg)
    MembershipFactory(user=researcher, organisation=institute)
    MembershipFactory(user=owner_zeitz, organisation=institute)
    MembershipFactory(user=owner_zeitz, organisation=werkstatt)
    second = UserFactory(name="Uwe Schmied")
    MembershipFactory(user=second, organisation=company_zeitz)
    MembershipFactory(user=second, organisation=werkstatt)
    gone = UserFactory(name="Ehemals Aktiv", is_active=False)
    MembershipFactory(user=gone, organisation=loner)
    MembershipFactory(user=gone, organisation=town_eilenburg)
    bridge = UserFactory(name="Karla Brückner")
    MembershipFactory(user=bridge, organisation=kreis)
    MembershipFactory(user=bridge, organisation=stadtwerke)
    # Factories write around the services that enqueue the rebuild of the links.
    organisation_links_refresh()

    return SimpleNamespace(
        town=town_eilenburg,
        company=company_zeitz,
        institute=institute,
        heimatverein=heimatverein,
        werkstatt=werkstatt,
        loner=loner,
        kreis=kreis,
        stadtwerke=stadtwerke,
    )
