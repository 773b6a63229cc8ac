"""Who may do what with places, resources and bookings: plain predicates."""

from __future__ import annotations

from django.db.models import Q

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership
from transferraum.actors.permissions import is_programme_member
from transferraum.places.models import Booking, Place, PlaceMember, Resource


def _person(viewer: Viewer) -> User | None:
    if not viewer.is_authenticated or not viewer.is_active or not isinstance(viewer, User):
        return None
    return viewer


def can_view_place(viewer: Viewer, place: Place) -> bool:
    """Places are public: their address, hours and resources are for everyone."""
    return True


def is_place_staff(viewer: Viewer, place: Place) -> bool:
    """Coordinators, the place's staff and the administrators of the organisation running it."""
    person = _person(viewer)
    if person is None:
        return False
    if person.is_coordinator:
        return True
    if PlaceMember.objects.filter(place=place, user=person, role=PlaceMember.Role.STAFF).exists():
        return True
    return Membership.objects.filter(
        user=person, organisation_id=place.organisation_id, role=Membership.Role.ADMIN
    ).exists()


def is_place_member(viewer: Viewer, place: Place) -> bool:
    """A member of the place: in person, through an organisation that is a member, or staff."""
    person = _person(viewer)
    if person is None:
        return False
    organisations = Membership.objects.filter(user=person).values("organisation_id")
    return PlaceMember.objects.filter(
        Q(user=person) | Q(organisation_id__in=organisations), place=place
    ).exists() or is_place_staff(person, place)


def may_book_audience(viewer: Viewer, resource: Resource) -> bool:
    """The resource's audience only (the training gate is the service's, with lapses)."""
    person = _person(viewer)
    if person is None:
        return False
    audience = resource.audience
    if audience == Resource.Audience.SIGNED_IN:
        return True
    if audience == Resource.Audience.PROGRAMME:
        return is_programme_member(person)
    if audience == Resource.Audience.MEMBERS:
        return is_place_member(person, resource.place)
    return True  # TRAINED: the qualification decides


def can_book(viewer: Viewer, resource: Resource) -> bool:
    return may_book_audience(viewer, resource)


def can_cancel(viewer: Viewer, booking: Booking) -> bool:
    person = _person(viewer)
    if person is None:
        return False
    return (
        booking.user_id == person.pk
        or booking.booked_by_id == person.pk
        or is_place_staff(person, booking.resource.place)
    )


def can_see_figures(viewer: Viewer, place: Place) -> bool:
    return is_place_staff(viewer, place)
