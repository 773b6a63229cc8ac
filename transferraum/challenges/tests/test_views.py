from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.tests.factories import PASSWORD
from transferraum.challenges.digest import coordinator_digest_send
from transferraum.challenges.models import Challenge
from transferraum.challenges.services import (
    challenge_save,
    challenge_start_review,
    challenge_submit,
)
from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory

S = Challenge.Status

FORM = {
    "title": "Leerstand am Marktplatz",
    "problem": "Viele Läden am Markt stehen leer.",
    "context": "",
    "desired_result": "",
    "municipality": "",
    "contact_person": "",
    "earliest_start": "",
    "deadline": "",
    "partner_offers": ["data", "rooms"],
    "partner_offers_note": "",
    "confidentiality": "public",
    "public_summary": "",
    "format_wish": "",
    "definition": "partly",
    "technical_depth": "medium",
    "expected_team_size": "",
}


@pytest.mark.django_db
def test_the_form_marks_what_submitting_needs_and_not_as_optional(
    client, officer_eilenburg, town_eilenburg
):
    from transferraum.recommendations.tests.test_views_write import label_of

    client.force_login(officer_eilenburg)
    client.cookies["django_language"] = "en"

    html = client.get(reverse("challenges:new")).content.decode()

    assert "optional" not in label_of(html, "title")
    assert "needed to submit" in label_of(html, "problem")
    assert "optional" not in label_of(html, "problem")
    assert "needed to submit unless the challenge is public" in label_of(html, "public_summary")
    assert "optional" in label_of(html, "context")


@pytest.mark.django_db
def test_officer_saves_a_draft_and_submits_it_later(client, officer_eilenburg, town_eilenburg):
    client.force_login(officer_eilenburg)

    response = client.post(reverse("challenges:new"), {**FORM, "problem": "", "intent": "save"})

    challenge = Challenge.objects.get()
    assert response["Location"] == reverse("challenges:edit", args=[challenge.pk])
    assert challenge.status == S.DRAFT
    assert challenge.partner_offers == ["data", "rooms"]

    response = client.post(
        reverse("challenges:edit", args=[challenge.pk]),
        {**FORM, "intent": "submit", "version": challenge.version},
    )

    challenge.refresh_from_db()
    assert challenge.status == S.SUBMITTED
    assert response["Location"] == challenge.get_absolute_url()


@pytest.mark.django_db
def test_a_deadline_before_the_start_keeps_everything_typed(
    client, officer_eilenburg, town_eilenburg
):
    client.force_login(officer_eilenburg)

    response = client.post(
        reverse("challenges:new"),
        {**FORM, "earliest_start": "2027-05-01", "deadline": "2027-04-01", "intent": "save"},
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert "liegt vor dem frühesten Beginn" in content
    assert "Viele Läden am Markt stehen leer." in content
    assert not Challenge.objects.exists()


@pytest.mark.django_db
def test_form_sent_after_the_session_expired_is_restored_after_login(
    client, officer_eilenburg, town_eilenburg
):
    challenge = challenge_save(
        actor=officer_eilenburg, organisation=town_eilenburg, data={"title": "Alt"}
    )
    url = reverse("challenges:edit", args=[challenge.pk])

    # The session has expired: the post arrives without a login.
    typed = {**FORM, "title": "Neu getippt, nicht verloren", "version": 1, "intent": "save"}
    response = client.post(url, typed)
    assert reverse("account_login") in response["Location"]

    client.post(reverse("account_login"), {"login": officer_eilenburg.email, "password": PASSWORD})
    page = client.get(url).content.decode()

    assert 'value="Neu getippt, nicht verloren"' in page
    assert "wiederhergestellt" in page
    challenge.refresh_from_db()
    assert challenge.title == "Alt"  # restored for checking, saved only when the person saves


@pytest.mark.django_db
def test_another_organisations_draft_is_not_found(client, owner_zeitz, town_eilenburg):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.DRAFT)
    client.force_login(owner_zeitz)

    assert client.get(reverse("challenges:edit", args=[challenge.pk])).status_code == 404
    assert client.post(reverse("challenges:edit", args=[challenge.pk]), FORM).status_code == 404


@pytest.mark.django_db
def test_submitted_challenge_cannot_be_edited_by_the_organisation(
    client, officer_eilenburg, town_eilenburg
):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED)
    client.force_login(officer_eilenburg)

    assert client.get(reverse("challenges:edit", args=[challenge.pk])).status_code == 403


@pytest.mark.django_db
def test_forged_attachment_keeps_the_text_and_says_why(client, officer_eilenburg, town_eilenburg):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer_eilenburg)
    response = client.post(
        reverse("challenges:new"),
        {
            **FORM,
            "intent": "save",
            "attachment": SimpleUploadedFile("bericht.pdf", b"<html>kein pdf</html>"),
        },
    )

    assert response.status_code == 422
    assert "kein PDF" in response.content.decode()
    assert Challenge.objects.get().title == "Leerstand am Marktplatz"  # the text is saved


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"), [("coordinator", 200), ("officer_eilenburg", 403), ("outsider", 403)]
)
def test_queue_and_review_are_for_coordinators(client, request, town_eilenburg, persona, status):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("challenges:queue")).status_code == status
    assert client.get(reverse("challenges:review", args=[challenge.pk])).status_code == status


@pytest.mark.django_db
def test_queue_filters_by_status_and_responsible_and_drops_the_unknown(
    client, coordinator, town_eilenburg
):
    ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED, title="Ladenleerstand")
    ChallengeFactory(
        organisation=town_eilenburg, status=S.IN_REVIEW, title="Radweg", coordinator=coordinator
    )
    ChallengeFactory(organisation=town_eilenburg, status=S.DRAFT, title="Bahnhof")
    client.force_login(coordinator)
    url = reverse("challenges:queue")

    def titles(params) -> set[str]:
        page = client.get(url, params).content.decode()
        return {t for t in ("Ladenleerstand", "Radweg", "Bahnhof") if f">{t}<" in page}

    assert titles({}) == {"Ladenleerstand", "Radweg"}
    assert titles({"status": "submitted"}) == {"Ladenleerstand"}
    assert titles({"zustaendig": "ich"}) == {"Radweg"}
    assert titles({"zustaendig": "niemand"}) == {"Ladenleerstand"}
    assert titles({"status": "draft", "thema": "x\x00", "zustaendig": "du"}) == {
        "Ladenleerstand",
        "Radweg",
    }
    page = client.get(url, {"zustaendig": "ich"}).content.decode()
    assert '<option value="ich" selected>' in page


@pytest.mark.django_db
def test_queue_query_count_does_not_grow(
    client, coordinator, town_eilenburg, django_assert_num_queries
):
    client.force_login(coordinator)
    fmt = TransferFormatFactory()
    for _ in range(3):
        ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED).formats.add(fmt)
    client.get(reverse("challenges:queue"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("challenges:queue"))
    for _ in range(9):
        ChallengeFactory(organisation=town_eilenburg, status=S.IN_REVIEW).formats.add(fmt)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("challenges:queue"))
    assert len(large) == len(small)


@pytest.mark.django_db
def test_coordinator_requests_changes_from_the_review_page(
    client, coordinator, officer_eilenburg, town_eilenburg
):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED)
    client.force_login(coordinator)

    client.post(
        reverse("challenges:act", args=[challenge.pk]),
        {
            "action": "request_changes",
            "note": "Bitte Zeitraum ergänzen.",
            "next": reverse("challenges:review", args=[challenge.pk]),
        },
    )

    challenge.refresh_from_db()
    assert challenge.status == S.CHANGES_REQUESTED
    review_page = client.get(reverse("challenges:review", args=[challenge.pk])).content.decode()
    assert "Erledigt: Die Herausforderung hat jetzt den Status „Änderungen erbeten“." in review_page
    client.force_login(officer_eilenburg)
    page = client.get(reverse("challenges:edit", args=[challenge.pk])).content.decode()
    assert "Bitte Zeitraum ergänzen." in page


@pytest.mark.django_db
def test_a_nul_byte_in_the_note_is_dropped_and_the_step_is_taken(
    client, coordinator, town_eilenburg
):
    """No NUL byte reaches a view (core.middleware.NulByteMiddleware): the rest of the note
    counts."""
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.SUBMITTED)
    client.force_login(coordinator)

    response = client.post(
        reverse("challenges:act", args=[challenge.pk]),
        {"action": "request_changes", "note": "Bitte\x00ergänzen"},
        follow=True,
    )

    assert response.status_code == 200
    challenge.refresh_from_db()
    assert challenge.status == S.CHANGES_REQUESTED
    assert challenge.comments.get().text == "Bitteergänzen"


@pytest.mark.django_db
def test_publishing_without_a_format_is_refused_with_a_message(client, coordinator, town_eilenburg):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.ACCEPTED)
    client.force_login(coordinator)

    response = client.post(
        reverse("challenges:act", args=[challenge.pk]), {"action": "publish"}, follow=True
    )

    challenge.refresh_from_db()
    assert challenge.status == S.ACCEPTED
    assert "mindestens ein Transferformat" in response.content.decode()


@pytest.mark.django_db
def test_daily_digest_collects_what_organisations_did(
    officer_eilenburg, coordinator, town_eilenburg
):
    challenge = challenge_save(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"title": "Radweg", "problem": "Lücke"},
    )
    challenge_submit(actor=officer_eilenburg, challenge=challenge)
    challenge_start_review(actor=coordinator, challenge=challenge)

    report = coordinator_digest_send(now=timezone.now() + timedelta(minutes=1))

    assert report.events == 1
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "Radweg" in mail.outbox[0].body
    assert reverse("challenges:review", args=[challenge.pk]) in mail.outbox[0].body
    # The next run starts where this one ended: nothing new, no mail.
    assert coordinator_digest_send(now=timezone.now() + timedelta(minutes=2)).events == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_attachments_of_confidential_challenges_reach_only_the_allowed(
    client, officer_eilenburg, coordinator, outsider, town_eilenburg
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from transferraum.challenges.services import attachment_add

    challenge = ChallengeFactory(
        organisation=town_eilenburg,
        status=S.PUBLISHED,
        confidentiality="confidential",
        public_summary="Ein Standort soll neu genutzt werden.",
    )
    attachment = attachment_add(
        actor=coordinator,
        challenge=challenge,
        upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 geheim"),
    )
    url = reverse("challenges:attachment", args=[challenge.pk, attachment.pk])

    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(officer_eilenburg)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 geheim"
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.ACCEPTED, S.REJECTED, S.WITHDRAWN],
)
def test_attachments_of_challenges_not_on_the_board_reach_only_the_organisation_and_coordinators(
    client, officer_eilenburg, coordinator, outsider, owner_zeitz, town_eilenburg, status
):
    """A public challenge's files are public only once it is on the board: before (a draft, in
    review) and after it left (rejected, withdrawn) a file's address answers 404 to everybody
    but its organisation and the coordinators, as for one that does not exist."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from transferraum.challenges.models import Attachment

    challenge = ChallengeFactory(
        organisation=town_eilenburg,
        status=status,
        rejection_reason="Kein Transferthema." if status == S.REJECTED else "",
    )
    assert challenge.confidentiality == Challenge.Confidentiality.PUBLIC
    attachment = Attachment.objects.create(
        challenge=challenge,
        file=SimpleUploadedFile("entwurf.pdf", b"%PDF-1.7 Entwurf"),
        name="entwurf.pdf",
        kind="pdf",
        size=16,
        uploaded_by=officer_eilenburg,
    )
    url = reverse("challenges:attachment", args=[challenge.pk, attachment.pk])

    assert client.get(url).status_code == 404
    for stranger in (outsider, owner_zeitz):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
    for allowed in (officer_eilenburg, coordinator):
        client.force_login(allowed)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.7 Entwurf"
    attachment.file.delete(save=False)


@pytest.mark.django_db
def test_attachments_live_in_an_s3_store(client, s3_uploads, officer_eilenburg, town_eilenburg):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from transferraum.challenges.services import attachment_add, attachment_remove

    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.DRAFT)
    first, second = (
        attachment_add(
            actor=officer_eilenburg,
            challenge=challenge,
            upload=SimpleUploadedFile("plan.pdf", content),
        )
        for content in (b"%PDF-1.7 erster Plan", b"%PDF-1.7 zweiter Plan")
    )
    client.force_login(officer_eilenburg)

    # The same name twice: two objects, neither overwrites the other.
    assert s3_uploads.keys() == sorted([first.file.name, second.file.name])
    for attachment, content in (
        (first, b"%PDF-1.7 erster Plan"),
        (second, b"%PDF-1.7 zweiter Plan"),
    ):
        response = client.get(reverse("challenges:attachment", args=[challenge.pk, attachment.pk]))
        assert b"".join(response.streaming_content) == content

    attachment_remove(actor=officer_eilenburg, attachment=first)

    assert s3_uploads.keys() == [second.file.name]


@pytest.mark.django_db
def test_coordinator_corrects_a_challenge_in_review_without_a_submit_button(
    client, coordinator, town_eilenburg
):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.IN_REVIEW)
    client.force_login(coordinator)
    url = reverse("challenges:edit", args=[challenge.pk])

    page = client.get(url).content.decode()
    assert 'value="submit"' not in page

    response = client.post(
        url, {**FORM, "title": "Korrigierter Titel", "version": challenge.version, "intent": "save"}
    )

    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Korrigierter Titel"
    assert challenge.status == S.IN_REVIEW
