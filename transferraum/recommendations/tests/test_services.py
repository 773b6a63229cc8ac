"""Services: drafts, evidence, every step with its data, milestones, notifications, and every
bad-input rule of the issue (with nothing stored half)."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import Document
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)
from transferraum.recommendations.services import (
    STEP_SERVICES,
    AlreadyRequested,
    DuplicateDraft,
    milestone_add,
    milestone_update,
    recommendation_adopt,
    recommendation_adopt_with_changes,
    recommendation_approve,
    recommendation_confirm_receipt,
    recommendation_create,
    recommendation_evaluate,
    recommendation_evidence_set,
    recommendation_hand_over,
    recommendation_mark_implemented,
    recommendation_progress_set,
    recommendation_put_on_agenda,
    recommendation_reject,
    recommendation_reopen,
    recommendation_request_approval,
    recommendation_start_review,
    recommendation_update,
)
from transferraum.recommendations.tests.factories import (
    ImplementationMilestoneFactory,
    RecommendationFactory,
    ResearchRecommendationFactory,
    team_project,
)
from transferraum.recommendations.workflow import LIFECYCLE

S = Recommendation.Status
TODAY = timezone.localdate
COUNCIL_URL = "https://eilenburg.ratsinfomanagement.net/sdnetrim/vo0050?__kvonr=4711"


def content(**extra):
    return {
        "title": "Leerstandskataster für die Innenstadt",
        "summary": "Ein öffentliches Kataster der leeren Läden.",
        "rationale": "Interessenten finden die Läden nicht.",
        "addressee_kind": Recommendation.Addressee.COUNCIL,
        "addressee_name": "Stadtrat Eilenburg",
        **extra,
    }


def draft(actor, project, **extra):
    return recommendation_create(actor=actor, project=project, data=content(**extra))


def handed_over(member, supervisor, project, **extra):
    recommendation = draft(member, project, **extra)
    recommendation_approve(actor=supervisor, recommendation=recommendation)
    return recommendation_hand_over(actor=member, recommendation=recommendation)


def under_review(member, supervisor, partner, project, **extra):
    recommendation = handed_over(member, supervisor, project, **extra)
    for action in ("confirm_receipt", "start_review"):
        recommendation = STEP_SERVICES[action](
            actor=partner,
            recommendation=recommendation,
        )
    return recommendation


def events(recommendation):
    return list(
        RecommendationEvent.objects.filter(recommendation=recommendation).values_list(
            "action", "from_status", "to_status"
        )
    )


# --- drafts ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_team_member_drafts_for_the_project(student_geography, project):
    recommendation = draft(student_geography, project, cost_min=2000, cost_max=5000)

    assert recommendation.status == S.DRAFTED
    assert recommendation.written_by_kind == Recommendation.Author.TEAM
    assert recommendation.round == project.round
    assert recommendation.municipality.name == "Eilenburg"
    assert recommendation.created_by == student_geography
    assert events(recommendation) == [("created", "", S.DRAFTED)]
    assert Activity.objects.filter(verb="recommendation.created").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["student_informatics", "supervisor", "officer_eilenburg"])
def test_only_the_team_drafts_for_a_project(request, project, persona):
    with pytest.raises(PermissionDenied):
        draft(request.getfixturevalue(persona), project)
    assert not Recommendation.objects.exists()


@pytest.mark.django_db
def test_a_researcher_drafts_without_a_project(researcher, town_eilenburg, project):
    recommendation = recommendation_create(
        actor=researcher,
        data=content(addressee_organisation=town_eilenburg, round=project.round),
    )

    assert recommendation.written_by_kind == Recommendation.Author.RESEARCH
    assert recommendation.project is None
    assert recommendation.round == project.round
    assert recommendation.municipality == town_eilenburg.municipality


@pytest.mark.django_db
def test_a_project_fixes_round_and_town(student_geography, project, town_zeitz):
    with pytest.raises(ValueError, match="municipality"):
        draft(student_geography, project, municipality=town_zeitz.municipality)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"title": "  "}, "title"),
        ({"cost_min": 5000, "cost_max": 2000}, "cost_max"),
        ({"cost_min": 2000.5}, "cost_min"),
        ({"cost_max": -1}, "cost_max"),
        ({"effort_days_min": 10, "effort_days_max": 5}, "effort_days_max"),
        ({"effort": "huge"}, "effort"),
        ({"first_answer_due": dt.date(2020, 1, 1)}, "first_answer_due"),
        ({"evidence_links": [{"url": "kein Link"}]}, "evidence_links"),
        ({"evidence_links": ["javascript:alert(1)"]}, "evidence_links"),
        # Refused with its limit, never cut to 200 characters.
        (
            {"evidence_links": [{"url": "https://example.org/", "title": "Gutachten " * 21}]},
            "evidence_links",
        ),
    ],
)
def test_bad_content_is_refused_and_nothing_stored(student_geography, project, extra, field):
    with pytest.raises(DomainError) as error:
        draft(student_geography, project, **extra)

    assert error.value.field == field
    assert not Recommendation.objects.exists()
    assert not RecommendationEvent.objects.exists()


@pytest.mark.django_db
def test_a_due_date_in_the_past_is_refused_on_update_too(student_geography, project):
    recommendation = draft(student_geography, project, first_answer_due=TODAY())

    with pytest.raises(DomainError, match="past") as error:
        recommendation_update(
            actor=student_geography,
            recommendation=recommendation,
            data={"first_answer_due": TODAY() - dt.timedelta(days=1), "title": "Neu"},
        )

    assert error.value.field == "first_answer_due"
    recommendation.refresh_from_db()
    assert (recommendation.title, recommendation.first_answer_due) == (content()["title"], TODAY())
    assert events(recommendation) == [("created", "", S.DRAFTED)]


@pytest.mark.django_db
def test_the_responsible_person_must_be_on_the_partners_side(
    student_geography, project, officer_zeitz, officer_eilenburg, town_eilenburg
):
    with pytest.raises(DomainError) as error:
        draft(student_geography, project, responsible_person=officer_zeitz)
    assert error.value.field == "responsible_person"
    assert "Stadtverwaltung Eilenburg" in error.value.message

    recommendation = draft(
        student_geography,
        project,
        responsible_person=officer_eilenburg,
        addressee_organisation=town_eilenburg,
    )
    assert recommendation.responsible_person == officer_eilenburg


@pytest.mark.django_db
def test_links_are_kept_with_a_title(student_geography, project):
    recommendation = draft(
        student_geography,
        project,
        evidence_links=[
            "https://www.statistik.sachsen.de/",
            {"title": "Einzelhandelskonzept", "url": "https://eilenburg.de/ehk.pdf"},
        ],
    )

    assert recommendation.evidence_links == [
        {"title": "https://www.statistik.sachsen.de/", "url": "https://www.statistik.sachsen.de/"},
        {"title": "Einzelhandelskonzept", "url": "https://eilenburg.de/ehk.pdf"},
    ]


@pytest.mark.django_db
def test_only_authors_update_and_only_drafts(student_geography, supervisor, project):
    recommendation = draft(student_geography, project)
    with pytest.raises(PermissionDenied):
        recommendation_update(actor=supervisor, recommendation=recommendation, data={"title": "X"})

    recommendation = recommendation_update(
        actor=student_geography,
        recommendation=recommendation,
        data={"title": "Kataster und Zwischennutzung", "cost_min": 1000, "cost_max": 1000},
    )
    assert recommendation.title == "Kataster und Zwischennutzung"
    assert events(recommendation)[-1] == ("updated", S.DRAFTED, S.DRAFTED)

    recommendation_approve(actor=supervisor, recommendation=recommendation)
    with pytest.raises(PermissionDenied):
        recommendation_update(
            actor=student_geography, recommendation=recommendation, data={"title": "X"}
        )


# --- evidence -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_evidence_only_from_the_same_project(student_geography, project, town_eilenburg):
    report = Document.objects.create(
        project=project, title="Abschlussbericht", category=Document.Category.REPORT
    )
    other = team_project(town_eilenburg)
    foreign = Document.objects.create(project=other, title="Fremder Bericht")

    with pytest.raises(DomainError, match="Fremder Bericht") as error:
        recommendation_create(
            actor=student_geography, project=project, data=content(), evidence=[report, foreign]
        )
    assert error.value.field == "evidence"
    assert not Recommendation.objects.exists()

    recommendation = recommendation_create(
        actor=student_geography, project=project, data=content(), evidence=[report]
    )
    assert list(recommendation.evidence.all()) == [report]
    with pytest.raises(DomainError):
        recommendation_evidence_set(
            actor=student_geography, recommendation=recommendation, documents=[foreign]
        )
    assert list(recommendation.evidence.all()) == [report]

    recommendation_evidence_set(
        actor=student_geography,
        recommendation=recommendation,
        documents=[],
        links=["https://eilenburg.de/ehk.pdf"],
    )
    assert not recommendation.evidence.exists()
    assert events(recommendation)[-1][0] == "evidence_changed"


@pytest.mark.django_db
def test_a_research_recommendation_without_project_takes_no_documents(researcher, project):
    report = Document.objects.create(project=project, title="Abschlussbericht")

    with pytest.raises(DomainError):
        recommendation_create(actor=researcher, data=content(), evidence=[report])


# --- approval and hand-over -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_supervisor_approves_and_the_team_hears_of_it(
    student_geography, supervisor, project, mailoutbox, django_capture_on_commit_callbacks
):
    recommendation = draft(student_geography, project)

    with django_capture_on_commit_callbacks(execute=True):
        recommendation = recommendation_approve(actor=supervisor, recommendation=recommendation)

    assert recommendation.status == S.APPROVED
    assert recommendation.approved_by == supervisor
    assert recommendation.approved_at is not None
    assert [m.to for m in mailoutbox] == [[student_geography.email]]


@pytest.mark.django_db
def test_approval_needs_a_complete_text(student_geography, supervisor, project):
    recommendation = draft(student_geography, project, summary="")

    with pytest.raises(DomainError) as error:
        recommendation_approve(actor=supervisor, recommendation=recommendation)

    assert error.value.field == "summary"
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.approved_by) == (S.DRAFTED, None)


@pytest.mark.django_db
def test_reopening_withdraws_the_approval(student_geography, supervisor, project):
    recommendation = draft(student_geography, project)
    recommendation_approve(actor=supervisor, recommendation=recommendation)

    recommendation = recommendation_reopen(
        actor=student_geography, recommendation=recommendation, note="Tippfehler"
    )

    assert (recommendation.status, recommendation.approved_by) == (S.DRAFTED, None)


@pytest.mark.django_db
def test_hand_over_only_after_approval(student_geography, project):
    recommendation = draft(student_geography, project)

    with pytest.raises(DomainError) as error:
        recommendation_hand_over(
            actor=student_geography,
            recommendation=recommendation,
        )

    # what the team can do, and whose turn the approval is
    assert error.value.message == (
        "This step is not possible while the recommendation is “Drafted”. "
        "You can: Ask for approval. Next, the project's supervisors: Approve."
    )


@pytest.mark.django_db
def test_a_research_recommendation_is_approved_by_a_coordinator(
    researcher, coordinator, town_eilenburg
):
    recommendation = recommendation_create(
        actor=researcher, data=content(addressee_organisation=town_eilenburg)
    )
    with pytest.raises(PermissionDenied, match="coordinator"):
        recommendation_approve(actor=researcher, recommendation=recommendation)

    recommendation_approve(actor=coordinator, recommendation=recommendation)
    recommendation = recommendation_hand_over(
        actor=researcher,
        recommendation=recommendation,
    )
    assert recommendation.status == S.HANDED_OVER


@pytest.mark.django_db
def test_research_without_an_organisation_cannot_be_handed_over(researcher, coordinator):
    recommendation = recommendation_create(actor=researcher, data=content())

    with pytest.raises(DomainError) as error:
        recommendation_approve(actor=coordinator, recommendation=recommendation)

    assert error.value.field == "addressee_organisation"


@pytest.mark.django_db
def test_the_hand_over_mails_the_responsible_person_in_her_language(
    student_geography,
    supervisor,
    project,
    officer_eilenburg,
    town_eilenburg,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    officer_eilenburg.language = "en"
    officer_eilenburg.save()
    recommendation = draft(
        student_geography,
        project,
        responsible_person=officer_eilenburg,
        addressee_organisation=town_eilenburg,
        first_answer_due=TODAY() + dt.timedelta(days=30),
    )
    recommendation_approve(actor=supervisor, recommendation=recommendation)

    with django_capture_on_commit_callbacks(execute=True):
        recommendation_hand_over(
            actor=student_geography,
            recommendation=recommendation,
        )

    (message,) = mailoutbox
    assert message.to == [officer_eilenburg.email]
    assert message.extra_headers["Content-Language"] == "en"
    assert recommendation.title in message.subject
    assert project.title in message.body


@pytest.mark.django_db
def test_without_a_responsible_person_the_partner_contacts_hear_of_the_hand_over(
    student_geography,
    supervisor,
    project,
    member_eilenburg,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    project.partner_contacts.add(member_eilenburg)

    with django_capture_on_commit_callbacks(execute=True):
        handed_over(student_geography, supervisor, project)

    assert mailoutbox[-1].to == [member_eilenburg.email]


@pytest.mark.django_db
def test_a_passed_due_date_must_be_renewed_at_the_hand_over(student_geography, supervisor, project):
    recommendation = draft(student_geography, project, first_answer_due=TODAY())
    recommendation_approve(actor=supervisor, recommendation=recommendation)
    Recommendation.objects.filter(pk=recommendation.pk).update(
        first_answer_due=TODAY() - dt.timedelta(days=3)
    )

    with pytest.raises(DomainError, match="passed") as error:
        recommendation_hand_over(
            actor=student_geography,
            recommendation=recommendation,
        )
    assert error.value.field == "first_answer_due"

    with pytest.raises(DomainError, match="past"):
        recommendation_hand_over(
            actor=student_geography,
            recommendation=recommendation,
            first_answer_due=TODAY() - dt.timedelta(days=1),
        )
    recommendation = recommendation_hand_over(
        actor=student_geography,
        recommendation=recommendation,
        first_answer_due=TODAY() + dt.timedelta(days=60),
    )
    assert recommendation.first_answer_due == TODAY() + dt.timedelta(days=60)


# --- the partner's steps --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_person_of_another_town_cannot_change_the_status(
    student_geography, supervisor, project, officer_zeitz
):
    recommendation = handed_over(student_geography, supervisor, project)
    before = events(recommendation)

    with pytest.raises(PermissionDenied, match="Stadtverwaltung Eilenburg"):
        recommendation_confirm_receipt(
            actor=officer_zeitz,
            recommendation=recommendation,
        )

    recommendation.refresh_from_db()
    assert recommendation.status == S.HANDED_OVER
    assert events(recommendation) == before


@pytest.mark.django_db
def test_receipt_may_name_the_responsible_person(
    student_geography, supervisor, project, officer_eilenburg, member_eilenburg, officer_zeitz
):
    recommendation = handed_over(student_geography, supervisor, project)
    with pytest.raises(DomainError):
        recommendation_confirm_receipt(
            actor=officer_eilenburg,
            recommendation=recommendation,
            responsible_person=officer_zeitz,
        )

    recommendation = recommendation_confirm_receipt(
        actor=officer_eilenburg,
        recommendation=recommendation,
        responsible_person=member_eilenburg,
    )

    assert recommendation.responsible_person == member_eilenburg
    assert recommendation.events.last().data["responsible_person"]["id"] == member_eilenburg.pk


@pytest.mark.django_db
def test_the_agenda_needs_body_date_and_a_real_link(
    student_geography,
    supervisor,
    project,
    officer_eilenburg,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)
    before = events(recommendation)
    meeting = TODAY() + dt.timedelta(days=14)

    for data, field in [
        ({"agenda_date": meeting}, "agenda_body"),
        ({"agenda_body": "Stadtrat"}, "agenda_date"),
        (
            {"agenda_body": "Stadtrat", "agenda_date": meeting, "council_url": "Allris TOP 7"},
            "council_url",
        ),
        (
            {"agenda_body": "Stadtrat", "agenda_date": meeting, "council_url": "ftp://rat.de/7"},
            "council_url",
        ),
    ]:
        with pytest.raises(DomainError) as error:
            recommendation_put_on_agenda(
                actor=officer_eilenburg,
                recommendation=recommendation,
                **data,
            )
        assert error.value.field == field

    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.agenda_body, recommendation.agenda_date) == (
        S.UNDER_REVIEW,
        "",
        None,
    )
    assert events(recommendation) == before
    with django_capture_on_commit_callbacks(execute=True):
        recommendation = recommendation_put_on_agenda(
            actor=officer_eilenburg,
            recommendation=recommendation,
            agenda_body="Stadtrat",
            agenda_date=meeting,
            agenda_item="Ö 7",
            council_url=COUNCIL_URL,
        )
    assert recommendation.status == S.ON_AGENDA
    assert recommendation.council_url == COUNCIL_URL
    assert recommendation.events.last().data["agenda_date"] == meeting.isoformat()
    assert [m.to for m in mailoutbox] == [[student_geography.email]]
    assert COUNCIL_URL in mailoutbox[0].body


@pytest.mark.django_db
def test_rejecting_needs_a_reason_and_nothing_is_stored_without(
    student_geography, supervisor, project, officer_eilenburg
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)
    before = events(recommendation)

    with pytest.raises(DomainError) as error:
        recommendation_reject(
            actor=officer_eilenburg,
            recommendation=recommendation,
            note="  ",
            decided_on=TODAY(),
        )

    assert error.value.field == "note"
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.decided_on) == (S.UNDER_REVIEW, None)
    assert events(recommendation) == before


@pytest.mark.django_db
def test_the_rejection_reaches_the_authors_with_its_reason(
    student_geography,
    supervisor,
    project,
    officer_eilenburg,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)

    with django_capture_on_commit_callbacks(execute=True):
        recommendation = recommendation_reject(
            actor=officer_eilenburg,
            recommendation=recommendation,
            note="Kein Geld im Haushalt 2027.",
            decided_on=TODAY(),
        )

    assert recommendation.status == S.REJECTED
    assert recommendation.decision_note == "Kein Geld im Haushalt 2027."
    (message,) = mailoutbox
    assert message.to == [student_geography.email]
    assert "Kein Geld im Haushalt 2027." in message.body


@pytest.mark.django_db
def test_adopting_with_changes_needs_the_changes(
    student_geography, supervisor, project, officer_eilenburg
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)

    with pytest.raises(DomainError) as error:
        recommendation_adopt_with_changes(
            actor=officer_eilenburg,
            recommendation=recommendation,
            decided_on=TODAY(),
        )
    assert error.value.field == "note"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decided_on", "message"),
    [(None, "date"), (dt.timedelta(days=1), "future"), (dt.timedelta(days=-1), "hand-over")],
)
def test_the_decision_date_is_given_not_in_the_future_nor_before_the_hand_over(
    student_geography, supervisor, project, officer_eilenburg, decided_on, message
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)
    data = {"decided_on": TODAY() + decided_on} if decided_on else {}

    with pytest.raises(DomainError, match=message) as error:
        recommendation_adopt(actor=officer_eilenburg, recommendation=recommendation, **data)

    assert error.value.field == "decided_on"


@pytest.mark.django_db
def test_skipping_the_order_names_the_allowed_next_steps(
    student_geography, supervisor, project, officer_eilenburg
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)
    recommendation = recommendation_adopt(
        actor=officer_eilenburg, recommendation=recommendation, decided_on=TODAY()
    )

    with pytest.raises(DomainError) as error:
        recommendation_mark_implemented(
            actor=officer_eilenburg,
            recommendation=recommendation,
        )

    assert "You can: Start the implementation." in error.value.message
    recommendation.refresh_from_db()
    assert recommendation.status == S.ADOPTED


@pytest.mark.django_db
def test_a_second_click_is_refused(student_geography, supervisor, project, officer_eilenburg):
    recommendation = handed_over(student_geography, supervisor, project)
    recommendation_confirm_receipt(
        actor=officer_eilenburg,
        recommendation=recommendation,
    )

    with pytest.raises(DomainError):
        recommendation_confirm_receipt(
            actor=officer_eilenburg,
            recommendation=recommendation,
        )
    assert [e[0] for e in events(recommendation)].count("confirm_receipt") == 1


@pytest.mark.django_db
def test_a_coordinator_acts_on_the_partners_behalf(
    student_geography, supervisor, project, coordinator
):
    recommendation = handed_over(student_geography, supervisor, project)

    recommendation_confirm_receipt(actor=coordinator, recommendation=recommendation)

    event = recommendation.events.last()
    assert (event.actor, event.data) == (coordinator, {"on_behalf": True})


@pytest.mark.django_db
def test_deferred_goes_back_to_the_review_or_the_agenda(
    student_geography, supervisor, project, officer_eilenburg
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)
    act = lambda action, **data: STEP_SERVICES[action](  # noqa: E731
        actor=officer_eilenburg, recommendation=recommendation, **data
    )

    act("defer", note="Erst nach dem Haushalt.")
    act("resume_review")
    act("defer")
    recommendation = act(
        "put_on_agenda", agenda_body="Stadtrat", agenda_date=TODAY() + dt.timedelta(days=7)
    )

    assert recommendation.status == S.ON_AGENDA
    assert recommendation.decided_on is None


@pytest.mark.django_db
def test_the_whole_chain_is_one_timeline(
    student_geography, supervisor, project, officer_eilenburg, researcher, mailoutbox
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)
    steps = [
        ("put_on_agenda", {"agenda_body": "Stadtrat", "agenda_date": TODAY()}),
        ("adopt", {"decided_on": TODAY(), "note": "Einstimmig."}),
        ("start_implementation", {}),
        ("mark_implemented", {}),
    ]
    for action, data in steps:
        recommendation = STEP_SERVICES[action](
            actor=officer_eilenburg, recommendation=recommendation, **data
        )
    recommendation = recommendation_evaluate(
        actor=researcher,
        recommendation=recommendation,
        evaluation="Neun statt 14 leere Läden am Markt.",
        indicator="leere Läden am Markt",
        indicator_value="14 → 9",
    )

    assert recommendation.status == S.EVALUATED
    assert recommendation.progress == 100
    assert recommendation.decision_note == "Einstimmig."
    assert [e[0] for e in events(recommendation)] == [
        "created",
        "approve",
        "hand_over",
        "confirm_receipt",
        "start_review",
        "put_on_agenda",
        "adopt",
        "start_implementation",
        "mark_implemented",
        "evaluate",
    ]
    chain = [(e[1], e[2]) for e in events(recommendation)]
    assert all(a[1] == b[0] for a, b in zip(chain, chain[1:], strict=False))
    assert Activity.objects.filter(verb="recommendation.evaluate").get().actor == researcher


@pytest.mark.django_db
def test_the_evaluation_says_what_changed(
    student_geography, project, officer_eilenburg, town_eilenburg
):
    recommendation = RecommendationFactory(
        project=project, status=S.IMPLEMENTED, addressee_organisation=town_eilenburg
    )

    with pytest.raises(DomainError) as error:
        recommendation_evaluate(
            actor=officer_eilenburg,
            recommendation=recommendation,
        )
    assert error.value.field == "evaluation"
    with pytest.raises(DomainError) as error:
        recommendation_evaluate(
            actor=officer_eilenburg,
            recommendation=recommendation,
            evaluation="Weniger Leerstand.",
            indicator_value="14 → 9",
        )
    assert error.value.field == "indicator"


@pytest.mark.django_db
def test_unknown_steps_and_data_are_refused(officer_eilenburg, project):
    """A step the lifecycle does not know has no service; a step takes only its own data."""
    recommendation = RecommendationFactory(project=project, status=S.RECEIVED)

    assert "delete" not in LIFECYCLE
    assert set(STEP_SERVICES) == set(LIFECYCLE.steps)
    with pytest.raises(TypeError, match="agenda_body"):
        recommendation_start_review(
            actor=officer_eilenburg,
            recommendation=recommendation,
            agenda_body="Stadtrat",
        )
    recommendation.refresh_from_db()
    assert recommendation.status == S.RECEIVED


@pytest.mark.django_db
def test_no_mail_when_notifications_are_suppressed(
    student_geography, supervisor, project, django_capture_on_commit_callbacks
):
    recommendation = draft(student_geography, project)

    with django_capture_on_commit_callbacks(execute=True), notifications_suppressed():
        recommendation_approve(actor=supervisor, recommendation=recommendation)

    assert mail.outbox == []


# --- implementation -------------------------------------------------------------------------


@pytest.fixture
def adopted(project, town_eilenburg):
    return RecommendationFactory(
        project=project, status=S.ADOPTED, addressee_organisation=town_eilenburg
    )


@pytest.mark.django_db
def test_the_progress_is_the_mean_of_the_milestones(officer_eilenburg, adopted):
    first = milestone_add(
        actor=officer_eilenburg, recommendation=adopted, title="Daten erheben", progress=50
    )
    second = milestone_add(actor=officer_eilenburg, recommendation=adopted, title="Online stellen")
    adopted.refresh_from_db()
    assert adopted.progress == 25

    milestone_update(actor=officer_eilenburg, milestone=second, progress=25)
    adopted.refresh_from_db()
    assert adopted.progress == 38  # (50 + 25) / 2 = 37.5, rounded half up

    first = milestone_update(actor=officer_eilenburg, milestone=first, done=True)
    assert (first.done, first.progress) == (True, 100)
    adopted.refresh_from_db()
    assert adopted.progress == 63
    assert [e[0] for e in events(adopted)] == [
        "milestone_added",
        "milestone_added",
        "milestone_updated",
        "milestone_updated",
    ]


@pytest.mark.django_db
def test_a_hundred_percent_is_done_and_reopening_drops_it(officer_eilenburg, adopted):
    milestone = milestone_add(actor=officer_eilenburg, recommendation=adopted, title="Beschluss")

    milestone = milestone_update(actor=officer_eilenburg, milestone=milestone, progress=100)
    assert milestone.done
    milestone = milestone_update(actor=officer_eilenburg, milestone=milestone, done=False)
    assert (milestone.done, milestone.progress) == (False, 90)


@pytest.mark.django_db
def test_progress_set_by_hand_stays_until_reset(officer_eilenburg, adopted):
    milestone = milestone_add(
        actor=officer_eilenburg, recommendation=adopted, title="Daten", progress=20
    )

    recommendation_progress_set(actor=officer_eilenburg, recommendation=adopted, progress=70)
    milestone_update(actor=officer_eilenburg, milestone=milestone, progress=40)
    adopted.refresh_from_db()
    assert (adopted.progress, adopted.progress_is_manual) == (70, True)

    recommendation_progress_set(actor=officer_eilenburg, recommendation=adopted, progress=None)
    adopted.refresh_from_db()
    assert (adopted.progress, adopted.progress_is_manual) == (40, False)


@pytest.mark.django_db
@pytest.mark.parametrize("progress", [-1, 101, 50.5, "50"])
def test_progress_outside_0_to_100_is_refused(officer_eilenburg, adopted, progress):
    with pytest.raises(DomainError) as error:
        milestone_add(
            actor=officer_eilenburg, recommendation=adopted, title="Daten", progress=progress
        )
    assert error.value.field == "progress"
    assert not ImplementationMilestone.objects.exists()
    with pytest.raises(DomainError):
        recommendation_progress_set(
            actor=officer_eilenburg, recommendation=adopted, progress=progress
        )


@pytest.mark.django_db
def test_milestones_only_by_the_partner_side_and_once_adopted(
    officer_eilenburg, officer_zeitz, student_geography, adopted
):
    for actor in (officer_zeitz, student_geography):
        with pytest.raises(PermissionDenied):
            milestone_add(actor=actor, recommendation=adopted, title="Daten")
    milestone = ImplementationMilestoneFactory(recommendation=adopted)
    Recommendation.objects.filter(pk=adopted.pk).update(status=S.IMPLEMENTED)
    with pytest.raises(PermissionDenied):
        milestone_update(actor=officer_eilenburg, milestone=milestone, progress=10)
    with pytest.raises(DomainError):
        Recommendation.objects.filter(pk=adopted.pk).update(status=S.IN_IMPLEMENTATION)
        milestone_add(actor=officer_eilenburg, recommendation=adopted, title=" ")


# --- asking for approval --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_team_asks_its_supervisor_for_approval_in_her_language(
    student_geography, supervisor, project, mailoutbox, django_capture_on_commit_callbacks
):
    supervisor.language = "en"
    supervisor.save()
    recommendation = draft(student_geography, project)

    with django_capture_on_commit_callbacks(execute=True):
        recommendation = recommendation_request_approval(
            actor=student_geography, recommendation=recommendation, note="Bitte bis Freitag."
        )

    # a notice, not a status
    assert recommendation.status == S.DRAFTED
    event = recommendation.events.get(action="approval_requested")
    assert (event.actor, event.note, event.to_status) == (
        student_geography,
        "Bitte bis Freitag.",
        S.DRAFTED,
    )
    assert event.data == {"to": [str(supervisor)]}
    assert Activity.objects.filter(verb="recommendation.approval_requested").exists()
    (message,) = mailoutbox
    assert message.to == [supervisor.email]
    assert message.extra_headers["Content-Language"] == "en"
    assert recommendation.title in message.subject
    assert str(student_geography) in message.body
    assert "Bitte bis Freitag." in message.body
    assert f"/empfehlungen/{recommendation.pk}/" in message.body


@pytest.mark.django_db
def test_asking_again_within_a_day_is_a_second_click_after_it_a_reminder(
    student_geography, supervisor, project, mailoutbox, django_capture_on_commit_callbacks,
    time_machine,
):  # fmt: skip
    time_machine.move_to(timezone.now(), tick=False)
    recommendation = draft(student_geography, project)

    def ask() -> None:
        with django_capture_on_commit_callbacks(execute=True):
            recommendation_request_approval(actor=student_geography, recommendation=recommendation)

    ask()
    time_machine.shift(dt.timedelta(hours=23))
    with pytest.raises(AlreadyRequested):
        ask()
    assert recommendation.events.filter(action="approval_requested").count() == 1
    assert len(mailoutbox) == 1

    time_machine.shift(dt.timedelta(hours=2))
    ask()  # a day later: a reminder
    assert recommendation.events.filter(action="approval_requested").count() == 2
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_research_asks_the_coordinators(
    researcher, coordinator, town_eilenburg, mailoutbox, django_capture_on_commit_callbacks
):
    recommendation = recommendation_create(
        actor=researcher, data=content(addressee_organisation=town_eilenburg)
    )

    with django_capture_on_commit_callbacks(execute=True):
        recommendation_request_approval(actor=researcher, recommendation=recommendation)

    assert [m.to for m in mailoutbox] == [[coordinator.email]]


@pytest.mark.django_db
def test_asking_for_approval_needs_a_complete_text_naming_what_is_missing(
    student_geography, project, mailoutbox, django_capture_on_commit_callbacks
):
    recommendation = draft(student_geography, project, summary="", rationale=" ")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as error:
        recommendation_request_approval(actor=student_geography, recommendation=recommendation)

    assert error.value.field == "summary"
    assert "Please fill in: summary, rationale." in error.value.message
    assert not recommendation.events.filter(action="approval_requested").exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_only_the_authors_ask_for_approval_and_only_for_a_draft(
    student_geography, supervisor, officer_eilenburg, project
):
    recommendation = draft(student_geography, project)
    for person in (supervisor, officer_eilenburg):
        with pytest.raises(PermissionDenied):
            recommendation_request_approval(actor=person, recommendation=recommendation)
    recommendation_approve(actor=supervisor, recommendation=recommendation)

    with pytest.raises(DomainError, match="Only a draft needs approval"):
        recommendation_request_approval(actor=student_geography, recommendation=recommendation)
    assert not recommendation.events.filter(action="approval_requested").exists()


# --- a second click on "Save draft" ---------------------------------------------------------


@pytest.mark.django_db
def test_the_same_draft_twice_within_a_minute_is_refused_naming_the_first(
    student_geography, project, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    first = draft(student_geography, project)

    with pytest.raises(DuplicateDraft) as error:
        draft(student_geography, project, title=f"  {first.title} ")

    assert error.value.recommendation == first
    assert Recommendation.objects.count() == 1
    # another title, or a minute later, is a new draft
    draft(student_geography, project, title="Ein anderer Titel")
    time_machine.shift(dt.timedelta(seconds=61))
    draft(student_geography, project)
    assert Recommendation.objects.count() == 3


# --- the agenda and the hand-over -----------------------------------------------------------


@pytest.mark.django_db
def test_a_meeting_before_the_hand_over_is_refused(
    student_geography, supervisor, officer_eilenburg, project
):
    recommendation = under_review(student_geography, supervisor, officer_eilenburg, project)

    with pytest.raises(DomainError) as error:
        recommendation_put_on_agenda(
            actor=officer_eilenburg,
            recommendation=recommendation,
            agenda_body="Stadtrat",
            agenda_date=TODAY() - dt.timedelta(days=1),
        )

    assert error.value.field == "agenda_date"
    assert "before the hand-over" in error.value.message
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.agenda_date) == (S.UNDER_REVIEW, None)
    # the day of the hand-over itself is fine
    recommendation_put_on_agenda(
        actor=officer_eilenburg,
        recommendation=recommendation,
        agenda_body="Stadtrat",
        agenda_date=TODAY(),
    )


# --- steps out of order name whose turn it is -----------------------------------------------


@pytest.mark.django_db
def test_out_of_order_the_partner_hears_what_it_can_do_and_whose_turn_the_rest_is(
    researcher, coordinator, officer_eilenburg, town_eilenburg
):
    recommendation = ResearchRecommendationFactory(
        created_by=researcher, addressee_organisation=town_eilenburg, status=S.IMPLEMENTED
    )
    with pytest.raises(DomainError) as error:
        recommendation_hand_over(actor=researcher, recommendation=recommendation)
    assert error.value.message == (
        "This step is not possible while the recommendation is “Implemented”. "
        "You can: Record the evaluation."
    )

    recommendation.status = S.DRAFTED
    recommendation.save()
    with pytest.raises(DomainError) as error:
        recommendation_hand_over(actor=researcher, recommendation=recommendation)
    assert "Next, the coordination: Approve." in error.value.message

    recommendation.status = S.HANDED_OVER
    recommendation.save()
    with pytest.raises(DomainError) as error:
        recommendation_reopen(actor=researcher, recommendation=recommendation)
    assert error.value.message.endswith("Next, Stadtverwaltung Eilenburg: Confirm receipt."), (
        error.value.message
    )
    assert "You can" not in error.value.message
