"""Conditions as data: a page or question is shown only when earlier answers meet a rule.

A condition is stored as JSON on the page or question:

    {"match": "all", "rules": [{"question": "bindung", "op": "at_least", "value": 4}]}

`match` is "all" (every rule) or "any" (at least one); an empty condition always holds. A rule
names an earlier question by its variable name (`code`), an operator and, where the operator
needs one, a value. Every comparison is false for a question without an answer (it was not
shown or left empty): ask "not_answered" for that case.

No database: the checks (`condition_problems`, `conditions_loops`) and the evaluation
(`condition_holds`) take plain values, so the table tests run without a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

# operator → the kinds of question it may ask about ("*" for all)
OPERATORS: dict[str, frozenset[str]] = {
    "equals": frozenset({"single", "likert5", "likert7", "number", "text"}),
    "not_equals": frozenset({"single", "likert5", "likert7", "number", "text"}),
    "one_of": frozenset({"single", "likert5", "likert7"}),
    "at_least": frozenset({"likert5", "likert7", "number", "date"}),
    "at_most": frozenset({"likert5", "likert7", "number", "date"}),
    "includes": frozenset({"multiple"}),
    "answered": frozenset({"*"}),
    "not_answered": frozenset({"*"}),
}
WITHOUT_VALUE = frozenset({"answered", "not_answered"})
MATCHES = ("all", "any")


@dataclass(frozen=True)
class Place:
    """Where a page or question stands in its version: questions compare by (page, position);
    a page stands before its own questions (position -1)."""

    page: int
    position: int = -1

    def key(self) -> tuple[int, int]:
        return (self.page, self.position)


def referenced(condition: Mapping[str, Any]) -> list[str]:
    """The variable names a condition refers to."""
    rules = condition.get("rules", []) if isinstance(condition, Mapping) else []
    return [str(rule.get("question", "")) for rule in rules if isinstance(rule, Mapping)]


def condition_problems(
    condition: Any,
    *,
    owner: str,
    place: Place,
    questions: Mapping[str, tuple[Place, str]],
) -> list[str]:
    """What is wrong with `condition` of the page or question `owner` standing at `place`;
    `questions` maps every variable name of the version to its place and kind. Empty: fine."""
    if condition in (None, {}):
        return []
    if not isinstance(condition, Mapping) or not isinstance(condition.get("rules"), list):
        return [_("A condition needs a list of rules.")]
    problems: list[str] = []
    if condition.get("match", "all") not in MATCHES:
        problems.append(_("A condition matches all or any of its rules."))
    if not condition["rules"]:
        problems.append(_("A condition needs at least one rule."))
    for rule in condition["rules"]:
        if not isinstance(rule, Mapping):
            problems.append(_("A rule names a question, an operator and a value."))
            continue
        problems.extend(_rule_problems(rule, owner=owner, place=place, questions=questions))
    return problems


def _rule_problems(
    rule: Mapping[str, Any],
    *,
    owner: str,
    place: Place,
    questions: Mapping[str, tuple[Place, str]],
) -> list[str]:
    code = str(rule.get("question", ""))
    op = str(rule.get("op", ""))
    if code == owner:
        return [_("The condition of “%(code)s” refers to itself.") % {"code": code}]
    if code not in questions:
        return [_("The condition refers to an unknown question “%(code)s”.") % {"code": code}]
    target, kind = questions[code]
    if target.key() >= place.key():
        if target.page == place.page and place.position == -1:
            return [
                _(
                    "A page can only depend on questions of earlier pages; “%(code)s” is on "
                    "the same page."
                )
                % {"code": code}
            ]
        return [
            _(
                "The condition of “%(owner)s” refers to “%(code)s”, which comes later: a "
                "condition can only depend on questions asked before."
            )
            % {"owner": owner, "code": code}
        ]
    allowed = OPERATORS.get(op)
    if allowed is None:
        return [_("Unknown operator “%(op)s”.") % {"op": op}]
    if "*" not in allowed and kind not in allowed:
        return [
            _("The operator “%(op)s” does not fit the question “%(code)s”.")
            % {"op": op, "code": code}
        ]
    if op in WITHOUT_VALUE:
        return []
    if "value" not in rule or rule["value"] in (None, "", []):
        return [_("The rule about “%(code)s” needs a value.") % {"code": code}]
    if op == "one_of" and not isinstance(rule["value"], list):
        return [_("The rule about “%(code)s” needs a list of values.") % {"code": code}]
    return []


def conditions_loops(dependencies: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Loops among conditions: `dependencies` maps each page or question to the variable names
    its condition refers to. Returns each loop as the path that closes it (a → b → a)."""
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in dependencies.get(node, ()):
            if state.get(target) == 1:
                loops.append([*path[path.index(target) :], target])
            elif state.get(target) is None:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(dependencies):
        if state.get(node) is None:
            visit(node, [node])
    return loops


def loop_message(loop: list[str]) -> str:
    return _("The conditions form a loop: %(loop)s.") % {"loop": " → ".join(loop)}


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _comparable(answer: Any, value: Any) -> tuple[Any, Any] | None:
    if isinstance(answer, dt.date):
        try:
            other = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        except ValueError:
            return None
        return answer, other
    if isinstance(answer, (int, Decimal, float)):
        other_number = _number(value)
        return None if other_number is None else (_number(answer), other_number)
    return str(answer), str(value)


def rule_holds(rule: Mapping[str, Any], answers: Mapping[str, Any]) -> bool:
    """Whether one rule holds for `answers` (variable name → value; missing or None: not
    answered)."""
    answer = answers.get(str(rule.get("question", "")))
    empty = answer is None or answer == "" or answer == [] or answer == {}
    op = rule.get("op")
    if op == "answered":
        return not empty
    if op == "not_answered":
        return empty
    if empty:
        return False
    value = rule.get("value")
    if op == "includes":
        return _number(value) in {_number(code) for code in answer or []}
    if op == "one_of":
        return _number(answer) in {_number(code) for code in value or []}
    pair = _comparable(answer, value)
    if pair is None or pair[0] is None:
        return False
    left, right = pair
    if op == "equals":
        return bool(left == right)
    if op == "not_equals":
        return bool(left != right)
    if op == "at_least":
        return bool(left >= right)
    if op == "at_most":
        return bool(left <= right)
    return False


def condition_holds(condition: Any, answers: Mapping[str, Any]) -> bool:
    """Whether the page or question with `condition` is shown, given the answers so far."""
    if not condition:
        return True
    results = [rule_holds(rule, answers) for rule in condition.get("rules", [])]
    if condition.get("match", "all") == "any":
        return any(results)
    return all(results)


def describe(condition: Any) -> str:
    """The condition in words, for the builder and the codebook."""
    if not condition:
        return ""
    words = {
        "equals": "=",
        "not_equals": "≠",
        "one_of": "∈",
        "at_least": "≥",
        "at_most": "≤",
        "includes": "∋",
    }
    parts = []
    for rule in condition.get("rules", []):
        op = rule.get("op")
        if op == "answered":
            parts.append(_("%(code)s answered") % {"code": rule.get("question")})
        elif op == "not_answered":
            parts.append(_("%(code)s not answered") % {"code": rule.get("question")})
        else:
            parts.append(f"{rule.get('question')} {words.get(op, op)} {rule.get('value')}")
    joiner = _(" or ") if condition.get("match") == "any" else _(" and ")
    return joiner.join(parts)
