"""A recommendation's page: what it shows to whom, the steps each person is offered, steps taken
(allowed, refused with 403, refused with the service's message and the input kept), and the
implementation's milestones and progress."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from transferraum.projects.models import Document
from transferraum.projects.services.workspace import document_upload
from transferraum.recommendations import permissions
from transferraum.recommendations.models import ImplementationMilestone, Recommendation
from transferraum.recommendations.services import (
    recommendation_approve,
    recommendation_confirm_receipt,
    recommendation_hand_over,
    recommendation_put_on_agenda,
    recommendation_start_review,
)
from transferraum.recommendations.tests.factories import (
    ImplementationMilestoneFactory,
    RecommendationFactory,
)

S = Recommendation.Status
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
COUNCIL_URL = "https://eilenburg.ratsinfomanagement.net/sdnetrim/vo0050?__kvonr=4711"


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url(recommendation, name="detail", *args) -> str:
    return reverse(f"recommendations:{name}", args=[recommendation.pk, *args])


def step_url(recommendation, action: str) -> str:
    return url(recommendation, "act", action)


def make(project, town, status=S.DRAFTED, **kwargs) -> Recommendation:
    return RecommendationFactory(
        project=project, addressee_organisation=town, status=status, **kwargs
    )


# --- who sees the page ----------------------------------------------------------------------

VIEW = [
    # (persona or None for anonymous, status, confidential, expected)
    (None, S.HANDED_OVER, False, 200),
    (None, S.DRAFTED, False, 404),
    (None, S.HANDED_OVER, True, 404),
    ("officer_zeitz", S.HANDED_OVER, True, 404),
    ("researcher_other", S.HANDED_OVER, True, 404),
    ("officer_eilenburg", S.HANDED_OVER, True, 200),
    ("officer_eilenburg", S.DRAFTED, False, 404),
    ("student_geography", S.DRAFTED, False, 200),
    ("supervisor", S.DRAFTED, False, 200),
    ("coordinator", S.DRAFTED, True, 200),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status", "confidential", "expected"), VIEW)
def test_who_sees_the_page(
    request, client, project, town_eilenburg, persona, status, confidential, expected
):
    recommendation = make(project, town_eilenburg, status, confidential=confidential)
    if persona:
        client.force_login(request.getfixturevalue(persona))

    assert client.get(url(recommendation)).status_code == expected


@pytest.mark.django_db
def test_the_page_shows_content_evidence_status_and_history(
    english, project, town_eilenburg, student_geography, supervisor, officer_eilenburg
):
    report = document_upload(
        actor=student_geography,
        project=project,
        upload=SimpleUploadedFile("bericht.pdf", PDF, content_type="application/pdf"),
        title="Abschlussbericht",
        category=Document.Category.REPORT,
    ).document
    recommendation = make(
        project,
        town_eilenburg,
        summary="Ein **öffentliches** Kataster.",
        evidence_links=[{"title": "Leerstandsmelder", "url": "https://example.org/leer"}],
        first_answer_due=timezone.localdate() + dt.timedelta(days=30),
    )
    recommendation.evidence.set([report])
    recommendation_approve(actor=supervisor, recommendation=recommendation)
    recommendation_hand_over(actor=student_geography, recommendation=recommendation)
    recommendation_confirm_receipt(
        actor=officer_eilenburg,
        recommendation=recommendation,
    )
    recommendation_start_review(
        actor=officer_eilenburg,
        recommendation=recommendation,
    )
    recommendation_put_on_agenda(
        actor=officer_eilenburg,
        recommendation=recommendation,
        note="Vorlage im Ausschuss",
        agenda_body="Stadtrat Eilenburg",
        agenda_date=timezone.localdate() + dt.timedelta(days=14),
        agenda_item="Ö 7.2",
        council_url=COUNCIL_URL,
    )

    response = english.get(url(recommendation))  # anyone: it is public now

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert "<strong>öffentliches</strong>" in page
    assert "Abschlussbericht" in page
    assert 'href="https://example.org/leer"' in page
    assert "On the agenda" in page
    assert "Step 6 of 10" in page
    assert 'aria-current="step"' in page
    # the history: who, what, the note and the council link
    for label in ("Approve", "Hand over to the partner", "Confirm receipt", "Put on an agenda"):
        assert label in page
    assert "Thomas Berger" in page
    assert "Vorlage im Ausschuss" in page
    assert f'href="{COUNCIL_URL.replace("&", "&amp;")}"' in page
    assert "Ö 7.2" in page
    # an anonymous visitor takes no step and downloads no file of the workspace
    assert 'id="steps-heading"' not in page
    assert "/arbeitsraum/dokumente/" not in page
    # the team opens its documents from here
    english.force_login(student_geography)
    download = reverse("projects:workspace-document-download", args=[project.pk, report.pk, 1])
    assert download in english.get(url(recommendation)).content.decode()


STEPS_OFFERED = [
    ("student_geography", S.DRAFTED, ["request_approval"]),
    ("supervisor", S.DRAFTED, ["approve"]),
    ("student_geography", S.APPROVED, ["reopen", "hand_over"]),
    ("officer_eilenburg", S.HANDED_OVER, ["confirm_receipt"]),
    ("coordinator", S.HANDED_OVER, ["confirm_receipt"]),
    ("officer_eilenburg", S.UNDER_REVIEW, ["put_on_agenda", "adopt", "adopt_with_changes"]),
    ("officer_zeitz", S.UNDER_REVIEW, []),
    ("researcher", S.IMPLEMENTED, ["evaluate"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status", "actions"), STEPS_OFFERED)
def test_each_person_is_offered_their_next_steps(
    request, client, project, town_eilenburg, persona, status, actions
):
    recommendation = make(project, town_eilenburg, status)
    client.force_login(request.getfixturevalue(persona))

    page = client.get(url(recommendation)).content.decode()

    for action in actions:
        assert f'action="{step_url(recommendation, action)}"' in page
    if not actions:
        assert 'id="steps-heading"' not in page


@pytest.mark.django_db
def test_the_edit_link_is_for_the_authors_of_a_draft(client, project, town_eilenburg, supervisor):
    recommendation = make(project, town_eilenburg)
    client.force_login(supervisor)

    assert url(recommendation, "edit") not in client.get(url(recommendation)).content.decode()


# --- steps ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_supervisor_approves(english, project, town_eilenburg, supervisor):
    recommendation = make(project, town_eilenburg)
    english.force_login(supervisor)

    response = english.post(step_url(recommendation, "approve"), {"approve-note": "Gut so."})

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == S.APPROVED
    assert recommendation.approved_by == supervisor
    assert recommendation.events.get(action="approve").note == "Gut so."


REFUSED = [
    # a person of another town changes a status
    ("officer_zeitz", S.UNDER_REVIEW, "adopt"),
    # the team cannot record the partner's decision
    ("student_geography", S.UNDER_REVIEW, "reject"),
    # nor approve its own text
    ("student_geography", S.DRAFTED, "approve"),
    ("outsider", S.HANDED_OVER, "confirm_receipt"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status", "action"), REFUSED)
def test_a_step_without_the_role_is_refused(
    request, client, project, town_eilenburg, persona, status, action
):
    recommendation = make(project, town_eilenburg, status)
    client.force_login(request.getfixturevalue(persona))

    response = client.post(
        step_url(recommendation, action),
        {f"{action}-decided_on": str(timezone.localdate()), f"{action}-note": "Nein"},
    )

    assert response.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.status == status
    assert not recommendation.events.exists()


@pytest.mark.django_db
def test_an_unknown_step_is_not_found(client, project, town_eilenburg, coordinator):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    client.force_login(coordinator)

    assert client.post(step_url(recommendation, "teleport")).status_code == 404


@pytest.mark.django_db
def test_anonymous_steps_go_to_the_login(client, project, town_eilenburg):
    recommendation = make(project, town_eilenburg, S.HANDED_OVER)

    response = client.post(step_url(recommendation, "confirm_receipt"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_rejecting_without_a_reason_keeps_the_date(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    english.force_login(officer_eilenburg)
    day = timezone.localdate() - dt.timedelta(days=2)

    response = english.post(
        step_url(recommendation, "reject"), {"reject-decided_on": str(day), "reject-note": " "}
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "Please give the reason for the rejection." in page
    assert 'id="id_reject-note-error"' in page
    assert f'value="{day.isoformat()}"' in page
    assert '<details class="rc-step" id="step-reject" open>' in page
    recommendation.refresh_from_db()
    assert recommendation.status == S.UNDER_REVIEW


@pytest.mark.django_db
def test_a_decision_in_the_future_is_refused_at_its_date(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    english.force_login(officer_eilenburg)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = english.post(step_url(recommendation, "adopt"), {"adopt-decided_on": str(tomorrow)})

    assert response.status_code == 422
    assert 'id="id_adopt-decided_on-error"' in response.content.decode()
    assert "lies in the future" in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.status == S.UNDER_REVIEW


@pytest.mark.django_db
def test_a_council_link_that_is_no_address_is_refused(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    english.force_login(officer_eilenburg)

    response = english.post(
        step_url(recommendation, "put_on_agenda"),
        {
            "put_on_agenda-agenda_body": "Ausschuss für Stadtentwicklung",
            "put_on_agenda-agenda_date": str(timezone.localdate() + dt.timedelta(days=9)),
            "put_on_agenda-council_url": "Allris TOP 7",
        },
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert 'id="id_put_on_agenda-council_url-error"' in page
    assert "is not a web address" in page
    assert 'value="Ausschuss für Stadtentwicklung"' in page
    recommendation.refresh_from_db()
    assert recommendation.status == S.UNDER_REVIEW
    assert recommendation.agenda_body == ""


@pytest.mark.django_db
def test_a_step_out_of_order_names_the_possible_steps(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    english.force_login(officer_eilenburg)

    response = english.post(step_url(recommendation, "mark_implemented"))

    page = response.content.decode()
    assert response.status_code == 422
    assert "You can: Put on an agenda, Record the decision: adopted" in page
    recommendation.refresh_from_db()
    assert recommendation.status == S.UNDER_REVIEW


@pytest.mark.django_db
def test_the_partner_puts_it_on_the_agenda_and_adopts_it(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    english.force_login(officer_eilenburg)
    meeting = timezone.localdate()

    english.post(
        step_url(recommendation, "put_on_agenda"),
        {
            "put_on_agenda-agenda_body": "Stadtrat",
            "put_on_agenda-agenda_date": str(meeting),
            "put_on_agenda-agenda_item": "Ö 4",
            "put_on_agenda-council_url": COUNCIL_URL,
        },
    )
    response = english.post(step_url(recommendation, "adopt"), {"adopt-decided_on": str(meeting)})

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == S.ADOPTED
    assert recommendation.council_url == COUNCIL_URL
    assert recommendation.decided_on == meeting
    page = english.get(url(recommendation)).content.decode()
    assert "Adopted" in page
    assert "Progress of the implementation" in page


@pytest.mark.django_db
def test_the_coordination_records_on_behalf_of_the_partner(
    english, project, town_eilenburg, coordinator
):
    recommendation = make(project, town_eilenburg, S.HANDED_OVER)
    english.force_login(coordinator)

    english.post(step_url(recommendation, "confirm_receipt"), {"confirm_receipt-note": "Brief"})

    page = english.get(url(recommendation)).content.decode()
    assert "on behalf of the partner" in page


# --- implementation -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_partner_plans_and_updates_milestones(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.IN_IMPLEMENTATION)
    english.force_login(officer_eilenburg)

    response = english.post(
        url(recommendation, "milestone-new"),
        {"milestone-title": "Kataster online", "milestone-progress": "40"},
    )

    milestone = ImplementationMilestone.objects.get()
    assert response.status_code == 302
    assert milestone.progress == 40
    response = english.post(
        url(recommendation, "milestone-edit", milestone.pk),
        {f"m{milestone.pk}-progress": "70", f"m{milestone.pk}-done": "on"},
    )
    milestone.refresh_from_db()
    recommendation.refresh_from_db()
    assert milestone.done and milestone.progress == 100
    assert recommendation.progress == 100
    page = english.get(url(recommendation)).content.decode()
    assert "Kataster online" in page
    assert "100 %" in page
    assert '<progress id="implementation-progress" max="100" value="100">' in page
    assert 'id="path-progress"' not in page  # one progress figure, not two side by side
    assert page.count("<progress") == 2  # the implementation's and the milestone's


@pytest.mark.django_db
def test_a_milestone_without_a_title_keeps_the_input(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.ADOPTED)
    english.force_login(officer_eilenburg)

    response = english.post(
        url(recommendation, "milestone-new"),
        {"milestone-title": " ", "milestone-progress": "25"},
    )

    assert response.status_code == 422
    assert "Please give the milestone a title." in response.content.decode()
    assert 'value="25"' in response.content.decode()
    assert not ImplementationMilestone.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["student_geography", "officer_zeitz", "researcher"])
def test_only_the_partners_side_keeps_the_implementation(
    request, client, project, town_eilenburg, persona
):
    recommendation = make(project, town_eilenburg, S.IN_IMPLEMENTATION)
    milestone = ImplementationMilestoneFactory(recommendation=recommendation)
    client.force_login(request.getfixturevalue(persona))

    assert (
        client.post(url(recommendation, "milestone-new"), {"milestone-title": "X"}).status_code
        == 403
    )
    assert (
        client.post(
            url(recommendation, "milestone-edit", milestone.pk), {f"m{milestone.pk}-progress": 5}
        ).status_code
        == 403
    )
    assert client.post(url(recommendation, "progress"), {"progress": "50"}).status_code == 403
    assert ImplementationMilestone.objects.count() == 1


@pytest.mark.django_db
def test_the_progress_is_set_by_hand_and_reset(english, project, town_eilenburg, coordinator):
    recommendation = make(project, town_eilenburg, S.IN_IMPLEMENTATION)
    ImplementationMilestoneFactory(recommendation=recommendation, progress=20)
    english.force_login(coordinator)

    english.post(url(recommendation, "progress"), {"progress": "65"})
    recommendation.refresh_from_db()
    assert (recommendation.progress, recommendation.progress_is_manual) == (65, True)

    english.post(url(recommendation, "progress"), {"progress": ""})
    recommendation.refresh_from_db()
    assert (recommendation.progress, recommendation.progress_is_manual) == (20, False)

    response = english.post(url(recommendation, "progress"), {"progress": "140"})
    assert response.status_code == 422
    assert 'value="140"' in response.content.decode()


# --- asking for approval --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_team_asks_for_approval_from_its_draft(
    english,
    project,
    town_eilenburg,
    student_geography,
    supervisor,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    recommendation = make(project, town_eilenburg)
    english.force_login(student_geography)
    page = english.get(url(recommendation)).content.decode()
    assert "Ask for approval" in page
    assert "they ask Supervisor" not in page  # names, not roles
    assert f"they ask {supervisor} for approval." in page

    with django_capture_on_commit_callbacks(execute=True):
        response = english.post(
            step_url(recommendation, "request_approval"),
            {"request_approval-note": "Bitte bis Freitag."},
            follow=True,
        )

    page = response.content.decode()
    assert f"Asked for approval: {supervisor} will hear of it by e-mail." in page
    assert f"Waiting for approval by {supervisor}." in page
    assert "Approval requested" in page  # in the history
    assert [m.to for m in mailoutbox] == [[supervisor.email]]
    recommendation.refresh_from_db()
    assert recommendation.status == S.DRAFTED


@pytest.mark.django_db
def test_asking_for_approval_of_an_incomplete_draft_names_what_is_missing(
    english, project, town_eilenburg, student_geography
):
    recommendation = make(project, town_eilenburg, summary="", rationale="")
    english.force_login(student_geography)

    response = english.post(
        step_url(recommendation, "request_approval"), {"request_approval-note": "Fertig?"}
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "Please fill in: summary, rationale." in page
    assert '<details class="rc-step" id="step-request_approval" open>' in page
    assert "Fertig?" in page
    assert not recommendation.events.exists()


@pytest.mark.django_db
def test_only_the_authors_ask_for_approval(client, project, town_eilenburg, supervisor):
    recommendation = make(project, town_eilenburg)
    client.force_login(supervisor)

    assert client.post(step_url(recommendation, "request_approval")).status_code == 403


# --- a second click -------------------------------------------------------------------------


@pytest.mark.django_db
def test_confirming_receipt_twice_says_it_is_already_recorded(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.HANDED_OVER)
    english.force_login(officer_eilenburg)

    first = english.post(step_url(recommendation, "confirm_receipt"))
    second = english.post(step_url(recommendation, "confirm_receipt"), follow=True)

    assert first.status_code == 302
    assert second.redirect_chain == [(url(recommendation) + "#status", 302)]
    assert "Already recorded." in second.content.decode()
    assert recommendation.events.filter(action="confirm_receipt").count() == 1


@pytest.mark.django_db
def test_two_clicks_at_once_say_it_is_already_recorded(
    english, project, town_eilenburg, officer_eilenburg
):
    """The second click was read before the first committed: the service refuses it as out of
    order, and the page says it is done."""
    recommendation = make(project, town_eilenburg, S.HANDED_OVER)
    english.force_login(officer_eilenburg)
    english.post(step_url(recommendation, "confirm_receipt"))
    calls = []

    def stale_then_fresh(user, pk, action):
        calls.append(action)
        if len(calls) == 1:
            return False  # as if read before the first click committed
        return real(user, pk, action)

    from transferraum.recommendations.views import detail as detail_views

    real = detail_views._already_recorded
    with mock.patch.object(detail_views, "_already_recorded", stale_then_fresh):
        response = english.post(step_url(recommendation, "confirm_receipt"), follow=True)

    assert "Already recorded." in response.content.decode()
    assert len(calls) == 2


@pytest.mark.django_db
def test_the_same_step_by_someone_else_is_out_of_order(
    english, project, town_eilenburg, officer_eilenburg, coordinator
):
    recommendation = make(project, town_eilenburg, S.HANDED_OVER)
    english.force_login(officer_eilenburg)
    english.post(step_url(recommendation, "confirm_receipt"))
    english.force_login(coordinator)

    response = english.post(step_url(recommendation, "confirm_receipt"))

    assert response.status_code == 422
    assert "You can: Start the review." in response.content.decode()


@pytest.mark.django_db
def test_asking_for_approval_twice_sends_one_mail(
    english,
    project,
    town_eilenburg,
    student_geography,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    recommendation = make(project, town_eilenburg)
    english.force_login(student_geography)

    with django_capture_on_commit_callbacks(execute=True):
        english.post(step_url(recommendation, "request_approval"))
        response = english.post(step_url(recommendation, "request_approval"), follow=True)

    assert "Already recorded." in response.content.decode()
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_date_picker_of_a_first_answer_starts_today(
    english, project, town_eilenburg, officer_eilenburg
):
    """The first answer's date picker starts today (its date must be today or later)."""
    recommendation = make(project, town_eilenburg, S.HANDED_OVER)
    english.force_login(officer_eilenburg)

    page = english.get(url(recommendation)).content.decode()

    assert f'min="{timezone.localdate().isoformat()}"' in page
    assert 'name="confirm_receipt-first_answer_due"' in page


# --- a step out of order keeps what was typed -----------------------------------------------


@pytest.mark.django_db
def test_out_of_order_the_typed_text_can_be_copied(
    english, project, town_eilenburg, officer_eilenburg
):
    recommendation = make(project, town_eilenburg, S.UNDER_REVIEW)
    english.force_login(officer_eilenburg)
    reason = "Der Stadtrat hat im Mai entschieden: kein Geld im Haushalt 2027."
    # Someone else recorded the decision in the meantime.
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=S.REJECTED, decision_note="Kein Geld.", decided_on=timezone.localdate()
    )

    response = english.post(
        step_url(recommendation, "reject"),
        {"reject-decided_on": str(timezone.localdate()), "reject-note": reason},
    )

    page = response.content.decode()
    assert response.status_code == 422
    assert "no further steps follow" in page
    assert 'id="step-kept"' in page
    assert reason in page


# --- what happens next, and who sees it -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "sentence"),
    [
        (
            dt.date(2026, 12, 1),
            "Waiting for Stadtverwaltung Eilenburg to confirm receipt "
            "(first answer due Dec. 24, 2026).",
        ),
        (
            dt.date(2027, 1, 5),
            "Waiting for Stadtverwaltung Eilenburg to confirm receipt "
            "(the first answer was due on Dec. 24, 2026).",
        ),
    ],
)
def test_everyone_reads_what_happens_next(english, project, town_eilenburg, today, sentence):
    recommendation = make(
        project, town_eilenburg, S.HANDED_OVER, first_answer_due=dt.date(2026, 12, 24)
    )

    noon = dt.datetime.combine(today, dt.time(12), tzinfo=timezone.get_current_timezone())
    with time_machine.travel(noon, tick=False):
        page = english.get(url(recommendation)).content.decode()

    assert "What happens next:" in page
    assert sentence in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "marked"), [(S.DRAFTED, True), (S.APPROVED, True), (S.HANDED_OVER, False)]
)
def test_a_text_not_handed_over_is_marked_not_public(
    english, project, town_eilenburg, coordinator, status, marked
):
    recommendation = make(project, town_eilenburg, status)
    english.force_login(coordinator)

    page = english.get(url(recommendation)).content.decode()

    assert ("Not public yet" in page) is marked
    assert (
        "only the authors, the supervisors and the coordination see it" in page.lower()
    ) is marked


@pytest.mark.django_db
def test_the_page_computes_the_roles_once(english, project, town_eilenburg, officer_eilenburg):
    recommendation = make(project, town_eilenburg, S.ADOPTED)
    english.force_login(officer_eilenburg)

    with mock.patch.object(permissions, "roles_for", wraps=permissions.roles_for) as again:
        response = english.get(url(recommendation))

    assert response.status_code == 200
    assert "Add a milestone" in response.content.decode()  # can_manage_milestones was asked
    assert again.call_count == 0  # … with the roles the view already had


def test_a_rejected_recommendation_is_closed_not_partly_done(english, project, town_eilenburg):
    rejected = make(project, town_eilenburg, S.REJECTED)
    on_agenda = make(project, town_eilenburg, S.ON_AGENDA)

    page = english.get(url(rejected)).content.decode()
    assert "Closed: rejected" in page
    assert 'id="path-progress"' not in page

    page = english.get(url(on_agenda)).content.decode()
    assert "Step 6 of 10: On the agenda" in page
    assert "Progress along the way: step 6 of 10" in page
