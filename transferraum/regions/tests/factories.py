from decimal import Decimal

import factory

from transferraum.regions.models import District, Municipality, Programme


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.Sequence(lambda n: f"Landkreis {n}")
    kind = "Landkreis"
    state = "Sachsen"
    lat = Decimal("51.3")
    lon = Decimal("12.5")
    population = 200000
    area_km2 = Decimal("2000.00")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("ags",)

    ags = factory.Sequence(lambda n: f"{90000000 + n}")
    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    district = factory.SubFactory(DistrictFactory)
    lat = Decimal("51.3")
    lon = Decimal("12.5")
    population = 10000
    area_km2 = Decimal("50.00")


def eilenburg() -> Municipality:
    nordsachsen = DistrictFactory(key="14730", name="Nordsachsen")
    return MunicipalityFactory(
        ags="14730110",
        name="Eilenburg",
        district=nordsachsen,
        lat=Decimal("51.459845"),
        lon=Decimal("12.632788"),
        population=16155,
    )


def zeitz() -> Municipality:
    burgenlandkreis = DistrictFactory(key="15084", name="Burgenlandkreis", state="Sachsen-Anhalt")
    return MunicipalityFactory(
        ags="15084590",
        name="Zeitz",
        district=burgenlandkreis,
        lat=Decimal("51.050371"),
        lon=Decimal("12.134473"),
        population=27633,
    )


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    slug = "transfer-ueber-koepfe"
    name = "Transfer über Köpfe"
    initiative = "Handlungskompetenz der Kommunen stärken"
    university = "Universität Leipzig"
