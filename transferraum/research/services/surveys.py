"""Building surveys: versions, pages, questions, options and their conditions.

Every edit goes to the newest version of a survey and only while that version has no answers:
once somebody answered, the meaning of its questions is fixed, and `survey_version_start`
copies it into a new version where the change can be made. Conditions are checked against the
whole version after every change that could move a question (`version_check`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.research.conditions import (
    Place,
    condition_problems,
    conditions_loops,
    loop_message,
    referenced,
)
from transferraum.research.data.scales import SCALES
from transferraum.research.models import Option, Page, Question, Study, Survey, SurveyVersion
from transferraum.research.permissions import can_manage_study


class VersionAnswered(DomainError):
    """The version has answers: its questions cannot change any more."""


class ConditionInvalid(DomainError):
    """A condition refers to a later question, itself, an unknown one, or forms a loop."""


def study_authorise(actor: Any, study: Study) -> None:
    if not can_manage_study(actor, study):
        raise PermissionDenied(_("Only the researchers of this study may change it."))


def _editable(actor: Any, version: SurveyVersion) -> None:
    """The rules every edit shares: a researcher of the study, the newest version, no answers."""
    study_authorise(actor, version.survey.study)
    newest = version.survey.versions.aggregate(n=Max("number"))["n"]
    if version.number != newest:
        raise VersionAnswered(
            _("Only the newest version (%(number)s) of a survey can be changed.")
            % {"number": newest}
        )
    if version.has_answers():
        raise VersionAnswered(
            _(
                "Version %(number)s of this survey already has answers, so its questions can "
                "no longer change. Start a new version to change them; the answers stay with "
                "the version they were given to."
            )
            % {"number": version.number}
        )


def newest_version(survey: Survey) -> SurveyVersion:
    return survey.versions.order_by("-number").first()  # type: ignore[return-value]


@transaction.atomic
def survey_create(*, actor: Any, study: Study, title_de: str, title_en: str) -> Survey:
    """A new survey of `study` with version 1 and an empty first page.

    Raises PermissionDenied for anyone but the study's researchers."""
    study_authorise(actor, study)
    survey = Survey.objects.create(study=study, title_de=title_de, title_en=title_en)
    version = SurveyVersion.objects.create(survey=survey, number=1)
    Page.objects.create(version=version, position=1, title_de="Seite 1", title_en="Page 1")
    activity_record(actor=actor, verb="survey.created", target=survey)
    return survey


@transaction.atomic
def survey_version_start(*, actor: Any, survey: Survey) -> SurveyVersion:
    """A new version of `survey`: a copy of the newest one (pages, questions, options and
    conditions), ready to be changed. Waves keep the version they were started with.

    Raises PermissionDenied for anyone but the study's researchers."""
    study_authorise(actor, survey.study)
    Survey.objects.select_for_update().get(pk=survey.pk)
    source = newest_version(survey)
    version = SurveyVersion.objects.create(survey=survey, number=source.number + 1)
    for page in source.pages.prefetch_related("questions__options"):
        questions = list(page.questions.all())
        page.pk = None
        page.version = version
        page.save()
        for question in questions:
            options = list(question.options.all())
            question.pk = None
            question.page = page
            question.save()
            for option in options:
                option.pk = None
                option.question = question
            Option.objects.bulk_create(options)
    activity_record(
        actor=actor, verb="survey.version_started", target=survey, data={"number": version.number}
    )
    return version


def _questions_of(version: SurveyVersion) -> dict[str, tuple[Place, str]]:
    return {
        code: (Place(page_position, position), kind)
        for code, kind, page_position, position in Question.objects.filter(
            page__version=version
        ).values_list("code", "kind", "page__position", "position")
    }


def version_check(version: SurveyVersion) -> None:
    """Check every condition of `version` against the order of its pages and questions.

    Raises ConditionInvalid with the first problem (a loop is named as one)."""
    questions = _questions_of(version)
    owners: list[tuple[str, Place, dict[str, Any]]] = [
        (_("page %(n)s") % {"n": page.position}, Place(page.position), page.condition)
        for page in version.pages.all()
    ]
    owners.extend(
        (question.code, Place(question.page.position, question.position), question.condition)
        for question in Question.objects.filter(page__version=version).select_related("page")
    )
    loops = conditions_loops({owner: referenced(condition) for owner, _p, condition in owners})
    if loops:
        raise ConditionInvalid(loop_message(loops[0]), field="condition")
    for owner, place, condition in owners:
        problems = condition_problems(condition, owner=owner, place=place, questions=questions)
        if problems:
            raise ConditionInvalid(problems[0], field="condition")


def _check_condition(
    version: SurveyVersion, *, owner: str, place: Place, condition: dict[str, Any]
) -> None:
    problems = condition_problems(
        condition, owner=owner, place=place, questions=_questions_of(version)
    )
    if problems:
        raise ConditionInvalid(problems[0], field="condition")


@transaction.atomic
def page_add(
    *,
    actor: Any,
    version: SurveyVersion,
    title_de: str,
    title_en: str = "",
    condition: dict[str, Any] | None = None,
) -> Page:
    """A page at the end of `version`. Raises VersionAnswered, ConditionInvalid."""
    _editable(actor, version)
    position = (version.pages.aggregate(n=Max("position"))["n"] or 0) + 1
    condition = condition or {}
    _check_condition(
        version, owner=_("page %(n)s") % {"n": position}, place=Place(position), condition=condition
    )
    return Page.objects.create(
        version=version,
        position=position,
        title_de=title_de,
        title_en=title_en,
        condition=condition,
    )


@transaction.atomic
def page_update(
    *, actor: Any, page: Page, title_de: str, title_en: str, condition: dict[str, Any]
) -> Page:
    """Change a page's titles and condition. Raises VersionAnswered, ConditionInvalid."""
    _editable(actor, page.version)
    _check_condition(
        page.version,
        owner=_("page %(n)s") % {"n": page.position},
        place=Place(page.position),
        condition=condition,
    )
    page.title_de, page.title_en, page.condition = title_de, title_en, condition
    page.save()
    return page


def _clean_range(kind: str, min_value: Decimal | None, max_value: Decimal | None) -> None:
    if kind != Question.Kind.NUMBER and (min_value is not None or max_value is not None):
        raise DomainError(_("Only number questions have a range."), field="min_value")
    if min_value is not None and max_value is not None and max_value < min_value:
        raise DomainError(
            _("The largest number must not be smaller than the smallest."), field="max_value"
        )


@transaction.atomic
def question_add(
    *,
    actor: Any,
    page: Page,
    code: str,
    kind: str,
    text_de: str,
    text_en: str,
    help_de: str = "",
    help_en: str = "",
    required: bool = False,
    min_value: Decimal | None = None,
    max_value: Decimal | None = None,
    condition: dict[str, Any] | None = None,
    is_outcome: bool = False,
) -> Question:
    """A question at the end of `page`. A Likert question starts with its labelled scale.

    Rules: variable names are unique within the version; a range only for numbers, smallest
    before largest; the condition refers only to earlier questions. Raises VersionAnswered,
    ConditionInvalid, DomainError."""
    version = page.version
    _editable(actor, version)
    if kind not in Question.Kind.values:
        raise DomainError(_("Unknown type of question."), field="kind")
    if Question.objects.filter(page__version=version, code=code).exists():
        raise DomainError(
            _("The variable name “%(code)s” is taken in this survey.") % {"code": code},
            field="code",
        )
    _clean_range(kind, min_value, max_value)
    _clean_outcome(kind, is_outcome)
    position = (page.questions.aggregate(n=Max("position"))["n"] or 0) + 1
    condition = condition or {}
    _check_condition(version, owner=code, place=Place(page.position, position), condition=condition)
    question = Question.objects.create(
        page=page,
        position=position,
        code=code,
        kind=kind,
        text_de=text_de,
        text_en=text_en,
        help_de=help_de,
        help_en=help_en,
        required=required,
        min_value=min_value,
        max_value=max_value,
        condition=condition,
        is_outcome=is_outcome,
    )
    if kind in SCALES:
        Option.objects.bulk_create(
            Option(question=question, position=value, value=value, label_de=de, label_en=en)
            for value, de, en in SCALES[kind]
        )
    return question


@transaction.atomic
def question_update(
    *,
    actor: Any,
    question: Question,
    text_de: str,
    text_en: str,
    help_de: str = "",
    help_en: str = "",
    required: bool = False,
    min_value: Decimal | None = None,
    max_value: Decimal | None = None,
    condition: dict[str, Any] | None = None,
    is_outcome: bool | None = None,
    loaded_version: int | None = None,
) -> Question:
    """Change a question's texts, range, whether it is required, whether it is an outcome
    measure and its condition (its type and variable name stay). `loaded_version` is the edit
    version the researcher's form was loaded with (core.versions; None: always wins).

    Raises VersionAnswered when the version has answers, EditConflict when another researcher
    saved the question meanwhile, ConditionInvalid, DomainError."""
    version = question.page.version
    _editable(actor, version)
    _clean_range(question.kind, min_value, max_value)
    if is_outcome is not None:
        _clean_outcome(question.kind, is_outcome)
        question.is_outcome = is_outcome
    condition = condition or {}
    _check_condition(
        version,
        owner=question.code,
        place=Place(question.page.position, question.position),
        condition=condition,
    )
    question.text_de, question.text_en = text_de, text_en
    question.help_de, question.help_en = help_de, help_en
    question.required, question.condition = required, condition
    question.min_value, question.max_value = min_value, max_value
    version_claim(question, loaded_version)
    question.save()
    activity_record(actor=actor, verb="survey.question_changed", target=question)
    return question


def _clean_outcome(kind: str, is_outcome: bool) -> None:
    if is_outcome and kind != Question.Kind.LIKERT5:
        raise DomainError(
            _("Only 5-point Likert questions can be outcome measures."), field="is_outcome"
        )


@transaction.atomic
def question_delete(*, actor: Any, question: Question) -> None:
    """Remove a question. Refused while another condition depends on it (ConditionInvalid)."""
    version = question.page.version
    _editable(actor, version)
    question.delete()
    version_check(version)


@transaction.atomic
def option_add(
    *, actor: Any, question: Question, label_de: str, label_en: str, role: str = Option.Role.CHOICE
) -> Option:
    """An answer option (or a matrix row) at the end of `question`'s list, coded with the next
    number. Raises VersionAnswered, DomainError for a question without options."""
    _editable(actor, question.page.version)
    if not question.has_options:
        raise DomainError(_("This type of question has no options."))
    if role == Option.Role.ITEM and question.kind != Question.Kind.MATRIX:
        raise DomainError(_("Only a matrix has rows."))
    last = question.options.filter(role=role).aggregate(p=Max("position"), v=Max("value"))
    return Option.objects.create(
        question=question,
        role=role,
        position=(last["p"] or 0) + 1,
        value=(last["v"] or 0) + 1,
        label_de=label_de,
        label_en=label_en,
    )


@transaction.atomic
def option_update(*, actor: Any, option: Option, label_de: str, label_en: str) -> Option:
    """Change an option's labels (its code stays). Raises VersionAnswered."""
    _editable(actor, option.question.page.version)
    option.label_de, option.label_en = label_de, label_en
    option.save()
    return option


@transaction.atomic
def option_delete(*, actor: Any, option: Option) -> None:
    """Remove an option. Raises VersionAnswered."""
    _editable(actor, option.question.page.version)
    option.delete()


# --- order and removal ------------------------------------------------------------------------

UP, DOWN = "up", "down"


def _swap(rows: Any, item: Any, direction: str) -> bool:
    """Swap `item` with its neighbour among `rows` (same parent) in `direction`; False when
    it is first (up) or last (down) already. Position 0 is free in every list (they start at
    1), so the swap passes the unique constraint."""
    if direction not in (UP, DOWN):
        raise DomainError(_("Move a part up or down."))
    if direction == UP:
        neighbour = rows.filter(position__lt=item.position).order_by("-position").first()
    else:
        neighbour = rows.filter(position__gt=item.position).order_by("position").first()
    if neighbour is None:
        return False
    mine, theirs = item.position, neighbour.position
    type(item).objects.filter(pk=item.pk).update(position=0)
    type(item).objects.filter(pk=neighbour.pk).update(position=mine)
    type(item).objects.filter(pk=item.pk).update(position=theirs)
    item.position = theirs
    return True


@transaction.atomic
def page_move(*, actor: Any, page: Page, direction: str) -> bool:
    """Move a page up or down. Refused (ConditionInvalid, nothing moved) when a condition would
    then depend on a question asked later. Raises VersionAnswered."""
    _editable(actor, page.version)
    moved = _swap(page.version.pages.select_for_update(), page, direction)
    version_check(page.version)
    return moved


@transaction.atomic
def question_move(*, actor: Any, question: Question, direction: str) -> bool:
    """Move a question up or down on its page (see `page_move`)."""
    version = question.page.version
    _editable(actor, version)
    moved = _swap(question.page.questions.select_for_update(), question, direction)
    version_check(version)
    return moved


@transaction.atomic
def option_move(*, actor: Any, option: Option, direction: str) -> bool:
    """Move an answer option (or a matrix row) up or down; its code stays."""
    _editable(actor, option.question.page.version)
    rows = option.question.options.filter(role=option.role).select_for_update()
    return _swap(rows, option, direction)


@transaction.atomic
def page_delete(*, actor: Any, page: Page) -> None:
    """Remove a page with its questions; the later pages move up. Refused for the only page
    (DomainError) and while a condition depends on one of its questions (ConditionInvalid).
    Raises VersionAnswered."""
    version = page.version
    _editable(actor, version)
    if version.pages.count() < 2:
        raise DomainError(_("A survey keeps at least one page."))
    position = page.position
    page.delete()
    for later in version.pages.filter(position__gt=position).order_by("position"):
        later.position -= 1
        later.save(update_fields=["position"])
    version_check(version)
    activity_record(actor=actor, verb="survey.page_removed", target=version.survey)
