"""Organisations of every kind across the region's municipalities, with competences, offers and
needs; people (staff, supervisors, researchers, founders, the public) with profiles and
memberships; students with their study programme, profile and competences; the personas."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify

from transferraum.accounts.models import StudyProgramme, User, UserRole
from transferraum.actors.models import (
    Competence,
    Listing,
    ListingCategory,
    Membership,
    Organisation,
    PersonProfile,
    SizeClass,
)
from transferraum.demo.data import generate as data
from transferraum.demo.data.people import (
    GERMAN_FIRST_NAMES,
    GERMAN_LAST_NAMES,
    INTERNATIONAL_FIRST_NAMES,
    INTERNATIONAL_LAST_NAMES,
    PROGRAMME_COMPETENCES,
    STUDENT_INTERESTS,
)
from transferraum.demo.generate.context import Context, chunks, insert
from transferraum.demo.generate.index import index_organisation, index_person
from transferraum.demo.generate.rounds import Phase, round_phases
from transferraum.projects.models import StudentProfile
from transferraum.regions.models import Municipality

Kind = Organisation.Kind
Role = User.Role
UNUSABLE_PASSWORD = "!generated"  # noqa: S105 – starts with "!": Django never accepts it
_KM_PER_DEGREE = 111.32


# --- Organisations -----------------------------------------------------------------------------


def _kinds(ctx: Context) -> list[str]:
    """The kind of each organisation to generate: one town administration per municipality
    (as far as the share allows), the rest by the shares of the table."""
    total = ctx.size.organisations
    towns = min(len(ctx.municipalities), max(4, total * dict(data.KIND_SHARES)[Kind.TOWN] // 1000))
    kinds: list[str] = [Kind.TOWN] * towns
    others = [(kind, share) for kind, share in data.KIND_SHARES if kind != Kind.TOWN]
    weights = [share for _kind, share in others]
    kinds += ctx.rng.choices([kind for kind, _share in others], weights, k=total - towns)
    return kinds


def _person_name(ctx: Context) -> str:
    rng = ctx.rng
    if rng.random() < 0.15:
        return f"{rng.choice(INTERNATIONAL_FIRST_NAMES)} {rng.choice(INTERNATIONAL_LAST_NAMES)}"
    return f"{rng.choice(GERMAN_FIRST_NAMES)} {rng.choice(GERMAN_LAST_NAMES)}"


def _organisation_name(ctx: Context, kind: str, town: Municipality) -> tuple[str, str]:
    """Name and sector of a new organisation of `kind` in `town`."""
    rng = ctx.rng
    if kind == Kind.TOWN:
        return f"Gemeindeverwaltung {town.name}", "O"
    if kind == Kind.COMPANY:
        trade, sector = rng.choice(data.TRADES)
        if rng.random() < 0.6:
            pattern = rng.choice(data.SURNAME_PATTERNS)
            base = pattern.format(trade=trade, surname=rng.choice(GERMAN_LAST_NAMES))
        else:
            pattern = rng.choice(data.PLACE_PATTERNS)
            base = pattern.format(trade=trade, town=town.name, landmark=rng.choice(data.LANDMARKS))
        form = rng.choice(data.COMPANY_FORMS)
        return (f"{base} {form}" if form else base), sector
    if kind == Kind.CIVIL_SOCIETY:
        return f"{rng.choice(data.ASSOCIATIONS)} {town.name} e.V.", "S"
    if kind == Kind.PUBLIC_BODY:
        return f"{rng.choice(data.PUBLIC_BODIES)} {town.name}", "O"
    if kind == Kind.STARTUP:
        first, second = data.STARTUP_WORDS
        form = rng.choice(("UG (haftungsbeschränkt)", "GmbH"))
        return f"{rng.choice(first)}{rng.choice(second)} {town.name} {form}", "J"
    if kind == Kind.UNIVERSITY_UNIT:
        return (
            f"{rng.choice(data.UNIVERSITY_UNITS)} – Arbeitsgruppe {rng.choice(GERMAN_LAST_NAMES)}",
            "P",
        )
    return f"{rng.choice(data.RESEARCH_INSTITUTES)} {town.name}", "M"


def _location(ctx: Context, town: Municipality) -> tuple[Decimal, Decimal]:
    distance = ctx.rng.uniform(0.2, 2.5)
    angle = ctx.rng.uniform(0, 2 * math.pi)
    lat = float(town.lat) + distance * math.cos(angle) / _KM_PER_DEGREE
    lon = float(town.lon) + distance * math.sin(angle) / (
        _KM_PER_DEGREE * math.cos(math.radians(float(town.lat)))
    )
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


def _competences_of(ctx: Context, theme_index: int, low: int, high: int) -> list[Competence]:
    theme = ctx.theme(theme_index)
    slugs = [slug for slug in theme.competences if slug in ctx.competences]
    chosen = ctx.rng.sample(slugs, min(len(slugs), ctx.rng.randint(low, high)))
    if ctx.rng.random() < 0.3:
        chosen.append(ctx.rng.choice(sorted(ctx.competences)))
    return [ctx.competences[slug] for slug in dict.fromkeys(chosen)]


def _listings_of(ctx: Context, theme_index: int) -> list[Listing]:
    subject = ctx.rng.choice(ctx.theme(theme_index).subjects)
    listings = []
    for _n in range(ctx.rng.choice((0, 1, 1, 2, 2, 3))):
        category = ctx.rng.choice(list(ListingCategory))
        text = ctx.rng.choice(data.LISTING_TEXTS[category]).format(subject=subject)
        direction = ctx.rng.choice(list(Listing.Direction))
        listings.append(Listing(direction=direction, category=category, text=text[:300]))
    return listings


def organisations_generate(ctx: Context) -> None:
    """`size.organisations` organisations in the region's municipalities, more in bigger ones."""
    rng = ctx.rng
    weights = [math.sqrt(m.population) for m in ctx.municipalities]
    kinds = _kinds(ctx)
    towns_in_order = iter(sorted(ctx.municipalities, key=lambda m: -m.population))
    for start in range(0, len(kinds), data.BATCH):
        batch: list[tuple[Organisation, list[Competence], list[Listing], int]] = []
        for number, kind in enumerate(kinds[start : start + data.BATCH], start=start + 1):
            if kind == Kind.TOWN:
                town = next(towns_in_order)
            else:
                town = rng.choices(ctx.municipalities, weights)[0]
            theme = rng.randrange(len(data.THEMES))
            name, sector = _organisation_name(ctx, kind, town)
            subject = rng.choice(ctx.theme(theme).subjects)
            values = {"name": name, "town": town.name, "year": rng.randint(1990, 2024)}
            description = " ".join(
                (
                    rng.choice(data.ORGANISATION_INTROS).format(**values),
                    rng.choice(data.ORGANISATION_FOCUS).format(subject=subject),
                )
            )
            lat, lon = _location(ctx, town)
            slug = f"{slugify(name)[:180]}-{number}"
            organisation = Organisation(
                name=name[:200],
                slug=slug,
                kind=kind,
                municipality=town,
                short_description=f"Aus {town.name}, mit Blick auf {subject}"[:300],
                description=description,
                website=f"https://{slug}{data.WEBSITE_SUFFIX}/",
                sector=sector if kind in (Kind.COMPANY, Kind.STARTUP) else "",
                size_class=rng.choice(list(SizeClass)) if kind == Kind.COMPANY else "",
                street=f"{rng.choice(data.LANDMARKS)}straße {rng.randint(1, 120)}",
                postcode=f"0{rng.randint(4000, 9999)}",
                lat=lat,
                lon=lon,
            )
            competences = _competences_of(ctx, theme, 1, 3)
            listings = _listings_of(ctx, theme)
            index_organisation(organisation, competences, listings)
            batch.append((organisation, competences, listings, theme))
        with transaction.atomic():
            insert(Organisation, [row[0] for row in batch])
            through = Organisation.competences.through
            insert(
                through,
                [
                    through(organisation_id=o.pk, competence_id=c.pk)
                    for o, competences, _listings, _theme in batch
                    for c in competences
                ],
            )
            listings = []
            for organisation, _competences, own, _theme in batch:
                for listing in own:
                    listing.organisation = organisation
                    listings.append(listing)
            insert(Listing, listings)
        for organisation, _competences, _listings, theme in batch:
            town_pk = organisation.municipality.pk  # type: ignore[union-attr]  # always set here
            ctx.organisations[organisation.pk] = (
                organisation.name,
                organisation.kind,
                theme,
                town_pk,
            )
        ctx.count("organisations", len(batch))
        ctx.count("listings", len(listings))


# --- People ------------------------------------------------------------------------------------

# Roles of the people who are not students (per cent)
_ROLES = (
    (Role.STAFF, 72),
    (Role.SUPERVISOR, 10),
    (Role.RESEARCHER, 4),
    (Role.FOUNDER, 4),
    (Role.PUBLIC, 10),
)
# Where each role is a member
_HOME_KINDS: dict[str, tuple[str, ...]] = {
    Role.STAFF: (Kind.TOWN, Kind.COMPANY, Kind.CIVIL_SOCIETY, Kind.PUBLIC_BODY),
    Role.SUPERVISOR: (Kind.UNIVERSITY_UNIT, Kind.RESEARCH_INSTITUTE),
    Role.RESEARCHER: (Kind.RESEARCH_INSTITUTE, Kind.UNIVERSITY_UNIT),
    Role.FOUNDER: (Kind.STARTUP,),
    Role.PUBLIC: (),
}


def _email(name: str, number: int, domain: str) -> str:
    local = slugify(
        name.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    )
    return f"{local.replace('-', '.')}.{number}@{domain}"


def _write_people(
    ctx: Context,
    rows: list[
        tuple[User, PersonProfile, list[Competence], list[Competence], list[tuple[int, str, bool]]]
    ],
    roles: list[tuple[str, ...]],
    student_profiles: list[StudentProfile] | None = None,
) -> None:
    """Users with their `roles` (one tuple per row), their memberships and profiles (indexed
    with their organisations) in one go."""
    with transaction.atomic():
        insert(User, [row[0] for row in rows])
        insert(
            UserRole,
            [
                UserRole(user_id=row[0].pk, role=role)
                for row, held in zip(rows, roles, strict=True)
                for role in held
            ],
        )
        memberships = [
            Membership(
                user_id=user.pk,
                organisation_id=org,
                role=role,
                is_contact=contact,
                position=ctx.rng.choice(data.POSITIONS),
            )
            for user, _p, _c, _i, homes in rows
            for org, role, contact in homes
        ]
        insert(Membership, memberships)
        profiles = []
        for user, profile, competences, interests, homes in rows:
            profile.user = user
            names = [ctx.organisations[org][0] for org, _role, _contact in homes]
            index_person(profile, names, [*competences, *interests])
            profiles.append(profile)
        insert(PersonProfile, profiles)
        through = PersonProfile.competences.through
        insert(
            through,
            [
                through(personprofile_id=p.pk, competence_id=c.pk)
                for p, (_u, _p, cs, _i, _h) in zip(profiles, rows, strict=True)
                for c in cs
            ],
        )
        interest_through = PersonProfile.interests.through
        insert(
            interest_through,
            [
                interest_through(personprofile_id=p.pk, competence_id=c.pk)
                for p, (_u, _p, _c, interests, _h) in zip(profiles, rows, strict=True)
                for c in interests
            ],
        )
        if student_profiles:
            for student_profile, row in zip(student_profiles, rows, strict=True):
                student_profile.user = row[0]
            insert(StudentProfile, student_profiles)
    for user, _p, _c, _i, homes in rows:
        for org, _role, _contact in homes:
            ctx.members.setdefault(org, []).append(user.pk)
    ctx.count("people", len(rows))
    ctx.count("memberships", len(memberships))


def people_generate(ctx: Context) -> None:
    """The people who are not students: members of organisations by their role, profiles with
    competences of their organisation's theme; the first member of an organisation is its admin
    and contact person."""
    rng = ctx.rng
    by_kind: dict[str, list[int]] = {}
    for pk, (_name, kind, _theme, _town) in ctx.organisations.items():
        by_kind.setdefault(kind, []).append(pk)
    roles = rng.choices(
        [role for role, _w in _ROLES], [w for _role, w in _ROLES], k=ctx.size.people
    )
    taken: set[int] = set()
    everyone = list(ctx.organisations)
    for start in range(0, len(roles), data.BATCH):
        rows = []
        held: list[tuple[str, ...]] = []
        for number, role in enumerate(roles[start : start + data.BATCH], start=start + 1):
            name = _person_name(ctx)
            if role in (Role.SUPERVISOR, Role.RESEARCHER) and rng.random() < 0.6:
                name = rng.choice(("Dr. ", "Prof. Dr. ")) + name
            kinds = [kind for kind in _HOME_KINDS[role] if by_kind.get(kind)]
            homes: list[tuple[int, str, bool]] = []
            if kinds:
                orgs = [rng.choice(by_kind[rng.choice(kinds)])]
                if rng.random() < 0.15:
                    orgs.append(rng.choice(everyone))
                for org in dict.fromkeys(orgs):
                    admin = org not in taken
                    taken.add(org)
                    homes.append(
                        (org, Membership.Role.ADMIN if admin else Membership.Role.MEMBER, admin)
                    )
            theme = ctx.organisations[homes[0][0]][2] if homes else rng.randrange(len(data.THEMES))
            user = User(
                email=_email(name, number, data.EMAIL_DOMAIN),
                name=name,
                password=UNUSABLE_PASSWORD,
            )
            # Several roles per person: every fifth supervisor also researches.
            also = (Role.RESEARCHER,) if role == Role.SUPERVISOR and number % 5 == 0 else ()
            held.append(tuple(r for r in (role, *also) if r != Role.PUBLIC))
            town = rng.choice(ctx.municipalities).name
            bio = rng.choice(data.BIOS).format(
                years=rng.randint(2, 30), town=town, subject=rng.choice(ctx.theme(theme).subjects)
            )
            profile = PersonProfile(
                bio=bio,
                languages="Deutsch, Englisch",
                visibility=rng.choice(list(PersonProfile.Visibility)),
            )
            rows.append(
                (
                    user,
                    profile,
                    _competences_of(ctx, theme, 1, 3),
                    _competences_of(ctx, rng.randrange(len(data.THEMES)), 0, 2),
                    homes,
                )
            )
        _write_people(ctx, rows, held)
        lists: dict[str, list[int]] = {
            Role.SUPERVISOR: ctx.supervisors,
            Role.RESEARCHER: ctx.researchers,
            Role.STAFF: ctx.staff,
        }
        for (user, *_rest), roles_of_user in zip(rows, held, strict=True):
            for held_role in roles_of_user:
                if held_role in lists:
                    lists[held_role].append(user.pk)


def students_generate(ctx: Context) -> None:
    """`students_per_round` students for each round, with programme, semester, profile (the
    programme's competences, interests) and what they tell the programme for applying."""
    rng = ctx.rng
    number = 0
    for _round in range(ctx.size.rounds):
        students: list[int] = []
        for chunk in chunks(range(ctx.size.students_per_round)):
            rows: list[Any] = []
            student_profiles = []
            for _n in chunk:
                number += 1
                name = _person_name(ctx)
                programme: StudyProgramme = rng.choice(ctx.programmes)
                semester = rng.randint(
                    1, 10 if programme.degree == StudyProgramme.Degree.BACHELOR else 4
                )
                user = User(
                    email=_email(name, number, f"stud.{data.EMAIL_DOMAIN}"),
                    name=name,
                    study_programme=programme,
                    semester=semester,
                    password=UNUSABLE_PASSWORD,
                )
                core, *further = PROGRAMME_COMPETENCES.get(programme.name, ("datenanalyse",))
                slugs = [core, *rng.sample(further, min(len(further), rng.randint(1, 3)))]
                interests = rng.sample(
                    [s for s in STUDENT_INTERESTS if s not in slugs], rng.randint(1, 3)
                )
                theme = rng.randrange(len(data.THEMES))
                bio = rng.choice(data.STUDENT_BIOS).format(
                    semester=semester,
                    subject=rng.choice(ctx.theme(theme).subjects),
                    town=rng.choice(ctx.municipalities).name,
                )
                profile = PersonProfile(
                    bio=bio,
                    languages="Deutsch, Englisch",
                    visibility=rng.choice(list(PersonProfile.Visibility)),
                )
                known = ctx.competences
                rows.append(
                    (
                        user,
                        profile,
                        [known[s] for s in slugs if s in known],
                        [known[s] for s in interests if s in known],
                        [],
                    )
                )
                student_profiles.append(
                    StudentProfile(
                        mobility=list(rng.choice(data.MOBILITY)),
                        availability=rng.choice(data.AVAILABILITY),
                    )
                )
            _write_people(ctx, rows, [(Role.STUDENT,)] * len(rows), student_profiles)
            for user, *_rest in rows:
                students.append(user.pk)
                ctx.student_programme[user.pk] = user.study_programme_id
        ctx.students.append(students)
        ctx.count("students", len(students))


def personas_generate(ctx: Context) -> None:
    """The load test's logins: existing generated accounts get the documented e-mail address and
    password (a student of each round, a town administration's admin, a company's admin, a
    supervisor, a researcher) and a new coordinator; each with a verified e-mail address.
    The student personas are the first ten of the round in its application phase."""
    password = ctx.persona_password = make_password(data.PERSONA_PASSWORD)
    coordinator = User.objects.create(
        email="koordination@bench.example",
        name="Kora Koordination",
        password=password,
    )
    coordinator.grant_role(Role.COORDINATOR)
    ctx.coordinators.append(coordinator.pk)
    chosen: dict[str, int] = {"koordination@bench.example": coordinator.pk}

    def admin_of(kind: str) -> int:
        for pk, (_name, org_kind, _theme, _town) in ctx.organisations.items():
            if org_kind == kind and ctx.members.get(pk):
                return ctx.members[pk][0]
        raise LookupError(kind)

    chosen["stadt@bench.example"] = admin_of(Kind.TOWN)
    chosen["firma@bench.example"] = admin_of(Kind.COMPANY)
    chosen["betreuung@bench.example"] = ctx.supervisors[0]
    chosen["forschung@bench.example"] = ctx.researchers[0]
    phases = round_phases(ctx.size.rounds)
    applying = phases.index(Phase.APPLICATIONS) if Phase.APPLICATIONS in phases else -1
    for number, pk in enumerate(ctx.students[applying][: data.PERSONA_STUDENTS], start=1):
        chosen[f"student{number}@bench.example"] = pk
    for email, pk in chosen.items():
        _persona_make(pk, email, password)
    ctx.personas = chosen


def team_persona_generate(ctx: Context) -> None:
    """The persona in a team: a student placed in a project of the round at work."""
    if ctx.team_member is not None:
        _persona_make(ctx.team_member, data.TEAM_PERSONA, ctx.persona_password)
        ctx.personas[data.TEAM_PERSONA] = ctx.team_member


def _persona_make(pk: int, email: str, password: str) -> None:
    User.objects.filter(pk=pk).update(email=email, password=password)
    EmailAddress.objects.create(user_id=pk, email=email, verified=True, primary=True)
