"""What the places area stores about people (see `core.privacy`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    MEMBERS,
    UNTIL_ERASURE,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    Retention,
    privacy_register,
)

PLACES = PrivacyArea(
    area="places",
    purpose=_("Booking desks, rooms and equipment of the innovation places"),
    legal_basis=CONTRACT,
    people=MEMBERS,
    recipients=_("The person; the staff of the place; the programme's coordinators"),
)

privacy_register(
    PersonalData(
        "places.Booking",
        person_fields=("user", "booked_by"),
        export_fields=("resource", "starts_at", "ends_at", "status", "note", "reason"),
        # the hours stay in the usage figures; the person is taken out
        erase=Erase.ANONYMISE,
        anonymise={"user": None, "booked_by": None, "note": ""},
        retention=Retention(days=3 * 365, field="ends_at"),
    ),
    PersonalData(
        "places.Qualification",
        person_fields=("user", "recorded_by"),
        export_fields=("training", "passed_on"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "places.PlaceMember",
        person_fields=("user",),
        export_fields=("place", "role", "since"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    defaults=PLACES,
)

for model, reason in (
    ("places.Place", "an organisation's place: address and contact of the place, not of a person"),
    ("places.OpeningHours", "a place's opening hours"),
    ("places.OpeningException", "a place's closed or changed days"),
    ("places.PlacePhoto", "photos of rooms, published by the place"),
    ("places.Resource", "a place's desks, rooms and equipment"),
    ("places.Training", "a place's trainings"),
):
    privacy_register(NotPersonal(model, reason))
