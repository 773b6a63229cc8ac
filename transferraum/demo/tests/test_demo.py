from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from transferraum.accounts.models import StudyProgramme, User, UserRole
from transferraum.actors.models import (
    Competence,
    Listing,
    Membership,
    Organisation,
    PersonProfile,
)
from transferraum.actors.vocabulary import starter_terms
from transferraum.challenges.catalogue import TOPIC_FIELDS, TRANSFER_FORMATS
from transferraum.challenges.models import Challenge, Comment, Follow
from transferraum.challenges.services import (
    challenge_submit,
)
from transferraum.core.models import Activity
from transferraum.core.search import search_q
from transferraum.demo.services import (
    CHALLENGES,
    COORDINATOR,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    DEMO_TODAY,
    EILENBURG,
    MEMBERSHIPS,
    ORGANISATIONS,
    PEOPLE,
    PERSONA_STUDENTS,
    PROGRAMME_COMPETENCES,
    STUDENT_INTERESTS,
    ZEITZ,
    DemoReport,
    Status,
    challenge_steps,
    demo_load,
    demo_location,
    demo_students,
)


@pytest.fixture
def demo(db) -> DemoReport:
    return demo_load()


def _membership_role(email: str, organisation: str) -> str:
    return Membership.objects.get(user__email=email, organisation__name=organisation).role


def test_demo_has_ten_or_more_companies_and_associations_in_the_partner_towns(demo):
    local = Organisation.objects.filter(
        kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.CIVIL_SOCIETY],
        municipality__ags__in=[EILENBURG, ZEITZ],
    )
    assert local.count() >= 10
    assert local.filter(municipality__ags=EILENBURG).exists()
    assert local.filter(municipality__ags=ZEITZ).exists()
    assert not local.filter(short_description="").exists()
    for organisation in local:
        assert organisation.memberships.filter(role=Membership.Role.ADMIN).exists(), organisation


def test_demo_has_both_town_administrations_with_staff(demo):
    eilenburg = Organisation.objects.get(name="Stadtverwaltung Eilenburg")
    zeitz = Organisation.objects.get(name="Stadtverwaltung Zeitz")
    assert (eilenburg.kind, eilenburg.municipality.ags) == (Organisation.Kind.TOWN, EILENBURG)
    assert (zeitz.kind, zeitz.municipality.ags) == (Organisation.Kind.TOWN, ZEITZ)
    assert eilenburg.memberships.count() >= 2
    assert zeitz.memberships.count() >= 2
    assert _membership_role("wirtschaft@eilenburg.example", eilenburg.name) == "admin"
    assert _membership_role("stadtplanung@zeitz.example", zeitz.name) == "admin"


def test_demo_has_university_units_in_leipzig(demo):
    units = Organisation.objects.filter(kind=Organisation.Kind.UNIVERSITY_UNIT)
    assert units.count() >= 5
    assert set(units.values_list("municipality__name", flat=True)) == {"Leipzig"}


def test_demo_has_sixty_or_more_students_in_four_or_more_programmes(demo):
    students = User.objects.with_role(User.Role.STUDENT)
    assert students.count() >= 60
    assert students.values("study_programme").distinct().count() >= 4
    assert not students.filter(study_programme__isnull=True).exists()
    semesters = set(students.values_list("semester", flat=True))
    assert semesters <= set(range(1, 11))
    assert StudyProgramme.objects.count() >= 8


def test_demo_has_coordinators_supervisors_researchers_and_a_founder(demo):
    def count(role: str) -> int:
        return User.objects.with_role(role).count()

    assert count(User.Role.COORDINATOR) == 2
    assert count(User.Role.SUPERVISOR) >= 6
    assert count(User.Role.RESEARCHER) >= 1
    assert count(User.Role.FOUNDER) >= 1
    transfer = Organisation.objects.get(name="Universität Leipzig – Transferstelle")
    assert set(transfer.memberships.values_list("user__role_rows__role", flat=True)) == {
        "coordinator"
    }
    seidel = User.objects.get(email="nadine.seidel@uni-leipzig.example")
    assert seidel.roles == {User.Role.SUPERVISOR, User.Role.RESEARCHER}  # several roles


def test_personas_have_their_roles_and_memberships(demo):
    vogel = User.objects.get(email="koordination@uni-leipzig.example")
    assert (vogel.name, vogel.roles) == ("Dr. Katrin Vogel", {User.Role.COORDINATOR})
    assert vogel.is_staff and vogel.is_superuser
    assert User.objects.get(email="wirtschaft@eilenburg.example").name == "Thomas Berger"
    werkstaetten = Organisation.objects.get(name="Zeitzer Werkstätten GmbH")
    assert werkstaetten.municipality.ags == ZEITZ
    assert _membership_role("inhaberin@zeitzer-werkstaetten.example", werkstaetten.name) == "admin"
    assert User.objects.get(email="betreuung@uni-leipzig.example").roles == {User.Role.SUPERVISOR}
    lena = User.objects.get(email="lena.schubert@studserv.uni-leipzig.example")
    jonas = User.objects.get(email="jonas.weber@studserv.uni-leipzig.example")
    assert lena.study_programme.name == "Geographie"
    assert jonas.study_programme.name == "Informatik"
    assert User.objects.get(email="begleitforschung@uni-leipzig.example").roles == {"researcher"}
    assert User.objects.get(email="gruenderin@startup-eilenburg.example").roles == {"founder"}


def test_every_account_uses_an_example_domain_and_german(demo):
    emails = list(User.objects.values_list("email", flat=True))
    assert all(email.rsplit("@", 1)[1].endswith(".example") for email in emails)
    assert set(User.objects.values_list("language", flat=True)) == {"de"}
    verified = EmailAddress.objects.filter(verified=True, primary=True)
    assert verified.count() == len(emails)


def test_every_demo_login_works(demo, client):
    for email, _role in DEMO_LOGINS:
        assert client.login(email=email, password=DEMO_PASSWORD), email
        client.logout()


def test_demo_login_through_the_login_form_passes_mandatory_verification(demo, client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    response = client.post(
        reverse("account_login"),
        {"login": "stadtplanung@zeitz.example", "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    # town staff have the demo's authenticator app (transferraum/demo/tests/test_demo_mfa.py)
    assert response.url == reverse("mfa_authenticate")


def test_second_run_creates_and_changes_nothing(demo):
    def snapshot() -> dict[str, object]:
        return {
            "users": sorted(User.objects.values_list("email", "name", "password")),
            "roles": sorted(UserRole.objects.values_list("user__email", "role")),
            "organisations": sorted(Organisation.objects.values_list("name", "slug", "kind")),
            "memberships": Membership.objects.count(),
            "addresses": EmailAddress.objects.count(),
            "programmes": StudyProgramme.objects.count(),
            "activities": Activity.objects.count(),
            "listings": Listing.objects.count(),
            "profiles": sorted(
                PersonProfile.objects.values_list("user__email", "bio", "languages", "visibility")
            ),
            "competences": Competence.objects.count(),
            "organisation_competences": Organisation.competences.through.objects.count(),
            "profile_competences": PersonProfile.competences.through.objects.count(),
            "profile_interests": PersonProfile.interests.through.objects.count(),
            "places": sorted(
                Organisation.objects.values_list("name", "street", "postcode", "lat", "lon")
            ),
            "contacts": Membership.objects.filter(is_contact=True).count(),
        }

    before = snapshot()
    second = demo_load()
    assert second.created == 0
    assert demo.created > 0
    assert (second.organisations, second.people, second.students) == (
        demo.organisations,
        demo.people,
        demo.students,
    )
    assert snapshot() == before


def test_same_seed_gives_the_same_students(demo):
    expected = {s.name for s in [*PERSONA_STUDENTS, *demo_students(2026)]}
    stored = set(User.objects.with_role(User.Role.STUDENT).values_list("name", flat=True))
    assert stored == expected
    assert demo_students(2026) == demo_students(2026)
    assert demo_students(2026) != demo_students(7)


def test_generated_student_emails_are_unique_ascii_and_avoid_the_personas():
    students = demo_students(2026)
    emails = [s.email for s in students] + [s.email for s in PERSONA_STUDENTS]
    assert len(emails) == len(set(emails))
    assert all(email.isascii() for email in emails)
    assert all(email.endswith("@studserv.uni-leipzig.example") for email in emails)


def test_command_refuses_to_run_with_debug_off_unless_forced(db, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("demo", stdout=StringIO())
    assert not User.objects.exists()


def test_command_prints_the_summary_and_the_logins(db, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert "students" in text
    assert "offers and needs" in text
    assert DEMO_PASSWORD in text
    for email, _role in DEMO_LOGINS:
        assert email in text


# --- Profiles, offers and needs, the network ---------------------------------------------------


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat2 - lat1) * 111.32
    dx = (lon2 - lon1) * 111.32 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


def test_every_demo_slug_is_in_the_starter_vocabulary():
    slugs = {term.slug for term, _parent in starter_terms()}
    used = {slug for spec in ORGANISATIONS for slug in spec.competences}
    used |= {slug for person in PEOPLE for slug in (*person.competences, *person.interests)}
    used |= {slug for terms in PROGRAMME_COMPETENCES.values() for slug in terms}
    used |= set(STUDENT_INTERESTS)
    used |= {slug for s in PERSONA_STUDENTS for slug in (*s.competences, *s.interests)}

    assert used <= slugs, used - slugs


def test_every_demo_organisation_has_an_address_a_place_on_the_map_offers_needs_and_competences(
    demo,
):
    organisations = Organisation.objects.select_related("municipality").prefetch_related(
        "listings", "competences"
    )
    assert len(organisations) == len(ORGANISATIONS)
    for organisation in organisations:
        assert organisation.street and organisation.municipality, organisation
        assert len(organisation.postcode) == 5 and organisation.postcode.isdigit(), organisation
        assert organisation.description and organisation.size_class, organisation
        assert organisation.lat is not None and organisation.lon is not None, organisation
        centre = organisation.municipality
        distance = _distance_km(
            float(centre.lat), float(centre.lon), float(organisation.lat), float(organisation.lon)
        )
        assert distance <= 1.5, organisation
        directions = {listing.direction for listing in organisation.listings.all()}
        assert directions == {Listing.Direction.OFFER, Listing.Direction.NEED}, organisation
        assert organisation.competences.exists(), organisation


def test_postcodes_fit_the_towns_and_companies_have_a_sector(demo):
    postcodes = dict(Organisation.objects.values_list("name", "postcode"))
    assert postcodes["Stadtverwaltung Eilenburg"] == "04838"
    assert postcodes["Zeitzer Werkstätten GmbH"] == "06712"
    companies = Organisation.objects.filter(
        kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.STARTUP]
    )
    assert companies.exists()
    assert not companies.filter(sector="").exists()


def test_locations_are_spread_and_the_same_for_the_same_seed(demo):
    places = set(Organisation.objects.values_list("lat", "lon"))
    assert len(places) == len(ORGANISATIONS)
    zeitz = Organisation.objects.get(name="Stadtverwaltung Zeitz")
    assert demo_location(zeitz.municipality, zeitz.name) == (zeitz.lat, zeitz.lon)
    assert demo_location(zeitz.municipality, zeitz.name, seed=7) != (zeitz.lat, zeitz.lon)


def test_several_offers_meet_needs_of_other_organisations(demo):
    offers = set(
        Listing.objects.filter(direction=Listing.Direction.OFFER).values_list(
            "organisation_id", "category"
        )
    )
    needs = set(
        Listing.objects.filter(direction=Listing.Direction.NEED).values_list(
            "organisation_id", "category"
        )
    )
    same_category = {
        (offerer, seeker)
        for offerer, offered in offers
        for seeker, needed in needs
        if offerer != seeker and offered == needed
    }
    trainees_for_staff = {
        (offerer, seeker)
        for offerer, offered in offers
        for seeker, needed in needs
        if offerer != seeker
        and needed == "skilled_staff"
        and offered in {"internships", "theses", "practice_projects"}
    }
    assert len(same_category) >= 3
    assert len(trainees_for_staff) >= 3


def test_administrators_are_contact_persons(demo):
    admins = Membership.objects.filter(role=Membership.Role.ADMIN)
    assert admins.count() >= len(ORGANISATIONS)
    assert not admins.filter(is_contact=False).exists()


def test_people_belong_to_several_organisations(demo):
    counts = Counter(Membership.objects.values_list("user__email", flat=True))
    several = [email for email, count in counts.items() if count >= 2]
    assert len(several) >= 8
    reinhardt = set(
        Membership.objects.filter(user__email="praxisprojekte@uni-leipzig.example").values_list(
            "organisation__name", flat=True
        )
    )
    assert {"Stadtverwaltung Eilenburg", "Stadtverwaltung Zeitz"} <= reinhardt
    assert len(MEMBERSHIPS) >= 10


def test_every_person_has_a_profile_with_competences_and_languages(demo):
    users = User.objects.all()
    assert PersonProfile.objects.count() == users.count()
    for profile in PersonProfile.objects.select_related("user").prefetch_related(
        "competences", "interests"
    ):
        assert profile.languages, profile
        assert profile.competences.exists(), profile
        if profile.user.roles == {User.Role.STUDENT}:
            assert 2 <= profile.competences.count() <= 4, profile
            assert 1 <= profile.interests.count() <= 3, profile
        else:
            assert profile.bio, profile


def test_students_competences_fit_their_programme(demo):
    lena = PersonProfile.objects.get(user__email="lena.schubert@studserv.uni-leipzig.example")
    assert lena.competences.filter(slug="geoinformatik").exists()
    for profile in PersonProfile.objects.filter(
        user__role_rows__role=User.Role.STUDENT, user__study_programme__name="Geographie"
    ):
        assert profile.competences.filter(slug="geoinformatik").exists(), profile


def test_visibility_shows_personas_to_members_and_a_third_of_students_publicly(demo):
    personas = PersonProfile.objects.filter(user__email__in=[email for email, _ in DEMO_LOGINS])
    assert set(personas.values_list("visibility", flat=True)) == {"members"}
    students = PersonProfile.objects.filter(user__role_rows__role=User.Role.STUDENT)
    public = students.filter(visibility=PersonProfile.Visibility.PUBLIC).count()
    assert 0.25 <= public / students.count() <= 0.4
    assert PersonProfile.objects.filter(visibility="coordinators").count() >= 3


def test_search_finds_demo_organisations_and_people(demo):
    eilenburg = Organisation.objects.filter(search_q("eilenburger verwaltung"))
    assert "Stadtverwaltung Eilenburg" in set(eilenburg.values_list("name", flat=True))
    geoinformatik = Competence.objects.get(slug="geoinformatik")
    organisations = Organisation.objects.filter(search_q("GIS"), competences=geoinformatik)
    people = PersonProfile.objects.filter(search_q("GIS"), competences=geoinformatik)
    assert organisations.exists()
    assert people.filter(user__email="lena.schubert@studserv.uni-leipzig.example").exists()
    assert Organisation.objects.filter(search_q("Kartografie")).exists()


def test_what_people_filled_in_themselves_stays(demo):
    lena = PersonProfile.objects.get(user__email="lena.schubert@studserv.uni-leipzig.example")
    lena.bio, lena.visibility = "Mein eigener Text.", PersonProfile.Visibility.PUBLIC
    lena.save()
    lena.competences.set([Competence.objects.get(slug="tourismus")])
    werkstaetten = Organisation.objects.get(name="Zeitzer Werkstätten GmbH")
    werkstaetten.description, werkstaetten.street = "Unsere eigene Beschreibung.", ""
    werkstaetten.save()
    werkstaetten.listings.filter(direction=Listing.Direction.NEED).delete()

    assert demo_load().created == 0

    lena.refresh_from_db()
    werkstaetten.refresh_from_db()
    assert (lena.bio, lena.visibility) == ("Mein eigener Text.", "public")
    assert list(lena.competences.values_list("slug", flat=True)) == ["tourismus"]
    assert werkstaetten.description == "Unsere eigene Beschreibung."
    assert werkstaetten.street == "Naumburger Straße 48"
    assert not werkstaetten.listings.filter(direction=Listing.Direction.NEED).exists()


# --- Challenges --------------------------------------------------------------------------------

BOARD = Challenge.BOARD_STATUSES


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


def test_challenge_table_is_consistent():
    topic_slugs = {topic.slug for topic in TOPIC_FIELDS}
    format_slugs = {transfer_format.slug for transfer_format in TRANSFER_FORMATS}
    offers = set(Challenge.PartnerOffer.values)
    organisations = {spec.name for spec in ORGANISATIONS}
    keys = [(spec.organisation, spec.title) for spec in CHALLENGES]
    assert 28 <= len(CHALLENGES) <= 32
    assert len(keys) == len(set(keys))
    for spec in CHALLENGES:
        assert spec.organisation in organisations, spec.title
        assert 1 <= len(spec.topics) <= 3 and set(spec.topics) <= topic_slugs, spec.title
        assert set(spec.formats) <= format_slugs, spec.title
        assert spec.format_wish in format_slugs | {""}, spec.title
        assert set(spec.offers) <= offers, spec.title
        assert 3 <= _sentences(spec.problem) <= 6, spec.title
        assert (spec.confidentiality == "public") == (not spec.public_summary), spec.title
        if spec.status in (Status.CHANGES_REQUESTED, Status.REJECTED, Status.WITHDRAWN):
            assert spec.note, spec.title
        if spec.status == Status.WITHDRAWN:
            assert spec.withdrawn_from, spec.title
        steps = challenge_steps(spec)
        assert ("assign" in steps) == bool(spec.formats), spec.title
        if spec.start is not None and spec.deadline is not None:
            assert spec.start <= spec.deadline, spec.title


def test_demo_has_challenges_in_every_status(demo):
    from transferraum.demo.rounds import ROUND_CHALLENGES

    assert demo.challenges == len(CHALLENGES) + len(ROUND_CHALLENGES)
    assert Challenge.objects.count() == demo.challenges
    assert Challenge.objects.count() >= 25
    statuses = Counter(Challenge.objects.values_list("status", flat=True))
    assert set(statuses) == set(Challenge.Status.values)
    assert min(statuses.values()) >= 2, statuses
    assert statuses[Challenge.Status.PUBLISHED] >= 8


def test_challenges_come_from_eilenburg_and_zeitz(demo):
    local = Challenge.objects.filter(
        Q(organisation__municipality__ags__in=[EILENBURG, ZEITZ])
        | Q(municipality__ags__in=[EILENBURG, ZEITZ])
    )
    assert local.count() >= 25
    assert local.filter(organisation__kind=Organisation.Kind.TOWN).count() >= 6
    assert local.filter(organisation__kind=Organisation.Kind.COMPANY).count() >= 6
    assert local.filter(organisation__kind=Organisation.Kind.CIVIL_SOCIETY).count() >= 4


def test_every_challenge_is_complete_and_its_contact_is_a_member(demo):
    for challenge in Challenge.objects.select_related("created_by", "contact_person"):
        assert challenge.title and challenge.problem and challenge.municipality_id, challenge
        assert 1 <= challenge.topics.count() <= 3, challenge
        for person in (challenge.created_by, challenge.contact_person):
            assert Membership.objects.filter(
                user=person, organisation_id=challenge.organisation_id
            ).exists(), challenge
        if challenge.status != Challenge.Status.DRAFT:
            assert challenge.submitted_at is not None, challenge
            assert challenge.earliest_start and challenge.deadline, challenge
            assert challenge.desired_result, challenge


def test_dates_count_from_the_demo_day_not_from_today(demo):
    def dates(status: str) -> list[tuple[date, date]]:
        return list(
            Challenge.objects.filter(status=status).values_list("earliest_start", "deadline")
        )

    assert all(deadline < DEMO_TODAY for _start, deadline in dates(Status.COMPLETED))
    assert all(start <= DEMO_TODAY < deadline for start, deadline in dates(Status.IN_PROGRESS))
    assert all(start > DEMO_TODAY for start, _deadline in dates(Status.PUBLISHED))
    kanu = Challenge.objects.get(title__startswith="Das Bootshaus an der Elster")
    assert (kanu.earliest_start, kanu.deadline) == (date(2027, 2, 22), date(2027, 8, 21))


def test_confidential_challenges_have_a_public_summary_and_stay_out_of_search(demo):
    summary = Challenge.objects.filter(confidentiality=Challenge.Confidentiality.SUMMARY)
    confidential = Challenge.objects.filter(confidentiality=Challenge.Confidentiality.CONFIDENTIAL)
    assert summary.count() >= 4 and confidential.count() >= 3
    assert not summary.filter(public_summary="").exists()
    assert not confidential.filter(public_summary="").exists()
    assert Challenge.objects.filter(nda_required=True).count() >= 3
    assert Challenge.objects.filter(format_wish__isnull=False).count() >= 5
    # "Magnettafel" is only in the confidential text of the Zeitzer Werkstätten.
    assert not Challenge.objects.filter(search_q("Magnettafel")).exists()
    assert Challenge.objects.filter(search_q("Produktionsplanung")).exists()


def test_rejected_challenges_have_reasons(demo):
    rejected = Challenge.objects.filter(status=Challenge.Status.REJECTED)
    assert rejected.count() >= 2
    for challenge in rejected:
        assert len(challenge.rejection_reason) > 80, challenge
        assert Activity.objects.for_object(challenge).filter(verb="challenge.reject").exists()


def test_published_and_later_have_formats_and_a_coordinator(demo):
    later = Challenge.objects.filter(
        status__in=[*BOARD, Challenge.Status.ACCEPTED]
    ).prefetch_related("formats")
    assert later.count() >= 14
    coordinators = set()
    for challenge in later:
        assert challenge.formats.exists(), challenge
        assert challenge.coordinator is not None and challenge.coordinator.is_coordinator
        coordinators.add(challenge.coordinator.email)
    assert len(coordinators) == 2
    assert not Challenge.objects.filter(status__in=BOARD, published_at__isnull=True).exists()


def test_changes_requested_have_a_change_request_comment(demo):
    sent_back = Challenge.objects.filter(status=Challenge.Status.CHANGES_REQUESTED)
    assert sent_back.count() >= 2
    for challenge in sent_back:
        request = challenge.comments.get(is_change_request=True)
        assert request.author.email == COORDINATOR and request.visible_to_submitter
    revised = Challenge.objects.get(title__startswith="Zurück nach Eilenburg")
    assert revised.status == Challenge.Status.PUBLISHED
    assert revised.comments.filter(is_change_request=True).count() == 1
    assert revised.desired_result


def test_review_steps_are_in_the_activity_log_with_their_actors(demo):
    challenge = Challenge.objects.get(title="Leerstandskataster für die Eilenburger Innenstadt")
    entries = list(
        Activity.objects.for_object(challenge).order_by("pk").values_list("verb", "actor__email")
    )
    author, coordinator = "stadtplanung@eilenburg.example", COORDINATOR
    assert entries == [
        ("challenge.created", author),
        ("challenge.submit", author),
        ("challenge.start_review", coordinator),
        ("challenge.accept", coordinator),
        ("challenge.formats_assigned", coordinator),
        ("challenge.publish", coordinator),
        ("challenge.start", coordinator),
        ("challenge.complete", coordinator),
    ]
    withdrawn = Challenge.objects.filter(status=Challenge.Status.WITHDRAWN)
    for challenge in withdrawn:
        entry = Activity.objects.for_object(challenge).get(verb="challenge.withdraw")
        assert entry.actor == challenge.created_by and entry.data["note"]


def test_coordinators_comment_and_keep_one_note_internal(demo):
    by_coordinator = Comment.objects.filter(author__email=COORDINATOR, is_change_request=False)
    assert by_coordinator.count() >= 4
    internal = Comment.objects.get(visible_to_submitter=False)
    assert internal.author.email == COORDINATOR
    assert internal.challenge.status == Challenge.Status.IN_REVIEW


def test_students_follow_challenges_on_the_board(demo):
    follows = Follow.objects.select_related("user", "challenge")
    assert follows.count() >= 20
    assert {role for follow in follows for role in follow.user.roles} == {User.Role.STUDENT}
    assert {follow.challenge.status for follow in follows} <= set(BOARD)
    lena = set(
        follows.filter(user__email="lena.schubert@studserv.uni-leipzig.example").values_list(
            "challenge__title", flat=True
        )
    )
    assert "Zwischennutzung für leere Läden am Altmarkt" in lena
    for challenge in Challenge.objects.filter(status__in=BOARD):
        assert challenge.follows.exists(), challenge


def test_board_challenges_are_found_by_search(demo):
    board = Challenge.objects.on_board()
    assert not board.filter(search_text="").exists()
    assert board.filter(search_q("Leerstand")).count() >= 2
    assert board.filter(search_q("Radweg")).exists()
    assert board.filter(search_q("Eilenburg Mobilität")).exists()


def test_second_run_creates_no_challenge_comment_follow_or_activity(demo):
    def snapshot() -> dict[str, object]:
        return {
            "challenges": sorted(
                Challenge.objects.values_list("organisation__name", "title", "status")
            ),
            "formats": Challenge.formats.through.objects.count(),
            "topics": Challenge.topics.through.objects.count(),
            "comments": Comment.objects.count(),
            "follows": Follow.objects.count(),
            "activities": Activity.objects.count(),
        }

    before = snapshot()
    assert demo_load().created == 0
    assert snapshot() == before


def test_a_challenge_changed_since_stays_as_it_is(demo):
    draft = Challenge.objects.get(title="Coworking im ehemaligen Kaufhaus?")
    draft.problem = "Unser eigener Text."
    draft.save()

    assert demo_load().created == 0

    draft.refresh_from_db()
    assert draft.problem == "Unser eigener Text."


def test_demo_sends_no_mail(db, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        demo_load()
    assert mailoutbox == []

    # Without the demo's guard the same services do mail: the check above is not vacuous.
    draft = Challenge.objects.get(title="Einzelstücke online verkaufen")
    with django_capture_on_commit_callbacks(execute=True):
        challenge_submit(actor=draft.created_by, challenge=draft)
    assert [message.to for message in mailoutbox] == [["werkstatt@zeitzer-werkstaetten.example"]]


def test_demo_queues_no_task_with_the_database_backend(
    db, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        demo_load()
    assert not DBTaskResult.objects.exists()


def test_command_sends_no_mail_and_names_the_challenges(
    db, settings, django_capture_on_commit_callbacks, mailoutbox
):
    settings.DEBUG = True
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=out)
    from transferraum.demo.rounds import ROUND_CHALLENGES

    assert f"{len(CHALLENGES) + len(ROUND_CHALLENGES)} challenges" in out.getvalue()
    assert "Practice projects: 2 rounds" in out.getvalue()
    assert mailoutbox == []
