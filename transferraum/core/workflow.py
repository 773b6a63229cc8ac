"""Lifecycles as data, and the one helper every step service uses.

An app declares its lifecycle in its `workflow.py` as a `Lifecycle` of `Step`s: from which
statuses a step may be taken, the status it leads to (none for a notice, which tells someone
that it is their turn and changes no status), the roles that may take it, its label and what
it needs besides the actor and a note. Pages ask the lifecycle which steps a person may take
(`Lifecycle.allowed`); tests walk it as a table.

Each step is one typed service, `<noun>_<verb>(*, actor, <noun>, …)`, in the app's services.
Every one of them takes its step the same way, with `step_take` and the app's `StepRules`:

    @transaction.atomic
    def challenge_publish(*, actor: User, challenge: Challenge, note: str = "") -> Challenge:
        with step_take(RULES, "publish", actor=actor, obj=challenge, note=note) as taken:
            if not taken.obj.formats.exists():
                raise DomainError(...)
            taken.obj.published_at = timezone.now()
        return taken.obj

`step_take` locks the row and reads it again, checks the actor's roles and the status (the
app's rules word the refusals), hands the locked object to the service's own checks, then sets
the status, saves, records the activity (and whatever the app records besides, such as a
timeline entry) and notifies after the commit. A refusal anywhere leaves nothing behind, since
the service runs in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar, cast

from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Request
from transferraum.core.services import activity_record
from transferraum.notifications.services import notifications_enabled

M = TypeVar("M", bound=models.Model)
R = TypeVar("R", bound=Request)


@dataclass(frozen=True)
class Step:
    """One step of a lifecycle. `target` None makes it a notice: it records `event` (by default
    its name) and changes no status. `needs` names what the step's service takes besides the
    actor and the note; a step that needs something has its own form."""

    name: str
    sources: frozenset[str]
    target: str | None
    roles: frozenset[str]
    label: str | Promise
    needs: tuple[str, ...] = ()
    event: str = ""

    @property
    def is_notice(self) -> bool:
        return self.target is None

    @property
    def records(self) -> str:
        """The name of the entry it records in the activity log and the timeline."""
        return self.event or self.name


class Lifecycle:
    """The steps of one kind of object, in the order pages offer them. `name` prefixes the
    activity log's verbs (`challenge.publish`)."""

    def __init__(self, name: str, steps: Iterable[Step]) -> None:
        self.name = name
        self.steps: dict[str, Step] = {step.name: step for step in steps}

    def __getitem__(self, name: str) -> Step:
        return self.steps[name]

    def __contains__(self, name: object) -> bool:
        return name in self.steps

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps.values())

    @property
    def transitions(self) -> dict[str, Step]:
        """The steps that change the status (no notices)."""
        return {name: step for name, step in self.steps.items() if step.target is not None}

    def allowed(self, status: str, roles: Iterable[str], *, notices: bool = True) -> list[str]:
        """The steps a person with these roles may take in this status."""
        held = set(roles)
        return [
            step.name
            for step in self
            if status in step.sources and step.roles & held and (notices or not step.is_notice)
        ]

    def possible(self, status: str) -> list[str]:
        """Every step of the lifecycle (no notices) that follows from this status, whoever may
        take it."""
        return [name for name, step in self.transitions.items() if status in step.sources]

    def label(self, name: str) -> str:
        return str(self.steps[name].label)

    def labelled(self, names: Iterable[str]) -> list[tuple[str, str]]:
        return [(name, self.label(name)) for name in names]


@dataclass
class Taken(Generic[M]):
    """A step being taken: the locked object, who takes it with which roles, and what the
    service adds to the record (`details`, stored with the activity and the timeline entry)."""

    obj: M
    step: Step
    actor: Any
    roles: frozenset[str]
    note: str
    from_status: str
    details: dict[str, Any] = field(default_factory=dict)


class StepRules(Generic[M]):
    """What `step_take` asks of an app: its lifecycle, where the status lives, the roles a person
    holds for an object and how refusals are worded. `details`, `recorded` and `notify` add the
    app's own records and messages; they are optional."""

    lifecycle: Lifecycle
    status_field = "status"

    def lock(self, obj: M) -> M:
        """Read the object again under a row lock, so that two clicks cannot both take a step."""
        return type(obj)._default_manager.select_for_update().get(pk=obj.pk)

    def roles(self, actor: Any, obj: M) -> set[str]:
        raise NotImplementedError

    def refused(self, obj: M, step: Step, roles: set[str]) -> PermissionDenied:
        """The error for a person who holds none of the step's roles."""
        raise NotImplementedError

    def out_of_order(self, obj: M, step: Step, roles: set[str]) -> DomainError:
        """The error for a step that does not follow from the current status."""
        raise NotImplementedError

    def details(self, taken: Taken[M]) -> dict[str, Any]:
        """What every step of the app records besides the service's own details."""
        return {}

    def activity_data(self, taken: Taken[M]) -> dict[str, Any]:
        """What the activity log keeps of a step: by default the new status, the note and the
        details. An app whose log others read in another shape says so here."""
        note_data = {"note": taken.note} if taken.note else {}
        return {"status": getattr(taken.obj, self.status_field), **note_data, **taken.details}

    def recorded(self, taken: Taken[M]) -> None:
        """Record what the app records besides the activity log (after the save)."""

    def notify(self, pk: Any, event: str) -> None:
        """Tell the people concerned; runs after the commit."""


@contextmanager
def step_take(
    rules: StepRules[M], name: str, *, actor: Any, obj: M, note: str = ""
) -> Iterator[Taken[M]]:
    """Take the step `name` on `obj` for `actor`, inside the caller's transaction.

    Locks and re-reads `obj`; refuses with `rules.refused` (PermissionDenied) when the actor
    holds none of the step's roles and with `rules.out_of_order` (DomainError) when the step
    does not follow from the status. The body of the `with` checks the step's own rules on
    `taken.obj` and sets its fields; then the status is set, the object saved (a notice saves
    nothing), the activity recorded (`<lifecycle>.<step>` with `rules.activity_data`),
    `rules.recorded` called and `rules.notify` enqueued for after the commit.
    """
    step = rules.lifecycle[name]
    obj = rules.lock(obj)
    roles = rules.roles(actor, obj)
    if not roles & step.roles:
        raise rules.refused(obj, step, roles)
    status = str(getattr(obj, rules.status_field))
    if status not in step.sources:
        raise rules.out_of_order(obj, step, roles)
    taken = Taken(obj, step, actor, frozenset(roles), note.strip(), status)
    yield taken
    taken.details.update(rules.details(taken))
    if step.target is not None:
        setattr(obj, rules.status_field, step.target)
        obj.save()
    activity_record(
        actor=actor,
        verb=f"{rules.lifecycle.name}.{step.records}",
        target=obj,
        data=rules.activity_data(taken),
    )
    rules.recorded(taken)
    if notifications_enabled():
        transaction.on_commit(partial(rules.notify, obj.pk, step.records))


# --- requests: a person asks, someone decides -------------------------------------------------

REQUESTER = "requester"  # the person who asked


def request_lifecycle(name: str, *, grant: frozenset[str], refuse: frozenset[str]) -> Lifecycle:
    """The lifecycle every `core.models.Request` shares: open → granted, refused (with a reason)
    or withdrawn by the requester. `grant` and `refuse` name who decides."""
    status = Request.Status
    return Lifecycle(
        name,
        (
            Step("grant", frozenset({status.OPEN}), status.GRANTED, grant, _("Grant")),
            Step(
                "refuse",
                frozenset({status.OPEN}),
                status.REFUSED,
                refuse,
                _("Refuse"),
                ("note",),
            ),
            Step(
                "withdraw",
                frozenset({status.OPEN}),
                status.WITHDRAWN,
                frozenset({REQUESTER}),
                _("Withdraw"),
            ),
        ),
    )


class RequestRules(StepRules[R]):
    """`StepRules` for a request: the row is read again with `related`, the requester alone
    withdraws, and a step on an answered request is refused. An app names `lifecycle`,
    `related`, `roles`, `decider_refusal` (the message for someone who may not decide) and,
    as it likes, `details` and `notify`."""

    related: tuple[str, ...] = ("user",)

    def decider_refusal(self) -> str:
        raise NotImplementedError

    def lock(self, obj: R) -> R:
        manager = type(obj)._default_manager
        return cast(
            R, manager.select_for_update(of=("self",)).select_related(*self.related).get(pk=obj.pk)
        )

    def refused(self, obj: R, step: Step, roles: set[str]) -> PermissionDenied:
        if step.name == "withdraw":
            return PermissionDenied(gettext("Only the person who asked can withdraw a request."))
        return PermissionDenied(self.decider_refusal())

    def out_of_order(self, obj: R, step: Step, roles: set[str]) -> DomainError:
        return DomainError(
            gettext("This request has already been answered: “%(status)s”.")
            % {"status": obj.get_status_display()}
        )


@contextmanager
def request_step(
    rules: RequestRules[R], name: str, *, actor: Any, request: R, note: str = ""
) -> Iterator[Taken[R]]:
    """`step_take` for a request: a refusal needs a reason (the note), and granting or
    refusing notes who decided, when and why (`Request.decide`). The body adds what granting
    means for the app."""
    with step_take(rules, name, actor=actor, obj=request, note=note) as taken:
        if name == "refuse" and not taken.note:
            raise DomainError(gettext("Please give a reason for the refusal."), field="note")
        if name in ("grant", "refuse"):
            taken.obj.decide(actor, taken.note)
        yield taken
