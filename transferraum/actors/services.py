"""Writes on organisations, memberships and invitations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors import workflow
from transferraum.actors.aggregates import aggregates_refresh_later
from transferraum.actors.errors import DuplicateOrganisation, InvitationInvalid
from transferraum.actors.models import (
    Competence,
    Invitation,
    Listing,
    ListingCategory,
    Membership,
    MembershipRequest,
    Organisation,
    PersonProfile,
)
from transferraum.actors.permissions import (
    can_create_organisation,
    can_curate_competences,
    can_edit_organisation,
    can_invite,
    can_manage_organisation,
)
from transferraum.actors.tasks import membership_request_notify
from transferraum.actors.workflow import MEMBERSHIP_REQUEST
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_document, search_key
from transferraum.core.services import activity_record
from transferraum.core.tokens import token_for, token_hash, token_seed
from transferraum.core.versions import version_claim
from transferraum.core.workflow import RequestRules, Taken, request_step
from transferraum.regions.models import Municipality


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(
    *,
    actor: User | None,
    name: str,
    kind: str,
    municipality: Municipality | None = None,
    short_description: str = "",
    website: str = "",
) -> Organisation:
    """Create an organisation. Only coordinators (or set-up code with no actor) may.

    Raises PermissionDenied for anyone else, DomainError for a blank name or unknown kind.
    """
    if actor is not None and not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators can create organisations."))
    name = name.strip()
    if not name:
        raise DomainError(_("Please enter the organisation's name."), field="name")
    if kind not in Organisation.Kind.values:
        raise DomainError(_("Please choose a kind of organisation."), field="kind")
    organisation = Organisation.objects.create(
        name=name,
        slug=_unique_slug(name),
        kind=kind,
        municipality=municipality,
        short_description=short_description,
        website=website,
    )
    activity_record(actor=actor, verb="organisation.created", target=organisation)
    aggregates_refresh_later(places=True)
    return organisation


@transaction.atomic
def membership_add(
    *,
    actor: User | None,
    user: User,
    organisation: Organisation,
    role: str = Membership.Role.MEMBER,
    position: str = "",
) -> Membership:
    """Add a person to an organisation, or change the role of an existing member.

    Set-up code (demo, imports) calls it without an actor; people go through invitations.
    The activity log records only real changes.
    """
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role, "position": position}
    )
    if created:
        aggregates_refresh_later(links=True)
        activity_record(
            actor=actor,
            verb="membership.added",
            target=organisation,
            data={"user": user.pk, "role": role},
        )
    elif (membership.role, membership.position) != (role, position):
        membership.role, membership.position = role, position
        membership.save(update_fields=["role", "position", "updated_at"])
        activity_record(
            actor=actor,
            verb="membership.changed",
            target=organisation,
            data={"user": user.pk, "role": role},
        )
    return membership


# The purpose of invitation links in `core.tokens` (part of every token: never change it).
INVITATION_TOKEN = "invitation"  # noqa: S105 (a purpose, not a secret)


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    organisation: Organisation,
    email: str,
    role: str,
    person_role: str = User.Role.STAFF,
    name: str = "",
    position: str = "",
    language: str = settings.LANGUAGE_CODE,
) -> Invitation:
    """Invite a person by e-mail into an organisation; the mail is sent after commit.

    Rules: only coordinators and the organisation's admins invite; only a coordinator may
    invite into the role of coordinator; a person who is already a member is not invited again;
    a new invitation to the same address replaces a pending one.
    Raises PermissionDenied or DomainError.
    """
    from transferraum.actors.tasks import invitation_send_email

    if not can_invite(actor, organisation):
        raise PermissionDenied(_("You may not invite people into this organisation."))
    if person_role == User.Role.COORDINATOR and not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators can invite coordinators."))
    if role not in Membership.Role.values:
        raise DomainError(_("Please choose a role in the organisation."), field="role")
    if person_role not in User.Role.values:
        raise DomainError(_("Please choose a role in the programme."), field="person_role")
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise DomainError(
            _("%(email)s is already a member of %(organisation)s.")
            % {"email": email, "organisation": organisation.name},
            field="email",
        )
    now = timezone.now()
    Invitation.objects.pending().filter(organisation=organisation, email__iexact=email).update(
        revoked_at=now
    )
    seed = token_seed()
    invitation = Invitation.objects.create(
        email=email,
        name=name.strip(),
        organisation=organisation,
        role=role,
        person_role=person_role,
        position=position.strip(),
        language=language,
        token_seed=seed,
        token_hash=token_hash(token_for(INVITATION_TOKEN, seed)),
        invited_by=actor,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    activity_record(
        actor=actor,
        verb="invitation.created",
        target=organisation,
        data={"email": email, "role": role},
    )
    invitation_id = invitation.pk
    transaction.on_commit(lambda: invitation_send_email.enqueue(invitation_id))
    return invitation


def invitation_token(invitation: Invitation) -> str:
    """The token of the invitation's link, derived from its seed (`core.tokens`); only the
    e-mail carries it. Rows made before tokens were hashed have no seed: their link was sent
    and cannot be written again."""
    if not invitation.token_seed:
        raise InvitationInvalid(_("This invitation link cannot be written again."))
    return token_for(INVITATION_TOKEN, invitation.token_seed)


def invitation_link(invitation: Invitation) -> str:
    """The address of the invitation's link, relative to the site."""
    return reverse("actors:invitation", kwargs={"token": invitation_token(invitation)})


def invitation_usable(invitation: Invitation) -> Invitation:
    """The invitation if it can still be accepted; raises InvitationInvalid naming why not
    (used, revoked, expired)."""
    if invitation.accepted_at is not None:
        raise InvitationInvalid(
            _("This invitation has already been accepted. Please log in with your e-mail address.")
        )
    if invitation.revoked_at is not None:
        raise InvitationInvalid(
            _("This invitation has been withdrawn. Please ask the person who invited you.")
        )
    if invitation.is_expired:
        raise InvitationInvalid(
            _("This invitation expired on %(date)s. Please ask for a new one.")
            % {"date": timezone.localtime(invitation.expires_at).strftime("%d.%m.%Y")}
        )
    return invitation


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a link, if it can still be used: found by the hash of the token.

    Raises InvitationInvalid naming why not (unknown, used, revoked, expired).
    """
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise InvitationInvalid(_("This invitation link is not valid. Please check the address."))
    return invitation_usable(invitation)


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, name: str, password: str, user: User | None = None
) -> Membership:
    """Accept an invitation (found by its link, `invitation_for_token`, or by a signed-in
    addressee, `selectors.invitation_for_addressee`): create the account (or use the logged-in
    one) and the membership.

    Rules: the link works once and only until it expires; a new account gets the invited
    e-mail address, already verified by the link; a logged-in person accepts only an invitation
    addressed to their own e-mail; an existing account is never taken over through a link.
    Raises InvitationInvalid, DomainError (name, password, address in use).
    """
    # Lock the row so that two clicks on the link cannot both accept it, then check it again.
    invitation = invitation_usable(
        Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )

    if user is not None and user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            raise DomainError(
                _("This invitation is for %(email)s. Please log out and open the link again.")
                % {"email": invitation.email}
            )
        account = user
    else:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise DomainError(
                _("%(email)s has an account already. Log in first, then open the link again.")
                % {"email": invitation.email}
            )
        name = name.strip()
        if not name:
            raise DomainError(_("Please enter your name."), field="name")
        account = User(
            email=invitation.email,
            name=name,
            language=invitation.language,
        )
        try:
            validate_password(password, user=account)
        except ValidationError as error:
            raise DomainError(" ".join(error.messages), field="password1") from error
        account.set_password(password)
        account.save()
        account.grant_role(invitation.person_role)
        EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)

    membership, _created = Membership.objects.update_or_create(
        user=account,
        organisation=invitation.organisation,
        defaults={"role": invitation.role, "position": invitation.position},
    )
    aggregates_refresh_later(links=True)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = account
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    activity_record(
        actor=account,
        verb="invitation.accepted",
        target=invitation.organisation,
        data={"role": invitation.role},
    )
    return membership


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation. Raises PermissionDenied or DomainError (not pending)."""
    if not can_invite(actor, invitation.organisation):
        raise PermissionDenied(_("You may not withdraw invitations of this organisation."))
    if not invitation.is_pending:
        raise DomainError(_("Only pending invitations can be withdrawn."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    activity_record(
        actor=actor,
        verb="invitation.revoked",
        target=invitation.organisation,
        data={"email": invitation.email},
    )
    return invitation


# --- search index -------------------------------------------------------------------------


def organisation_index(organisation: Organisation) -> None:
    """Recompute the search text: names, descriptions, town, competences, offers and needs."""
    organisation.search_text = organisation_search_text(
        organisation,
        competences=organisation.competences.all(),
        listings=list(organisation.listings.all()),
    )
    Organisation.objects.filter(pk=organisation.pk).update(search_text=organisation.search_text)


def organisation_search_text(
    organisation: Organisation, *, competences: Iterable[Competence], listings: Iterable[Listing]
) -> str:
    """The search text of an organisation with these competences and listings, from memory (no
    query beyond its municipality and district), so that the data generator indexes unsaved
    organisations the same way."""
    municipality = organisation.municipality
    parts = [
        organisation.name,
        organisation.short_description,
        organisation.description,
        municipality.name if municipality else "",
        municipality.district.name if municipality else "",
    ]
    for competence in competences:
        parts.extend(competence.terms)
    listings = list(listings)
    parts.extend(listing.text for listing in listings)
    # Kind and categories are searchable in every language of the interface. The labels come
    # from the choices directly: get_<field>_display() translates every choice on each call.
    kinds, categories = dict(Organisation.Kind.choices), dict(ListingCategory.choices)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            parts.append(str(kinds.get(organisation.kind, organisation.kind)))
            parts.extend(str(categories.get(item.category, item.category)) for item in listings)
    return search_document(parts)


def person_index(profile: PersonProfile) -> None:
    """Recompute a person's search text: name, text, programme, organisations, competences."""
    user = profile.user
    profile.search_text = person_search_text(
        profile,
        organisation_names=[
            m.organisation.name for m in user.memberships.select_related("organisation")
        ],
        competences=(*profile.competences.all(), *profile.interests.all()),
    )
    PersonProfile.objects.filter(pk=profile.pk).update(search_text=profile.search_text)


def person_search_text(
    profile: PersonProfile, *, organisation_names: Iterable[str], competences: Iterable[Competence]
) -> str:
    """The search text of a profile with these organisations, competences and interests, from
    memory (the user and their study programme are read from the profile)."""
    user = profile.user
    parts = [user.name, profile.bio, profile.languages]
    if user.study_programme:
        parts.append(user.study_programme.name)
    parts.extend(organisation_names)
    for competence in competences:
        parts.extend(competence.terms)
    return search_document(parts)


def profile_for(user: User) -> PersonProfile:
    """The person's profile, created empty (visible to members of the programme) on first
    use."""
    profile, _created = PersonProfile.objects.get_or_create(user=user)
    return profile


# --- organisation profiles --------------------------------------------------------------------


def _duplicate_of(
    name: str, municipality: Municipality | None, exclude_pk: int | None
) -> Organisation | None:
    """An organisation of the same name (ignoring case, spaces, umlaut spelling) in the town."""
    wanted = search_key(name)
    candidates = Organisation.objects.filter(municipality=municipality)
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    for candidate in candidates.only("pk", "name", "slug"):
        if search_key(candidate.name) == wanted:
            return candidate
    return None


ORGANISATION_FIELDS = (
    "name",
    "kind",
    "short_description",
    "description",
    "website",
    "sector",
    "size_class",
    "street",
    "postcode",
    "municipality",
    "lat",
    "lon",
)


@transaction.atomic
def organisation_update(
    *,
    actor: User,
    organisation: Organisation,
    data: dict[str, Any],
    competences: Iterable[Competence] | None = None,
    logo: Any | None = None,
    remove_logo: bool = False,
    allow_duplicate: bool = False,
    version: int | None = None,
) -> Organisation:
    """Change an organisation's profile (fields in ORGANISATION_FIELDS, competences, logo).

    Rules: only coordinators and the organisation's admins edit; the name may not be blank and
    should not repeat another organisation's name in the same town (DuplicateOrganisation
    unless `allow_duplicate`); coordinates come in pairs; only coordinators change the kind;
    `version` is the one the editor loaded (None: no loaded copy), and a newer save wins.
    Raises PermissionDenied, DuplicateOrganisation, EditConflict, DomainError. Nothing is
    saved on error.
    """
    if not can_edit_organisation(actor, organisation):
        raise PermissionDenied(_("You may not edit this organisation."))
    unknown = set(data) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown organisation fields: {sorted(unknown)}")
    name = str(data.get("name", organisation.name)).strip()
    if not name:
        raise DomainError(_("Please enter the organisation's name."), field="name")
    if "kind" in data and data["kind"] != organisation.kind and not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators can change the kind of an organisation."))
    if (data.get("lat") is None) != (data.get("lon") is None):
        raise DomainError(_("Please enter both latitude and longitude, or neither."), field="lat")
    municipality = data.get("municipality", organisation.municipality)
    if not allow_duplicate:
        existing = _duplicate_of(name, municipality, organisation.pk)
        if existing is not None:
            raise DuplicateOrganisation(
                _("“%(name)s” already exists in this town.") % {"name": existing.name},
                existing=existing,
            )
    version_claim(organisation, version)
    for key, value in data.items():
        setattr(organisation, key, value.strip() if isinstance(value, str) else value)
    organisation.name = name
    if remove_logo and organisation.logo:
        organisation.logo.delete(save=False)
        organisation.logo = ""
    if logo is not None:
        organisation.logo = logo
    organisation.save()
    if competences is not None:
        organisation.competences.set(list(competences))
    organisation_index(organisation)
    aggregates_refresh_later(places=True)
    activity_record(actor=actor, verb="organisation.updated", target=organisation)
    return organisation


@transaction.atomic
def organisation_register(
    *,
    actor: User,
    name: str,
    kind: str,
    municipality: Municipality | None,
    short_description: str = "",
    allow_duplicate: bool = False,
) -> Organisation:
    """A coordinator creates an organisation for a partner not yet on the platform.

    Raises PermissionDenied (not a coordinator), DuplicateOrganisation (same name in the town,
    unless `allow_duplicate`), DomainError.
    """
    if not can_create_organisation(actor):
        raise PermissionDenied(_("Only coordinators can create organisations."))
    if not allow_duplicate:
        existing = _duplicate_of(name, municipality, None)
        if existing is not None:
            raise DuplicateOrganisation(
                _("“%(name)s” already exists in this town.") % {"name": existing.name},
                existing=existing,
            )
    organisation = organisation_create(
        actor=actor,
        name=name,
        kind=kind,
        municipality=municipality,
        short_description=short_description,
    )
    organisation_index(organisation)
    return organisation


@transaction.atomic
def listing_add(
    *, actor: User, organisation: Organisation, direction: str, category: str, text: str
) -> Listing:
    """Add an offer or a need. Raises PermissionDenied or DomainError (blank text, bad choice)."""
    if not can_edit_organisation(actor, organisation):
        raise PermissionDenied(_("You may not edit this organisation."))
    if direction not in Listing.Direction.values:
        raise DomainError(_("Please choose offer or need."), field="direction")
    if category not in ListingCategory.values:
        raise DomainError(_("Please choose a category."), field="category")
    text = text.strip()
    if not text:
        raise DomainError(_("Please describe it in a few words."), field="text")
    listing = Listing.objects.create(
        organisation=organisation, direction=direction, category=category, text=text
    )
    organisation_index(organisation)
    activity_record(
        actor=actor, verb="listing.added", target=organisation, data={"listing": listing.pk}
    )
    return listing


@transaction.atomic
def listing_remove(*, actor: User, listing: Listing) -> None:
    organisation = listing.organisation
    if not can_edit_organisation(actor, organisation):
        raise PermissionDenied(_("You may not edit this organisation."))
    listing.delete()
    organisation_index(organisation)
    activity_record(actor=actor, verb="listing.removed", target=organisation)


# --- competences ----------------------------------------------------------------------------


@transaction.atomic
def competence_suggest(*, actor: User, label: str) -> Competence:
    """Suggest a new term; an existing term with that name (or synonym) is returned instead.

    A suggestion can be used at once and is marked as suggested until a coordinator approves it.
    Raises DomainError for a blank or overlong term.
    """
    label = " ".join(label.split())
    if not label:
        raise DomainError(_("Please enter a term."), field="suggestion")
    if len(label) > 100:
        raise DomainError(_("Please use at most 100 characters for the term."), field="suggestion")
    wanted = search_key(label)
    for competence in Competence.objects.all():
        if any(search_key(term) == wanted for term in competence.terms):
            return competence
    base = slugify(label)[:90] or "begriff"
    slug, n = base, 2
    while Competence.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    competence = Competence.objects.create(
        slug=slug, label_de=label, status=Competence.Status.SUGGESTED, suggested_by=actor
    )
    activity_record(actor=actor, verb="competence.suggested", target=competence)
    return competence


@transaction.atomic
def competence_approve(
    *, actor: User, competence: Competence, parent: Competence | None
) -> Competence:
    if not can_curate_competences(actor):
        raise PermissionDenied(_("Only coordinators curate the vocabulary."))
    competence.status = Competence.Status.APPROVED
    competence.parent = parent
    competence.save(update_fields=["status", "parent"])
    activity_record(actor=actor, verb="competence.approved", target=competence)
    return competence


@transaction.atomic
def competence_merge(*, actor: User, competence: Competence, into: Competence) -> Competence:
    """Fold a suggestion into an existing term: its users get that term, its name a synonym."""
    if not can_curate_competences(actor):
        raise PermissionDenied(_("Only coordinators curate the vocabulary."))
    if competence.pk == into.pk:
        raise DomainError(_("A term cannot be merged into itself."), field="into")
    if competence.children.exists():
        raise DomainError(_("A category with terms beneath it cannot be merged."), field="into")
    for organisation in competence.organisations.all():
        organisation.competences.add(into)
    for profile in competence.people.all():
        profile.competences.add(into)
    for profile in competence.interested_people.all():
        profile.interests.add(into)
    if competence.label_de not in into.terms:
        into.synonyms = "\n".join([*into.synonym_list, competence.label_de])
        into.save(update_fields=["synonyms"])
    affected_orgs = list(competence.organisations.all())
    affected_people = list(competence.people.all()) + list(competence.interested_people.all())
    competence.delete()
    for organisation in affected_orgs:
        organisation_index(organisation)
    for profile in affected_people:
        person_index(profile)
    activity_record(actor=actor, verb="competence.merged", target=into)
    return into


# --- person profiles --------------------------------------------------------------------------


@transaction.atomic
def profile_update(
    *,
    actor: User,
    profile: PersonProfile,
    bio: str,
    languages: str,
    visibility: str,
    competences: Iterable[Competence],
    interests: Iterable[Competence],
    photo: Any | None = None,
    remove_photo: bool = False,
) -> PersonProfile:
    """A person edits their own profile; an unsaved one (the form opened before the person had
    a profile, `selectors.own_profile`) is created here, or the row that appeared meanwhile
    is taken. Raises PermissionDenied for anyone else, DomainError for an unknown visibility."""
    if actor.pk != profile.user_id:
        raise PermissionDenied(_("Only the person can edit their profile."))
    if visibility not in PersonProfile.Visibility.values:
        raise DomainError(_("Please choose who may see your profile."), field="visibility")
    if profile.pk is None:
        profile = profile_for(actor)
    profile.bio = bio.strip()
    profile.languages = languages.strip()
    profile.visibility = visibility
    if remove_photo and profile.photo:
        profile.photo.delete(save=False)
        profile.photo = ""
    if photo is not None:
        profile.photo = photo
    profile.save()
    profile.competences.set(list(competences))
    profile.interests.set(list(interests))
    person_index(profile)
    activity_record(actor=actor, verb="profile.updated", target=profile)
    return profile


@transaction.atomic
def membership_set_contact(*, actor: User, membership: Membership, is_contact: bool) -> Membership:
    """Only the person decides whether they are shown as a contact of the organisation."""
    if actor.pk != membership.user_id:
        raise PermissionDenied(_("Only the person can decide to be shown as contact."))
    membership.is_contact = is_contact
    membership.save(update_fields=["is_contact", "updated_at"])
    return membership


# --- membership requests ----------------------------------------------------------------------


class MembershipRequestRules(RequestRules[MembershipRequest]):
    """How a step of a membership request is authorised, recorded and announced: the
    organisation's administrators and the coordinators decide, the requester withdraws."""

    lifecycle = MEMBERSHIP_REQUEST
    related = ("user", "organisation")

    def roles(self, actor: Any, obj: MembershipRequest) -> set[str]:
        roles: set[str] = set()
        if not actor.is_active:
            return roles
        if actor.is_coordinator:
            roles.add(workflow.COORDINATOR)
        if can_manage_organisation(actor, obj.organisation):
            roles.add(workflow.ADMIN)
        if actor.pk == obj.user_id:
            roles.add(workflow.REQUESTER)
        return roles

    def decider_refusal(self) -> str:
        return _("Only coordinators and the organisation's administrators may do this.")

    def details(self, taken: Taken[MembershipRequest]) -> dict[str, Any]:
        return {"organisation": taken.obj.organisation_id, "person": taken.obj.user_id}

    def notify(self, pk: Any, event: str) -> None:
        membership_request_notify.enqueue(pk, event)


MEMBERSHIP_RULES = MembershipRequestRules()


@transaction.atomic
def membership_request_submit(
    *,
    actor: User,
    organisation: Organisation,
    role: str = Membership.Role.MEMBER,
    position: str = "",
    note: str = "",
) -> MembershipRequest:
    """A person asks to join an organisation as its staff, wishing to be admin or member.
    Rules: not a member already; one open request per person and organisation. Raises
    PermissionDenied (not signed in), DomainError."""
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied(_("Please sign in first."))
    if role not in Membership.Role.values:
        raise DomainError(_("Please choose a role in the organisation."), field="role")
    if organisation.memberships.filter(user=actor).exists():
        raise DomainError(_("You are a member of this organisation already."))
    duplicate = _("You have already asked to join; the organisation will answer.")
    if MembershipRequest.objects.open().filter(user=actor, organisation=organisation).exists():
        raise DomainError(duplicate)
    try:
        with transaction.atomic():
            membership_request = MembershipRequest.objects.create(
                user=actor,
                organisation=organisation,
                role=role,
                position=position.strip(),
                note=note.strip(),
            )
    except IntegrityError as error:  # a second click at the same moment
        raise DomainError(duplicate) from error
    activity_record(actor=actor, verb="membership_request.submit", target=membership_request)
    return membership_request


@transaction.atomic
def membership_request_grant(
    *, actor: User, membership_request: MembershipRequest, note: str = ""
) -> MembershipRequest:
    """An administrator of the organisation (or a coordinator) lets the person in with the
    role they wished; a person without a role in the programme becomes staff of an
    organisation. Raises PermissionDenied, DomainError (already answered)."""
    with request_step(
        MEMBERSHIP_RULES, "grant", actor=actor, request=membership_request, note=note
    ) as taken:
        request = taken.obj
        Membership.objects.update_or_create(
            user=request.user,
            organisation=request.organisation,
            defaults={"role": request.role, "position": request.position},
        )
        aggregates_refresh_later(links=True)
        person = request.user
        if not person.roles:
            person.grant_role(User.Role.STAFF)
    return taken.obj


@transaction.atomic
def membership_request_refuse(
    *, actor: User, membership_request: MembershipRequest, note: str
) -> MembershipRequest:
    """The organisation (or a coordinator) refuses; `note` is the reason (required), which the
    person reads. Raises PermissionDenied, DomainError (already answered, no reason)."""
    with request_step(
        MEMBERSHIP_RULES, "refuse", actor=actor, request=membership_request, note=note
    ) as taken:
        pass  # the reason is all a refusal needs
    return taken.obj


@transaction.atomic
def membership_request_withdraw(
    *, actor: User, membership_request: MembershipRequest, note: str = ""
) -> MembershipRequest:
    """The person takes their open request back. Raises PermissionDenied, DomainError."""
    with request_step(
        MEMBERSHIP_RULES, "withdraw", actor=actor, request=membership_request, note=note
    ) as taken:
        pass  # no rules beyond the lifecycle's
    return taken.obj


MEMBERSHIP_REQUEST_SERVICES: dict[str, Callable[..., MembershipRequest]] = {
    "grant": membership_request_grant,
    "refuse": membership_request_refuse,
    "withdraw": membership_request_withdraw,
}
