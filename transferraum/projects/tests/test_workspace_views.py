"""The workspace pages: what they show, refused input that keeps what was typed, uploads and
downloads with rights, and a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from transferraum.projects.models import (
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
    document_upload,
    feedback_give,
    meeting_add,
    post_add,
)
from transferraum.projects.tests.factories import MilestoneFactory, ProjectFactory
from transferraum.projects.tests.test_workspace_services import PDF, PNG, Team, pdf


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url(team: Team, name: str = "workspace", *args) -> str:
    return reverse(f"projects:{name}", args=[team.project.pk, *args])


WORKSPACE_QUERIES = 19


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


# The page


@pytest.mark.django_db
def test_member_sees_every_section_of_the_workspace(english, team):
    MilestoneFactory(project=team.project, title="Auftakt", due_on=in_days(-3))
    MilestoneFactory(
        project=team.project,
        title="Bestandsaufnahme",
        due_on=in_days(-2),
        status=Milestone.Status.DONE,
    )
    meeting_add(
        actor=team.member,
        project=team.project,
        kind=Meeting.Kind.SITE_VISIT,
        starts_at=dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC),
        place="Marktplatz Eilenburg",
        attendees=[team.member, team.partner_contact],
        minutes="Wir haben **zwölf** Läden gesehen.",
    )
    post_add(actor=team.partner_contact, project=team.project, text="<script>alert(1)</script>Hi")
    english.force_login(team.member)

    response = english.get(url(team))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    for anchor in ("people", "milestones", "meetings", "documents", "discussion", "feedback"):
        assert f'href="#{anchor}"' in page
        assert f'id="{anchor}"' in page
    assert team.member.study_programme.name in page  # the programme of a team member
    assert f'href="mailto:{team.second_member.email}"' in page
    assert team.supervisor.email in page
    assert team.partner_contact.email in page
    # overdue marked in words, but not the milestone that is done
    assert page.count(">Overdue<") == 1
    # Europe/Berlin: 08:00 UTC on 1 July is 10:00 summer time
    assert 'datetime="2026-07-01T10:00:00+02:00"' in page
    assert "<strong>zwölf</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert url(team, "workspace-milestone-new") in page
    assert url(team, "workspace-deliverables") in page
    assert url(team, "workspace-feedback", "midterm") not in page  # a student gives no feedback


@pytest.mark.django_db
def test_right_after_publication_the_workspace_says_when_it_opens(english, team):
    round = team.project.round
    round.phase = Round.Phase.ALLOCATION
    round.work_starts_on = dt.date(2027, 4, 12)
    round.save()
    english.force_login(team.member)

    content = english.get(url(team)).content.decode()

    assert "The workspace opens when the work phase starts." in content
    assert "The work is planned to start on April 12, 2027." in content
    assert "nothing can be added to it now" not in content
    assert url(team, "workspace-milestone-new") not in content


@pytest.mark.django_db
def test_partner_sees_the_feedback_link_but_not_the_deliverables_form(english, team):
    english.force_login(team.partner_contact)

    page = english.get(url(team)).content.decode()

    assert url(team, "workspace-feedback", "midterm") in page
    assert url(team, "workspace-feedback", "final") not in page  # not before the presentations
    assert url(team, "workspace-deliverables") not in page
    assert url(team, "workspace-post") in page


@pytest.mark.django_db
def test_the_page_needs_a_constant_number_of_queries(client, team):
    client.force_login(team.member)

    def fill(count: int) -> None:
        for n in range(count):
            MilestoneFactory(project=team.project, due_on=in_days(n))
            meeting_add(
                actor=team.member,
                project=team.project,
                kind=Meeting.Kind.MEETING,
                starts_at=timezone.now() + dt.timedelta(days=n - count // 2),
                place=f"Raum {n}",
                attendees=[team.member, team.supervisor],
                minutes="Protokoll",
            )
            version = document_upload(
                actor=team.member, project=team.project, upload=pdf(f"d{n}.pdf")
            )
            document_upload(
                actor=team.supervisor,
                project=team.project,
                upload=pdf(f"d{n}-2.pdf"),
                document=version.document,
            )
            post_add(actor=team.second_member, project=team.project, text=f"Nachricht {n}")

    fill(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(team)).status_code == 200
    fill(8)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(team))
    assert response.status_code == 200
    assert response.content.decode().count('class="tr-comment"') == 10
    assert len(many) == len(few)
    # session, user, the viewer's roles in the programme (a set since issue 20), project; the
    # viewer's roles in the project once (supervisor, contacts, team place); the
    # workspace (meetings and attendees, documents and versions, members, supervisors,
    # partners, milestones, posts, feedback); the recommendations; the bell's unread count.
    # Before the roles were kept on the project for the request: 29 (the roles asked four times).
    assert len(few) == WORKSPACE_QUERIES, "\n".join(q["sql"][:120] for q in few.captured_queries)


# Milestones


@pytest.mark.django_db
def test_member_adds_a_milestone(client, team):
    client.force_login(team.member)

    response = client.post(
        url(team, "workspace-milestone-new"),
        {"title": "Interviews", "due_on": in_days(14).isoformat(), "status": "planned"},
    )

    assert response.status_code == 302
    assert response["Location"] == url(team) + "#milestones"
    assert Milestone.objects.get().title == "Interviews"


@pytest.mark.django_db
def test_a_refused_milestone_keeps_what_was_typed(english, team):
    english.force_login(team.member)

    response = english.post(
        url(team, "workspace-milestone-new"),
        {
            "title": "Befragung am Markt",
            "due_on": in_days(-60).isoformat(),
            "status": "planned",
            "description": "Mit Fragebogen",
        },
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "before the work of the round starts" in page
    assert 'value="Befragung am Markt"' in page
    assert "Mit Fragebogen" in page
    assert f'value="{in_days(-60).isoformat()}"' in page
    assert not Milestone.objects.exists()


@pytest.mark.django_db
def test_a_milestone_without_title_is_refused(english, team):
    english.force_login(team.member)

    response = english.post(
        url(team, "workspace-milestone-new"),
        {"title": "", "due_on": in_days(3).isoformat(), "status": "planned"},
    )

    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert not Milestone.objects.exists()


@pytest.mark.django_db
def test_member_edits_a_milestone_and_sets_its_status(client, team):
    milestone = MilestoneFactory(project=team.project, title="Alt", due_on=in_days(5))
    client.force_login(team.member)

    assert client.get(url(team, "workspace-milestone-edit", milestone.pk)).status_code == 200
    client.post(
        url(team, "workspace-milestone-edit", milestone.pk),
        {
            "title": "Neu",
            "due_on": in_days(6).isoformat(),
            "status": "planned",
            "version": milestone.version,
        },
    )
    client.post(url(team, "workspace-milestone-status", milestone.pk), {"status": "done"})

    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_on, milestone.status) == ("Neu", in_days(6), "done")


@pytest.mark.django_db
def test_an_unknown_status_from_the_table_changes_nothing(client, team):
    milestone = MilestoneFactory(project=team.project)
    client.force_login(team.member)

    response = client.post(url(team, "workspace-milestone-status", milestone.pk), {"status": "x"})

    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.PLANNED


@pytest.mark.django_db
def test_a_member_of_another_team_cannot_touch_this_workspace(client, team):
    milestone = MilestoneFactory(project=team.project, title="Unser Plan")
    client.force_login(team.other_team_member)
    values = {"title": "Gekapert", "due_on": in_days(5).isoformat(), "status": "done"}

    responses = [
        client.get(url(team, "workspace-milestone-new")),
        client.post(url(team, "workspace-milestone-new"), values),
        client.post(url(team, "workspace-milestone-edit", milestone.pk), values),
        client.post(url(team, "workspace-milestone-status", milestone.pk), {"status": "done"}),
        client.post(
            url(team, "workspace-meeting-new"),
            {"kind": "meeting", "starts_at": "2026-06-01T10:00", "place": "Hier"},
        ),
        client.post(url(team, "workspace-document-upload"), {"file": pdf(), "category": "working"}),
    ]

    assert [r.status_code for r in responses] == [403] * len(responses)
    milestone.refresh_from_db()
    assert (milestone.title, milestone.status) == ("Unser Plan", Milestone.Status.PLANNED)
    assert Milestone.objects.count() == 1
    assert not Meeting.objects.exists()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_another_projects_milestone_is_not_found_through_this_workspace(client, team):
    other = MilestoneFactory(
        project=ProjectFactory(round=team.project.round, status=Project.Status.RUNNING)
    )
    client.force_login(team.member)

    response = client.post(url(team, "workspace-milestone-status", other.pk), {"status": "done"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Milestone.Status.PLANNED


# Meetings


@pytest.mark.django_db
def test_the_meeting_form_offers_only_people_of_the_workspace_as_checkboxes(client, team):
    client.force_login(team.member)

    page = client.get(url(team, "workspace-meeting-new")).content.decode()

    for person in (team.member, team.second_member, team.supervisor, team.partner_contact):
        assert f'type="checkbox" name="attendees" value="{person.pk}"' in page
    assert f'value="{team.other_team_member.pk}"' not in page


@pytest.mark.django_db
def test_member_plans_a_meeting_in_berlin_time(client, team):
    client.force_login(team.member)

    response = client.post(
        url(team, "workspace-meeting-new"),
        {
            "kind": "site_visit",
            "starts_at": "2026-07-01T10:00",
            "place": "Rathaus",
            "attendees": [team.member.pk, team.partner_contact.pk],
        },
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)
    assert set(meeting.attendees.all()) == {team.member, team.partner_contact}


@pytest.mark.django_db
def test_a_refused_meeting_keeps_the_typed_minutes(english, team):
    english.force_login(team.member)

    response = english.post(
        url(team, "workspace-meeting-new"),
        {"kind": "meeting", "starts_at": "2026-05-04T14:30", "place": " ", "minutes": "Notizen"},
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "This field is required." in page
    assert "Notizen" in page
    assert 'value="2026-05-04T14:30"' in page
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_stranger_smuggled_into_the_attendees_is_refused(client, team):
    client.force_login(team.member)

    response = client.post(
        url(team, "workspace-meeting-new"),
        {
            "kind": "meeting",
            "starts_at": "2026-05-04T14:30",
            "place": "Rathaus",
            "attendees": [team.other_team_member.pk],
        },
    )

    assert response.status_code == 422
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_minutes_are_added_on_the_edit_page(client, team):
    meeting = meeting_add(
        actor=team.member,
        project=team.project,
        kind=Meeting.Kind.MEETING,
        starts_at=timezone.now() - dt.timedelta(days=1),
        place="Rathaus",
    )
    client.force_login(team.supervisor)

    page = client.get(url(team, "workspace-meeting-edit", meeting.pk)).content.decode()
    response = client.post(
        url(team, "workspace-meeting-edit", meeting.pk),
        {
            "kind": "meeting",
            "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "place": "Rathaus",
            "minutes": "Beschlossen: Zählung am Samstag.",
            "version": meeting.version,
        },
    )

    assert 'value="Rathaus"' in page
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Beschlossen: Zählung am Samstag."


# Documents


@pytest.mark.django_db
def test_member_uploads_a_document_and_then_a_new_version(client, team):
    client.force_login(team.member)

    first = client.post(
        url(team, "workspace-document-upload"),
        {"file": pdf("leitfaden.pdf"), "title": "Leitfaden", "category": "working"},
    )
    document = Document.objects.get()
    second = client.post(
        url(team, "workspace-document-version", document.pk),
        {"file": pdf("leitfaden-2.pdf", PDF + b"%v2\n")},
    )

    assert first.status_code == second.status_code == 302
    assert second["Location"] == url(team) + f"#document-{document.pk}"
    assert [v.name for v in document.versions.all()] == ["leitfaden-2.pdf", "leitfaden.pdf"]
    page = client.get(url(team)).content.decode()
    assert url(team, "workspace-document-download", document.pk, 1) in page
    assert url(team, "workspace-document-download", document.pk, 2) in page


@pytest.mark.django_db
def test_a_forged_upload_is_refused_with_a_clear_message_and_keeps_the_title(english, team):
    english.force_login(team.member)

    response = english.post(
        url(team, "workspace-document-upload"),
        {
            "file": SimpleUploadedFile("report.pdf", b"Just text pretending to be a PDF"),
            "title": "Abschlussbericht Entwurf",
            "category": "working",
        },
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "report.pdf is not a PDF, image or office document." in page
    assert 'value="Abschlussbericht Entwurf"' in page
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()


@pytest.mark.django_db
def test_an_image_posing_as_a_pdf_is_refused(english, team):
    english.force_login(team.member)

    response = english.post(
        url(team, "workspace-document-upload"),
        {"file": SimpleUploadedFile("report.pdf", PNG), "category": "working"},
    )

    assert response.status_code == 422
    assert "is not what its name says" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_partners_are_not_offered_deliverable_kinds(client, team):
    client.force_login(team.partner_contact)

    page = client.get(url(team, "workspace-document-upload")).content.decode()
    response = client.post(
        url(team, "workspace-document-upload"), {"file": pdf(), "category": "report"}
    )

    assert 'value="working"' in page
    assert 'value="report"' not in page
    assert response.status_code == 422  # not a choice for them
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_partner_cannot_replace_a_deliverable(client, team):
    version = document_upload(
        actor=team.member, project=team.project, upload=pdf(), category=Document.Category.REPORT
    )
    client.force_login(team.partner_contact)

    response = client.post(
        url(team, "workspace-document-version", version.document_id), {"file": pdf()}
    )

    assert response.status_code == 403
    assert DocumentVersion.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("member", 200),
        ("supervisor", 200),
        ("partner_contact", 200),
        ("organisation_member", 403),  # a contact is named: the contacts speak for the partner
        ("other_team_member", 403),
        ("other_student", 403),
    ],
)
def test_every_version_downloads_only_for_the_workspace(client, team, persona, status):
    first = document_upload(actor=team.member, project=team.project, upload=pdf("a.pdf"))
    document_upload(
        actor=team.member,
        project=team.project,
        upload=pdf("b.pdf", PDF + b"%2\n"),
        document=first.document,
    )
    client.force_login(getattr(team, persona))

    response = client.get(url(team, "workspace-document-download", first.document_id, 1))

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert 'filename="a.pdf"' in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_downloads_need_a_login_and_the_right_project(client, team, outsider):
    version = document_upload(actor=team.member, project=team.project, upload=pdf())
    other = ProjectFactory(round=team.project.round, status=Project.Status.RUNNING)
    link = url(team, "workspace-document-download", version.document_id, 1)

    assert reverse("account_login") in client.get(link)["Location"]
    client.force_login(outsider)
    assert client.get(link).status_code == 403
    client.force_login(team.member)
    assert (
        client.get(url(team, "workspace-document-download", version.document_id, 2)).status_code
        == 404
    )
    foreign = reverse(
        "projects:workspace-document-download", args=[other.pk, version.document_id, 1]
    )
    assert client.get(foreign).status_code == 403  # not a member of the other workspace


# Discussion


@pytest.mark.django_db
def test_a_post_is_added_newest_last(client, team):
    post_add(actor=team.partner_contact, project=team.project, text="Erste Nachricht")
    client.force_login(team.member)

    response = client.post(url(team, "workspace-post"), {"text": "Zweite Nachricht"})

    post = Post.objects.latest("pk")
    assert response["Location"] == url(team) + f"#post-{post.pk}"
    page = client.get(url(team)).content.decode()
    assert page.index("Erste Nachricht") < page.index("Zweite Nachricht")


@pytest.mark.django_db
def test_an_overlong_post_is_refused_and_the_text_stays_in_the_form(english, team):
    english.force_login(team.member)
    text = "Sehr lang " * 501

    response = english.post(url(team, "workspace-post"), {"text": text})

    assert response.status_code == 422
    assert text.strip() in response.content.decode()
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_posts_and_documents_of_a_deleted_account_show_a_former_user(english, team):
    post_add(actor=team.partner_contact, project=team.project, text="Bis bald")
    Post.objects.update(author=None)  # what deleting the account leaves (SET_NULL)
    english.force_login(team.member)

    response = english.get(url(team))

    assert response.status_code == 200
    assert "Former user" in response.content.decode()


@pytest.mark.django_db
def test_the_discussion_form_takes_only_posts(client, team):
    client.force_login(team.member)

    assert client.get(url(team, "workspace-post")).status_code == 405


# Feedback


FEEDBACK = {"usefulness": "4", "collaboration": "3", "what_next": "Weiter so.", "comment": ""}


@pytest.mark.django_db
def test_partner_gives_mid_term_feedback_everyone_reads_it(client, team):
    client.force_login(team.partner_contact)

    form = client.get(url(team, "workspace-feedback", "midterm"))
    response = client.post(url(team, "workspace-feedback", "midterm"), FEEDBACK)

    assert form.status_code == 200
    assert response["Location"] == url(team) + "#feedback"
    feedback = Feedback.objects.get()
    assert (feedback.stage, feedback.usefulness, feedback.collaboration) == ("midterm", 4, 3)
    client.force_login(team.member)
    assert "Weiter so." in client.get(url(team)).content.decode()


@pytest.mark.django_db
def test_sending_the_feedback_again_replaces_it(client, team):
    feedback_give(
        actor=team.partner_contact,
        project=team.project,
        stage="midterm",
        usefulness=2,
        collaboration=2,
        what_next="Erst einmal",
        comment="",
    )
    second_contact = team.organisation_member
    team.project.partner_contacts.add(second_contact)
    client.force_login(second_contact)

    page = client.get(url(team, "workspace-feedback", "midterm")).content.decode()
    client.post(
        url(team, "workspace-feedback", "midterm"),
        {**FEEDBACK, "usefulness": "5", "version": Feedback.objects.get().version},
    )

    assert "Erst einmal" in page  # the form shows the feedback to change
    feedback = Feedback.objects.get()
    assert feedback.usefulness == 5
    assert feedback.author == second_contact


@pytest.mark.django_db
def test_incomplete_feedback_keeps_what_was_typed(client, team):
    client.force_login(team.partner_contact)

    response = client.post(
        url(team, "workspace-feedback", "midterm"),
        {"usefulness": "4", "collaboration": "", "what_next": "", "comment": "Gute Fragen"},
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "Gute Fragen" in page
    assert 'value="4" id="id_usefulness_3" checked' in page
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_feedback_stages_are_checked(client, team):
    client.force_login(team.partner_contact)

    assert client.get(url(team, "workspace-feedback", "sometime")).status_code == 404
    assert client.get(url(team, "workspace-feedback", "final")).status_code == 403
    team.project.round.phase = Round.Phase.PRESENTATION
    team.project.round.save()
    assert client.get(url(team, "workspace-feedback", "final")).status_code == 200


# Deliverables


@pytest.mark.django_db
def test_member_writes_summary_and_results_shown_on_the_page(client, team):
    client.force_login(team.member)

    form = client.get(url(team, "workspace-deliverables"))
    response = client.post(
        url(team, "workspace-deliverables"),
        {
            "public_summary": "Wir haben **40** Läden gezählt.",
            "results": "Ein Kataster.",
            "version": team.project.version,
        },
    )

    assert form.status_code == 200
    assert response["Location"] == url(team) + "#deliverables"
    page = client.get(url(team)).content.decode()
    assert "<strong>40</strong>" in page
    assert "Ein Kataster." in page


@pytest.mark.django_db
def test_deliverable_documents_appear_under_the_deliverables(client, team):
    document_upload(
        actor=team.member,
        project=team.project,
        upload=pdf("Abschluss.pdf"),
        title="Abschlussbericht",
        category=Document.Category.REPORT,
    )
    document_upload(actor=team.member, project=team.project, upload=pdf("notizen.pdf"))
    client.force_login(team.partner_contact)

    page = client.get(url(team)).content.decode()

    deliverables = page[page.index('id="deliverables"') :]
    documents = page[page.index('id="documents"') : page.index('id="discussion"')]
    assert "Abschlussbericht" in deliverables
    assert "Abschlussbericht" not in documents
    assert "notizen" in documents


# Review findings: the summary after completion, feedback sent twice at once


def completed(team: Team) -> Team:
    Round.objects.filter(pk=team.project.round_id).update(phase=Round.Phase.CLOSED)
    Project.objects.filter(pk=team.project.pk).update(
        status=Project.Status.COMPLETED, completed_at=timezone.now()
    )
    return team


@pytest.mark.django_db
def test_supervisor_writes_the_summary_of_a_completed_project_and_the_showcase_shows_it(
    client, team
):
    completed(team)
    client.force_login(team.supervisor)
    assert team.project.title not in client.get(reverse("projects:showcase")).content.decode()

    page = client.get(url(team)).content.decode()
    form = client.get(url(team, "workspace-deliverables"))
    response = client.post(
        url(team, "workspace-deliverables"),
        {
            "public_summary": "Drei Ideen für leere Läden.",
            "results": "Ein Konzept.",
            "version": team.project.version,
        },
        follow=True,
    )

    assert "Not in the showcase yet" in page
    assert url(team, "workspace-deliverables") in page
    assert url(team, "workspace-post") not in page  # otherwise the workspace stays closed
    assert "it appears in the showcase as soon as it has a summary" in form.content.decode()
    assert "the showcase shows the project" in response.content.decode()
    showcase = client.get(reverse("projects:showcase")).content.decode()
    assert team.project.title in showcase
    assert "Drei Ideen für leere Läden." in showcase


@pytest.mark.django_db
def test_the_team_no_longer_edits_the_summary_of_a_completed_project(client, team):
    completed(team)
    client.force_login(team.member)

    page = client.get(url(team)).content.decode()
    response = client.post(
        url(team, "workspace-deliverables"), {"public_summary": "Spät", "results": ""}
    )

    assert url(team, "workspace-deliverables") not in page
    assert response.status_code == 403
    team.project.refresh_from_db()
    assert team.project.public_summary == ""


@pytest.mark.django_db
def test_feedback_sent_twice_at_once_shows_the_first_beside_the_second(client, team, monkeypatch):
    from transferraum.projects.services import workspace

    second_contact = team.organisation_member
    team.project.partner_contacts.add(second_contact)
    client.force_login(team.partner_contact)
    first = client.post(url(team, "workspace-feedback", "midterm"), FEEDBACK)
    # The second contact's request read before the first had stored its feedback.
    monkeypatch.setattr(workspace, "_stored_feedback", lambda project, stage: None)
    client.force_login(second_contact)

    second = client.post(
        url(team, "workspace-feedback", "midterm"), {**FEEDBACK, "usefulness": "5"}, follow=True
    )

    # The second form knew no feedback yet: nothing is replaced unseen, the first is shown.
    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else has saved this in the meantime" in page
    assert 'id="id_usefulness-theirs"' in page
    feedback = Feedback.objects.get()
    assert (feedback.usefulness, feedback.author) == (
        int(FEEDBACK["usefulness"]),
        team.partner_contact,
    )


@pytest.mark.django_db
def test_document_versions_live_in_an_s3_store(client, s3_uploads, team):
    first = document_upload(actor=team.member, project=team.project, upload=pdf("a.pdf"))
    second = document_upload(
        actor=team.member,
        project=team.project,
        upload=pdf("a.pdf", PDF + b"%2\n"),
        document=first.document,
    )
    client.force_login(team.supervisor)

    assert s3_uploads.keys() == sorted([first.file.name, second.file.name])
    for number, content in ((1, PDF), (2, PDF + b"%2\n")):
        response = client.get(url(team, "workspace-document-download", first.document_id, number))
        assert b"".join(response.streaming_content) == content
