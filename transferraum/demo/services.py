"""Loading the demo: a plausible, entirely fictional "Transfer über Köpfe" programme.

What the demo contains lives in `transferraum.demo.data` (organisations, people, challenges,
rounds, recommendations), the single place to change it; docs/demo-data.md describes it for
people. This module writes it: `demo_load` runs one named step after the other, each finding
what exists by its natural key and adding only what is missing. The generated students are
drawn here, from the data's name lists, with a seed.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from transferraum.accounts.models import StudentEmailDomain, StudyProgramme, User
from transferraum.accounts.services import role_request_submit
from transferraum.actors.aggregates import aggregates_deferred, aggregates_refresh_now
from transferraum.actors.models import Competence, Listing, Membership, Organisation, PersonProfile
from transferraum.actors.services import (
    membership_add,
    membership_request_submit,
    organisation_create,
    organisation_index,
    person_index,
    profile_for,
)
from transferraum.actors.vocabulary import competences_load_starter
from transferraum.challenges.catalogue import catalogue_load
from transferraum.challenges.models import Challenge, Comment, Follow, TopicField, TransferFormat
from transferraum.challenges.services import (
    STEP_SERVICES,
    challenge_assign,
    challenge_comment,
    challenge_follow,
    challenge_request_changes,
    challenge_save,
)
from transferraum.demo.data.challenges import CHALLENGES, DEMO_TODAY, ChallengeSpec, Status
from transferraum.demo.data.organisations import (
    EILENBURG,
    LEIPZIG,
    ORGANISATIONS,
    ZEITZ,
    OrganisationSpec,
)
from transferraum.demo.data.people import (
    ADMIN,
    BACHELOR,
    COORDINATOR,
    DEMO_LOGINS,
    FIRST_LANGUAGES_INTERNATIONAL,
    FURTHER_LANGUAGES_GERMAN,
    GERMAN_FIRST_NAMES,
    GERMAN_LAST_NAMES,
    INTERNATIONAL_FIRST_NAMES,
    INTERNATIONAL_LAST_NAMES,
    MEMBERSHIPS,
    NEWCOMERS,
    PEOPLE,
    PERSONA_STUDENTS,
    PROGRAMME_COMPETENCES,
    PROGRAMMES,
    STUDENT_DOMAIN,
    STUDENT_EMAIL_DOMAINS,
    STUDENT_INTERESTS,
    PersonSpec,
    Role,
    StudentSpec,
    Visibility,
)
from transferraum.demo.data.rounds import ROUND_CHALLENGES
from transferraum.demo.mfa import demo_second_factors
from transferraum.notifications.services import notifications_suppressed
from transferraum.regions.models import Municipality
from transferraum.regions.services import region_load_reference

# Besides the loader's own names, the tables that callers and tests read through this module.
__all__ = [
    "CHALLENGES",
    "COORDINATOR",
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "DEMO_SEED",
    "DEMO_TODAY",
    "EILENBURG",
    "MEMBERSHIPS",
    "ORGANISATIONS",
    "PEOPLE",
    "PERSONA_STUDENTS",
    "PROGRAMMES",
    "PROGRAMME_COMPETENCES",
    "STUDENT_INTERESTS",
    "ZEITZ",
    "ChallengeSpec",
    "DemoReport",
    "Status",
    "challenge_steps",
    "demo_load",
    "demo_location",
    "demo_students",
]

# Documented in docs/demo-data.md and printed by `manage.py demo`; demo databases only.
DEMO_PASSWORD = "transfer-demo-2026"  # noqa: S105
DEMO_SEED = 2026
STUDENT_COUNT = 64  # generated students, in addition to the two named personas


@dataclass(frozen=True)
class DemoReport:
    """What the demo holds after a run; `created` counts the rows this run added."""

    organisations: int
    people: int
    students: int
    created: int
    listings: int  # offers and needs in the demo's tables
    competences: int  # in the database, the starter vocabulary included
    challenges: int  # in the demo's tables


# --- Generated students ----------------------------------------------------------------------

# Bachelor students are spread over ten semesters, most of them within the standard period.
_BACHELOR_SEMESTER_WEIGHTS = (14, 14, 14, 14, 12, 12, 8, 6, 3, 3)
_INTERNATIONAL_SHARE = 0.2

# German umlauts are spelled out; ł and ı have no ASCII decomposition that NFKD would find.
_SPELLED_OUT = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ł", "l"), ("ı", "i"))


def _email_local_part(name: str) -> str:
    """`Jörg Müller-Łoś` -> `joerg.mueller-los`: ASCII only, so every mail client accepts it."""
    text = name.lower()
    for letter, spelled in _SPELLED_OUT:
        text = text.replace(letter, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"\s+", ".", text.strip())
    return re.sub(r"[^a-z0-9.\-]", "", text)


def demo_students(seed: int = DEMO_SEED) -> list[StudentSpec]:
    """The generated students (without the named personas); the same seed gives the same list.

    Names and e-mail addresses are unique among themselves and with the personas.
    """
    rng = random.Random(seed)
    names = {student.name for student in PERSONA_STUDENTS}
    emails = {student.email for student in PERSONA_STUDENTS}
    students: list[StudentSpec] = []
    while len(students) < STUDENT_COUNT:
        if rng.random() < _INTERNATIONAL_SHARE:
            first_names: Sequence[str] = INTERNATIONAL_FIRST_NAMES
            last_names: Sequence[str] = INTERNATIONAL_LAST_NAMES
        else:
            first_names, last_names = GERMAN_FIRST_NAMES, GERMAN_LAST_NAMES
        name = f"{rng.choice(first_names)} {rng.choice(last_names)}"
        if name in names:
            continue
        programme_name, degree, _faculty = rng.choice(PROGRAMMES)
        if degree == BACHELOR:
            semester = rng.choices(range(1, 11), weights=_BACHELOR_SEMESTER_WEIGHTS)[0]
        else:
            semester = rng.randint(1, 4)
        local = _email_local_part(name)
        email, n = f"{local}@{STUDENT_DOMAIN}", 2
        while email in emails:
            email, n = f"{local}{n}@{STUDENT_DOMAIN}", n + 1
        names.add(name)
        emails.add(email)
        students.append(StudentSpec(email, name, (programme_name, degree), semester))
    return students


# Map markers of a town's organisations spread around its centre, at most this far from it.
_SPREAD_KM = (0.2, 1.4)
_KM_PER_DEGREE_LATITUDE = 111.32


@dataclass(frozen=True)
class ProfileSpec:
    bio: str
    competences: tuple[str, ...]
    interests: tuple[str, ...]
    languages: str
    visibility: str


def person_profile_spec(person: PersonSpec) -> ProfileSpec:
    return ProfileSpec(
        person.bio, person.competences, person.interests, person.languages, person.visibility
    )


def student_profile_spec(student: StudentSpec, index: int, seed: int = DEMO_SEED) -> ProfileSpec:
    """The profile of a student at place `index` of all students; personas keep their own.

    Two to four competences of the programme, one to three interests, languages; every third
    student shows the profile publicly and a few show it to coordinators only.
    """
    if student.competences:
        return ProfileSpec(
            student.bio,
            student.competences,
            student.interests,
            "Deutsch, Englisch",
            Visibility.MEMBERS,
        )
    rng = random.Random(f"{seed}:{student.email}")
    core, *further = PROGRAMME_COMPETENCES[student.programme[0]]
    competences = (core, *rng.sample(further, rng.randint(1, 3)))
    choices = [slug for slug in STUDENT_INTERESTS if slug not in competences]
    interests = tuple(rng.sample(choices, rng.randint(1, 3)))
    if student.name.split()[0] in INTERNATIONAL_FIRST_NAMES:
        languages = f"{rng.choice(FIRST_LANGUAGES_INTERNATIONAL)}, Englisch, Deutsch"
    elif rng.random() < 0.3:
        languages = f"Deutsch, Englisch, {rng.choice(FURTHER_LANGUAGES_GERMAN)}"
    else:
        languages = "Deutsch, Englisch"
    if index % 3 == 0:
        visibility = Visibility.PUBLIC
    elif index % 8 == 4:
        visibility = Visibility.COORDINATORS
    else:
        visibility = Visibility.MEMBERS
    return ProfileSpec("", competences, interests, languages, visibility)


def demo_location(
    municipality: Municipality, name: str, seed: int = DEMO_SEED
) -> tuple[Decimal, Decimal]:
    """A point 0.2–1.4 km from the town's centre, the same for the same name and seed."""
    rng = random.Random(f"{seed}:{name}")
    distance = rng.uniform(*_SPREAD_KM)
    angle = rng.uniform(0, 2 * math.pi)
    centre_lat, centre_lon = float(municipality.lat), float(municipality.lon)
    lat = centre_lat + distance * math.cos(angle) / _KM_PER_DEGREE_LATITUDE
    km_per_degree_longitude = _KM_PER_DEGREE_LATITUDE * math.cos(math.radians(centre_lat))
    lon = centre_lon + distance * math.sin(angle) / km_per_degree_longitude
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


# --- Challenge paths ---------------------------------------------------------------------------

_REVIEW = ("submit", "start_review")
_ACCEPT = (*_REVIEW, "accept", "assign")
# "assign" is the coordinator's choice of formats and responsible person (challenge_assign).
CHALLENGE_PATHS: dict[str, tuple[str, ...]] = {
    Status.DRAFT: (),
    Status.SUBMITTED: ("submit",),
    Status.IN_REVIEW: _REVIEW,
    Status.CHANGES_REQUESTED: (*_REVIEW, "request_changes"),
    Status.REJECTED: (*_REVIEW, "reject"),
    Status.ACCEPTED: _ACCEPT,
    Status.PUBLISHED: (*_ACCEPT, "publish"),
    Status.IN_PROGRESS: (*_ACCEPT, "publish", "start"),
    Status.COMPLETED: (*_ACCEPT, "publish", "start", "complete"),
}


def challenge_steps(spec: ChallengeSpec) -> tuple[str, ...]:
    """The actions that take a new draft to `spec.status`, in order.

    Besides the workflow's actions: "assign" (formats and coordinator), "request_revision" (the
    change request of `revision_request`) and "revise" (the author adds the desired result).
    """
    if spec.status == Status.WITHDRAWN:
        steps = (*CHALLENGE_PATHS[spec.withdrawn_from], "withdraw")
    else:
        steps = CHALLENGE_PATHS[spec.status]
    if spec.revision_request:
        steps = (*_REVIEW, "request_revision", "revise", *steps)
    return steps


# Board challenges get one to five followers among the generated students, besides personas.
_FOLLOWERS = (1, 5)


# --- Writing helpers ---------------------------------------------------------------------------


def _programme_get_or_create(name: str, degree: str, faculty: str) -> tuple[StudyProgramme, bool]:
    return StudyProgramme.objects.get_or_create(
        name=name, degree=degree, defaults={"faculty": faculty}
    )


def _organisation_get_or_create(
    spec: OrganisationSpec, municipality: Municipality
) -> tuple[Organisation, bool]:
    existing = Organisation.objects.filter(name=spec.name).first()
    if existing is not None:
        return existing, False
    organisation = organisation_create(
        actor=None,
        name=spec.name,
        kind=spec.kind,
        municipality=municipality,
        short_description=spec.short_description,
    )
    return organisation, True


_PROFILE_FIELDS = ("description", "sector", "size_class", "street", "postcode")


def _organisation_fill(
    organisation: Organisation, spec: OrganisationSpec, municipality: Municipality, seed: int
) -> None:
    """Fill the organisation's empty profile fields from `spec`; filled ones stay as they are."""
    changed = []
    for name in _PROFILE_FIELDS:
        value = getattr(spec, name)
        if value and not getattr(organisation, name):
            setattr(organisation, name, value)
            changed.append(name)
    if organisation.lat is None or organisation.lon is None:
        organisation.lat, organisation.lon = demo_location(municipality, spec.name, seed)
        changed += ["lat", "lon"]
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])


def _organisations_link(
    organisations: dict[str, Organisation], competences: dict[str, Competence]
) -> int:
    """Competences and offers and needs for organisations that have none yet; returns rows."""
    ids = [organisation.pk for organisation in organisations.values()]
    through = Organisation.competences.through
    with_competences = set(
        through.objects.filter(organisation_id__in=ids).values_list("organisation_id", flat=True)
    )
    with_listings = set(
        Listing.objects.filter(organisation_id__in=ids).values_list("organisation_id", flat=True)
    )
    links = [
        through(organisation_id=organisations[spec.name].pk, competence_id=competences[slug].pk)
        for spec in ORGANISATIONS
        if organisations[spec.name].pk not in with_competences
        for slug in spec.competences
    ]
    listings = [
        Listing(organisation=organisations[spec.name], direction=direction, category=c, text=t)
        for spec in ORGANISATIONS
        if organisations[spec.name].pk not in with_listings
        for direction, entries in (
            (Listing.Direction.OFFER, spec.offers),
            (Listing.Direction.NEED, spec.needs),
        )
        for c, t in entries
    ]
    through.objects.bulk_create(links)
    Listing.objects.bulk_create(listings)
    return len(links) + len(listings)


def _person_get_or_create(
    *,
    email: str,
    name: str,
    roles: tuple[str, ...],
    password_hash: str,
    is_admin_site: bool = False,
    study_programme: StudyProgramme | None = None,
    semester: int | None = None,
) -> tuple[User, int]:
    """The account for `email`, created with a verified address if missing; returns rows added.

    An existing account is left as it is (its password too), so a second run changes nothing.
    """
    created = 0
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create(
            email=email.lower(),
            password=password_hash,
            name=name,
            language="de",
            is_staff=is_admin_site,
            is_superuser=is_admin_site,
            study_programme=study_programme,
            semester=semester,
        )
        created += 1
        for role in roles:
            created += user.grant_role(role)
    if not EmailAddress.objects.filter(user=user, email__iexact=email).exists():
        # Mandatory verification would otherwise stop the login of a demo person.
        EmailAddress.objects.create(
            user=user,
            email=user.email,
            verified=True,
            primary=not EmailAddress.objects.filter(user=user, primary=True).exists(),
        )
        created += 1
    return user, created


def _membership_ensure(user: User, organisation: Organisation, role: str, position: str) -> int:
    """Add the membership if missing; an existing one keeps its role and position."""
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        return 0
    membership_add(actor=None, user=user, organisation=organisation, role=role, position=position)
    return 1


def _profiles_fill(
    people: Iterable[tuple[User, ProfileSpec]], competences: dict[str, Competence]
) -> int:
    """A profile for every person; an untouched one gets the demo's text, terms and visibility.

    A profile is untouched while it has no text, no languages, no competences and no interests:
    whatever a person filled in themselves stays. Returns the rows added.
    """
    before = PersonProfile.objects.count()
    profiles = [(profile_for(user), spec) for user, spec in people]
    ids = [profile.pk for profile, _spec in profiles]
    competence_links = PersonProfile.competences.through
    interest_links = PersonProfile.interests.through
    touched = set(
        competence_links.objects.filter(personprofile_id__in=ids).values_list(
            "personprofile_id", flat=True
        )
    ) | set(
        interest_links.objects.filter(personprofile_id__in=ids).values_list(
            "personprofile_id", flat=True
        )
    )
    untouched = [
        (profile, spec)
        for profile, spec in profiles
        if not (profile.bio or profile.languages or profile.pk in touched)
    ]
    for profile, spec in untouched:
        profile.bio, profile.languages = spec.bio, spec.languages
        profile.visibility = spec.visibility
        profile.save(update_fields=["bio", "languages", "visibility", "updated_at"])
    new_competences = [
        competence_links(personprofile_id=profile.pk, competence_id=competences[slug].pk)
        for profile, spec in untouched
        for slug in spec.competences
    ]
    new_interests = [
        interest_links(personprofile_id=profile.pk, competence_id=competences[slug].pk)
        for profile, spec in untouched
        for slug in spec.interests
    ]
    competence_links.objects.bulk_create(new_competences)
    interest_links.objects.bulk_create(new_interests)
    return PersonProfile.objects.count() - before + len(new_competences) + len(new_interests)


def _search_index(organisations: Iterable[Organisation], users: Iterable[User]) -> None:
    """Recompute the search text of the demo's organisations and people (cheap, so always)."""
    for organisation in (
        Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        .select_related("municipality__district")
        .prefetch_related("competences", "listings")
    ):
        organisation_index(organisation)
    for profile in (
        PersonProfile.objects.filter(user__in=[u.pk for u in users])
        .select_related("user__study_programme")
        .prefetch_related("competences", "interests")
    ):
        person_index(profile)


def _day(offset: int | None) -> date | None:
    return None if offset is None else DEMO_TODAY + timedelta(days=offset)


def _challenge_create(
    spec: ChallengeSpec,
    *,
    organisation: Organisation,
    users: dict[str, User],
    topics: dict[str, TopicField],
    formats: dict[str, TransferFormat],
    municipalities: dict[str, Municipality],
) -> Challenge:
    """Write the challenge as its author and take it through `challenge_steps(spec)`."""
    author, coordinator = users[spec.author], users[COORDINATOR]
    data: dict[str, Any] = {
        "title": spec.title,
        "problem": spec.problem,
        "context": spec.context,
        "desired_result": "" if spec.revision_request else spec.desired_result,
        "public_summary": spec.public_summary,
        "contact_person": users[spec.contact or spec.author],
        "earliest_start": _day(spec.start),
        "deadline": _day(spec.deadline),
        "partner_offers": list(spec.offers),
        "partner_offers_note": spec.offers_note,
        "confidentiality": spec.confidentiality,
        "nda_required": spec.nda,
        "format_wish": formats[spec.format_wish] if spec.format_wish else None,
        "definition": spec.definition,
        "citizen_involvement": spec.citizens,
        "technical_depth": spec.depth,
        "expected_team_size": spec.team_size,
    }
    if spec.municipality:
        data["municipality"] = municipalities[spec.municipality]
    challenge_topics = [topics[slug] for slug in spec.topics]
    challenge = challenge_save(
        actor=author, organisation=organisation, data=data, topics=challenge_topics
    )
    for step in challenge_steps(spec):
        if step == "assign":
            challenge = challenge_assign(
                actor=coordinator,
                challenge=challenge,
                formats=[formats[slug] for slug in spec.formats],
                coordinator=users[spec.coordinator],
            )
        elif step == "request_revision":
            challenge = challenge_request_changes(
                actor=coordinator,
                challenge=challenge,
                note=spec.revision_request,
            )
        elif step == "revise":
            challenge = challenge_save(
                actor=author,
                organisation=organisation,
                challenge=challenge,
                data={"desired_result": spec.desired_result},
                topics=challenge_topics,
            )
        else:
            by_author = step in ("submit", "withdraw")
            with_note = step in ("request_changes", "reject", "withdraw")
            challenge = STEP_SERVICES[step](
                actor=author if by_author else coordinator,
                challenge=challenge,
                note=spec.note if with_note else "",
            )
    for email, text, visible in spec.comments:
        challenge_comment(
            actor=users[email], challenge=challenge, text=text, visible_to_submitter=visible
        )
    return challenge


# --- The steps of demo_load --------------------------------------------------------------------


@dataclass
class _Load:
    """What the steps of one run share: the seed, what exists by natural key, the rows added."""

    seed: int
    password_hash: str
    competences: dict[str, Competence]
    created: int = 0
    programmes: dict[tuple[str, str], StudyProgramme] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)  # by e-mail, students included
    profiles: list[tuple[User, ProfileSpec]] = field(default_factory=list)
    students: list[StudentSpec] = field(default_factory=list)  # personas first


@transaction.atomic
def demo_load(*, seed: int = DEMO_SEED) -> DemoReport:
    """Fill the database with the demo programme; idempotent.

    Rules: loads the region reference data, the starter vocabulary of competences and the
    catalogue of topic fields and transfer formats first (the towns, Leipzig, the competences
    and the formats must exist); organisations are found by name,
    people by e-mail, programmes by name and degree, memberships by person and organisation,
    and only what is missing is created, so a second run adds and changes nothing. New
    accounts get DEMO_PASSWORD, language German and a verified primary e-mail address.
    Organisation fields, competences and offers and needs are filled only where empty;
    a person's profile only while nobody has filled it in. Administrators of the demo's
    organisations are shown as contact persons. `seed` decides the generated students, their
    profiles and where the organisations sit on the map. Search texts are recomputed at the
    end. Challenges are found by organisation and title; a missing one is written by a member
    and taken to its status through the challenge services (so the activity log and comments
    are real), without notifying anybody; dates count from DEMO_TODAY. Everyone the MFA rule
    concerns gets an authenticator app with the published DEMO_TOTP_SECRET. Raises
    Municipality.DoesNotExist if the reference data lacks a town the demo needs.
    """
    load = _reference_data(seed)
    # The services' rebuilds of the map's cells and the links wait for the end: one, no task.
    with aggregates_deferred():
        _programmes(load)
        _organisations(load)
        _people(load)
        _memberships(load)
        _students(load)
        _requests(load)
        _profiles(load)
        _challenges(load)
        _rounds(load)
        _talent(load)
        load.created += demo_second_factors(load.users.values())
    aggregates_refresh_now()
    return DemoReport(
        organisations=len(ORGANISATIONS),
        people=len(PEOPLE),
        students=len(load.students),
        created=load.created,
        listings=sum(len(spec.offers) + len(spec.needs) for spec in ORGANISATIONS),
        competences=len(load.competences),
        challenges=len(CHALLENGES) + len(ROUND_CHALLENGES),
    )


def _reference_data(seed: int) -> _Load:
    """Load the regions, the starter vocabulary and the catalogue the demo builds on."""
    region_load_reference()
    created = competences_load_starter()
    created += catalogue_load()
    # One hash for all accounts: the password is public anyway, and hashing it a hundred
    # times with the production hasher would make the command take half a minute.
    return _Load(
        seed=seed,
        password_hash=make_password(DEMO_PASSWORD),
        competences=Competence.objects.in_bulk(field_name="slug"),
        created=created,
    )


def _programmes(load: _Load) -> None:
    """The study programmes of PROGRAMMES, found by name and degree."""
    for name, degree, faculty in PROGRAMMES:
        programme, was_created = _programme_get_or_create(name, degree, faculty)
        load.programmes[(name, degree)] = programme
        load.created += was_created


def _organisations(load: _Load) -> None:
    """The organisations of ORGANISATIONS, found by name, with their profiles, competences,
    offers and needs filled where empty."""
    municipalities = {
        m.ags: m for m in Municipality.objects.filter(ags__in=(EILENBURG, ZEITZ, LEIPZIG))
    }
    for spec in ORGANISATIONS:
        municipality = municipalities.get(spec.ags)
        if municipality is None:
            raise Municipality.DoesNotExist(f"Municipality {spec.ags} is missing for {spec.name}.")
        organisation, was_created = _organisation_get_or_create(spec, municipality)
        _organisation_fill(organisation, spec, municipality, load.seed)
        load.organisations[spec.name] = organisation
        load.created += was_created
    load.created += _organisations_link(load.organisations, load.competences)


def _people(load: _Load) -> None:
    """The accounts of PEOPLE, found by e-mail, each with the membership it is listed with."""
    for person in PEOPLE:
        user, added = _person_get_or_create(
            email=person.email,
            name=person.name,
            roles=person.roles,
            password_hash=load.password_hash,
            is_admin_site=person.is_admin_site,
        )
        load.users[person.email] = user
        load.profiles.append((user, person_profile_spec(person)))
        load.created += added
        load.created += _membership_ensure(
            user, load.organisations[person.organisation], person.membership, person.position
        )


def _memberships(load: _Load) -> None:
    """The further memberships of MEMBERSHIPS; the administrators of the demo's organisations
    become their contact persons."""
    for extra in MEMBERSHIPS:
        load.created += _membership_ensure(
            load.users[extra.email],
            load.organisations[extra.organisation],
            extra.role,
            extra.position,
        )
    Membership.objects.filter(
        organisation__in=load.organisations.values(),
        user__in=load.users.values(),
        role=ADMIN,
        is_contact=False,
    ).update(is_contact=True)


def _students(load: _Load) -> None:
    """The accounts of the student personas and of the students generated with the seed."""
    load.students = [*PERSONA_STUDENTS, *demo_students(load.seed)]
    for index, student in enumerate(load.students):
        user, added = _person_get_or_create(
            email=student.email,
            name=student.name,
            roles=(Role.STUDENT,),
            password_hash=load.password_hash,
            study_programme=load.programmes[student.programme],
            semester=student.semester,
        )
        load.users[student.email] = user
        load.profiles.append((user, student_profile_spec(student, index, load.seed)))
        load.created += added


def _profiles(load: _Load) -> None:
    """Everybody's profile, filled while untouched, and the search texts, always recomputed."""
    load.created += _profiles_fill(load.profiles, load.competences)
    _search_index(load.organisations.values(), load.users.values())


def _challenges(load: _Load) -> None:
    """Create the demo challenges that are missing, found by organisation and title.

    A challenge that exists is left alone, whatever happened to it since, and so are its
    comments and followers. Counts the rows added (challenges, comments, follows).
    """
    counts = (Challenge.objects.count, Comment.objects.count, Follow.objects.count)
    before = sum(count() for count in counts)
    organisations, users = load.organisations, load.users
    students = [users[student.email] for student in load.students[len(PERSONA_STUDENTS) :]]
    existing = set(
        Challenge.objects.filter(organisation__in=organisations.values()).values_list(
            "organisation_id", "title"
        )
    )
    topics: dict[str, TopicField] = TopicField.objects.in_bulk(field_name="slug")
    formats: dict[str, TransferFormat] = TransferFormat.objects.in_bulk(field_name="slug")
    municipalities = {
        m.ags: m
        for m in Municipality.objects.filter(
            ags__in={spec.municipality for spec in CHALLENGES if spec.municipality}
        )
    }
    # Nobody is mailed about demo challenges.
    with notifications_suppressed():
        for spec in CHALLENGES:
            organisation = organisations[spec.organisation]
            if (organisation.pk, spec.title) in existing:
                continue
            challenge = _challenge_create(
                spec,
                organisation=organisation,
                users=users,
                topics=topics,
                formats=formats,
                municipalities=municipalities,
            )
            if challenge.is_on_board:
                rng = random.Random(f"{load.seed}:follows:{spec.title}")
                generated = rng.sample(students, rng.randint(*_FOLLOWERS))
                for student in [*(users[email] for email in spec.followers), *generated]:
                    challenge_follow(actor=student, challenge=challenge, follow=True)
    load.created += sum(count() for count in counts) - before


def _rounds(load: _Load) -> None:
    """The two rounds of practice projects and the recommendations of the finished one."""
    # Both build on this module's helpers, so they are imported here rather than at the top.
    from transferraum.demo.recommendations import demo_recommendations_load
    from transferraum.demo.rounds import demo_rounds_load

    load.created += demo_rounds_load(seed=load.seed).created
    load.created += demo_recommendations_load().created
    load.created += _research(load)
    load.created += _places()
    load.created += _ventures()
    load.created += _opportunities()


def _places() -> int:
    """The innovation places in Eilenburg and Zeitz with trainings and a term of bookings."""
    from transferraum.demo.places import demo_places_load

    return demo_places_load().created


def _ventures() -> int:
    """The support programmes and five ventures at different stages (issue 23)."""
    from transferraum.demo.ventures import demo_ventures_load

    return demo_ventures_load()


def _opportunities() -> int:
    """The region's opportunities, applications, saved searches and welcome contacts."""
    from transferraum.demo.opportunities import demo_opportunities_load

    return demo_opportunities_load().created


def _research(load: _Load) -> int:
    """The accompanying research's study "Regionale Bindung" on the finished round."""
    from transferraum.demo.research import demo_research_load

    return demo_research_load(seed=load.seed).created


def _talent(load: _Load) -> None:
    """Trial living in Zeitz, the talent pool and relocation journeys (demo/talent.py)."""
    from transferraum.demo.talent import demo_talent_load

    load.created += demo_talent_load().created


def _requests(load: _Load) -> None:
    """The university's student domain, and NEWCOMERS with their open request (a role, or to
    join an organisation), made through the services without notifying anybody; a person who
    already has a request keeps it as it is."""
    for domain in STUDENT_EMAIL_DOMAINS:
        load.created += StudentEmailDomain.objects.get_or_create(domain=domain)[1]
    with notifications_suppressed():
        for newcomer in NEWCOMERS:
            user, added = _person_get_or_create(
                email=newcomer.email,
                name=newcomer.name,
                roles=(),
                password_hash=load.password_hash,
            )
            load.users[newcomer.email] = user
            load.profiles.append(
                (
                    user,
                    ProfileSpec(
                        newcomer.bio,
                        newcomer.competences,
                        (),
                        newcomer.languages,
                        Visibility.MEMBERS,
                    ),
                )
            )
            load.created += added
            if newcomer.role and not user.role_requests.exists():
                role_request_submit(actor=user, role=newcomer.role, note=newcomer.note)
                load.created += 1
            if newcomer.organisation and not user.membership_requests.exists():
                membership_request_submit(
                    actor=user,
                    organisation=load.organisations[newcomer.organisation],
                    position=newcomer.position,
                    note=newcomer.note,
                )
                load.created += 1
