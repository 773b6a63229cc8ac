from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from transferraum.challenges.models import Attachment, Challenge, Comment
from transferraum.challenges.services import (
    attachment_add,
    challenge_accept,
    challenge_assign,
    challenge_comment,
    challenge_publish,
    challenge_reject,
    challenge_request_changes,
    challenge_save,
    challenge_start,
    challenge_submit,
)
from transferraum.challenges.tests.factories import (
    ChallengeFactory,
    TopicFieldFactory,
    TransferFormatFactory,
)
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.notifications.models import Notification


@pytest.fixture(autouse=True)
def _german():
    """The refusals below are matched in German, the platform's default language. In full
    parallel runs two of them met English here (a leak from another test on the same worker not
    yet found: see the session note of issue 17), so the language is set, not assumed."""
    with translation.override("de"):
        yield


S = Challenge.Status


def draft(actor, organisation, **data):
    return challenge_save(
        actor=actor, organisation=organisation, data={"title": "Leerstand am Markt", **data}
    )


@pytest.mark.django_db
def test_a_draft_may_be_incomplete_but_needs_a_title(officer_eilenburg, town_eilenburg):
    challenge = draft(officer_eilenburg, town_eilenburg, problem="")

    assert challenge.status == S.DRAFT
    assert challenge.municipality == town_eilenburg.municipality
    with pytest.raises(DomainError) as error:
        challenge_save(
            actor=officer_eilenburg,
            organisation=town_eilenburg,
            data={"title": " "},
            challenge=challenge,
        )
    assert error.value.field == "title"


@pytest.mark.django_db
def test_a_deadline_before_the_start_is_refused_and_nothing_saved(
    officer_eilenburg, town_eilenburg
):
    with pytest.raises(DomainError) as error:
        draft(
            officer_eilenburg,
            town_eilenburg,
            earliest_start=date(2027, 4, 1),
            deadline=date(2027, 3, 1),
        )

    assert error.value.field == "deadline"
    assert not Challenge.objects.exists()


@pytest.mark.django_db
def test_only_members_write_for_an_organisation(owner_zeitz, town_eilenburg):
    with pytest.raises(PermissionDenied):
        draft(owner_zeitz, town_eilenburg)


@pytest.mark.django_db
def test_submission_needs_the_problem_and_a_summary_when_not_public(
    officer_eilenburg, town_eilenburg
):
    challenge = draft(officer_eilenburg, town_eilenburg, problem="")
    with pytest.raises(DomainError, match="Problem"):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)

    challenge = challenge_save(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"problem": "Viele Läden stehen leer.", "confidentiality": "confidential"},
        challenge=challenge,
    )
    with pytest.raises(DomainError, match="Zusammenfassung"):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)
    challenge.refresh_from_db()
    assert challenge.status == S.DRAFT


@pytest.mark.django_db
def test_double_submission_is_refused(officer_eilenburg, town_eilenburg):
    challenge = draft(officer_eilenburg, town_eilenburg, problem="Leerstand")
    challenge_submit(actor=officer_eilenburg, challenge=challenge)

    with pytest.raises(DomainError):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)
    assert Activity.objects.filter(verb="challenge.submit").count() == 1


@pytest.mark.django_db
def test_the_whole_chain_with_notifications_in_the_recipients_language(
    officer_eilenburg, coordinator, town_eilenburg, django_capture_on_commit_callbacks
):
    officer_eilenburg.language = "en"
    officer_eilenburg.save()
    challenge = draft(
        officer_eilenburg, town_eilenburg, problem="Leerstand", contact_person=officer_eilenburg
    )
    with django_capture_on_commit_callbacks(execute=True):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)
        challenge_request_changes(
            actor=coordinator,
            challenge=challenge,
            note="Bitte Zeitraum nennen.",
        )
    assert [m.subject for m in mail.outbox] == [
        "[Transferraum] Received: “Leerstand am Markt”",
        "[Transferraum] Please revise: “Leerstand am Markt”",
    ]
    assert "Bitte Zeitraum nennen." in mail.outbox[1].body
    assert Comment.objects.get().is_change_request

    with django_capture_on_commit_callbacks(execute=True):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)
        challenge_accept(actor=coordinator, challenge=challenge)
        with pytest.raises(DomainError, match="Transferformat"):
            challenge_publish(actor=coordinator, challenge=challenge)
        challenge_assign(
            actor=coordinator,
            challenge=challenge,
            formats=[TransferFormatFactory()],
            coordinator=coordinator,
        )
        challenge_publish(actor=coordinator, challenge=challenge)

    challenge.refresh_from_db()
    assert challenge.status == S.PUBLISHED
    assert challenge.coordinator == coordinator
    assert challenge.published_at is not None
    assert mail.outbox[-1].subject == "[Transferraum] Published: “Leerstand am Markt”"
    assert "Practice project" in mail.outbox[-1].body
    # every e-mail is also a notification in the platform, linking to the challenge
    notifications = Notification.objects.filter(recipient=officer_eilenburg)
    assert notifications.count() == len(mail.outbox)
    assert [n.kind for n in notifications.order_by("pk")][:2] == [
        "challenge.review",
        "challenge.review",
    ]
    assert notifications.first().url == challenge.get_absolute_url()
    assert notifications.filter(kind="challenge.published").count() == 1


@pytest.mark.django_db
def test_a_title_with_an_ampersand_stays_plain_text_in_subject_and_notification(
    officer_eilenburg, town_eilenburg, django_capture_on_commit_callbacks
):
    challenge = draft(officer_eilenburg, town_eilenburg, title="Rad & Weg", problem="Leerstand")
    with django_capture_on_commit_callbacks(execute=True):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)

    assert mail.outbox[0].subject == "[Transferraum] Eingegangen: „Rad & Weg“"
    assert "Rad &amp; Weg" in mail.outbox[0].alternatives[0][0]
    assert Notification.objects.get().title == "Eingegangen: „Rad & Weg“"


@pytest.mark.django_db
def test_rejection_needs_a_reason(officer_eilenburg, coordinator, town_eilenburg):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED)

    with pytest.raises(DomainError):
        challenge_reject(actor=coordinator, challenge=challenge, note=" ")
    challenge_reject(actor=coordinator, challenge=challenge, note="Außerhalb der Region.")
    challenge.refresh_from_db()
    assert challenge.rejection_reason == "Außerhalb der Region."


@pytest.mark.django_db
def test_followers_hear_of_progress(
    student_geography, coordinator, town_eilenburg, django_capture_on_commit_callbacks
):
    from transferraum.challenges.services import challenge_follow

    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.PUBLISHED)
    challenge_follow(actor=student_geography, challenge=challenge, follow=True)

    with django_capture_on_commit_callbacks(execute=True):
        challenge_start(actor=coordinator, challenge=challenge)

    assert [m.to for m in mail.outbox] == [[student_geography.email]]


def pdf(name="plan.pdf", content=b"%PDF-1.7\n%..."):
    return SimpleUploadedFile(name, content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 executable"), "kein PDF"),
        (SimpleUploadedFile("foto.pdf", b"\x89PNG\r\n\x1a\n...."), "nicht das, was sein Name sagt"),
        (SimpleUploadedFile("gross.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)), "größer als 10 MB"),
    ],
)
def test_attachments_that_lie_or_are_too_big_are_refused(
    officer_eilenburg, town_eilenburg, upload, message
):
    challenge = draft(officer_eilenburg, town_eilenburg)

    with pytest.raises(DomainError, match=message):
        attachment_add(actor=officer_eilenburg, challenge=challenge, upload=upload)
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_a_real_pdf_is_attached(officer_eilenburg, town_eilenburg):
    challenge = draft(officer_eilenburg, town_eilenburg)

    attachment = attachment_add(actor=officer_eilenburg, challenge=challenge, upload=pdf())

    assert attachment.kind == "pdf"
    assert attachment.name == "plan.pdf"


@pytest.mark.django_db
def test_internal_notes_are_for_coordinators_only(
    officer_eilenburg, coordinator, town_eilenburg, outsider
):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.IN_REVIEW)

    internal = challenge_comment(
        actor=coordinator, challenge=challenge, text="Intern", visible_to_submitter=False
    )
    own = challenge_comment(
        actor=officer_eilenburg, challenge=challenge, text="Frage", visible_to_submitter=False
    )

    assert not internal.visible_to_submitter
    assert own.visible_to_submitter
    with pytest.raises(PermissionDenied):
        challenge_comment(actor=outsider, challenge=challenge, text="Hallo")


@pytest.mark.django_db
def test_confidential_text_is_not_searchable(officer_eilenburg, town_eilenburg):
    from transferraum.core.search import search_q

    draft(
        officer_eilenburg,
        town_eilenburg,
        problem="Geheimprojekt Brauereigelände",
        confidentiality="confidential",
        public_summary="Ein Standort soll neu genutzt werden.",
    )

    assert not Challenge.objects.filter(search_q("Brauereigelände")).exists()
    assert Challenge.objects.filter(search_q("Standort")).exists()


@pytest.mark.django_db
def test_topics_are_saved(officer_eilenburg, town_eilenburg):
    topic = TopicFieldFactory()
    challenge = challenge_save(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"title": "Innenstadt"},
        topics=[topic],
    )
    assert list(challenge.topics.all()) == [topic]


@pytest.mark.django_db
def test_suppressed_notifications_send_nothing(
    officer_eilenburg, town_eilenburg, django_capture_on_commit_callbacks
):
    from transferraum.notifications.services import notifications_suppressed

    challenge = draft(
        officer_eilenburg, town_eilenburg, problem="Leerstand", contact_person=officer_eilenburg
    )
    with django_capture_on_commit_callbacks(execute=True), notifications_suppressed():
        challenge_submit(actor=officer_eilenburg, challenge=challenge)

    assert mail.outbox == []


def test_challenge_follows_its_project_from_published_to_completed(coordinator):
    from transferraum.challenges.services import challenge_follow_project

    challenge = ChallengeFactory(status=Challenge.Status.PUBLISHED)
    challenge_follow_project(actor=None, challenge=challenge, event="complete")
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED  # not started yet: stays
    challenge_follow_project(actor=coordinator, challenge=challenge, event="start")
    challenge_follow_project(actor=coordinator, challenge=challenge, event="start")  # second team
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.IN_PROGRESS
    challenge_follow_project(actor=coordinator, challenge=challenge, event="complete")
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.COMPLETED
    verbs = list(Activity.objects.for_object(challenge).values_list("verb", flat=True))
    assert verbs.count("challenge.start") == 1 and verbs.count("challenge.complete") == 1
