"""Drafts and their evidence: writing, changing and linking documents and sources."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.versions import version_claim
from transferraum.projects import permissions as project_permissions
from transferraum.projects.models import Document, Project
from transferraum.recommendations import permissions, selectors
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services.common import (
    apply_content,
    check_evidence,
    check_links,
    locked,
    recommendation_index,
    record,
)

# --- drafts ---------------------------------------------------------------------------------


class DuplicateDraft(DomainError):
    """The same draft was saved a moment ago (a second click): `recommendation` is the first."""

    def __init__(self, recommendation: Recommendation) -> None:
        super().__init__(
            _("The draft “%(title)s” has already been saved.") % {"title": recommendation.title}
        )
        self.recommendation = recommendation


@transaction.atomic
def recommendation_create(
    *,
    actor: User,
    data: dict[str, Any],
    project: Project | None = None,
    evidence: Iterable[Document] = (),
) -> Recommendation:
    """Draft a recommendation. A team member of `project` writes for the team; a researcher
    writes for the accompanying research, with or without a project (then `round` and
    `municipality` may be given; otherwise the town follows the organisation addressed).

    Rules: a title; costs and effort in whole numbers, lowest ≤ highest; a date for a first
    answer not in the past; the responsible person on the partner's side; evidence only from
    the same project; links must be web addresses. The same title for the same project by the
    same person within a minute is a second click: refused with `DuplicateDraft`, which names
    the first.
    Raises PermissionDenied, DomainError; nothing is stored on error.
    """
    if not permissions.can_write_for(actor, project):
        raise PermissionDenied(
            _("Only the project's team or researchers can write recommendations.")
        )
    title = str(data.get("title") or "").strip()
    if title:
        # One author's drafts one after the other, so that two clicks cannot both pass the check.
        list(User.objects.select_for_update().filter(pk=actor.pk).values_list("pk", flat=True))
        first = selectors.recent_duplicate_draft(actor=actor, project=project, title=title)
        if first is not None:
            raise DuplicateDraft(first)
    is_member = project is not None and project_permissions.MEMBER in (
        project_permissions.roles_for(actor, project)
    )
    recommendation = Recommendation(
        project=project,
        created_by=actor,
        written_by_kind=(
            Recommendation.Author.TEAM if is_member else Recommendation.Author.RESEARCH
        ),
    )
    data = {"title": "", **data}
    apply_content(recommendation, data)
    documents = check_evidence(recommendation, evidence)
    recommendation.save()
    recommendation.evidence.set(documents)
    recommendation_index(recommendation)
    record(recommendation=recommendation, actor=actor, action="created", from_status="")
    return recommendation


@transaction.atomic
def recommendation_update(
    *,
    actor: User,
    recommendation: Recommendation,
    data: dict[str, Any],
    evidence: Iterable[Document] | None = None,
    version: int | None = None,
) -> Recommendation:
    """Change a draft (the same rules as `recommendation_create`); `evidence` replaces the linked
    documents when given. Only the authors, only while drafted; `version` is the one the
    editor loaded (None: no loaded copy), a newer save wins.
    Raises PermissionDenied, EditConflict, DomainError; nothing is stored on error.
    """
    recommendation = locked(recommendation)
    if not permissions.can_edit(actor, recommendation):
        raise PermissionDenied(
            _("Only the authors can change a recommendation, and only while it is a draft.")
        )
    version_claim(recommendation, version)
    changed = apply_content(recommendation, data)
    if evidence is not None:
        documents = check_evidence(recommendation, evidence)
        before = set(recommendation.evidence.values_list("pk", flat=True))
        if before != {d.pk for d in documents}:
            changed.append("evidence")
        recommendation.evidence.set(documents)
    recommendation.save()
    recommendation_index(recommendation)
    if changed:
        record(
            recommendation=recommendation,
            actor=actor,
            action="updated",
            from_status=recommendation.status,
            data={"fields": sorted(changed)},
        )
    return recommendation


@transaction.atomic
def recommendation_evidence_set(
    *,
    actor: User,
    recommendation: Recommendation,
    documents: Iterable[Document],
    links: list[Any] | None = None,
) -> Recommendation:
    """Link the documents of the project (deliverables, working documents) and outside sources.
    Only the authors, while drafted; only documents of the same project; links must be web
    addresses. Raises PermissionDenied, DomainError."""
    recommendation = locked(recommendation)
    if not permissions.can_edit(actor, recommendation):
        raise PermissionDenied(
            _("Only the authors can change a recommendation, and only while it is a draft.")
        )
    documents = check_evidence(recommendation, documents)
    if links is not None:
        recommendation.evidence_links = check_links(links)
        recommendation.save(update_fields=["evidence_links", "updated_at"])
    recommendation.evidence.set(documents)
    record(
        recommendation=recommendation,
        actor=actor,
        action="evidence_changed",
        from_status=recommendation.status,
        data={
            "documents": [d.pk for d in documents],
            "links": len(recommendation.evidence_links),
        },
    )
    return recommendation
