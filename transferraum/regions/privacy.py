"""Regions hold no personal data: districts, municipalities and programmes (see `core.privacy`)."""

from transferraum.core.privacy import NotPersonal, privacy_register

privacy_register(
    NotPersonal("regions.District", "Public reference data of districts."),
    NotPersonal("regions.Municipality", "Public reference data of municipalities."),
    NotPersonal("regions.Programme", "The transfer programme and its partner towns."),
)
