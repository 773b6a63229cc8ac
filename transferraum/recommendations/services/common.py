"""What the writes on recommendations share: the fields a draft has, the rules on their
values, the timeline entry with its activity, and the row lock."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Membership, Organisation
from transferraum.core.errors import DomainError
from transferraum.core.search import search_document
from transferraum.core.services import activity_record
from transferraum.projects.models import Document, Round
from transferraum.recommendations import selectors
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.regions.models import Municipality

CONTENT_FIELDS = (
    "title",
    "summary",
    "rationale",
    "expected_effect",
    "cost_min",
    "cost_max",
    "effort",
    "effort_days_min",
    "effort_days_max",
    "evidence_links",
    "addressee_kind",
    "addressee_name",
    "addressee_organisation",
    "responsible_person",
    "responsible_name",
    "first_answer_due",
    "confidential",
)
# Only a recommendation without a project says where it belongs; a project's decides otherwise.
PLACE_FIELDS = ("round", "municipality")
RELATED_FIELDS: dict[str, type[Model]] = {
    "round": Round,
    "municipality": Municipality,
    "addressee_organisation": Organisation,
    "responsible_person": User,
}

_url_validator = URLValidator(schemes=["http", "https"])


# --- search -------------------------------------------------------------------------------


def recommendation_index(recommendation: Recommendation) -> None:
    """Search text from the title, summary, expected effect, addressee, town and project. Only
    people who may see the recommendation find it (`selectors.visible_to`), so a confidential
    one's words reach nobody else."""
    recommendation.search_text = recommendation_search_text(recommendation)
    Recommendation.objects.filter(pk=recommendation.pk).update(
        search_text=recommendation.search_text
    )


def recommendation_search_text(recommendation: Recommendation) -> str:
    """The search text of `recommendation` from memory (its addressee organisation, town and
    project are read from it), for `recommendation_index` and the data generator alike."""
    parts = [
        recommendation.title,
        recommendation.summary,
        recommendation.expected_effect,
        recommendation.addressee_name,
    ]
    for related in ("addressee_organisation", "municipality", "project"):
        value = getattr(recommendation, related)
        if value is not None:
            parts.append(str(value))
    return search_document(parts)


# --- rules on values ------------------------------------------------------------------------


def check_url(value: str, field: str) -> str:
    value = value.strip()
    try:
        _url_validator(value)
    except ValidationError:
        raise DomainError(
            _("“%(value)s” is not a web address; please give one that starts with https://.")
            % {"value": value},
            field=field,
        ) from None
    return value


def whole_number(value: Any, field: str, message: str) -> int | None:
    """None or a whole number of at least 0 (money is counted in whole euros, never floats)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DomainError(message, field=field)
    return int(value)


def check_future(value: Any, field: str) -> date | None:
    """A date for something still to come: today or later."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise DomainError(_("Please give a date."), field=field)
    if value < timezone.localdate():
        raise DomainError(
            _("The date %(date)s lies in the past; please choose today or a later day.")
            % {"date": date_format(value, "SHORT_DATE_FORMAT")},
            field=field,
        )
    return value


def check_past(value: Any, field: str) -> date:
    """A date of something that happened: given, and not in the future."""
    if not isinstance(value, date):
        raise DomainError(_("Please give the date."), field=field)
    if value > timezone.localdate():
        raise DomainError(
            _("The date %(date)s lies in the future; please record a decision once it is taken.")
            % {"date": date_format(value, "SHORT_DATE_FORMAT")},
            field=field,
        )
    return value


def partner_organisations(recommendation: Recommendation) -> list[int]:
    """The organisations on the partner's side: the one addressed and the town (or company) that
    posed the project's challenge."""
    ids = []
    if recommendation.addressee_organisation_id is not None:
        ids.append(recommendation.addressee_organisation_id)
    if recommendation.project is not None:
        ids.append(recommendation.project.challenge.organisation_id)
    return ids


def check_responsible(recommendation: Recommendation, person: User | None) -> None:
    """The responsible person works on the partner's side (a member of one of its organisations
    or a partner contact of the project)."""
    if person is None:
        return
    project = recommendation.project
    on_side = Membership.objects.filter(
        user_id=person.pk, organisation_id__in=partner_organisations(recommendation)
    ).exists() or (project is not None and project.partner_contacts.filter(pk=person.pk).exists())
    if not on_side:
        raise DomainError(
            _(
                "%(person)s does not belong to %(partner)s; the responsible person must work on "
                "the partner's side."
            )
            % {"person": person, "partner": selectors.partner_name(recommendation)},
            field="responsible_person",
        )


LINK_TITLE_MAX_LENGTH = 200


def check_links(links: Any) -> list[dict[str, str]]:
    if links in (None, ""):
        return []
    if not isinstance(links, list):
        raise DomainError(_("Please give the links as a list."), field="evidence_links")
    cleaned = []
    for link in links:
        if isinstance(link, str):
            link = {"url": link}
        if not isinstance(link, dict) or not str(link.get("url", "")).strip():
            raise DomainError(_("Every link needs a web address."), field="evidence_links")
        url = check_url(str(link["url"]), "evidence_links")
        title = str(link.get("title") or url).strip()
        if len(title) > LINK_TITLE_MAX_LENGTH:
            raise DomainError(
                _("A link's title may have at most %(max)d characters; this one has %(count)d.")
                % {"max": LINK_TITLE_MAX_LENGTH, "count": len(title)},
                field="evidence_links",
            )
        cleaned.append({"title": title, "url": url})
    return cleaned


def check_content(recommendation: Recommendation, data: dict[str, Any]) -> None:
    """Rules on the text and the numbers (a draft may be incomplete, never inconsistent)."""
    if not recommendation.title.strip():
        raise DomainError(_("Please give the recommendation a title."), field="title")
    euros = _("Please give costs in whole euros (no cents, not below zero).")
    cost_min = whole_number(recommendation.cost_min, "cost_min", euros)
    cost_max = whole_number(recommendation.cost_max, "cost_max", euros)
    if cost_min is not None and cost_max is not None and cost_min > cost_max:
        raise DomainError(_("The lowest cost is higher than the highest."), field="cost_max")
    days = _("Please give the effort in whole person-days.")
    days_min = whole_number(recommendation.effort_days_min, "effort_days_min", days)
    days_max = whole_number(recommendation.effort_days_max, "effort_days_max", days)
    if days_min is not None and days_max is not None and days_min > days_max:
        raise DomainError(
            _("The lowest effort is higher than the highest."), field="effort_days_max"
        )
    if recommendation.effort not in ("", *Recommendation.Effort.values):
        raise DomainError(_("Please choose small, medium or large."), field="effort")
    if recommendation.addressee_kind not in ("", *Recommendation.Addressee.values):
        raise DomainError(_("Please choose to whom it is addressed."), field="addressee_kind")
    if "first_answer_due" in data:
        check_future(recommendation.first_answer_due, "first_answer_due")
    if "responsible_person" in data or "addressee_organisation" in data:
        check_responsible(recommendation, recommendation.responsible_person)


def missing_fields(recommendation: Recommendation) -> list[str]:
    """The fields a recommendation still lacks before it may go to the partner."""
    missing = []
    if not recommendation.summary.strip():
        missing.append("summary")
    if not recommendation.rationale.strip():
        missing.append("rationale")
    if recommendation.addressee_organisation_id is None and recommendation.project_id is None:
        missing.append("addressee_organisation")
    if not recommendation.addressee_kind:
        missing.append("addressee_kind")
    return missing


def check_complete(recommendation: Recommendation) -> None:
    """What a recommendation needs before it may go to the partner (and before the authors ask
    for approval): every missing field is named; the error sits at the first."""
    missing = missing_fields(recommendation)
    if not missing:
        return
    names = ", ".join(
        str(getattr(Recommendation._meta.get_field(name), "verbose_name", name)) for name in missing
    )
    raise DomainError(
        _("The recommendation is not complete yet. Please fill in: %(fields)s.")
        % {"fields": names},
        field=missing[0],
    )


def check_evidence(recommendation: Recommendation, documents: Iterable[Document]) -> list[Document]:
    documents = list(documents)
    foreign = [d for d in documents if d.project_id != recommendation.project_id]
    if foreign:
        raise DomainError(
            _("Only documents of the recommendation's own project can be evidence: %(titles)s.")
            % {"titles": ", ".join(d.title for d in foreign)},
            field="evidence",
        )
    return documents


def place(recommendation: Recommendation, data: dict[str, Any]) -> None:
    """Round and town come from the project's challenge; without a project from what the
    researcher said, else from the organisation addressed."""
    project = recommendation.project
    if project is not None:
        recommendation.round = project.round
        challenge = project.challenge
        recommendation.municipality_id = (
            challenge.municipality_id or challenge.organisation.municipality_id
        )
        return
    if "municipality" not in data and recommendation.addressee_organisation_id is not None:
        organisation = recommendation.addressee_organisation
        if organisation is not None and organisation.municipality_id is not None:
            recommendation.municipality_id = organisation.municipality_id


def apply_content(recommendation: Recommendation, data: dict[str, Any]) -> list[str]:
    allowed = set(CONTENT_FIELDS)
    if recommendation.project_id is None:
        allowed |= set(PLACE_FIELDS)
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Unknown or fixed recommendation fields: {sorted(unknown)}")
    for key, model in RELATED_FIELDS.items():
        if data.get(key) is not None and not isinstance(data[key], model):
            raise ValueError(f"{key} must be a {model.__name__} or None")
    changed = [
        key
        for key, value in data.items()
        if getattr(recommendation, key) != (value.strip() if isinstance(value, str) else value)
    ]
    for key, value in data.items():
        if key == "evidence_links":
            value = check_links(value)
        elif key in ("cost_min", "cost_max", "effort_days_min", "effort_days_max") and value == "":
            value = None
        setattr(recommendation, key, value.strip() if isinstance(value, str) else value)
    check_content(recommendation, {key: data[key] for key in changed})
    place(recommendation, data)
    return changed


# --- events, log, notifications -------------------------------------------------------------


def jsonable(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, date | datetime):
            result[key] = value.isoformat()
        elif isinstance(value, User):
            result[key] = {"id": value.pk, "name": str(value)}
        elif value not in (None, ""):
            result[key] = value
    return result


def timeline_add(
    *,
    recommendation: Recommendation,
    actor: User | None,
    action: str,
    from_status: str,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> RecommendationEvent:
    """The entry of the timeline."""
    return RecommendationEvent.objects.create(
        recommendation=recommendation,
        action=action,
        from_status=from_status,
        to_status=recommendation.status,
        actor=actor,
        note=note,
        data=data or {},
    )


def record(
    *,
    recommendation: Recommendation,
    actor: User | None,
    action: str,
    from_status: str,
    data: dict[str, Any] | None = None,
) -> RecommendationEvent:
    """The timeline entry and the activity of a write that is not a step of the lifecycle (the
    steps record through `step_take`)."""
    data = data or {}
    event = timeline_add(
        recommendation=recommendation,
        actor=actor,
        action=action,
        from_status=from_status,
        data=data,
    )
    activity_record(
        actor=actor,
        verb=f"recommendation.{action}",
        target=recommendation,
        data={"status": recommendation.status, **data},
    )
    return event


def locked(recommendation: Recommendation) -> Recommendation:
    """Reload under a row lock, so that two clicks cannot both change it. (No joins: a lock on
    the nullable side of an outer join is refused by PostgreSQL.)"""
    return Recommendation.objects.select_for_update().get(pk=recommendation.pk)
