"""Who may do what in the talent area: plain predicates, tested as tables."""

from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership, Organisation
from transferraum.talent.models import TrialApplication, TrialCall


def _person(viewer: Viewer) -> User | None:
    """The signed-in, active person, or None."""
    if isinstance(viewer, User) and viewer.is_authenticated and viewer.is_active:
        return viewer
    return None


def _active(viewer: Viewer) -> bool:
    return _person(viewer) is not None


def is_member_of(viewer: Viewer, organisation: Organisation) -> bool:
    """An active person with a membership of the organisation."""
    person = _person(viewer)
    return person is not None and (
        Membership.objects.filter(user_id=person.pk, organisation=organisation).exists()
    )


def is_town_staff(viewer: Viewer, call: TrialCall) -> bool:
    """A member of the call's town administration."""
    person = _person(viewer)
    return person is not None and (
        Membership.objects.filter(user_id=person.pk, organisation_id=call.town_id).exists()
    )


def can_create_call(viewer: Viewer, town: Organisation) -> bool:
    """The staff of a town administration write its calls."""
    return town.kind == Organisation.Kind.TOWN and is_member_of(viewer, town)


def can_view_call(viewer: Viewer, call: TrialCall) -> bool:
    """A published or closed call is public; a draft is its town's and the coordinators'."""
    if call.status != TrialCall.Status.DRAFT:
        return True
    person = _person(viewer)
    return is_town_staff(viewer, call) or (person is not None and person.is_coordinator)


def can_manage_call(viewer: Viewer, call: TrialCall) -> bool:
    """The town's staff select applicants and arrange the stays."""
    return is_town_staff(viewer, call)


def can_apply(viewer: Viewer, call: TrialCall) -> bool:
    """Any active signed-in person may apply to a published call (the service checks the date
    and a second application)."""
    return _active(viewer) and call.status == TrialCall.Status.PUBLISHED


def can_view_application(viewer: Viewer, application: TrialApplication) -> bool:
    return _active(viewer) and (
        application.person_id == viewer.pk or is_town_staff(viewer, application.call)
    )


def can_keep_talent_profile(viewer: Viewer) -> bool:
    """Students (and graduates, who keep the role) may put a profile in the pool."""
    person = _person(viewer)
    return person is not None and person.has_role(User.Role.STUDENT)


def can_search_pool(viewer: Viewer, organisation: Organisation) -> bool:
    """Members of an organisation of the region search the pool on its behalf."""
    return organisation.municipality_id is not None and is_member_of(viewer, organisation)


def can_see_funnel(viewer: Viewer) -> bool:
    """Coordinators see the funnel of relocation journeys (aggregated, small cells hidden)."""
    person = _person(viewer)
    return person is not None and person.is_coordinator


def holds_staff_role(viewer: Viewer) -> bool:
    """Staff of an organisation (the menu shows them the pool; the page checks membership)."""
    person = _person(viewer)
    return person is not None and person.has_role(User.Role.STAFF)
