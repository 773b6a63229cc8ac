"""Where a recommendation stands on its way, in words: the status, the step of ten stages, the
path through them and the implementation progress. The tracker, the recommendation's page, the
workspace and the transfer dossier all show it (`standing`); the dossier explains the stages
with `legend`.

A rejected recommendation has left the way: its path ends at the decision and it shows no step
and no percentage ("Closed: rejected"), so that a rejection never reads like 70 % progress.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.recommendations.models import Recommendation

S = Recommendation.Status


@dataclass(frozen=True)
class Stage:
    key: str
    label: Promise
    description: Promise  # what the stage means, for the dossier's legend


# The way of a recommendation in ten stages; a decision (adopted, with changes, rejected) is one.
STAGES = (
    Stage(
        "drafted",
        gettext_lazy("Drafted"),
        gettext_lazy("The project team or the accompanying research writes the recommendation."),
    ),
    Stage(
        "approved",
        gettext_lazy("Approved"),
        gettext_lazy(
            "A second person has checked it: the project's supervisors, or the coordination "
            "for the accompanying research."
        ),
    ),
    Stage(
        "handed_over",
        gettext_lazy("Handed over"),
        gettext_lazy("It has been handed to the town or company it is addressed to."),
    ),
    Stage(
        "received",
        gettext_lazy("Received"),
        gettext_lazy("The addressee has confirmed that it arrived."),
    ),
    Stage(
        "under_review",
        gettext_lazy("Under review"),
        gettext_lazy("The administration or the company examines it."),
    ),
    Stage(
        "on_agenda",
        gettext_lazy("On the agenda"),
        gettext_lazy(
            "A committee or the council will discuss it; a deferred recommendation waits here too."
        ),
    ),
    Stage(
        "decided",
        gettext_lazy("Decided"),
        gettext_lazy(
            "Adopted, adopted with changes or rejected. A rejection closes the way: no further "
            "steps follow."
        ),
    ),
    Stage(
        "in_implementation",
        gettext_lazy("In implementation"),
        gettext_lazy("The addressee puts it into practice; milestones show the progress."),
    ),
    Stage(
        "implemented",
        gettext_lazy("Implemented"),
        gettext_lazy("The implementation is complete."),
    ),
    Stage(
        "evaluated",
        gettext_lazy("Evaluated"),
        gettext_lazy("What changed has been recorded, with an indicator where there is one."),
    ),
)
STAGE_OF_STATUS: dict[str, int] = {
    S.DRAFTED: 0,
    S.APPROVED: 1,
    S.HANDED_OVER: 2,
    S.RECEIVED: 3,
    S.UNDER_REVIEW: 4,
    S.ON_AGENDA: 5,
    S.DEFERRED: 5,  # waiting for a decision, as on an agenda
    S.ADOPTED: 6,
    S.ADOPTED_WITH_CHANGES: 6,
    S.REJECTED: 6,
    S.IN_IMPLEMENTATION: 7,
    S.IMPLEMENTED: 8,
    S.EVALUATED: 9,
}
AGENDA_STAGE = 5
# End states that are no progress: the way stops there.
CLOSED_LABELS: dict[str, Promise] = {S.REJECTED: gettext_lazy("Closed: rejected")}


@dataclass(frozen=True)
class StageStep:
    label: str
    state: str  # done · current · skipped (no agenda was needed) · todo · closed (rejected)


@dataclass(frozen=True)
class Standing:
    status: str
    label: str  # the status in words
    tone: str  # KERN badge modifier; the words say the same, colour is only an aid
    step: int  # 1 … steps: the stage on the path (a rejection stands at the decision)
    steps: int
    path: list[StageStep]
    progress: int | None  # implementation progress in percent, once adopted
    closed: bool  # the way ended without going on (rejected): no step, no percentage
    position: str  # "step 6 of 10", or "closed, no further steps"
    summary: str  # "Step 6 of 10: On the agenda", or "Closed: rejected"
    # The accessible name of a progress bar along the way ("Progress along the way: step 6 of
    # 10"); empty once closed, when no bar is shown.
    progress_label: str

    @property
    def handed_over(self) -> bool:
        """Past the preparation (drafted, approved): the partner and, unless confidential,
        everyone can see it."""
        return self.status not in Recommendation.PREPARATION_STATUSES

    @property
    def percent(self) -> int | None:
        """How far along the way, in percent; None once closed (a rejection is no progress)."""
        if self.closed:
            return None
        return round(100 * self.step / self.steps)


def _tone(status: str) -> str:
    if status in Recommendation.ADOPTED_STATUSES:
        return "success"
    if status == S.REJECTED:
        return "danger"
    if status == S.DEFERRED:
        return "warning"
    if status in Recommendation.PREPARATION_STATUSES:
        return ""
    return "info"


def standing(recommendation: Recommendation) -> Standing:
    """Where the recommendation stands on its way (no queries), in the active language."""
    status = recommendation.status
    current = STAGE_OF_STATUS.get(status, 0)
    label = recommendation.get_status_display()
    closed = status in CLOSED_LABELS
    path = []
    for index, stage in enumerate(STAGES):
        if index == current:
            path.append(StageStep(label, "current"))
        elif index < current:
            skipped = index == AGENDA_STAGE and recommendation.agenda_date is None
            path.append(StageStep(str(stage.label), "skipped" if skipped else "done"))
        else:
            path.append(StageStep(str(stage.label), "closed" if closed else "todo"))
    step, steps = current + 1, len(STAGES)
    numbers = {"step": step, "steps": steps}
    return Standing(
        status=status,
        label=label,
        tone=_tone(status),
        step=step,
        steps=steps,
        path=path,
        progress=recommendation.progress if recommendation.is_adopted else None,
        closed=closed,
        position=_("closed, no further steps")
        if closed
        else _("step %(step)s of %(steps)s") % numbers,
        summary=(
            str(CLOSED_LABELS[status])
            if closed
            else _("Step %(step)s of %(steps)s: %(status)s") % {**numbers, "status": label}
        ),
        progress_label=""
        if closed
        else _("Progress along the way: step %(step)s of %(steps)s") % numbers,
    )


@dataclass(frozen=True)
class LegendItem:
    label: str
    description: str


def legend() -> list[LegendItem]:
    """The stages with what each means, in the active language (the dossier's legend)."""
    return [LegendItem(str(stage.label), str(stage.description)) for stage in STAGES]
