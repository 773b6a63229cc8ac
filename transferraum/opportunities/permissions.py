"""Who may do what with opportunities: plain predicates, tested as a table."""

from __future__ import annotations

from typing_extensions import TypeIs

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership, Organisation
from transferraum.opportunities.models import Application, Opportunity, TownContact
from transferraum.opportunities.workflow import APPLICANT, COORDINATOR, POSTER
from transferraum.regions.models import Municipality

VISIBLE_STATUSES = frozenset(
    {Opportunity.Status.PUBLISHED, Opportunity.Status.FILLED, Opportunity.Status.EXPIRED}
)


def _active(viewer: Viewer) -> TypeIs[User]:
    """A signed-in, active person (narrows the viewer to a `User`)."""
    return isinstance(viewer, User) and viewer.is_authenticated and viewer.is_active


def is_member_of(viewer: Viewer, organisation_id: int) -> bool:
    if not _active(viewer):
        return False
    return Membership.objects.filter(user_id=viewer.pk, organisation_id=organisation_id).exists()


def is_verified(organisation: Organisation) -> bool:
    """Verified by a coordinator (`VerifiedOrganisation`); one query."""
    return Organisation.objects.filter(
        pk=organisation.pk, opportunity_verification__isnull=False
    ).exists()


def roles_for(viewer: Viewer, opportunity: Opportunity) -> set[str]:
    """The lifecycle roles the viewer holds for this opportunity."""
    roles: set[str] = set()
    if not _active(viewer):
        return roles
    if viewer.is_coordinator:
        roles.add(COORDINATOR)
    if is_member_of(viewer, opportunity.organisation_id):
        roles.add(POSTER)
    return roles


def can_post_for(viewer: Viewer, organisation: Organisation) -> bool:
    """Members of a verified organisation write opportunities for it."""
    return is_member_of(viewer, organisation.pk) and is_verified(organisation)


def can_verify(viewer: Viewer) -> bool:
    return _active(viewer) and viewer.is_coordinator


def can_view(viewer: Viewer, opportunity: Opportunity) -> bool:
    """Everyone sees published, filled and expired items; drafts, submitted and withdrawn ones
    only the organisation and coordinators."""
    if opportunity.status in VISIBLE_STATUSES:
        return True
    return bool(roles_for(viewer, opportunity))


def can_edit(viewer: Viewer, opportunity: Opportunity) -> bool:
    """The organisation edits drafts; coordinators also submitted and published items."""
    roles = roles_for(viewer, opportunity)
    if COORDINATOR in roles:
        return opportunity.status in {
            Opportunity.Status.DRAFT,
            Opportunity.Status.SUBMITTED,
            Opportunity.Status.PUBLISHED,
        }
    return POSTER in roles and opportunity.status == Opportunity.Status.DRAFT


def can_see_applications(viewer: Viewer, opportunity: Opportunity) -> bool:
    """The organisation sees who applied; coordinators do not (they moderate the items)."""
    return POSTER in roles_for(viewer, opportunity)


def can_apply(viewer: Viewer, opportunity: Opportunity) -> bool:
    """Signed-in people who are not of the organisation, on a published item that takes
    applications on the platform (the service checks the deadline and a second application)."""
    if not _active(viewer) or opportunity.links_out:
        return False
    if opportunity.status != Opportunity.Status.PUBLISHED:
        return False
    return not is_member_of(viewer, opportunity.organisation_id)


def application_roles_for(viewer: Viewer, application: Application) -> set[str]:
    roles: set[str] = set()
    if not _active(viewer):
        return roles
    if viewer.pk == application.applicant_id:
        roles.add(APPLICANT)
    if is_member_of(viewer, application.opportunity.organisation_id):
        roles.add(POSTER)
    return roles


def can_view_application(viewer: Viewer, application: Application) -> bool:
    return bool(application_roles_for(viewer, application))


def is_town_staff(viewer: Viewer, municipality: Municipality) -> bool:
    """A member of a town administration of this municipality."""
    if not _active(viewer):
        return False
    return Membership.objects.filter(
        user_id=viewer.pk,
        organisation__kind=Organisation.Kind.TOWN,
        organisation__municipality=municipality,
    ).exists()


def can_edit_town_contacts(viewer: Viewer, municipality: Municipality) -> bool:
    """The town's staff keep their contacts; coordinators help."""
    if not _active(viewer):
        return False
    return viewer.is_coordinator or is_town_staff(viewer, municipality)


def can_change_contact(viewer: Viewer, contact: TownContact) -> bool:
    return can_edit_town_contacts(viewer, contact.municipality)


def can_save_search(viewer: Viewer) -> bool:
    return isinstance(viewer, User) and _active(viewer)
