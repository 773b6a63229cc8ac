"""The first exports of a study: every answer as one row (long format) and the codebook.

Rows name the pseudonym, never a person. The long table has one row per answer (a matrix:
one per row of the matrix, its variable `code_rowcode`; a multiple choice: the codes joined
by ";"); the codebook one row per variable of every survey version, with its question, type,
value labels and the condition under which it was asked. Wide tables, XLSX, syntax files and
the suppression of small cells are a later step that reads the same rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from transferraum.research.conditions import describe
from transferraum.research.models import Answer, Question, Study

LONG_HEADER = ("pseudonym", "wave", "survey", "version", "variable", "value", "saved_at")
CODEBOOK_HEADER = (
    "survey",
    "version",
    "variable",
    "question_de",
    "question_en",
    "type",
    "values",
    "asked_if",
)


def _value(answer: Answer) -> str:
    kind = answer.question.kind
    if kind == Question.Kind.MULTIPLE:
        return ";".join(str(code) for code in answer.choices or [])
    if kind == Question.Kind.DATE:
        return answer.date.isoformat() if answer.date else ""
    if kind == Question.Kind.TEXT:
        return answer.text
    if answer.number is None:
        return ""
    return f"{answer.number.normalize():f}"


def long_rows(study: Study) -> Iterator[tuple[str, ...]]:
    """Every answer of the study, one row each, in a stable order (read in chunks)."""
    answers = (
        Answer.objects.filter(response__wave__study=study)
        .select_related("response__wave", "question__page__version__survey", "item")
        .order_by(
            "response__wave__invite_on",
            "response__wave_id",
            "response__pseudonym",
            "question__page__position",
            "question__position",
            "item__position",
        )
    )
    for answer in answers.iterator(chunk_size=2000):
        version = answer.question.page.version
        variable = answer.question.code
        if answer.item is not None:
            variable = f"{variable}_{answer.item.value}"
        yield (
            answer.response.pseudonym,
            answer.response.wave.name,
            version.survey.title_de,
            str(version.number),
            variable,
            _value(answer),
            answer.saved_at.isoformat(),
        )


def codebook_rows(study: Study) -> Iterator[tuple[str, ...]]:
    """One row per variable of every version of the study's surveys."""
    questions = (
        Question.objects.filter(page__version__survey__study=study)
        .select_related("page__version__survey")
        .prefetch_related("options")
        .order_by(
            "page__version__survey__title_de", "page__version__number", "page__position", "position"
        )
    )
    for question in questions:
        version = question.page.version
        choices = [o for o in question.options.all() if o.role == "choice"]
        items = [o for o in question.options.all() if o.role == "item"]
        labels = "; ".join(f"{o.value}={o.label_de}" for o in choices)
        conditions = " / ".join(
            text
            for text in (describe(question.page.condition), describe(question.condition))
            if text
        )
        variables = [(f"{question.code}_{item.value}", f" – {item.label_de}") for item in items]
        for variable, suffix in variables or [(question.code, "")]:
            yield (
                version.survey.title_de,
                str(version.number),
                variable,
                question.text_de + suffix,
                question.text_en,
                question.kind,
                labels,
                conditions,
            )


def csv_text(header: tuple[str, ...], rows: Iterator[tuple[str, ...]]) -> str:
    """A CSV file (UTF-8 with a byte-order mark, so spreadsheets read the umlauts). Cells that
    start like a formula are quoted with an apostrophe (CSV injection)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["'" + cell if cell[:1] in ("=", "+", "-", "@") else cell for cell in row])
    return out.getvalue()
