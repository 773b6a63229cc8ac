"""The lifecycle declaration: which steps a set of roles may take in a status, which follow at
all, what a notice is, and the lifecycle every request shares. (`step_take` and `request_step`
are walked by the apps' table tests.)"""

from transferraum.core.models import Request
from transferraum.core.workflow import REQUESTER, Lifecycle, Step, request_lifecycle

DOOR = Lifecycle(
    "door",
    (
        Step("open", frozenset({"closed"}), "open", frozenset({"owner", "guest"}), "Open"),
        Step("close", frozenset({"open"}), "closed", frozenset({"owner"}), "Close"),
        Step("lock", frozenset({"closed"}), "locked", frozenset({"owner"}), "Lock", ("key",)),
        Step(
            "knock",
            frozenset({"closed", "locked"}),
            None,
            frozenset({"guest"}),
            "Knock",
            event="knocked",
        ),
    ),
)


def test_allowed_steps_follow_status_and_roles_in_declared_order():
    assert DOOR.allowed("closed", {"owner"}) == ["open", "lock"]
    assert DOOR.allowed("closed", {"guest"}) == ["open", "knock"]
    assert DOOR.allowed("closed", {"guest"}, notices=False) == ["open"]
    assert DOOR.allowed("open", {"guest"}) == []
    assert DOOR.allowed("closed", set()) == []


def test_possible_steps_are_the_transitions_whoever_takes_them():
    assert DOOR.possible("closed") == ["open", "lock"]
    assert DOOR.possible("locked") == []


def test_a_notice_changes_no_status_and_records_its_event():
    knock = DOOR["knock"]

    assert knock.is_notice
    assert knock.records == "knocked"
    assert DOOR["open"].records == "open"
    assert set(DOOR.transitions) == {"open", "close", "lock"}
    assert "knock" in DOOR
    assert "ring" not in DOOR


def test_labels_and_needs():
    assert DOOR.labelled(["open", "knock"]) == [("open", "Open"), ("knock", "Knock")]
    assert DOOR["lock"].needs == ("key",)
    assert [step.name for step in DOOR] == ["open", "close", "lock", "knock"]


def test_a_request_is_granted_or_refused_by_its_deciders_and_withdrawn_by_the_requester():
    status = Request.Status
    lifecycle = request_lifecycle(
        "probe", grant=frozenset({"admin", "platform"}), refuse=frozenset({"admin"})
    )

    assert lifecycle.allowed(status.OPEN, {"admin"}) == ["grant", "refuse"]
    assert lifecycle.allowed(status.OPEN, {"platform"}) == ["grant"]
    assert lifecycle.allowed(status.OPEN, {REQUESTER}) == ["withdraw"]
    assert lifecycle["refuse"].needs == ("note",)
    for answered in (status.GRANTED, status.REFUSED, status.WITHDRAWN):
        assert lifecycle.possible(answered) == []
