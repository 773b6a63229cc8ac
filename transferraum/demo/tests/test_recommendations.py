"""The demo's recommendations: a consistent table, and loaded with the whole demo (slow, so
few loads) every state of the workflow, reached through the services by the right people at
realistic dates, with figures, reminders, the tracker's confidentiality and a second run."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from transferraum.accounts.models import User
from transferraum.core.models import Activity
from transferraum.demo.recommendations import (
    RECOMMENDATIONS,
    RecommendationSpec,
    demo_recommendations_load,
)
from transferraum.demo.rounds import FINISHED_PROJECTS, FINISHED_ROUND
from transferraum.demo.services import (
    COORDINATOR,
    DEMO_TODAY,
    EILENBURG,
    ORGANISATIONS,
    PEOPLE,
    ZEITZ,
    demo_load,
)
from transferraum.projects.models import Assignment, Round
from transferraum.recommendations import figures, permissions, selectors
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)
from transferraum.recommendations.services import (
    recommendation_adopt,
    recommendation_reminders_send,
)
from transferraum.recommendations.workflow import COORDINATOR as COORDINATOR_ROLE
from transferraum.recommendations.workflow import LIFECYCLE, PARTNER

TRANSITIONS = LIFECYCLE.transitions

S = Recommendation.Status
BERLIN = ZoneInfo("Europe/Berlin")
START = dt.date(2026, 7, 1)  # the finished round's final presentations were on 9 July
DEMO_NOON = dt.datetime.combine(DEMO_TODAY, dt.time(12), tzinfo=BERLIN)
DOCUMENTS = {"Arbeitsplan", "Abschlussbericht", "Abschlusspräsentation"}


def _moments(spec: RecommendationSpec) -> list[dt.datetime]:
    return [spec.written, *(step.when for step in spec.steps)]


def _agenda(spec: RecommendationSpec) -> dict:
    return next((s.data for s in spec.steps if s.action == "put_on_agenda"), {})


# --- The table -----------------------------------------------------------------------------------


def test_table_covers_every_status_with_the_demos_projects_people_and_documents():
    assert len(RECOMMENDATIONS) >= 12
    assert {spec.ends for spec in RECOMMENDATIONS} == set(S.values)
    assert len({spec.title for spec in RECOMMENDATIONS}) == len(RECOMMENDATIONS)
    assert 1 <= sum(spec.confidential for spec in RECOMMENDATIONS) <= 2
    workspaces = {w.project.title: w for w in FINISHED_PROJECTS}
    people = {person.email for person in PEOPLE}
    organisations = {spec.name for spec in ORGANISATIONS}
    research = [spec for spec in RECOMMENDATIONS if "@" in spec.author]
    assert {bool(spec.project) for spec in research} == {True, False}
    for spec in RECOMMENDATIONS:
        assert not spec.project or spec.project in workspaces, spec.title
        assert spec.project or spec.municipality in (EILENBURG, ZEITZ), spec.title
        assert spec.addressee_organisation in organisations, spec.title
        assert spec.addressee_kind in Recommendation.Addressee.values
        named = {spec.author, spec.responsible, *(s.by for s in spec.steps)}
        named |= {s.data.get("responsible_person", "") for s in spec.steps}
        assert {key for key in named if "@" in key} <= people, spec.title
        if spec.project:
            titles = DOCUMENTS | {workspaces[spec.project].working_document[0]}
            assert set(spec.evidence) <= titles, spec.title
        if spec.cost:
            assert 0 <= spec.cost[0] <= spec.cost[1]
        # Every story goes on from the status it reached, one step of the workflow at a time.
        status = S.DRAFTED
        for step in spec.steps:
            if step.action in TRANSITIONS:
                assert status in TRANSITIONS[step.action].sources, (spec.title, step.action)
                status = TRANSITIONS[step.action].target
        assert status == spec.ends, spec.title


def test_stories_happen_on_weekdays_in_order_between_the_round_and_the_demo_day():
    validate = URLValidator(schemes=["https"])
    for spec in RECOMMENDATIONS:
        moments = _moments(spec)
        assert moments == sorted(moments) and len(set(moments)) == len(moments), spec.title
        assert moments[0].date() >= START and moments[-1].date() < DEMO_TODAY, spec.title
        assert all(moment.weekday() < 5 for moment in moments), spec.title
        for step in spec.steps:
            if step.action == "hand_over":
                assert step.data["first_answer_due"] > step.when.date()
        agenda = _agenda(spec)
        if agenda:
            assert agenda["agenda_date"].weekday() < 5
            assert agenda["agenda_body"] in (
                spec.addressee_name,
                "Stadtrat Eilenburg",
                "Stadtrat Zeitz",
            )
            validate(agenda["council_url"])
            # Demo links: realistic paths on hosts that cannot reach a real site.
            assert urlparse(agenda["council_url"]).hostname.endswith(".example")
    # The teams hand over their results in July and August 2026; bodies meet from September.
    team_hand_overs = [
        step.when.date()
        for spec in RECOMMENDATIONS
        if "@" not in spec.author
        for step in spec.steps
        if step.action == "hand_over"
    ]
    assert team_hand_overs and all(d.month in (7, 8) for d in team_hand_overs)
    sessions = [_agenda(spec)["agenda_date"] for spec in RECOMMENDATIONS if _agenda(spec)]
    assert len(sessions) >= 5
    assert all(dt.date(2026, 9, 1) <= day <= dt.date(2026, 12, 31) for day in sessions)
    # The Eilenburg town council meets on Mondays, Zeitz's on Thursdays.
    for spec in RECOMMENDATIONS:
        body = _agenda(spec).get("agenda_body", "")
        if body == "Stadtrat Eilenburg":
            assert _agenda(spec)["agenda_date"].weekday() == 0
        if body == "Stadtrat Zeitz":
            assert _agenda(spec)["agenda_date"].weekday() == 3


# --- Loaded --------------------------------------------------------------------------------------


@pytest.fixture
def demo(db):
    demo_load()
    return Round.objects.get(name=FINISHED_ROUND)


def test_every_state_is_reached_through_the_services_by_the_right_people(demo):
    recommendations = {
        r.title: r
        for r in Recommendation.objects.filter(round=demo).select_related(
            "project", "created_by", "approved_by"
        )
    }
    assert len(recommendations) == len(RECOMMENDATIONS)
    assert {r.status for r in recommendations.values()} == set(S.values)
    coordinators = set(User.objects.with_role(User.Role.COORDINATOR).values_list("pk", flat=True))
    for spec in RECOMMENDATIONS:
        recommendation = recommendations[spec.title]
        assert recommendation.status == spec.ends
        assert recommendation.confidential == spec.confidential
        events = list(selectors.timeline(recommendation))
        # One event per step, at the step's moment, in the story's order.
        assert [event.at for event in events] == _moments(spec), spec.title
        assert events[0].action == "created" and events[0].actor == recommendation.created_by
        assert events[-1].to_status == recommendation.status
        status = ""
        for event in events:
            assert event.from_status == status or event.action == "created"
            if event.action in TRANSITIONS:
                assert event.from_status in TRANSITIONS[event.action].sources
            status = event.to_status
        # Every event is in the activity log too, written at the same moment.
        logged = Activity.objects.for_object(recommendation).filter(
            verb__startswith="recommendation."
        )
        assert sorted(logged.values_list("created_at", flat=True)) == [e.at for e in events]

        by_action = {event.action: event for event in events}
        if recommendation.written_by_kind == Recommendation.Author.TEAM:
            team = set(
                Assignment.objects.filter(project=recommendation.project).values_list(
                    "student_id", flat=True
                )
            )
            supervisors = set(recommendation.project.supervisors.values_list("pk", flat=True))
            assert recommendation.created_by_id in team
            if "approve" in by_action:
                assert by_action["approve"].actor_id in supervisors
                assert recommendation.approved_by_id in supervisors
            if "hand_over" in by_action:
                assert by_action["hand_over"].actor_id in team
        else:
            assert recommendation.created_by.roles == {User.Role.RESEARCHER}
            assert by_action["approve"].actor_id in coordinators
            assert by_action["hand_over"].actor == recommendation.created_by
        for event in events:
            if event.action in TRANSITIONS and PARTNER in TRANSITIONS[event.action].roles:
                roles = permissions.roles_for(event.actor, recommendation)
                assert roles & TRANSITIONS[event.action].roles
                if event.data.get("on_behalf"):
                    assert COORDINATOR_ROLE in roles and PARTNER not in roles
                elif event.action != "evaluate":  # researchers may evaluate too
                    assert PARTNER in roles, (spec.title, event.action, event.actor)

    # The coordination records one receipt on the town's behalf (it answered by letter).
    assert RecommendationEvent.objects.filter(
        action="confirm_receipt", data__on_behalf=True, actor__email=COORDINATOR
    ).exists()
    # Decisions carry their reasons, agendas their sessions and links.
    rejected = Recommendation.objects.get(round=demo, status=S.REJECTED)
    assert rejected.decision_note and rejected.decided_on
    for recommendation in Recommendation.objects.filter(round=demo).exclude(agenda_body=""):
        assert recommendation.agenda_date and recommendation.agenda_item
        assert recommendation.council_url.startswith("https://ratsinfo.")
    decided = Recommendation.objects.filter(round=demo, decided_on__isnull=False)
    assert all(
        dt.date(2026, 7, 1) <= d < DEMO_TODAY for d in decided.values_list("decided_on", flat=True)
    )
    assert Recommendation.objects.filter(round=demo, agenda_date__gt=DEMO_TODAY).exists()
    evaluated = Recommendation.objects.get(round=demo, status=S.EVALUATED)
    assert evaluated.evaluation and evaluated.indicator and "→" in evaluated.indicator_value
    # Evidence: the project's own deliverables.
    for recommendation in Recommendation.objects.filter(round=demo, project__isnull=False):
        documents = list(recommendation.evidence.all())
        assert documents and all(d.project_id == recommendation.project_id for d in documents)

    # Implementation: milestones in percent, the progress their mean unless set by hand.
    for recommendation in Recommendation.objects.filter(round=demo, status=S.IN_IMPLEMENTATION):
        values = list(recommendation.milestones.values_list("progress", flat=True))
        assert values and 0 < recommendation.progress < 100
        if not recommendation.progress_is_manual:
            half_up = (2 * sum(values) + len(values)) // (2 * len(values))
            assert recommendation.progress == half_up
    assert Recommendation.objects.filter(round=demo, progress_is_manual=True).exists()
    for recommendation in Recommendation.objects.filter(round=demo, status__in=[S.IMPLEMENTED]):
        assert recommendation.progress == 100
        assert set(recommendation.milestones.values_list("done", flat=True)) == {True}
    assert ImplementationMilestone.objects.filter(
        recommendation__round=demo, due__gt=DEMO_TODAY, done=False
    ).exists()


def test_figures_reminders_and_due_dates_tell_a_consistent_story(demo, mailoutbox):
    rows = {
        row.municipality: row
        for row in figures.figures_by_town_and_round(
            figures.facts_load(Recommendation.objects.filter(round=demo))
        )
    }
    eilenburg = rows["Eilenburg"]
    # By hand: eight handed over (the approved draft of the bakery is not), four of them adopted
    # (register, pop-up shop, bakery, market square), two implemented (register, bakery), the
    # parking lots rejected. Days from hand-over to decision: 10, 24, 52, 56, 75.
    assert (eilenburg.counted, eilenburg.adopted, eilenburg.implemented) == (8, 4, 2)
    assert (eilenburg.rejected, eilenburg.share_adopted, eilenburg.share_implemented) == (
        1,
        0.5,
        0.25,
    )
    assert (eilenburg.median_days_to_decision, eilenburg.timed) == (52, 5)
    zeitz = rows["Zeitz"]
    # Youth centre, exhibition and both security recommendations adopted; the check implemented.
    # Days to decision: 8, 21, 32, 70.
    assert (zeitz.counted, zeitz.adopted, zeitz.implemented, zeitz.rejected) == (8, 4, 1, 0)
    assert zeitz.median_days_to_decision == 26.5

    # On the demo's day three wait too long: nothing since the summer, or past the date for a
    # first answer (the deferral too). The others have a date ahead or are finished.
    due = selectors.reminders_due(DEMO_NOON, 90)
    assert {r.status for r in due} == {S.HANDED_OVER, S.RECEIVED, S.DEFERRED}
    waiting = Recommendation.objects.filter(
        round=demo, status__in=Recommendation.AWAITING_DECISION_STATUSES
    ).exclude(pk__in=due)
    assert waiting and all(r.first_answer_due > DEMO_TODAY for r in waiting)
    report = recommendation_reminders_send(now=DEMO_NOON, stale_days=90)
    assert report.recommendations == 3
    recipients = {address for message in mailoutbox for address in message.to}
    assert {"buero-ob@zeitz.example", "vorstand@zeitzer-heimatverein.example"} <= recipients
    assert COORDINATOR in recipients
    assert recommendation_reminders_send(now=DEMO_NOON, stale_days=90).recommendations == 0


def test_tracker_shows_them_to_a_coordinator_and_hides_confidential_ones_from_the_public(
    demo, client
):
    handed_over = Recommendation.objects.filter(round=demo).handed_over()
    confidential = [r.title for r in handed_over if r.confidential]
    public = [r.title for r in handed_over if not r.confidential]
    preparation = Recommendation.objects.filter(
        round=demo, status__in=Recommendation.PREPARATION_STATUSES
    ).values_list("title", flat=True)
    assert len(confidential) == 2 and len(public) >= 12 and len(preparation) == 2
    url = reverse("recommendations:tracker")

    page = client.get(url).content.decode()
    for title in public:
        assert escape(title) in page
    for title in [*confidential, *preparation]:
        assert escape(title) not in page

    client.force_login(User.objects.get(email=COORDINATOR))
    page = client.get(url, {"runde": demo.pk}).content.decode()
    for title in [*public, *confidential]:
        assert escape(title) in page
    # The transfer dossier for Eilenburg's round lists them too.
    dossier = client.get(
        reverse("recommendations:dossier-town", kwargs={"ags": EILENBURG, "round_pk": demo.pk})
    )
    assert dossier.status_code == 200
    assert escape("Mehr Schatten und Wasser auf dem Marktplatz") in dossier.content.decode()


def test_second_run_adds_nothing_and_keeps_what_happened_since(db, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("demo", stdout=out)
    assert (
        f"Recommendations: {len(RECOMMENDATIONS)} in {len(S)} of {len(S)} states, "
        "2 confidential." in out.getvalue()
    )

    def snapshot() -> dict[str, object]:
        return {
            "recommendations": sorted(
                Recommendation.objects.values_list("title", "status", "progress", "updated_at")
            ),
            "events": RecommendationEvent.objects.count(),
            "milestones": ImplementationMilestone.objects.count(),
            "activities": Activity.objects.count(),
        }

    # A town officer records the session of 10 December after the demo was loaded.
    agenda = Recommendation.objects.get(status=S.ON_AGENDA)
    recommendation_adopt(
        actor=agenda.responsible_person,
        recommendation=agenda,
        decided_on=timezone.localdate(),
    )
    before = snapshot()

    assert demo_recommendations_load().created == 0
    assert demo_load().created == 0
    call_command("demo", stdout=StringIO())

    assert snapshot() == before
    assert Recommendation.objects.get(pk=agenda.pk).status == S.ADOPTED

    # A story the services now refuse (its supervisor left the project) is left out whole.
    agenda.delete()
    agenda.project.supervisors.clear()
    events = RecommendationEvent.objects.count()
    assert demo_recommendations_load().created == 0
    assert not Recommendation.objects.filter(title=agenda.title).exists()
    assert RecommendationEvent.objects.count() == events
