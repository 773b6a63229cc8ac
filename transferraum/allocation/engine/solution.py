"""What a solve returns: the assignment (``Solution``) with one ``Phase`` record per stage, so
that a gap is never hidden behind another stage, and ``AllocationError`` when no feasible
assignment is found. Every method (flow, network LP, staged MIP) returns the same record."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


class AllocationError(RuntimeError):
    """No feasible assignment was found (e.g. the time limit ran out before the first one)."""


@dataclass
class Phase:
    name: str
    sense: str  # "max" or "min"
    objective: float
    bound: float
    optimal: bool
    seconds: float

    @property
    def gap(self) -> float:
        return _gap(self.objective, self.bound)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sense": self.sense,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "optimal": self.optimal,
            "seconds": round(self.seconds, 4),
        }


def _gap(objective: float, bound: float) -> float:
    if math.isnan(bound) or math.isinf(bound):
        return math.inf
    return abs(bound - objective) / max(1.0, abs(objective))


@dataclass
class Solution:
    """An assignment with the record of how it was found (before explanations are added)."""

    assignment: dict[str, str]
    method: str
    phases: list[Phase] = field(default_factory=list)
