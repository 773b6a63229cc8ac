"""The lifecycle through the service, as a table: every transition × every persona (allowed and
refused), every transition from every status it does not follow from, and the table's shape."""

import datetime as dt

import pytest
from django.utils import timezone

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.services import recommendation_act
from transferraum.recommendations.tests.test_permissions import KIND_ROLES, TEAM_ROLES, make
from transferraum.recommendations.workflow import (
    ACTION_LABELS,
    TRANSITIONS,
    allowed_actions,
    next_actions,
)

S = Recommendation.Status


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
        result = recommendation_act(
            actor=actor, recommendation=recommendation, action=action, note=note, **data
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
            recommendation_act(
                actor=actor, recommendation=recommendation, action=action, note=note, **data
            )
        recommendation.refresh_from_db()
        assert recommendation.status == source
        assert not RecommendationEvent.objects.exists()


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
            recommendation_act(
                actor=actor, recommendation=recommendation, action=action, note=note, **data
            )
        # the steps this person may take next, else every step that follows from the status
        steps = allowed_actions(status, TEAM_ROLES[persona]) or next_actions(status)
        for step in steps:
            assert str(ACTION_LABELS[step]) in error.value.message, (status, step)
        if not steps:
            assert "no further steps" in error.value.message
        assert Recommendation.objects.get(pk=recommendation.pk).status == status
    assert not RecommendationEvent.objects.exists()


@pytest.mark.django_db
def test_implemented_before_adopted_names_the_decisions(coordinator, project):
    recommendation = make("team", project, None, None, status=S.UNDER_REVIEW)

    with pytest.raises(DomainError) as error:
        recommendation_act(
            actor=coordinator, recommendation=recommendation, action="mark_implemented"
        )

    message = error.value.message
    assert "Possible next steps" in message
    for label in ("Put on an agenda", "adopted", "adopted with changes", "rejected", "deferred"):
        assert label in message


def test_every_status_is_reached_from_the_draft():
    reached, frontier = {S.DRAFTED}, [S.DRAFTED]
    while frontier:
        status = frontier.pop()
        for action in next_actions(status):
            target = TRANSITIONS[action].target
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(S.values)


def test_only_the_finished_ones_have_no_next_step():
    ends = {status for status in S.values if not next_actions(status)}

    assert ends == {S.REJECTED, S.EVALUATED}
    assert set(Recommendation.FINISHED_STATUSES) >= ends


def test_every_step_has_a_label():
    assert set(ACTION_LABELS) == set(TRANSITIONS)
