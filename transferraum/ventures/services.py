"""Every write on ventures: the venture and its team, the stage gates (one service per step of
`workflow.LIFECYCLE`), checklist and evidence, the public profile, programme applications and
mentors. Views, the demo and tests call these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Competence
from transferraum.challenges.files import kind_matches_name, sniff
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_document
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.core.workflow import Step, StepRules, Taken, step_take
from transferraum.notifications.services import notifications_enabled
from transferraum.regions.models import Municipality
from transferraum.ventures import tasks
from transferraum.ventures.data.gates import CHECKLISTS
from transferraum.ventures.eligibility import evaluate
from transferraum.ventures.models import (
    EVIDENCE_MAX_BYTES,
    Application,
    ChecklistTick,
    Evidence,
    Founder,
    Mentorship,
    StageChange,
    SupportProgramme,
    Venture,
)
from transferraum.ventures.permissions import can_create, can_edit, roles_for
from transferraum.ventures.workflow import LIFECYCLE

CONTENT_FIELDS = (
    "name",
    "one_line",
    "idea",
    "sector",
    "origin",
    "origin_project",
    "origin_note",
    "municipality",
    "organisation",
)
NAME_MAX, LINE_MAX, IDEA_MAX = 200, 200, 5000


def _after_commit(function: Callable[[], Any]) -> None:
    if notifications_enabled():
        transaction.on_commit(function)


# --- search -----------------------------------------------------------------------------------


def venture_search_text(venture: Venture) -> str:
    """Only the public profile is searched, and only once published: search never reveals a
    confidential venture."""
    if not venture.is_public:
        return ""
    parts = [venture.name, venture.one_line]
    if venture.municipality is not None:
        parts.append(venture.municipality.name)
    return search_document(parts)


def venture_index(venture: Venture) -> None:
    venture.search_text = venture_search_text(venture)
    Venture.objects.filter(pk=venture.pk).update(search_text=venture.search_text)


# --- the venture ------------------------------------------------------------------------------


def _require_founder(actor: Any, venture: Venture) -> None:
    if not can_edit(actor, venture):
        raise PermissionDenied(_("Only the founders of this venture can change it."))


def _check_organisation(actor: Any, data: dict[str, Any]) -> None:
    organisation = data.get("organisation")
    if organisation is not None and not organisation.memberships.filter(user=actor).exists():
        raise DomainError(
            _("Only an organisation you belong to can be the venture's company."),
            field="organisation",
        )


def _check_content(data: dict[str, Any]) -> None:
    name = str(data.get("name") or "").strip()
    if not name:
        raise DomainError(_("Please give the venture a name."), field="name")
    for field, limit in (("name", NAME_MAX), ("one_line", LINE_MAX), ("idea", IDEA_MAX)):
        if len(str(data.get(field) or "")) > limit:
            raise DomainError(
                _("At most %(limit)d characters, please.") % {"limit": limit}, field=field
            )
    origin = data.get("origin") or Venture.Origin.EXTERNAL
    if origin not in Venture.Origin.values:
        raise DomainError(_("Please choose where the venture comes from."), field="origin")
    if origin == Venture.Origin.PROJECT and data.get("origin_project") is None:
        raise DomainError(
            _("Please choose the practice project the venture comes from."),
            field="origin_project",
        )


@transaction.atomic
def venture_create(
    *,
    actor: User,
    data: dict[str, Any],
    competences: Iterable[Competence] = (),
) -> Venture:
    """Start a venture; the person who starts it is its first founder.

    Rules: founders, students, researchers, supervisors and coordinators start ventures; a
    name; a practice project exactly when it comes from one. Raises PermissionDenied,
    DomainError."""
    if not can_create(actor):
        raise PermissionDenied(
            _("Founders, students and researchers of the programme start ventures."),
            needs_role=User.Role.FOUNDER,
        )
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown venture fields: {sorted(unknown)}")
    _check_content(data)
    _check_organisation(actor, data)
    if data.get("origin") != Venture.Origin.PROJECT:
        data = data | {"origin_project": None}
    venture = Venture(created_by=actor)
    for field, value in data.items():
        setattr(venture, field, value.strip() if isinstance(value, str) else value)
    venture.save()
    venture.competences_sought.set(list(competences))
    Founder.objects.create(
        venture=venture, user=actor, status=Founder.Status.ACTIVE, answered_at=timezone.now()
    )
    venture_index(venture)
    activity_record(actor=actor, verb="venture.created", target=venture)
    return venture


@transaction.atomic
def venture_update(
    *,
    actor: User,
    venture: Venture,
    data: dict[str, Any],
    competences: Iterable[Competence] = (),
    version: int | None = None,
) -> Venture:
    """Change a venture's text, origin and the competences it seeks. Rules as for
    `venture_create`; only founders; `version` is the one the editor loaded. Raises
    PermissionDenied, EditConflict, DomainError."""
    _require_founder(actor, venture)
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown venture fields: {sorted(unknown)}")
    merged = {field: getattr(venture, field) for field in CONTENT_FIELDS} | data
    _check_content(merged)
    if "organisation" in data and data["organisation"] != venture.organisation:
        _check_organisation(actor, data)
    version_claim(venture, version)
    if merged.get("origin") != Venture.Origin.PROJECT:
        data = data | {"origin_project": None}
    for field, value in data.items():
        setattr(venture, field, value.strip() if isinstance(value, str) else value)
    venture.save()
    venture.competences_sought.set(list(competences))
    venture_index(venture)
    activity_record(actor=actor, verb="venture.updated", target=venture)
    return venture


@transaction.atomic
def venture_publish(
    *, actor: User, venture: Venture, public: bool, logo: Any = None, remove_logo: bool = False
) -> Venture:
    """Publish the public profile (name, one line, town, stage, logo) or take it back. Rules:
    only founders; a public profile needs its one line and town. Raises PermissionDenied,
    DomainError."""
    _require_founder(actor, venture)
    if public and not venture.one_line.strip():
        raise DomainError(
            _("Please describe the venture in one line before publishing."), field="public"
        )
    if public and venture.municipality_id is None:
        raise DomainError(_("Please name the venture's town before publishing."), field="public")
    if remove_logo and venture.logo:
        venture.logo.delete(save=False)
        venture.logo = ""
    if logo:
        venture.logo = logo
    venture.is_public = public
    venture.save()
    venture_index(venture)
    activity_record(
        actor=actor, verb="venture.published" if public else "venture.unpublished", target=venture
    )
    return venture


# --- the founding team ------------------------------------------------------------------------


@transaction.atomic
def founder_invite(*, actor: User, venture: Venture, email: str) -> Founder:
    """A founder invites a person of the platform (by e-mail address) as a co-founder; they are
    told by notification and e-mail. Rules: only founders; the address must belong to an active
    account; nobody twice. Raises PermissionDenied, DomainError."""
    _require_founder(actor, venture)
    email = email.strip()
    person = User.objects.filter(email__iexact=email, is_active=True).first()
    if person is None:
        raise DomainError(
            _("Nobody with the e-mail address %(email)s is on the platform yet.")
            % {"email": email},
            field="email",
        )
    existing = Founder.objects.filter(venture=venture, user=person).first()
    if existing is not None and existing.status != Founder.Status.DECLINED:
        raise DomainError(
            _("%(name)s is already in the founding team or invited.") % {"name": person},
            field="email",
        )
    if existing is not None:
        existing.status, existing.invited_by, existing.answered_at = (
            Founder.Status.INVITED,
            actor,
            None,
        )
        existing.save()
        founder = existing
    else:
        founder = Founder.objects.create(venture=venture, user=person, invited_by=actor)
    activity_record(
        actor=actor, verb="venture.founder_invited", target=venture, data={"person": person.pk}
    )
    pk = founder.pk
    _after_commit(lambda: tasks.founder_invitation_send.enqueue(pk))
    return founder


@transaction.atomic
def founder_answer(*, actor: User, venture: Venture, accept: bool) -> Founder:
    """The invited person accepts (becomes a founder) or declines. Raises DomainError when
    there is no open invitation."""
    founder = (
        Founder.objects.select_for_update()
        .filter(venture=venture, user=actor, status=Founder.Status.INVITED)
        .first()
    )
    if founder is None:
        raise DomainError(_("There is no open invitation to this venture for you."))
    founder.status = Founder.Status.ACTIVE if accept else Founder.Status.DECLINED
    founder.answered_at = timezone.now()
    founder.save()
    activity_record(
        actor=actor,
        verb="venture.founder_accepted" if accept else "venture.founder_declined",
        target=venture,
    )
    return founder


# --- checklist and evidence -------------------------------------------------------------------


def _gate_items(gate: str) -> set[str]:
    if gate not in CHECKLISTS:
        raise DomainError(_("There is no such gate."), field="gate")
    return {item.key for item in CHECKLISTS[gate]}


@transaction.atomic
def checklist_save(*, actor: User, venture: Venture, gate: str, ticked: Iterable[str]) -> Venture:
    """Tick the items of a gate's checklist (those not named are unticked). Rules: only
    founders; only items of the gate's checklist. Raises PermissionDenied, DomainError."""
    _require_founder(actor, venture)
    items = _gate_items(gate)
    wanted = set(ticked)
    if wanted - items:
        raise DomainError(_("This item is not on the gate's checklist."), field="items")
    ChecklistTick.objects.filter(venture=venture, gate=gate).exclude(item__in=wanted).delete()
    have = set(
        ChecklistTick.objects.filter(venture=venture, gate=gate).values_list("item", flat=True)
    )
    ChecklistTick.objects.bulk_create(
        ChecklistTick(venture=venture, gate=gate, item=item, ticked_by=actor)
        for item in sorted(wanted - have)
    )
    activity_record(
        actor=actor,
        verb="venture.checklist",
        target=venture,
        data={"gate": gate, "items": sorted(wanted)},
    )
    return venture


def _checked_kind(upload: Any) -> str:
    """The file's type recognised by its content (the platform's upload checks): refuses big,
    empty, unknown and forged files."""
    name = str(upload.name)
    if upload.size > EVIDENCE_MAX_BYTES:
        raise DomainError(_("%(name)s is larger than 20 MB.") % {"name": name}, field="file")
    if upload.size == 0:
        raise DomainError(_("%(name)s is empty.") % {"name": name}, field="file")
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = sniff(content)
    if kind is None:
        raise DomainError(
            _("%(name)s is not a PDF, image or office document.") % {"name": name}, field="file"
        )
    if not kind_matches_name(kind, name):
        raise DomainError(
            _("%(name)s is not what its name says; please check the file.") % {"name": name},
            field="file",
        )
    return kind


@transaction.atomic
def evidence_add(
    *, actor: User, venture: Venture, gate: str, text: str = "", upload: Any = None
) -> Evidence:
    """Add evidence for a gate: a text, a file or both. Rules: only founders; a gate of the
    lifecycle; text or file; files as the platform's uploads (PDF, image or office document by
    content, name not lying, at most 20 MB). Raises PermissionDenied, DomainError."""
    _require_founder(actor, venture)
    _gate_items(gate)
    text = text.strip()
    if not text and not upload:
        raise DomainError(_("Please write the evidence or choose a file."), field="text")
    if len(text) > 2000:
        raise DomainError(
            _("At most %(limit)d characters, please.") % {"limit": 2000}, field="text"
        )
    evidence = Evidence(venture=venture, gate=gate, text=text, added_by=actor)
    if upload:
        evidence.kind = _checked_kind(upload)
        evidence.name = PurePath(str(upload.name)).name[-200:]
        evidence.file = upload
    evidence.save()
    activity_record(actor=actor, verb="venture.evidence", target=venture, data={"gate": gate})
    return evidence


def checklist_missing(venture: Venture, gate: str) -> list[str]:
    """The labels of the gate's items not ticked yet."""
    ticked = set(
        ChecklistTick.objects.filter(venture=venture, gate=gate).values_list("item", flat=True)
    )
    return [str(item.label) for item in CHECKLISTS.get(gate, ()) if item.key not in ticked]


# --- the stage gates --------------------------------------------------------------------------


class VentureRules(StepRules[Venture]):
    """How a gate is authorised, refused, recorded in the timeline and announced."""

    lifecycle = LIFECYCLE
    status_field = "stage"

    def lock(self, obj: Venture) -> Venture:
        return Venture.objects.select_for_update(of=("self",)).get(pk=obj.pk)

    def roles(self, actor: Any, obj: Venture) -> set[str]:
        return roles_for(actor, obj)

    def refused(self, obj: Venture, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("Only the founders and the coordinators pass a venture's gates."))

    def out_of_order(self, obj: Venture, step: Step, roles: set[str]) -> DomainError:
        return DomainError(
            _("This gate does not follow from the stage “%(stage)s”.")
            % {"stage": obj.get_stage_display()}
        )

    def recorded(self, taken: Taken[Venture]) -> None:
        StageChange.objects.create(
            venture=taken.obj,
            from_stage=taken.from_status,
            to_stage=taken.obj.stage,
            actor=taken.actor,
            note=taken.note,
        )
        venture_index(taken.obj)

    def notify(self, pk: Any, event: str) -> None:
        tasks.gate_passed_send.enqueue(pk, event)


RULES = VentureRules()


def _pass(
    name: str, *, actor: User, venture: Venture, note: str, body: Callable[[Venture], None]
) -> Venture:
    with step_take(RULES, name, actor=actor, obj=venture, note=note) as taken:
        gate = str(LIFECYCLE[name].target)
        missing = checklist_missing(taken.obj, gate)
        if missing:
            raise DomainError(
                _("The checklist of this gate is not complete: %(items)s.")
                % {"items": "; ".join(missing)},
                field="items",
            )
        body(taken.obj)
        taken.obj.stage_since = timezone.now()
    return taken.obj


def _nothing(venture: Venture) -> None:
    return None


@transaction.atomic
def venture_pass_team(*, actor: User, venture: Venture, note: str = "") -> Venture:
    """idea → team. Rules: founders or coordinators; the checklist complete; besides, at
    least two founders. Raises PermissionDenied, DomainError."""

    def body(locked: Venture) -> None:
        if locked.founders.filter(status=Founder.Status.ACTIVE).count() < 2:
            raise DomainError(_("A team needs at least two founders who have accepted."))

    return _pass("pass_team", actor=actor, venture=venture, note=note, body=body)


@transaction.atomic
def venture_pass_validated(*, actor: User, venture: Venture, note: str = "") -> Venture:
    """team → validated. Rules: founders or coordinators; the checklist complete."""
    return _pass("pass_validated", actor=actor, venture=venture, note=note, body=_nothing)


@transaction.atomic
def venture_pass_prototype(*, actor: User, venture: Venture, note: str = "") -> Venture:
    """validated → prototype. Rules: founders or coordinators; the checklist complete."""
    return _pass("pass_prototype", actor=actor, venture=venture, note=note, body=_nothing)


@transaction.atomic
def venture_pass_funded(*, actor: User, venture: Venture, note: str = "") -> Venture:
    """prototype → funding secured. Rules: founders or coordinators; the checklist complete."""
    return _pass("pass_funded", actor=actor, venture=venture, note=note, body=_nothing)


@transaction.atomic
def venture_pass_founded(
    *,
    actor: User,
    venture: Venture,
    founded_on: dt.date | None,
    legal_form: str,
    register_number: str,
    founded_town: Municipality | None,
    note: str = "",
) -> Venture:
    """funding secured → founded. Rules: founders or coordinators; the checklist complete; the
    founding date (not in the future), legal form, register number and town. Raises
    PermissionDenied, DomainError."""

    def body(locked: Venture) -> None:
        if founded_on is None:
            raise DomainError(_("Please give the date of founding."), field="founded_on")
        if founded_on > timezone.localdate():
            raise DomainError(_("The date of founding lies in the future."), field="founded_on")
        if not legal_form.strip():
            raise DomainError(_("Please give the legal form."), field="legal_form")
        if not register_number.strip():
            raise DomainError(_("Please give the register number."), field="register_number")
        if founded_town is None:
            raise DomainError(_("Please choose the town of the seat."), field="founded_town")
        locked.founded_on = founded_on
        locked.legal_form = legal_form.strip()
        locked.register_number = register_number.strip()
        locked.founded_town = founded_town

    return _pass("pass_founded", actor=actor, venture=venture, note=note, body=body)


@transaction.atomic
def venture_pass_settled(*, actor: User, venture: Venture, note: str = "") -> Venture:
    """founded → settled in the region. Rules: founders or coordinators; the checklist
    complete; the seat in a town of the programme's region."""
    from transferraum.regions.models import Programme

    def body(locked: Venture) -> None:
        town = locked.founded_town
        if town is None or not Programme.objects.filter(districts=town.district_id).exists():
            raise DomainError(_("The seat must be in the programme's region."))
        locked.settled_on = timezone.localdate()

    return _pass("pass_settled", actor=actor, venture=venture, note=note, body=body)


STEP_SERVICES: dict[str, Callable[..., Venture]] = {
    "pass_team": venture_pass_team,
    "pass_validated": venture_pass_validated,
    "pass_prototype": venture_pass_prototype,
    "pass_funded": venture_pass_funded,
    "pass_founded": venture_pass_founded,
    "pass_settled": venture_pass_settled,
}


# --- programmes -------------------------------------------------------------------------------


@transaction.atomic
def application_submit(
    *,
    actor: User,
    venture: Venture,
    programme: SupportProgramme,
    submitted_on: dt.date | None = None,
    note: str = "",
) -> Application:
    """Record an application to a support programme. Rules: only founders; every eligibility
    rule of the programme passes (else refused with the reasons); no second open application
    to the same programme. Raises PermissionDenied, DomainError."""
    _require_founder(actor, venture)
    from transferraum.ventures.selectors import facts_for

    Venture.objects.select_for_update().filter(pk=venture.pk).first()
    fit = evaluate(programme, facts_for(venture))
    if not fit.fits:
        raise DomainError(
            _("%(programme)s does not fit: %(reasons)s")
            % {
                "programme": programme.name,
                "reasons": " ".join(result.reason for result in fit.failed),
            },
            field="programme",
        )
    if Application.objects.filter(
        venture=venture, programme=programme, status__in=Application.OPEN
    ).exists():
        raise DomainError(
            _("The venture has already applied to %(programme)s.") % {"programme": programme.name},
            field="programme",
        )
    application = Application.objects.create(
        venture=venture,
        programme=programme,
        submitted_on=submitted_on or timezone.localdate(),
        note=note.strip(),
        created_by=actor,
    )
    activity_record(
        actor=actor,
        verb="venture.applied",
        target=venture,
        data={"programme": programme.slug},
    )
    return application


@transaction.atomic
def application_decide(
    *,
    actor: User,
    application: Application,
    status: str,
    decided_on: dt.date | None = None,
    amount_cents: int | None = None,
) -> Application:
    """Record the outcome of an application: granted (with the amount), rejected or withdrawn.
    Rules: only founders; only a submitted application; the amount only when granted and at
    most the programme's. Raises PermissionDenied, DomainError."""
    venture = application.venture
    _require_founder(actor, venture)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.SUBMITTED:
        raise DomainError(_("This application has already been decided."))
    if status not in (
        Application.Status.GRANTED,
        Application.Status.REJECTED,
        Application.Status.WITHDRAWN,
    ):
        raise DomainError(_("Please choose the outcome."), field="status")
    cap = application.programme.amount_max_cents
    if amount_cents is not None and (
        status != Application.Status.GRANTED or (cap is not None and amount_cents > cap)
    ):
        raise DomainError(
            _("The amount must fit the programme and only a grant has one."), field="amount"
        )
    application.status = status
    application.decided_on = decided_on or timezone.localdate()
    application.amount_cents = amount_cents
    application.save()
    activity_record(
        actor=actor,
        verb="venture.application_decided",
        target=venture,
        data={"programme": application.programme.slug, "status": status},
    )
    return application


# --- mentors ----------------------------------------------------------------------------------


@transaction.atomic
def mentor_ask(*, actor: User, venture: Venture, mentor: User, message: str = "") -> Mentorship:
    """The founders ask a person to mentor the venture; the person is told. Rules: only
    founders; not a founder of it; nobody asked twice (unless they declined before). Raises
    PermissionDenied, DomainError."""
    _require_founder(actor, venture)
    if venture.founders.filter(user=mentor, status=Founder.Status.ACTIVE).exists():
        raise DomainError(_("A founder cannot mentor their own venture."), field="mentor")
    if len(message) > 2000:
        raise DomainError(
            _("At most %(limit)d characters, please.") % {"limit": 2000}, field="message"
        )
    existing = Mentorship.objects.filter(venture=venture, mentor=mentor).first()
    if existing is not None and existing.status in (
        Mentorship.Status.ASKED,
        Mentorship.Status.ACCEPTED,
    ):
        raise DomainError(_("%(name)s has already been asked.") % {"name": mentor}, field="mentor")
    if existing is not None:
        existing.status, existing.asked_by, existing.message = (
            Mentorship.Status.ASKED,
            actor,
            message.strip(),
        )
        existing.answered_at = None
        existing.save()
        mentorship = existing
    else:
        mentorship = Mentorship.objects.create(
            venture=venture, mentor=mentor, asked_by=actor, message=message.strip()
        )
    activity_record(
        actor=actor, verb="venture.mentor_asked", target=venture, data={"mentor": mentor.pk}
    )
    pk = mentorship.pk
    _after_commit(lambda: tasks.mentor_request_send.enqueue(pk))
    return mentorship


@transaction.atomic
def mentor_answer(*, actor: User, venture: Venture, accept: bool) -> Mentorship:
    """The person asked accepts or declines to mentor the venture. Raises DomainError when
    they were not asked."""
    mentorship = (
        Mentorship.objects.select_for_update()
        .filter(venture=venture, mentor=actor, status=Mentorship.Status.ASKED)
        .first()
    )
    if mentorship is None:
        raise DomainError(_("Nobody asked you to mentor this venture."))
    mentorship.status = Mentorship.Status.ACCEPTED if accept else Mentorship.Status.DECLINED
    mentorship.answered_at = timezone.now()
    mentorship.save()
    activity_record(
        actor=actor,
        verb="venture.mentor_accepted" if accept else "venture.mentor_declined",
        target=venture,
    )
    return mentorship


def programmes_load() -> int:
    """Load the catalogue of support programmes (`data/programmes.py`): found by slug, every
    field kept up to date from the data. Returns how many were created."""
    from transferraum.ventures.data.programmes import PROGRAMMES

    created = 0
    for spec in PROGRAMMES:
        _, made = SupportProgramme.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "provider": spec.provider,
                "summary": spec.summary,
                "amount_max_cents": spec.amount_max_cents,
                "duration_months": spec.duration_months,
                "deadlines": spec.deadlines,
                "is_stipend": spec.is_stipend,
                "url": spec.url,
                "rules": list(spec.rules),
            },
        )
        created += made
    return created
