"""The lifecycle through the services, as a table: every step × every status × every persona
(allowed and refused), every transition × every persona from its source, every transition from
every status it does not follow from, and the table's shape."""

import datetime as dt
import inspect

import pytest
from django.db import transaction
from django.utils import timezone

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.recommendations import permissions
from transferraum.recommendations.forms import step_form
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.services import (
    STEP_SERVICES,
    recommendation_mark_implemented,
)
from transferraum.recommendations.tests.test_permissions import KIND_ROLES, TEAM_ROLES, make
from transferraum.recommendations.workflow import LIFECYCLE, what_happens_next

S = Recommendation.Status
TRANSITIONS = LIFECYCLE.transitions


def allowed_actions(status, roles):
    return LIFECYCLE.allowed(status, roles, notices=False)


def step_data(action):
    """Valid data and note for each step."""
    today = timezone.localdate()
    data = {
        "put_on_agenda": {
            "agenda_body": "Stadtrat Eilenburg",
            "agenda_date": today + dt.timedelta(days=14),
            "agenda_item": "Ö 7",
            "council_url": "https://eilenburg.ratsinfomanagement.net/sdnetrim/vo0050?__kvonr=123",
        },
        "adopt": {"decided_on": today},
        "adopt_with_changes": {"decided_on": today},
        "reject": {"decided_on": today},
        "evaluate": {"evaluation": "Neun statt 14 leere Läden.", "indicator": "Leerstand"},
    }.get(action, {})
    note = {"reject": "Kein Geld im Haushalt.", "adopt_with_changes": "Nur am Markt."}.get(
        action, ""
    )
    return data, note


CASES = [
    (kind, persona, action)
    for kind in KIND_ROLES
    for persona in TEAM_ROLES
    for action in TRANSITIONS
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "persona", "action"), CASES, ids=[f"{k}-{p}-{a}" for k, p, a in CASES]
)
def test_every_transition_for_every_persona(
    request, project, town_eilenburg, researcher, kind, persona, action
):
    transition = TRANSITIONS[action]
    source = sorted(transition.sources)[0]
    recommendation = make(kind, project, town_eilenburg, researcher, status=source)
    actor = request.getfixturevalue(persona)
    roles = KIND_ROLES[kind][persona]
    data, note = step_data(action)

    if roles & transition.roles:
        result = STEP_SERVICES[action](
            actor=actor, recommendation=recommendation, note=note, **data
        )
        assert result.status == transition.target
        event = RecommendationEvent.objects.get(recommendation=recommendation)
        assert (event.action, event.from_status, event.to_status, event.actor) == (
            action,
            source,
            transition.target,
            actor,
        )
        assert action in allowed_actions(source, roles)
    else:
        with pytest.raises(PermissionDenied):
            STEP_SERVICES[action](actor=actor, recommendation=recommendation, note=note, **data)
        recommendation.refresh_from_db()
        assert recommendation.status == source
        assert not RecommendationEvent.objects.exists()


PERSONA_CASES = [(kind, persona) for kind in KIND_ROLES for persona in TEAM_ROLES]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "persona"), PERSONA_CASES, ids=[f"{k}-{p}" for k, p in PERSONA_CASES]
)
def test_every_step_in_every_status_for_every_persona(
    request, project, town_eilenburg, researcher, coordinator, kind, persona
):
    """The whole table through the services, notices included: a step is taken exactly when it
    follows from the status and the persona holds one of its roles (and may see the
    recommendation); it then leads to its target (a notice keeps the status) and is recorded.
    Otherwise it is refused (PermissionDenied without a role, DomainError out of order) and
    nothing changes. Each cell runs in a savepoint (collected, so a failure lists every cell).
    (`coordinator`: the approver of research asked for approval.)"""
    recommendation = make(kind, project, town_eilenburg, researcher)
    actor = request.getfixturevalue(persona)
    roles = KIND_ROLES[kind][persona]
    wrong = []
    for status in S.values:
        for step in LIFECYCLE:
            savepoint = transaction.savepoint()
            Recommendation.objects.filter(pk=recommendation.pk).update(
                status=status, decision_note="Grund"
            )
            recommendation.refresh_from_db()
            may = roles if permissions.may_view(recommendation, roles) else set()
            data, note = step_data(step.name)
            try:
                result = STEP_SERVICES[step.name](
                    actor=actor, recommendation=recommendation, note=note, **data
                )
            except PermissionDenied:
                outcome = "refused"
            except DomainError:
                outcome = "out of order"
            else:
                recorded = RecommendationEvent.objects.filter(
                    recommendation=recommendation, action=step.records, actor=actor
                ).exists()
                outcome = "taken" if recorded and result.status == (step.target or status) else "?"
            after = Recommendation.objects.get(pk=recommendation.pk).status
            transaction.savepoint_rollback(savepoint)
            if not may & step.roles:
                expected = "refused"
            elif status not in step.sources:
                expected = "out of order"
            else:
                expected = "taken"
            if outcome != expected or (expected != "taken" and after != status):
                wrong.append((status, step.name, outcome, expected))
    assert wrong == []


# who holds the role each step needs (team-written)
ACTOR_FOR = {
    "approve": "supervisor",
    "reopen": "student_geography",
    "hand_over": "student_geography",
}


@pytest.mark.django_db
@pytest.mark.parametrize("action", TRANSITIONS)
def test_a_step_out_of_order_is_refused_naming_the_next_steps(
    request, project, town_eilenburg, researcher, action
):
    persona = ACTOR_FOR.get(action, "coordinator")
    actor = request.getfixturevalue(persona)
    data, note = step_data(action)
    recommendation = make("team", project, town_eilenburg, researcher)
    for status in set(S.values) - TRANSITIONS[action].sources:
        Recommendation.objects.filter(pk=recommendation.pk).update(
            status=status, decision_note="Grund"
        )
        with pytest.raises(DomainError) as error:
            STEP_SERVICES[action](actor=actor, recommendation=recommendation, note=note, **data)
        # the steps this person may take next, else every step that follows from the status
        steps = allowed_actions(status, TEAM_ROLES[persona]) or LIFECYCLE.possible(status)
        for step in steps:
            assert LIFECYCLE.label(step) in error.value.message, (status, step)
        if not steps:
            assert "no further steps" in error.value.message
        assert Recommendation.objects.get(pk=recommendation.pk).status == status
    assert not RecommendationEvent.objects.exists()


@pytest.mark.django_db
def test_implemented_before_adopted_names_the_decisions(coordinator, project):
    recommendation = make("team", project, None, None, status=S.UNDER_REVIEW)

    with pytest.raises(DomainError) as error:
        recommendation_mark_implemented(
            actor=coordinator,
            recommendation=recommendation,
        )

    message = error.value.message
    assert "You can: Put on an agenda" in message
    for label in ("Put on an agenda", "adopted", "adopted with changes", "rejected", "deferred"):
        assert label in message


def test_every_status_is_reached_from_the_draft():
    reached, frontier = {S.DRAFTED}, [S.DRAFTED]
    while frontier:
        status = frontier.pop()
        for action in LIFECYCLE.possible(status):
            target = TRANSITIONS[action].target
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(S.values)


def test_only_the_finished_ones_have_no_next_step():
    ends = {status for status in S.values if not LIFECYCLE.possible(status)}

    assert ends == {S.REJECTED, S.EVALUATED}
    assert set(Recommendation.FINISHED_STATUSES) >= ends


def test_every_step_has_a_label_and_a_service():
    assert all(LIFECYCLE.label(step.name) for step in LIFECYCLE)
    assert set(STEP_SERVICES) == set(LIFECYCLE.steps)


# --- what happens next, for every status ----------------------------------------------------

DUE = dt.date(2026, 12, 24)
MEETING = dt.date(2026, 12, 10)
BEFORE_DUE = dt.date(2026, 12, 1)
WHAT_NEXT = [
    # (status, approval requested, expected)
    (
        S.DRAFTED,
        False,
        "The authors are writing the draft; when it is complete, they ask Dr. Miriam Hahn for "
        "approval.",
    ),
    (S.DRAFTED, True, "Waiting for approval by Dr. Miriam Hahn."),
    (S.APPROVED, False, "Waiting for the authors to hand it over to Stadtverwaltung Eilenburg."),
    (
        S.HANDED_OVER,
        False,
        "Waiting for Stadtverwaltung Eilenburg to confirm receipt (first answer due "
        "Dec. 24, 2026).",
    ),
    (
        S.RECEIVED,
        False,
        "Waiting for Stadtverwaltung Eilenburg to start the review (first answer due "
        "Dec. 24, 2026).",
    ),
    (
        S.UNDER_REVIEW,
        False,
        "Waiting for Stadtverwaltung Eilenburg to decide, or to put it on the agenda of a "
        "committee or the council (first answer due Dec. 24, 2026).",
    ),
    (
        S.ON_AGENDA,
        False,
        "Waiting for the decision of Stadtrat Eilenburg at the meeting on Dec. 10, 2026.",
    ),
    (
        S.DEFERRED,
        False,
        "Deferred: waiting for Stadtverwaltung Eilenburg to resume the review or to put it on "
        "an agenda again (first answer due Dec. 24, 2026).",
    ),
    (S.ADOPTED, False, "Waiting for Stadtverwaltung Eilenburg to start the implementation."),
    (
        S.ADOPTED_WITH_CHANGES,
        False,
        "Waiting for Stadtverwaltung Eilenburg to start the implementation.",
    ),
    (
        S.IN_IMPLEMENTATION,
        False,
        "Stadtverwaltung Eilenburg is implementing it; the implementation below shows how far it "
        "has come.",
    ),
    (
        S.IMPLEMENTED,
        False,
        "Implemented. Waiting for the evaluation of what changed (by Stadtverwaltung Eilenburg, "
        "the coordination or the accompanying research).",
    ),
    (S.REJECTED, False, "Nothing more happens: the recommendation was rejected."),
    (S.EVALUATED, False, "Nothing more happens: the recommendation is implemented and evaluated."),
]


@pytest.mark.parametrize(("status", "requested", "expected"), WHAT_NEXT)
def test_what_happens_next_in_every_status(status, requested, expected):
    sentence = what_happens_next(
        status,
        partner="Stadtverwaltung Eilenburg",
        approvers="Dr. Miriam Hahn",
        first_answer_due=DUE,
        agenda_body="Stadtrat Eilenburg",
        agenda_date=MEETING,
        approval_requested=requested,
        today=BEFORE_DUE,
    )

    assert sentence == expected


def test_every_status_has_its_next_sentence():
    assert {status for status, _requested, _expected in WHAT_NEXT} == set(S.values)


def test_what_happens_next_without_dates_and_past_the_due_date():
    common = {"partner": "Stadtverwaltung Eilenburg", "approvers": "Dr. Miriam Hahn"}

    assert what_happens_next(S.HANDED_OVER, **common) == (
        "Waiting for Stadtverwaltung Eilenburg to confirm receipt."
    )
    assert what_happens_next(S.ON_AGENDA, **common) == (
        "Waiting for the decision of Stadtverwaltung Eilenburg."
    )
    assert what_happens_next(
        S.RECEIVED, first_answer_due=DUE, today=DUE + dt.timedelta(days=1), **common
    ) == (
        "Waiting for Stadtverwaltung Eilenburg to start the review (the first answer was due on "
        "Dec. 24, 2026)."
    )


# --- what each step needs: the declaration, its form and its service agree ------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(LIFECYCLE.steps))
def test_each_step_form_and_service_take_what_the_step_needs(name, project, town_eilenburg):
    step = LIFECYCLE[name]
    recommendation = make("team", project, town_eilenburg, None)
    form = step_form(name, recommendation=recommendation)
    parameters = inspect.signature(STEP_SERVICES[name]).parameters

    assert set(form.fields) - {"note"} == set(step.needs)
    assert list(form.fields)[-1] == "note"
    assert (form.action, form.label, form.prefix) == (name, LIFECYCLE.label(name), name)
    assert set(parameters) - {"actor", "recommendation", "note"} == set(step.needs)
