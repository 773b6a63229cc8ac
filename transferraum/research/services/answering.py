"""Answering a survey through a personal link: one response per invitation, saved page by page.

Each page is saved on its own (`response_page_save`), so a person who leaves, or whose
session expires, finds every saved page again when they open their link. The server checks
every answer (`answer_clean`): a Likert point outside the scale, a number outside its range,
a date that is none, a missing required answer are refused with a message at the field, and
nothing of the page is stored until all of it is valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.core.errors import DomainError
from transferraum.projects.models import Assignment
from transferraum.research.conditions import condition_holds, referenced
from transferraum.research.models import (
    Answer,
    Invitation,
    Option,
    Page,
    Question,
    Response,
    Wave,
)
from transferraum.research.pseudonyms import pseudonym
from transferraum.research.selectors import current_consent, version_questions

MAX_TEXT = 5000


class AnswersInvalid(DomainError):
    """Some answers of a page were refused; `errors` maps each field name to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(_("Please check the marked answers."))
        self.errors = errors


class ConsentMissing(DomainError):
    """The person has not (or no longer) consented to the study."""


def plain(number: Decimal) -> str:
    """A number as people write it: 60, 2.5 (never 6E+1)."""
    return f"{number.normalize():f}"


def field_name(question: Question, item: Option | None = None) -> str:
    """The form field of a question (or of one row of a matrix)."""
    return f"q-{question.code}" if item is None else f"q-{question.code}-{item.value}"


def _values(question: Question, role: str) -> list[Option]:
    return [option for option in question.options.all() if option.role == role]


def answers_of(response: Response) -> dict[str, Any]:
    """The saved answers by variable name: a code or number, a list of codes (multiple
    choice), a date, a text, or for a matrix {row code: point}."""
    return answers_by_code(response.answers.select_related("question", "item"))


def answers_by_code(answers: Iterable[Answer]) -> dict[str, Any]:
    """`answers_of` for answer rows already loaded (with their question and item)."""
    found: dict[str, Any] = {}
    for answer in answers:
        code = answer.question.code
        kind = answer.question.kind
        if kind == Question.Kind.MATRIX:
            if answer.item is not None and answer.number is not None:
                found.setdefault(code, {})[answer.item.value] = int(answer.number)
        elif kind == Question.Kind.MULTIPLE:
            found[code] = list(answer.choices or [])
        elif kind == Question.Kind.DATE:
            found[code] = answer.date
        elif kind == Question.Kind.TEXT:
            found[code] = answer.text
        elif kind == Question.Kind.NUMBER:
            found[code] = answer.number
        elif answer.number is not None:
            found[code] = int(answer.number)
    return found


def visible_questions(page: Page, answers: Mapping[str, Any]) -> list[Question]:
    return [q for q in page.questions.all() if condition_holds(q.condition, answers)]


def visible_pages(pages: list[Page], answers: Mapping[str, Any]) -> list[Page]:
    return [page for page in pages if condition_holds(page.condition, answers)]


@dataclass(frozen=True)
class Progress:
    """Where a person stands: page `number` of `total` (the pages shown so far count)."""

    number: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * (self.number - 1) / self.total) if self.total else 100


def progress_of(pages: list[Page], page: Page, answers: Mapping[str, Any]) -> Progress:
    """Page `page` of the pages shown, counting a page whose condition waits for questions
    not answered yet as one still to come (the total may shrink, never jump up)."""
    possible = [
        p
        for p in pages
        if condition_holds(p.condition, answers)
        or any(code not in answers for code in referenced(p.condition))
    ]
    positions = [p.position for p in possible]
    number = positions.index(page.position) + 1 if page.position in positions else 1
    return Progress(number=number, total=len(possible))


def _choice(question: Question, raw: str, values: set[int]) -> int:
    try:
        code = int(raw)
    except (TypeError, ValueError):
        code = None
    if code is None or code not in values:
        if question.kind in Question.SCALE_POINTS:
            raise ValueError(
                _("Choose a point from 1 to %(n)s.") % {"n": Question.SCALE_POINTS[question.kind]}
            )
        raise ValueError(_("Choose one of the options."))
    return code


def answer_clean(question: Question, data: Any) -> dict[Option | None, Any]:
    """The answer to `question` from the sent fields `data` (a QueryDict or a mapping of
    lists): {None: value} or, for a matrix, {row: point}; empty for no answer.

    Raises ValueError with the message for the person."""
    name = field_name(question)
    getlist = data.getlist if hasattr(data, "getlist") else (lambda key: data.get(key, []))
    kind = question.kind
    if kind == Question.Kind.MATRIX:
        points = {o.value for o in _values(question, Option.Role.CHOICE)}
        rows: dict[Option | None, Any] = {}
        for item in _values(question, Option.Role.ITEM):
            raw = (getlist(field_name(question, item)) or [""])[-1].strip()
            if raw:
                rows[item] = _choice(question, raw, points)
            elif question.required:
                raise ValueError(_("Please answer every row."))
        return rows
    if kind == Question.Kind.MULTIPLE:
        values = {o.value for o in _values(question, Option.Role.CHOICE)}
        chosen = sorted({_choice(question, raw, values) for raw in getlist(name) if raw.strip()})
        if not chosen and question.required:
            raise ValueError(_("Please choose at least one option."))
        return {None: chosen} if chosen else {}
    raw = (getlist(name) or [""])[-1].strip()
    if not raw:
        if question.required:
            raise ValueError(_("Please answer this question."))
        return {}
    if kind in (Question.Kind.SINGLE, Question.Kind.LIKERT5, Question.Kind.LIKERT7):
        return {None: _choice(question, raw, {o.value for o in _values(question, "choice")})}
    if kind == Question.Kind.NUMBER:
        try:
            number = Decimal(raw.replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) >= Decimal("1e10"):
            raise ValueError(_("Please enter a number."))
        if question.min_value is not None and number < question.min_value:
            raise ValueError(_("Please enter at least %(n)s.") % {"n": plain(question.min_value)})
        if question.max_value is not None and number > question.max_value:
            raise ValueError(_("Please enter at most %(n)s.") % {"n": plain(question.max_value)})
        return {None: number.quantize(Decimal("0.01"))}
    if kind == Question.Kind.DATE:
        try:
            return {None: dt.date.fromisoformat(raw)}
        except ValueError:
            raise ValueError(_("Please enter a date (day, month, year).")) from None
    if len(raw) > MAX_TEXT:
        raise ValueError(
            _("Please write at most %(n)s characters (now %(m)s).") % {"n": MAX_TEXT, "m": len(raw)}
        )
    if "\x00" in raw:
        raise ValueError(_("The text contains a character that cannot be stored."))
    return {None: raw}


def _answer_row(response: Response, question: Question, item: Option | None, value: Any) -> Answer:
    answer = Answer(response=response, question=question, item=item)
    if question.kind == Question.Kind.MULTIPLE:
        answer.choices = value
    elif question.kind == Question.Kind.DATE:
        answer.date = value
    elif question.kind == Question.Kind.TEXT:
        answer.text = value
    else:
        answer.number = Decimal(value)
    return answer


@transaction.atomic
def response_start(*, invitation: Invitation, now: dt.datetime | None = None) -> Response:
    """The response of the invited person in the wave, created at the first visit.

    Raises ConsentMissing when the person has not consented to the study."""
    wave = invitation.wave
    if current_consent(invitation.person, wave.study) is None:
        raise ConsentMissing(_("Please read the consent text and agree before you start."))
    response, _created = Response.objects.get_or_create(
        wave=wave,
        pseudonym=pseudonym(wave.study, invitation.person),
        defaults={"survey_version": wave.survey_version, "started_at": now or timezone.now()},
    )
    if response.town_id is None and wave.group == Wave.Group.ROUND_STUDENTS:
        response_town_set(response, invitation)
    return response


def response_town_set(response: Response, invitation: Invitation) -> None:
    """Give `response` the town of the project its invited student works in, in the wave's
    round (through the person's team, `Assignment`): one UPDATE with a subquery. Stays empty
    while the student has no project (tried again at the next visit)."""
    town = (
        Assignment.objects.filter(
            round_id=invitation.wave.round_id,
            student_id=invitation.person_id,
            project__isnull=False,
        )
        .annotate(
            town=Coalesce(
                "project__challenge__municipality",
                "project__challenge__organisation__municipality",
            )
        )
        .values("town")[:1]
    )
    Response.objects.filter(pk=response.pk).update(town=Subquery(town))
    response.refresh_from_db(fields=["town"])


@transaction.atomic
def response_page_save(
    *,
    invitation: Invitation,
    response: Response,
    page: Page,
    data: Any,
    now: dt.datetime | None = None,
) -> Response:
    """Save the answers of one page and move on to the next page shown; after the last page
    the response is completed.

    Rules: the page belongs to the response's version, is shown (its condition holds) and is
    not after the page the person has reached; only the page's questions shown are answered
    (answers to questions now hidden are removed); every answer passes `answer_clean`.
    Raises AnswersInvalid (nothing stored), DomainError for a page out of order or a
    completed response, ConsentMissing after a withdrawal."""
    now = now or timezone.now()
    response = Response.objects.select_for_update().get(pk=response.pk)
    if current_consent(invitation.person, invitation.wave.study) is None:
        raise ConsentMissing(_("You withdrew your consent; no answers are stored."))
    if response.status == Response.Status.COMPLETED:
        raise DomainError(_("You have finished this survey already. Thank you!"))
    pages = version_questions(response.survey_version)
    answers = answers_of(response)
    shown = visible_pages(pages, answers)
    if page.version_id != response.survey_version_id or page not in shown:
        raise DomainError(_("This page is not part of your survey."))
    if page.position > max(response.page_position, shown[0].position):
        raise DomainError(_("Please answer the pages in order."))
    page = next(p for p in shown if p.pk == page.pk)
    questions = visible_questions(page, answers)
    errors: dict[str, str] = {}
    cleaned: dict[Question, dict[Option | None, Any]] = {}
    for question in questions:
        try:
            cleaned[question] = answer_clean(question, data)
        except ValueError as error:
            errors[field_name(question)] = str(error)
    if errors:
        raise AnswersInvalid(errors)
    Answer.objects.filter(response=response, question__page=page).delete()
    rows = [
        _answer_row(response, question, item, value)
        for question, values in cleaned.items()
        for item, value in values.items()
    ]
    for row in rows:
        row.saved_at = now
    Answer.objects.bulk_create(rows)
    answers = answers_of(response)
    following = [p for p in visible_pages(pages, answers) if p.position > page.position]
    if following:
        response.page_position = following[0].position
    else:
        response.page_position = page.position
        response.status = Response.Status.COMPLETED
        response.completed_at = now
    response.save(update_fields=["page_position", "status", "completed_at"])
    return response
