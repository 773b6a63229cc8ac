"""The stage gates of a venture as a lifecycle (`core.workflow`): idea → team → validated →
prototype → funding secured → founded → settled in the region. Founders pass a gate when its
checklist is complete (services); coordinators may pass it for them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from transferraum.core.workflow import Lifecycle, Step
from transferraum.ventures.models import STAGE_ORDER, Stage

FOUNDER = "founder"
MENTOR = "mentor"
COORDINATOR = "coordinator"

GATE_LABELS = {
    Stage.TEAM: _("Pass the gate: team"),
    Stage.VALIDATED: _("Pass the gate: validated"),
    Stage.PROTOTYPE: _("Pass the gate: prototype"),
    Stage.FUNDED: _("Pass the gate: funding secured"),
    Stage.FOUNDED: _("Pass the gate: founded"),
    Stage.SETTLED: _("Pass the gate: settled in the region"),
}

# The gate "founded" needs the company's data; the others only the checklist.
NEEDS = {Stage.FOUNDED: ("founded_on", "legal_form", "register_number", "founded_town")}

LIFECYCLE = Lifecycle(
    "venture",
    tuple(
        Step(
            f"pass_{target}",
            frozenset({source}),
            target,
            frozenset({FOUNDER, COORDINATOR}),
            GATE_LABELS[Stage(target)],
            NEEDS.get(Stage(target), ()),
        )
        for source, target in zip(STAGE_ORDER, STAGE_ORDER[1:], strict=False)
    ),
)


def next_gate(stage: str) -> str | None:
    """The stage the venture reaches at its next gate, None after the last."""
    index = STAGE_ORDER.index(stage)
    return STAGE_ORDER[index + 1] if index + 1 < len(STAGE_ORDER) else None
