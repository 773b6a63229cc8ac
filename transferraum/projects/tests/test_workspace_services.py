"""The workspace's services: every rule, who may write, and that nothing is stored on refusal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import (
    DOCUMENT_MAX_BYTES,
    Document,
    DocumentVersion,
    Feedback,
    Meeting,
    Milestone,
    Post,
    Project,
    Round,
)
from transferraum.projects.services.workspace import (
    deliverables_update,
    document_upload,
    feedback_give,
    meeting_add,
    meeting_update,
    milestone_add,
    milestone_update,
    post_add,
)
from transferraum.projects.tests.factories import (
    MilestoneFactory,
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorFactory,
    place,
)

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name: str = "Zwischenbericht.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class Team:
    """A running project of the town of Eilenburg in a published round, and its people."""

    project: Project
    member: User
    second_member: User
    supervisor: User
    partner_contact: User
    organisation_member: User
    other_team_member: User
    other_student: User


def build_team(
    organisation: Organisation,
    *,
    partner_contact: User,
    organisation_member: User,
    member: User,
    other_team_member: User,
) -> Team:
    """`member` works in the project, `other_team_member` in another project of the round."""
    today = timezone.localdate()
    round = RoundFactory(
        phase=Round.Phase.WORK,
        applications_open_at=timezone.now() - dt.timedelta(days=60),
        applications_close_at=timezone.now() - dt.timedelta(days=40),
        work_starts_on=today - dt.timedelta(days=30),
        presentation_on=today + dt.timedelta(days=80),
        ends_on=today + dt.timedelta(days=90),
        published_at=timezone.now() - dt.timedelta(days=31),
    )
    supervisor = SupervisorFactory()
    project = ProjectFactory(
        round=round,
        challenge=ChallengeFactory(organisation=organisation, status=Challenge.Status.IN_PROGRESS),
        status=Project.Status.RUNNING,
        title="Leerstand am Markt Eilenburg",
        supervisors=[supervisor],
    )
    project.partner_contacts.set([partner_contact])
    other = ProjectFactory(round=round, status=Project.Status.RUNNING)
    second_member = StudentFactory(language="en")
    place(member, project)
    place(second_member, project)
    place(other_team_member, other)
    return Team(
        project=project,
        member=member,
        second_member=second_member,
        supervisor=supervisor,
        partner_contact=partner_contact,
        organisation_member=organisation_member,
        other_team_member=other_team_member,
        other_student=StudentFactory(),
    )


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def at(days: int, hour: int = 10) -> dt.datetime:
    moment = dt.datetime.combine(in_days(days), dt.time(hour))
    return timezone.make_aware(moment)


# Milestones


@pytest.mark.django_db
def test_member_adds_a_milestone_and_it_is_logged(team):
    milestone = milestone_add(
        actor=team.member, project=team.project, title="  Interviews   führen ", due_on=in_days(10)
    )

    assert milestone.title == "Interviews führen"
    assert milestone.status == Milestone.Status.PLANNED
    assert milestone.created_by == team.member
    assert Activity.objects.filter(verb="project.milestone_added", actor=team.member).exists()


@pytest.mark.django_db
def test_a_past_due_date_within_the_round_is_allowed(team):
    milestone = milestone_add(
        actor=team.supervisor,
        project=team.project,
        title="Auftakt",
        due_on=in_days(-20),
        status=Milestone.Status.DONE,
    )

    assert milestone.due_on == in_days(-20)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "   ", "due_on": 10}, "title"),
        ({"title": "x" * 201, "due_on": 10}, "title"),
        ({"title": "Vor dem Start", "due_on": -31}, "due_on"),
        ({"title": "Nach dem Ende", "due_on": 91}, "due_on"),
        ({"title": "Unbekannt", "due_on": 10, "status": "someday"}, "status"),
    ],
)
def test_bad_milestones_are_refused_and_nothing_is_stored(team, values, field):
    values = {**values, "due_on": in_days(values["due_on"])}

    with pytest.raises(DomainError) as error:
        milestone_add(actor=team.member, project=team.project, **values)

    assert error.value.field == field
    assert not Milestone.objects.exists()


@pytest.mark.django_db
def test_a_due_date_before_the_round_starts_says_when_it_starts(team):
    with pytest.raises(DomainError) as error:
        milestone_add(actor=team.member, project=team.project, title="Zu früh", due_on=in_days(-40))

    assert "before the work of the round starts" in error.value.message


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_team_member", "other_student"])
def test_people_outside_the_team_cannot_add_milestones(team, who):
    with pytest.raises(PermissionDenied):
        milestone_add(
            actor=getattr(team, who), project=team.project, title="Fremd", due_on=in_days(5)
        )

    assert not Milestone.objects.exists()


@pytest.mark.django_db
def test_nothing_can_be_added_once_the_project_is_completed(team):
    team.project.status = Project.Status.COMPLETED
    team.project.save()

    with pytest.raises(PermissionDenied):
        milestone_add(actor=team.member, project=team.project, title="Spät", due_on=in_days(5))


@pytest.mark.django_db
def test_nothing_can_be_added_after_the_round_has_closed(team):
    team.project.round.phase = Round.Phase.CLOSED
    team.project.round.save()

    with pytest.raises(PermissionDenied):
        post_add(actor=team.member, project=team.project, text="Hallo?")


@pytest.mark.django_db
def test_a_status_change_alone_keeps_everything_else(team):
    milestone = MilestoneFactory(project=team.project, title="Bericht", due_on=in_days(20))

    milestone_update(actor=team.member, milestone=milestone, status=Milestone.Status.IN_PROGRESS)

    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.IN_PROGRESS
    assert milestone.title == "Bericht"
    assert milestone.due_on == in_days(20)
    assert Activity.objects.filter(
        verb="project.milestone_updated", data__status="in_progress", data__previous="planned"
    ).exists()


@pytest.mark.django_db
def test_milestone_update_checks_title_date_and_status(team):
    milestone = MilestoneFactory(project=team.project, title="Bericht", due_on=in_days(20))

    for values, field in [
        ({"title": ""}, "title"),
        ({"due_on": in_days(-45)}, "due_on"),
        ({"status": "lost"}, "status"),
    ]:
        with pytest.raises(DomainError) as error:
            milestone_update(actor=team.member, milestone=milestone, **values)
        assert error.value.field == field

    milestone.refresh_from_db()
    assert (milestone.title, milestone.status) == ("Bericht", Milestone.Status.PLANNED)


@pytest.mark.django_db
def test_a_member_of_another_team_cannot_change_this_teams_milestone(team):
    milestone = MilestoneFactory(project=team.project, title="Bericht")

    with pytest.raises(PermissionDenied):
        milestone_update(actor=team.other_team_member, milestone=milestone, title="Gekapert")

    milestone.refresh_from_db()
    assert milestone.title == "Bericht"


# Meetings


@pytest.mark.django_db
def test_partner_plans_a_site_visit_with_people_of_the_workspace(team):
    meeting = meeting_add(
        actor=team.partner_contact,
        project=team.project,
        kind=Meeting.Kind.SITE_VISIT,
        starts_at=at(7),
        place="Rathaus Eilenburg, Marktplatz 1",
        attendees=[team.member, team.supervisor, team.partner_contact],
    )

    assert meeting.kind == Meeting.Kind.SITE_VISIT
    assert set(meeting.attendees.all()) == {team.member, team.supervisor, team.partner_contact}
    assert Activity.objects.filter(verb="project.meeting_added").exists()


@pytest.mark.django_db
def test_organisation_members_can_be_chosen_while_no_contact_is_named(team):
    team.project.partner_contacts.clear()

    meeting = meeting_add(
        actor=team.member,
        project=team.project,
        kind=Meeting.Kind.MEETING,
        starts_at=at(3),
        place="Online",
        attendees=[team.organisation_member],
    )

    assert list(meeting.attendees.all()) == [team.organisation_member]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"place": "  "}, "place"),
        ({"place": "x" * 201}, "place"),
        ({"attendees": "other_team_member"}, "attendees"),
        ({"attendees": "other_student"}, "attendees"),
    ],
)
def test_bad_meetings_are_refused_and_nothing_is_stored(team, values, field):
    data = {"kind": Meeting.Kind.MEETING, "starts_at": at(2), "place": "Rathaus", **values}
    if "attendees" in values:
        data["attendees"] = [team.member, getattr(team, values["attendees"])]

    with pytest.raises(DomainError) as error:
        meeting_add(actor=team.member, project=team.project, **data)

    assert error.value.field == field
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_meeting_time_without_a_time_zone_is_a_programming_error(team):
    with pytest.raises(ValueError, match="aware"):
        meeting_add(
            actor=team.member,
            project=team.project,
            kind=Meeting.Kind.MEETING,
            starts_at=dt.datetime(2026, 5, 4, 10, 0),  # noqa: DTZ001 - the point of the test
            place="Rathaus",
        )


@pytest.mark.django_db
def test_minutes_are_written_after_the_meeting(team):
    meeting = meeting_add(
        actor=team.member,
        project=team.project,
        kind=Meeting.Kind.MEETING,
        starts_at=at(-2),
        place="Rathaus",
        attendees=[team.member],
    )

    meeting_update(
        actor=team.supervisor,
        meeting=meeting,
        kind=Meeting.Kind.MEETING,
        starts_at=at(-2, 11),
        place="Rathaus, Raum 2",
        attendees=[team.member, team.second_member],
        minutes="  Wir zählen die Läden am Samstag. ",
    )

    meeting.refresh_from_db()
    assert meeting.minutes == "Wir zählen die Läden am Samstag."
    assert meeting.place == "Rathaus, Raum 2"
    assert meeting.attendees.count() == 2


@pytest.mark.django_db
def test_a_member_of_another_team_cannot_change_a_meeting(team):
    meeting = meeting_add(
        actor=team.member,
        project=team.project,
        kind=Meeting.Kind.MEETING,
        starts_at=at(2),
        place="Rathaus",
    )

    with pytest.raises(PermissionDenied):
        meeting_update(
            actor=team.other_team_member,
            meeting=meeting,
            kind=Meeting.Kind.MEETING,
            starts_at=at(2),
            place="Anderswo",
            attendees=[],
            minutes="",
        )

    meeting.refresh_from_db()
    assert meeting.place == "Rathaus"


# Documents


@pytest.mark.django_db
def test_an_upload_creates_a_document_with_version_one(team):
    version = document_upload(actor=team.member, project=team.project, upload=pdf())

    assert version.number == 1
    assert version.kind == "pdf"
    assert version.name == "Zwischenbericht.pdf"
    assert version.size == len(PDF)
    assert version.document.title == "Zwischenbericht"  # named after the file
    assert version.document.category == Document.Category.WORKING
    assert version.file.read() == PDF
    assert Activity.objects.filter(verb="project.document_uploaded", data__version=1).exists()


@pytest.mark.django_db
def test_a_new_version_keeps_the_older_ones(team):
    first = document_upload(
        actor=team.member, project=team.project, upload=pdf(), title="Interviewleitfaden"
    )

    second = document_upload(
        actor=team.partner_contact,
        project=team.project,
        upload=pdf("leitfaden-v2.pdf", PDF + b"% zweite Fassung\n"),
        document=first.document,
        title="Wird ignoriert",
        category=Document.Category.REPORT,
    )

    assert second.document == first.document
    assert second.number == 2
    document = Document.objects.get()
    assert document.title == "Interviewleitfaden"
    assert document.category == Document.Category.WORKING
    assert [v.number for v in document.versions.all()] == [2, 1]
    assert document.versions.get(number=1).file.read() == PDF


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("report.pdf", b"Just some text, not a PDF."),
            "is not a PDF, image or office document",
        ),
        (SimpleUploadedFile("report.pdf", PNG), "is not what its name says"),
        (SimpleUploadedFile("programm.exe", b"MZ\x90\x00"), "is not a PDF"),
        (SimpleUploadedFile("leer.pdf", b""), "is empty"),
    ],
)
def test_forged_and_unknown_files_are_refused_and_nothing_is_stored(team, upload, message):
    with pytest.raises(DomainError) as error:
        document_upload(actor=team.member, project=team.project, upload=upload)

    assert error.value.field == "file"
    assert message in error.value.message
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()


@pytest.mark.django_db
def test_a_forged_new_version_leaves_the_document_as_it_was(team):
    first = document_upload(actor=team.member, project=team.project, upload=pdf())

    with pytest.raises(DomainError):
        document_upload(
            actor=team.member,
            project=team.project,
            upload=SimpleUploadedFile("v2.pdf", b"<html>kein pdf</html>"),
            document=first.document,
        )

    assert DocumentVersion.objects.count() == 1


@pytest.mark.django_db
def test_files_larger_than_20_mb_are_refused(team):
    big = pdf("gross.pdf", PDF + b"0" * DOCUMENT_MAX_BYTES)

    with pytest.raises(DomainError) as error:
        document_upload(actor=team.member, project=team.project, upload=big)

    assert "larger than 20 MB" in error.value.message
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_document_of_another_project_cannot_get_a_version_here(team):
    other_project = ProjectFactory(round=team.project.round, status=Project.Status.RUNNING)
    foreign = Document.objects.create(project=other_project, title="Fremd")

    with pytest.raises(DomainError) as error:
        document_upload(actor=team.member, project=team.project, upload=pdf(), document=foreign)

    assert error.value.field == "document"
    assert not DocumentVersion.objects.exists()


@pytest.mark.django_db
def test_an_unknown_category_is_refused(team):
    with pytest.raises(DomainError) as error:
        document_upload(actor=team.member, project=team.project, upload=pdf(), category="secret")

    assert error.value.field == "category"


@pytest.mark.django_db
def test_partners_upload_working_documents_but_not_deliverables(team):
    document_upload(actor=team.partner_contact, project=team.project, upload=pdf())
    report = document_upload(
        actor=team.member,
        project=team.project,
        upload=pdf("Abschlussbericht.pdf"),
        category=Document.Category.REPORT,
    )

    with pytest.raises(PermissionDenied):
        document_upload(
            actor=team.partner_contact,
            project=team.project,
            upload=pdf(),
            category=Document.Category.PRESENTATION,
        )
    with pytest.raises(PermissionDenied):
        document_upload(
            actor=team.organisation_member,
            project=team.project,
            upload=pdf(),
            document=report.document,
        )

    assert DocumentVersion.objects.count() == 2


@pytest.mark.django_db
def test_a_member_of_another_team_cannot_upload_here(team):
    with pytest.raises(PermissionDenied):
        document_upload(actor=team.other_team_member, project=team.project, upload=pdf())

    assert not Document.objects.exists()


# Discussion


@pytest.mark.django_db
def test_a_post_tells_the_others_each_in_their_language_but_not_the_author(
    team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = post_add(actor=team.member, project=team.project, text="  Treffen am **Montag**? ")

    assert post.text == "Treffen am **Montag**?"
    recipients = {message.to[0]: message for message in mail.outbox}
    expected = {
        team.second_member.email,
        team.supervisor.email,
        team.partner_contact.email,
    }
    assert set(recipients) == expected
    assert team.member.email not in recipients
    english = recipients[team.second_member.email]
    assert english.extra_headers["Content-Language"] == "en"
    assert recipients[team.supervisor.email].extra_headers["Content-Language"] == "de"
    assert "Leerstand am Markt Eilenburg" in english.subject
    assert "Treffen am **Montag**?" in english.body
    assert f"/projekte/{team.project.pk}/arbeitsraum/#discussion" in english.body


@pytest.mark.django_db
def test_no_mail_while_notifications_are_suppressed(team, django_capture_on_commit_callbacks):
    with notifications_suppressed(), django_capture_on_commit_callbacks(execute=True):
        post_add(actor=team.member, project=team.project, text="Stille Post")

    assert not mail.outbox
    assert Post.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_empty_and_overlong_posts_are_refused(team, text):
    with pytest.raises(DomainError) as error:
        post_add(actor=team.member, project=team.project, text=text)

    assert error.value.field == "text"
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_member_of_another_team_cannot_post_here(team):
    with pytest.raises(PermissionDenied):
        post_add(actor=team.other_team_member, project=team.project, text="Hallo Nachbarn")

    assert not Post.objects.exists()


# Feedback


def give(team, actor, stage=Feedback.Stage.MIDTERM, **values):
    data = {"usefulness": 4, "collaboration": 5, "what_next": "Weiter so.", "comment": ""}
    return feedback_give(actor=actor, project=team.project, stage=stage, **{**data, **values})


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["partner_contact"])
def test_the_partner_gives_mid_term_feedback(team, who):
    feedback = give(team, getattr(team, who), comment="  Danke! ")

    assert (feedback.usefulness, feedback.collaboration) == (4, 5)
    assert feedback.comment == "Danke!"
    assert feedback.author == getattr(team, who)
    assert Activity.objects.filter(verb="project.feedback_given", data__stage="midterm").exists()


@pytest.mark.django_db
def test_a_second_feedback_of_the_same_stage_replaces_the_first(team):
    give(team, team.partner_contact, usefulness=2)

    second_contact = team.organisation_member
    team.project.partner_contacts.add(second_contact)
    feedback = give(team, second_contact, usefulness=3, what_next="Mehr Daten.")

    assert Feedback.objects.count() == 1
    assert feedback.usefulness == 3
    assert feedback.what_next == "Mehr Daten."
    assert feedback.author == second_contact
    assert Activity.objects.filter(verb="project.feedback_updated").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "supervisor", "other_team_member", "other_student"])
def test_only_the_partner_gives_feedback(team, who):
    with pytest.raises(PermissionDenied):
        give(team, getattr(team, who))

    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_coordinators_do_not_give_partner_feedback(team, coordinator):
    with pytest.raises(PermissionDenied):
        give(team, coordinator)


@pytest.mark.django_db
def test_final_feedback_waits_for_the_final_presentations(team):
    with pytest.raises(PermissionDenied):
        give(team, team.partner_contact, stage=Feedback.Stage.FINAL)

    team.project.round.phase = Round.Phase.PRESENTATION
    team.project.round.save()
    feedback = give(team, team.partner_contact, stage=Feedback.Stage.FINAL)

    assert feedback.stage == Feedback.Stage.FINAL


@pytest.mark.django_db
def test_feedback_for_an_unpublished_team_is_refused(team):
    team.project.round.published_at = None
    team.project.round.save()

    with pytest.raises(PermissionDenied):
        give(team, team.partner_contact)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"usefulness": 0}, "usefulness"),
        ({"usefulness": 6}, "usefulness"),
        ({"usefulness": True}, "usefulness"),
        ({"collaboration": -1}, "collaboration"),
        ({"what_next": "  "}, "what_next"),
        ({"what_next": "x" * 3001}, "what_next"),
        ({"comment": "x" * 3001}, "comment"),
        ({"stage": "sometime"}, "stage"),
    ],
)
def test_bad_feedback_is_refused_and_nothing_is_stored(team, values, field):
    with pytest.raises(DomainError) as error:
        give(team, team.partner_contact, **values)

    assert error.value.field == field
    assert not Feedback.objects.exists()


# Deliverables


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "supervisor"])
def test_team_and_supervisors_write_the_public_summary(team, who):
    project = deliverables_update(
        actor=getattr(team, who),
        project=team.project,
        public_summary="  Das Team hat 40 Läden gezählt. ",
        results="Ein Leerstandskataster.",
    )

    project.refresh_from_db()
    assert project.public_summary == "Das Team hat 40 Läden gezählt."
    assert project.results == "Ein Leerstandskataster."
    assert Activity.objects.filter(verb="project.deliverables_updated").exists()


@pytest.mark.django_db
def test_coordinators_write_the_public_summary_too(team, coordinator):
    deliverables_update(actor=coordinator, project=team.project, public_summary="Ok", results="")

    team.project.refresh_from_db()
    assert team.project.public_summary == "Ok"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["partner_contact", "organisation_member", "other_team_member", "other_student"]
)
def test_partners_and_outsiders_do_not_write_the_deliverables(team, who):
    with pytest.raises(PermissionDenied):
        deliverables_update(
            actor=getattr(team, who), project=team.project, public_summary="Fremd", results=""
        )

    team.project.refresh_from_db()
    assert team.project.public_summary == ""


# Review findings: a summary after completion, feedback sent twice at once


def complete(team: Team, coordinator: User) -> Project:
    """Close the round: the project is completed without a summary for the public."""
    from transferraum.projects.services.rounds import round_advance

    Round.objects.filter(pk=team.project.round_id).update(phase=Round.Phase.PRESENTATION)
    with notifications_suppressed():
        round_advance(actor=coordinator, round=team.project.round)
    return Project.objects.select_related("round", "challenge").get(pk=team.project.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "coordinator"])
def test_a_project_completed_without_summary_reaches_the_showcase_once_written(
    team, coordinator, who
):
    from transferraum.projects.selectors.rounds import ShowcaseFilters, showcase_projects

    project = complete(team, coordinator)
    assert project.status == Project.Status.COMPLETED
    assert project not in showcase_projects(ShowcaseFilters())
    actor = coordinator if who == "coordinator" else team.supervisor

    deliverables_update(
        actor=actor, project=project, public_summary="Drei Ideen.", results="Ein Konzept."
    )

    assert list(showcase_projects(ShowcaseFilters())) == [project]
    project.refresh_from_db()
    assert (project.public_summary, project.results) == ("Drei Ideen.", "Ein Konzept.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["member", "second_member", "partner_contact", "other_team_member", "other_student"]
)
def test_after_completion_the_team_and_partners_no_longer_write_the_summary(team, coordinator, who):
    project = complete(team, coordinator)

    with pytest.raises(PermissionDenied):
        deliverables_update(
            actor=getattr(team, who), project=project, public_summary="Spät", results=""
        )

    project.refresh_from_db()
    assert project.public_summary == ""


@pytest.mark.django_db
def test_after_completion_supervisors_still_upload_no_documents(team, coordinator):
    project = complete(team, coordinator)

    with pytest.raises(PermissionDenied):
        document_upload(
            actor=team.supervisor,
            project=project,
            upload=pdf(),
            category=Document.Category.REPORT,
        )


@pytest.mark.django_db
def test_feedback_sent_by_two_contacts_at_once_replaces_instead_of_failing(team, monkeypatch):
    """The other contact's feedback appears between reading and writing: the database refuses
    the second row, and the feedback replaces the first instead of ending in an error."""
    from transferraum.projects.services import workspace

    second_contact = team.organisation_member
    team.project.partner_contacts.add(second_contact)
    give(team, team.partner_contact, usefulness=2)
    monkeypatch.setattr(workspace, "_stored_feedback", lambda project, stage: None)

    feedback = give(team, second_contact, usefulness=3, what_next="Mehr Daten.")

    stored = Feedback.objects.get()
    assert stored.pk == feedback.pk
    assert (stored.usefulness, stored.what_next) == (3, "Mehr Daten.")
    assert stored.author == second_contact
    assert Activity.objects.filter(verb="project.feedback_updated").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_feedback_locks_the_project(team):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        give(team, team.partner_contact)

    assert any(
        '"projects_project"' in q["sql"] and "FOR UPDATE" in q["sql"]
        for q in queries.captured_queries
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_contacts_sending_the_same_feedback_at_once_store_one(
    town_eilenburg, officer_eilenburg, member_eilenburg, student_geography, student_informatics
):
    import threading

    from django.db import connection

    team = build_team(
        town_eilenburg,
        partner_contact=officer_eilenburg,
        organisation_member=member_eilenburg,
        member=student_geography,
        other_team_member=student_informatics,
    )
    team.project.partner_contacts.add(member_eilenburg)
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def send(contact: User, usefulness: int) -> None:
        try:
            barrier.wait()
            project = Project.objects.select_related("round", "challenge").get(pk=team.project.pk)
            feedback_give(
                actor=contact,
                project=project,
                stage=Feedback.Stage.MIDTERM,
                usefulness=usefulness,
                collaboration=4,
                what_next="Weiter so.",
            )
        except Exception as error:  # any failure in the thread is reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(officer_eilenburg, 2)),
        threading.Thread(target=send, args=(member_eilenburg, 5)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Feedback.objects.filter(project=team.project).count() == 1
    assert Activity.objects.filter(verb="project.feedback_given").count() == 1
    assert Activity.objects.filter(verb="project.feedback_updated").count() == 1
