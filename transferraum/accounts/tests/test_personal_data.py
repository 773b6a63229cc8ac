"""A person's data: the export holds every registered kind, the erasure leaves nothing of the
person findable in the whole database or the storage, and keeps what others need."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from PIL import Image

from transferraum.accounts.models import DataExport, User
from transferraum.accounts.personal_data import (
    account_erase,
    data_export_build,
    data_export_request,
)
from transferraum.accounts.tests.factories import PASSWORD, RoleRequestFactory, UserFactory
from transferraum.actors.models import (
    Competence,
    Invitation,
    Membership,
    MembershipRequest,
    PersonProfile,
)
from transferraum.actors.services import (
    invitation_accept,
    invitation_create,
    membership_request_submit,
    profile_for,
    profile_update,
)
from transferraum.actors.tests.factories import (
    CompetenceFactory,
    MembershipFactory,
    OrganisationFactory,
)
from transferraum.challenges.models import Attachment, Challenge, Comment, Follow
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.errors import DomainError
from transferraum.core.models import AccessEntry, Activity, FormSubmission
from transferraum.core.privacy import registered
from transferraum.core.services import activity_record
from transferraum.notifications.models import Notification, Preference
from transferraum.projects.models import (
    AllocationRun,
    Assignment,
    Counterfactual,
    Document,
    DocumentVersion,
    Feedback,
    Meeting,
    Post,
    Project,
    Round,
    StudentProfile,
)
from transferraum.projects.tests.factories import (
    MilestoneFactory,
    ProjectFactory,
    RoundFactory,
    SupervisorCapacityFactory,
    application_for,
    place,
)
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
)

NAME = "Quirina Zabelwitz"
EMAIL = "quirina.zabelwitz@studserv.uni-leipzig.example"


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#0b3a5d").save(buffer, format="PNG")
    return SimpleUploadedFile("quirina-zabelwitz.png", buffer.getvalue(), content_type="image/png")


def _place_use(person: User, staff: User) -> None:
    """The person belongs to a place, passed its training and booked its desk."""
    from transferraum.places.models import Booking, PlaceMember, Qualification  # noqa: PLC0415
    from transferraum.places.tests.factories import (  # noqa: PLC0415
        ResourceFactory,
        TrainingFactory,
    )

    desk = ResourceFactory()
    PlaceMember.objects.create(place=desk.place, user=person)
    Qualification.objects.create(
        training=TrainingFactory(place=desk.place),
        user=person,
        passed_on=timezone.localdate(),
        recorded_by=staff,
    )
    start = timezone.now() + dt.timedelta(days=1)
    Booking.objects.create(
        resource=desk,
        user=person,
        booked_by=person,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        minutes=60,
        status=Booking.Status.CONFIRMED,
        note=f"Für {NAME}",
    )


def _ventures(person: User) -> None:
    """A venture the person founds (ticks, evidence, a gate, an application) and one they
    mentor."""
    from transferraum.ventures.models import (  # noqa: PLC0415
        Application,
        ChecklistTick,
        Evidence,
        StageChange,
        SupportProgramme,
    )
    from transferraum.ventures.tests.factories import (  # noqa: PLC0415
        mentor_make,
        venture_make,
    )

    venture = venture_make(person, idea=f"Eine Idee von {NAME}")
    ChecklistTick.objects.create(venture=venture, gate="team", item="two_people", ticked_by=person)
    Evidence.objects.create(venture=venture, gate="team", text=f"Von {NAME}", added_by=person)
    StageChange.objects.create(venture=venture, from_stage="idea", to_stage="team", actor=person)
    programme = SupportProgramme.objects.create(slug="fonds", name="Fonds", provider="Stadt")
    Application.objects.create(
        venture=venture, programme=programme, submitted_on=timezone.localdate(), created_by=person
    )
    mentor_make(venture_make(), person)


def _research_participation(person: User, round: Round) -> None:
    """The person consents to a study, is invited with her round and answers its first page."""
    from django.http import QueryDict  # noqa: PLC0415

    from transferraum.research.models import Invitation  # noqa: PLC0415
    from transferraum.research.services import answering, studies  # noqa: PLC0415
    from transferraum.research.tests.factories import (  # noqa: PLC0415
        study_make,
        survey_make,
        wave_make,
    )

    researcher = UserFactory(role=User.Role.RESEARCHER)
    study = study_make(researcher)
    wave = wave_make(researcher, study, survey_make(researcher, study), round=round)
    studies.wave_open(actor=researcher, wave=wave)
    studies.consent_give(
        person=person, study=study, consent_version=studies.newest_consent_version(study)
    )
    invitation = Invitation.objects.get(wave=wave, person=person)
    response = answering.response_start(invitation=invitation)
    answering.response_page_save(
        invitation=invitation,
        response=response,
        page=wave.survey_version.pages.get(position=1),
        data=QueryDict("q-bindung=4&q-tage=12"),
    )


def _opportunities_of(person, organisation):
    """An item she wrote, her application with a CV, a saved search and what it sent, a
    verification and a town contact she keeps."""
    from transferraum.opportunities.models import SentItem
    from transferraum.opportunities.tests.factories import (
        ApplicationFactory,
        OpportunityFactory,
        SavedSearchFactory,
        TownContactFactory,
        VerifiedOrganisationFactory,
    )

    VerifiedOrganisationFactory(organisation=organisation, verified_by=person)
    written = OpportunityFactory(organisation=organisation, created_by=person)
    other = OpportunityFactory()
    ApplicationFactory(
        opportunity=other,
        applicant=person,
        cover_note=f"Ich bin {NAME}.",
        cv=SimpleUploadedFile("cv.pdf", b"%PDF-1.4"),
    )
    SavedSearchFactory(user=person, name="Praktika")
    SentItem.objects.create(user=person, opportunity=written)
    TownContactFactory(updated_by=person)


def _talent_participation(person, officer, town, owner, company) -> None:
    """A trial stay with its follow-up, a talent-pool profile with an exclusion and an answered
    contact, and a relocation journey with a follow-up."""
    from transferraum.talent.models import Step, TrialStay
    from transferraum.talent.services import journeys, pool, trial
    from transferraum.talent.tests.factories import call_make, consent_text

    journeys.journey_consent_give(
        person=person, consent_text=consent_text(), town=town.municipality
    )
    call = call_make(officer, town)
    application = trial.application_submit(person=person, call=call, motivation=f"Ich, {NAME}.")
    trial.application_accept(actor=officer, application=application)
    TrialStay.objects.filter(application=application).update(
        starts_on=timezone.localdate() - timedelta(days=30), ends_on=timezone.localdate()
    )
    trial.stay_follow_up(actor=officer, stay=application.stay, text=f"{NAME} bleibt.")
    profile = pool.talent_profile_save(
        person=person, headline=f"{NAME}, Geographie", looking_for="Praktikum", visible=True
    )
    pool.talent_exclusion_add(person=person, organisation=town)
    contact = pool.contact_send(actor=owner, organisation=company, profile=profile, message="Hallo")
    pool.contact_answer(person=person, contact=contact, answer=f"Gern, {NAME}")
    journeys.journey_step_record(
        person, Step.MOVED, town=town.municipality, on=timezone.localdate() - timedelta(days=400)
    )
    journeys.follow_ups_run()


@pytest.fixture
def everywhere(db, coordinator, officer_eilenburg, town_eilenburg, company_zeitz, owner_zeitz):
    """A student with data in every app: account, requests, profile with photo, memberships,
    an accepted invitation, notifications (hers and others' naming her), challenges, a finished
    team and a running one, posts, meetings, recommendations and the activity log."""
    invitation = invitation_create(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        email=EMAIL,
        name=NAME,
        role=Membership.Role.MEMBER,
        position="Praktikantin",
    )
    invitation_accept(invitation=invitation, name=NAME, password=PASSWORD)
    person = User.objects.get(email=EMAIL)
    person.grant_role(User.Role.STUDENT)
    RoleRequestFactory(user=person, note=f"Ich bin {NAME}.")
    membership_request_submit(actor=person, organisation=company_zeitz, note="Gern!")
    profile = profile_for(person)
    profile_update(
        actor=person,
        profile=profile,
        bio="Ich kartiere Leerstand.",
        languages="Deutsch",
        visibility=PersonProfile.Visibility.MEMBERS,
        competences=[],
        interests=[],
        photo=png(),
    )
    Preference.objects.create(user=person, kind="role_request.decided", delivery="digest")
    Notification.objects.create(recipient=person, kind="x", title="Willkommen")
    Notification.objects.create(
        recipient=coordinator, kind="x", title=f"{NAME} möchte mitmachen", text=EMAIL
    )
    challenge = ChallengeFactory(organisation=town_eilenburg, contact_person=person)
    Comment.objects.create(challenge=challenge, author=person, text="Passt.")
    Follow.objects.create(challenge=challenge, user=person)
    Attachment.objects.create(
        challenge=challenge,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4"),
        name="plan.pdf",
        kind="pdf",
        size=8,
        uploaded_by=person,
    )
    finished = ProjectFactory(
        round=RoundFactory(phase=Round.Phase.CLOSED, created_by=person),
        status=Project.Status.COMPLETED,
    )
    kept_place = place(person, finished)
    running = ProjectFactory()
    application_for(person, [running])
    place(person, running)
    SupervisorCapacityFactory(supervisor=person)
    running.partner_contacts.add(person)
    StudentProfile.objects.create(user=person, availability="dienstags")
    run = AllocationRun.objects.create(
        round=running.round, number=1, objective=running.round.objective, started_by=person
    )
    Counterfactual.objects.create(run=run, student=person, project=running)
    MilestoneFactory(project=finished, created_by=person)
    document = Document.objects.create(project=finished, title="Bericht", created_by=person)
    DocumentVersion.objects.create(
        document=document,
        number=1,
        file=SimpleUploadedFile("bericht.pdf", b"%PDF-1.4"),
        name="bericht.pdf",
        kind="pdf",
        size=8,
        uploaded_by=person,
    )
    Feedback.objects.create(
        project=finished,
        stage=Feedback.Stage.FINAL,
        author=person,
        usefulness=4,
        collaboration=5,
        what_next="Weiter so.",
    )
    CompetenceFactory(suggested_by=person, status=Competence.Status.SUGGESTED)
    EmailConfirmation.create(EmailAddress.objects.get(user=person))
    SocialAccount.objects.create(
        user=person, provider="uni-leipzig", uid="pw-4711@uni-leipzig.de", extra_data={}
    )
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "x"})
    UserSession.objects.create(
        user=person, ip="192.0.2.7", session_key="s" * 32, user_agent="Firefox", data={}
    )
    AccessEntry.objects.create(
        person=person,
        viewer=officer_eilenburg,
        place="directory-people",
        day=timezone.localdate(),
        seen_at=timezone.now(),
    )
    Post.objects.create(project=finished, author=person, text=f"Grüße, eure {NAME.split()[0]}")
    meeting = Meeting.objects.create(
        project=finished,
        starts_at=timezone.now(),
        place="Rathaus",
        minutes=f"Protokoll: {NAME} stellt vor.",
    )
    meeting.attendees.add(person)
    recommendation = RecommendationFactory(project=finished, created_by=person)
    RecommendationEventFactory(recommendation=recommendation, actor=person, note=f"von {NAME}")
    activity_record(actor=coordinator, verb="person.checked", target=person, data={"who": NAME})
    LogEntry.objects.create(
        user=person,
        content_type=ContentType.objects.get_for_model(Round),
        object_id=str(finished.round_id),
        object_repr=str(finished.round),
        action_flag=CHANGE,
    )
    LogEntry.objects.create(
        user=coordinator,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
        change_message=f'[{{"changed": {{"name": "{NAME}"}}}}]',
    )
    FormSubmission.objects.create(
        owner=f"user:{person.pk}",
        key="k" * 32,
        path="/profil/bearbeiten/",
        status=FormSubmission.Status.DONE,
        token=uuid.uuid4(),
        started_at=timezone.now(),
        body=f"<p>{NAME}</p>",
    )
    _opportunities_of(person, town_eilenburg)
    _research_participation(person, finished.round)
    _place_use(person, coordinator)
    _ventures(person)
    _talent_participation(person, officer_eilenburg, town_eilenburg, owner_zeitz, company_zeitz)
    export = data_export_build(export_id=DataExport.objects.create(user=person).pk)
    assert export is not None
    return {
        "person": person,
        "challenge": challenge,
        "finished": finished,
        "running": running,
        "kept_place": kept_place,
        "recommendation": recommendation,
        "photo": profile.__class__.objects.get(pk=profile.pk).photo.name,
        "export": export.file.name,
        "invitation": invitation,
    }


def whole_database_hits(needles: list[str]) -> list[str]:
    """Every table of the database (FTS tables on SQLite too), every column: where does one of
    the needles appear?"""
    lowered = [needle.lower() for needle in needles]
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor, include_views=False):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the catalogue
            for row in cursor.fetchall():
                for value in row:
                    if value is None:
                        continue
                    if isinstance(value, bytes | memoryview):
                        text = bytes(value).decode("utf-8", "ignore").lower()
                    else:
                        text = str(value).lower()
                    hits.extend(f"{table}: {text[:120]}" for n in lowered if n in text)
    return hits


NEEDLES = [NAME, EMAIL, "Quirina", "Zabelwitz"]


def test_the_erased_person_is_nowhere_in_the_database_or_the_storage(everywhere):
    person = everywhere["person"]
    before = {hit.split(":")[0] for hit in whole_database_hits(NEEDLES)}
    # the search sees the person before: in their rows, others' texts and the search index
    assert {"accounts_user", "actors_invitation", "core_activity", "projects_post"} <= before
    if connection.vendor == "sqlite":
        assert "actors_personprofile_search" in before
    assert default_storage.exists(everywhere["photo"])

    account_erase(user=person, password=PASSWORD)

    assert whole_database_hits(NEEDLES) == []
    assert not default_storage.exists(everywhere["photo"])
    assert not default_storage.exists(everywhere["export"])
    assert not User.objects.filter(pk=person.pk).exists()


def test_erasure_keeps_what_others_need_without_the_person(everywhere):
    account_erase(user=everywhere["person"], password=PASSWORD)

    # the finished team keeps an anonymous member; the running round frees the place
    kept = Assignment.objects.select_related("student").get(pk=everywhere["kept_place"].pk)
    assert not kept.student.is_active
    assert kept.student.name == "Ehemaliges Mitglied"
    assert not kept.student.has_usable_password()
    assert not Assignment.objects.filter(project=everywhere["running"]).exists()
    # the recommendation stays, written by a former member
    recommendation = Recommendation.objects.get(pk=everywhere["recommendation"].pk)
    assert recommendation.created_by is None
    event = recommendation.events.get()
    assert event.actor is None
    assert event.note == "von ehemaliges Mitglied"
    # the invitation row stays for the organisation, without address or name
    invitation = Invitation.objects.get(pk=everywhere["invitation"].pk)
    assert invitation.name == ""
    assert invitation.email.endswith("@invalid.invalid")
    assert invitation.accepted_at is not None
    # the activity log keeps the facts without the name
    accepted = Activity.objects.get(verb="invitation.accepted")
    assert accepted.actor is None
    assert "@invalid" not in accepted.target_repr or EMAIL not in accepted.target_repr
    assert Activity.objects.get(verb="person.checked").data == {"who": "ehemaliges Mitglied"}
    assert Activity.objects.filter(verb="account.erased", actor=None).count() == 1
    # the challenge stays with its organisation, and the attachment with the challenge
    challenge = Challenge.objects.get(pk=everywhere["challenge"].pk)
    assert challenge.contact_person is None
    attachment = Attachment.objects.get(challenge=challenge)
    assert attachment.uploaded_by is None
    assert default_storage.exists(attachment.file.name)
    assert Post.objects.get(project=everywhere["finished"]).author is None
    assert not Meeting.objects.get(project=everywhere["finished"]).attendees.exists()


def test_the_last_admin_of_an_organisation_is_refused_with_what_to_do(everywhere):
    person = everywhere["person"]
    organisation = OrganisationFactory(name="Quirinas Kartenwerk")
    MembershipFactory(user=person, organisation=organisation, role=Membership.Role.ADMIN)

    with pytest.raises(DomainError, match="Administrationsrechten für Quirinas Kartenwerk"):
        account_erase(user=person, password=PASSWORD)

    assert User.objects.filter(pk=person.pk).exists()
    assert PersonProfile.objects.get(user=person).photo
    # a second administrator lifts the objection
    MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
    account_erase(user=person, password=PASSWORD)
    assert not User.objects.filter(pk=person.pk).exists()


def test_a_wrong_password_changes_nothing(everywhere):
    person = everywhere["person"]
    with pytest.raises(DomainError) as refused:
        account_erase(user=person, password="falsch")
    assert refused.value.field == "password"
    assert MembershipRequest.objects.filter(user=person).exists()
    assert Invitation.objects.get(pk=everywhere["invitation"].pk).name == NAME


def test_a_person_without_password_confirms_by_a_recent_login(db):
    person = UserFactory(email="sso@studserv.uni-leipzig.example")
    person.set_unusable_password()
    person.last_login = timezone.now() - timedelta(hours=1)
    person.save()
    with pytest.raises(DomainError, match="ab und wieder an"):
        account_erase(user=person, password="")
    person.last_login = timezone.now()
    person.save()
    account_erase(user=person, password="")
    assert not User.objects.filter(pk=person.pk).exists()
    assert not EmailAddress.objects.filter(email=person.email).exists()


def test_the_export_holds_every_registered_kind_of_the_person(everywhere):
    person = everywhere["person"]
    export = DataExport.objects.get(user=person)
    with default_storage.open(export.file.name) as handle, zipfile.ZipFile(handle) as archive:
        names = set(archive.namelist())
        areas = {name: json.loads(archive.read(name)) for name in names if name.endswith(".json")}
        photo = [name for name in names if name.startswith("files/profile/")]
        assert archive.read(photo[0]).startswith(b"\x89PNG")
    assert "README.txt" in names
    kinds = {kind for content in areas.values() for kind, rows in content.items() if rows}
    # the fixture gives the person rows of every registered kind, and the export has them all
    assert [d.model for d in registered() if not d.rows_of(person).exists()] == []
    assert kinds == {str(d.model_class._meta.verbose_name_plural) for d in registered()}
    account = areas["account.json"]
    assert account["Nutzer/innen"][0]["email"] == EMAIL
    assert "password" not in account["Nutzer/innen"][0]
    profile = areas["profile.json"]["Personenprofile"][0]
    assert profile["photo"] in names
    # other people's names stay out of the person's export
    assert "Thomas Berger" not in json.dumps(areas, ensure_ascii=False)


def test_a_second_export_waits_for_the_first(db, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        data_export_request(user=outsider)
    with pytest.raises(DomainError, match="bereits vorbereitet"):
        data_export_request(user=outsider)


def test_an_export_is_built_once_and_the_person_hears_of_it(
    db, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=outsider)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    assert export.expires_at - export.ready_at == timedelta(days=7)
    assert [mail.to for mail in mailoutbox] == [[outsider.email]]
    assert "/konto/meine-daten/" in mailoutbox[0].body
    first_file = export.file.name
    assert data_export_build(export_id=export.pk) is None  # a second run leaves it alone
    export.refresh_from_db()
    assert export.file.name == first_file


def test_an_export_that_fails_for_good_lets_the_person_ask_again(
    db, outsider, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(person):
        raise OSError("storage unreachable")

    monkeypatch.setattr("transferraum.accounts.personal_data.privacy_export", broken)
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=outsider)
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED
    assert export.expires_at is not None  # purged with the others
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = data_export_request(user=outsider)
    again.refresh_from_db()
    assert again.status == DataExport.Status.READY


def test_deleting_in_the_admin_erases_the_same_way(client, everywhere, coordinator):
    coordinator.is_staff = True
    coordinator.is_superuser = True
    coordinator.save()
    client.force_login(coordinator)
    person = everywhere["person"]
    url = f"/admin/accounts/user/{person.pk}/delete/"
    assert client.post(url, {"post": "yes"}).status_code == 302

    assert not User.objects.filter(pk=person.pk).exists()
    assert whole_database_hits(NEEDLES) == []
    assert not default_storage.exists(everywhere["photo"])
    assert Assignment.objects.filter(pk=everywhere["kept_place"].pk).exists()
    assert Activity.objects.get(verb="account.erased").actor == coordinator
