"""The exports of a study: the answers in a wide table (one row per pseudonym and wave, one
column per variable) and a long one (one row per pseudonym, wave and variable), each as CSV or
XLSX, with the codebook and an R syntax file; and the frequency tables researchers see, with
small cells suppressed (`indicators.suppression`).

Rows name the pseudonym, never a person. Variables: a question's `code`; a matrix gives one
variable per row (`code_rowvalue`), a multiple choice one per option (`code_optionvalue`,
1 chosen, 0 not chosen). A cell without an answer holds a missing-value code saying why
(`MISSING`); in the wide table an empty cell means the variable is not part of the wave's
questionnaire (another survey of the study).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.indicators.suppression import Cell, suppress_one, suppress_table
from transferraum.research.conditions import condition_holds, describe
from transferraum.research.models import (
    Answer,
    ConsentRecord,
    Option,
    Page,
    Question,
    Response,
    Study,
    Wave,
)
from transferraum.research.pseudonyms import pseudonym_for
from transferraum.research.services.answering import answers_by_code

NOT_ASKED = -9
NO_ANSWER = -8
WITHDRAWN = -7
NOT_REACHED = -6
MISSING = {
    NOT_ASKED: gettext_lazy("not asked: the condition of its page or question did not hold"),
    NO_ANSWER: gettext_lazy("no answer: shown, but left empty (skipped)"),
    WITHDRAWN: gettext_lazy(
        "consent withdrawn before this question: the answers given before are kept"
    ),
    NOT_REACHED: gettext_lazy("not reached: the survey was not finished"),
}

SHAPES = ("breit", "lang")  # wide, long
FORMATS = ("csv", "xlsx")
LONG_HEADER = ("pseudonym", "wave", "survey", "version", "variable", "value", "saved_at")
WIDE_FIRST = ("pseudonym", "wave", "survey", "version", "status")
CODEBOOK_HEADER = (
    "survey",
    "version",
    "variable",
    "question_de",
    "question_en",
    "type",
    "values",
    "missing",
    "asked_if",
)

Value = int | Decimal | dt.date | str | None


@dataclass(frozen=True)
class Variable:
    """One column of the wide table."""

    name: str
    question: Question
    item: Option | None = None  # a row of a matrix
    option: Option | None = None  # an option of a multiple choice (0/1)

    @property
    def kind(self) -> str:
        return "multiple_option" if self.option is not None else str(self.question.kind)

    def text(self, language: str) -> str:
        text = str(getattr(self.question, f"text_{language}") or self.question.text_de)
        part = self.item or self.option
        if part is not None:
            text += " – " + str(getattr(part, f"label_{language}") or part.label_de)
        return text

    def labels(self) -> list[tuple[int, str]]:
        """Value labels (code, label in German, the codes' language)."""
        if self.option is not None:
            return [(0, _("not chosen")), (1, _("chosen"))]
        if self.question.kind in Question.CHOICE_KINDS:
            return [
                (o.value, o.label_de)
                for o in self.question.options.all()
                if o.role == Option.Role.CHOICE
            ]
        return []


def question_variables(question: Question) -> list[Variable]:
    options = list(question.options.all())
    if question.kind == Question.Kind.MATRIX:
        items = [o for o in options if o.role == Option.Role.ITEM]
        return [Variable(f"{question.code}_{o.value}", question, item=o) for o in items]
    if question.kind == Question.Kind.MULTIPLE:
        choices = [o for o in options if o.role == Option.Role.CHOICE]
        return [Variable(f"{question.code}_{o.value}", question, option=o) for o in choices]
    return [Variable(question.code, question)]


@dataclass
class StudyTables:
    """The questionnaires of a study, loaded once: pages per survey version and the variables
    of all versions (by name, the first definition wins) in order."""

    study: Study
    pages: dict[int, list[Page]] = field(default_factory=dict)
    variables: dict[str, Variable] = field(default_factory=dict)

    def version_variables(self, version_id: int) -> list[Variable]:
        return [
            variable
            for page in self.pages.get(version_id, [])
            for question in page.questions.all()
            for variable in question_variables(question)
        ]


def study_tables(study: Study) -> StudyTables:
    tables = StudyTables(study)
    pages = (
        Page.objects.filter(version__survey__study=study)
        .select_related("version__survey")
        .prefetch_related(
            Prefetch("questions", Question.objects.order_by("position")), "questions__options"
        )
        .order_by("version__survey__title_de", "version__number", "position")
    )
    for page in pages:
        tables.pages.setdefault(page.version_id, []).append(page)
        for question in page.questions.all():
            for variable in question_variables(question):
                tables.variables.setdefault(variable.name, variable)
    return tables


def withdrawn_pseudonyms(study: Study) -> set[str]:
    """The pseudonyms of participants whose latest consent record is a withdrawal (their
    answers are still here only when the consent text said to keep them)."""
    records = ConsentRecord.objects.filter(study=study).order_by("person_id", "at", "pk")
    latest = dict(records.values_list("person_id", "action"))  # the last record wins
    return {
        pseudonym_for(study.key_id, person_id)
        for person_id, action in latest.items()
        if action == ConsentRecord.Action.WITHDRAWN
    }


def _answer_value(variable: Variable, rows: dict[tuple[int, int | None], Answer]) -> Value:
    question = variable.question
    answer = rows.get((question.pk, variable.item.pk if variable.item else None))
    if answer is None:
        return None
    if variable.option is not None:
        if not answer.choices:
            return None
        return 1 if variable.option.value in {int(code) for code in answer.choices} else 0
    if question.kind == Question.Kind.DATE:
        return answer.date
    if question.kind == Question.Kind.TEXT:
        return answer.text or None
    if answer.number is None:
        return None
    number = answer.number.normalize()
    return int(number) if number == number.to_integral_value() else number


@dataclass(frozen=True)
class ResponseCells:
    response: Response
    values: dict[str, Value]  # variable name → value or missing code, in questionnaire order
    saved_at: dict[str, dt.datetime]


def response_cells(response: Response, tables: StudyTables, withdrawn: set[str]) -> ResponseCells:
    """Every variable of the response's version: the answer, or the code saying why not."""
    answers = list(response.answers.all())
    by_code = answers_by_code(answers)
    rows = {(a.question_id, a.item_id): a for a in answers}
    completed = response.status == Response.Status.COMPLETED
    values: dict[str, Value] = {}
    saved: dict[str, dt.datetime] = {}
    for page in tables.pages.get(response.survey_version_id, []):
        reached = completed or page.position < response.page_position
        page_shown = condition_holds(page.condition, by_code)
        for question in page.questions.all():
            shown = page_shown and condition_holds(question.condition, by_code)
            for variable in question_variables(question):
                if not reached:
                    values[variable.name] = (
                        WITHDRAWN if response.pseudonym in withdrawn else NOT_REACHED
                    )
                elif not shown:
                    values[variable.name] = NOT_ASKED
                else:
                    value = _answer_value(variable, rows)
                    values[variable.name] = NO_ANSWER if value is None else value
                    row = rows.get((question.pk, variable.item.pk if variable.item else None))
                    if row is not None:
                        saved[variable.name] = row.saved_at
    return ResponseCells(response, values, saved)


def study_responses(study: Study) -> Iterator[ResponseCells]:
    """The cells of every response of the study, in a stable order (read in chunks)."""
    tables = study_tables(study)
    withdrawn = withdrawn_pseudonyms(study)
    responses = (
        Response.objects.filter(wave__study=study)
        .select_related("wave", "survey_version__survey")
        .prefetch_related(Prefetch("answers", Answer.objects.select_related("question", "item")))
        .order_by("wave__invite_on", "wave_id", "pseudonym")
    )
    for response in responses.iterator(chunk_size=500):
        yield response_cells(response, tables, withdrawn)


def _head(response: Response) -> tuple[str, str, str, int]:
    return (
        response.pseudonym,
        response.wave.name,
        response.survey_version.survey.title_de,
        response.survey_version.number,
    )


def wide_header(study: Study) -> tuple[str, ...]:
    return (*WIDE_FIRST, *study_tables(study).variables)


def wide_rows(study: Study) -> Iterator[tuple[Value, ...]]:
    names = list(study_tables(study).variables)
    for cells in study_responses(study):
        yield (
            *_head(cells.response),
            cells.response.status,
            *(cells.values.get(name) for name in names),
        )


def long_rows(study: Study) -> Iterator[tuple[Value, ...]]:
    for cells in study_responses(study):
        head = _head(cells.response)
        for name, value in cells.values.items():
            saved = cells.saved_at.get(name)
            yield (*head, name, value, saved.isoformat() if saved else "")


def codebook_rows(study: Study) -> Iterator[tuple[str, ...]]:
    """One row per variable of every version of the study's surveys."""
    tables = study_tables(study)
    missing = "; ".join(f"{label} = {code}" for code, label in MISSING.items())
    for pages in tables.pages.values():
        for page in pages:
            version = page.version
            for question in page.questions.all():
                conditions = " / ".join(
                    text
                    for text in (describe(page.condition), describe(question.condition))
                    if text
                )
                for variable in question_variables(question):
                    yield (
                        version.survey.title_de,
                        str(version.number),
                        variable.name,
                        variable.text("de"),
                        variable.text("en"),
                        variable.kind,
                        "; ".join(f"{code}={label}" for code, label in variable.labels()),
                        missing,
                        conditions,
                    )


# --- files ------------------------------------------------------------------------------------


def _plain(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Value]]) -> str:
    """A CSV file (UTF-8 with a byte-order mark, so spreadsheets read the umlauts). Texts that
    start like a formula are quoted with an apostrophe (CSV injection); numbers and the
    missing-value codes are written as they are."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                "'" + cell if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@") else cell
                for cell in map(_cell_for_csv, row)
            ]
        )
    return out.getvalue()


def _cell_for_csv(value: Value) -> str | int:
    return value if isinstance(value, int) else _plain(value)


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Value]]]]) -> bytes:
    """An XLSX workbook, one sheet per (title, header, rows). Texts are stored as texts, never
    as formulas; numbers, codes and dates keep their type."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _r(text: str) -> str:
    """An R string literal."""
    return json.dumps(text, ensure_ascii=False)


def r_syntax(study: Study, *, shape: str, file_format: str) -> str:
    """R code that reads the data file and applies the codebook: missing-value codes become
    NA, choice variables factors with their labels, every variable its question as label."""
    tables = study_tables(study)
    data_file = f"antworten-{shape}.{file_format}"
    lines = [
        f"# {study.title}: {data_file} with labels and missing values (R).",
        f"# Made by Transferraum on {timezone.localdate().isoformat()}; "
        f"see codebuch.{file_format}.",
        "# Missing-value codes (set to NA below):",
        *(f"#   {code}: {label}" for code, label in MISSING.items()),
        "",
    ]
    if file_format == "xlsx":
        lines.append('# install.packages("readxl") once')
        lines.append(f"data <- as.data.frame(readxl::read_excel({_r(data_file)}, sheet = 1))")
    else:
        lines.append(
            f'data <- read.csv({_r(data_file)}, fileEncoding = "UTF-8-BOM", '
            'check.names = FALSE, stringsAsFactors = FALSE, na.strings = "")'
        )
    lines += [
        "missing_codes <- c(" + ", ".join(str(code) for code in MISSING) + ")",
        "to_na <- function(x) { x[trimws(as.character(x)) %in% "
        "as.character(missing_codes)] <- NA; x }",
        "",
        "variable_labels <- c(",
        ",\n".join(
            f"  {_r(name)} = {_r(variable.text('de'))}"
            for name, variable in tables.variables.items()
        ),
        ")",
        "",
    ]
    if shape == "lang":
        lines += _r_long(tables)
    else:
        lines += _r_wide(tables)
    return "\n".join(lines) + "\n"


def _r_wide(tables: StudyTables) -> list[str]:
    lines = []
    for name, variable in tables.variables.items():
        column = f"data[[{_r(name)}]]"
        labels = variable.labels()
        if labels:
            levels = ", ".join(str(code) for code, _label in labels)
            names = ", ".join(_r(label) for _code, label in labels)
            lines.append(
                f"{column} <- factor(to_na({column}), levels = c({levels}), labels = c({names}))"
            )
        elif variable.question.kind == Question.Kind.NUMBER:
            lines.append(f"{column} <- as.numeric(to_na({column}))")
        elif variable.question.kind == Question.Kind.DATE:
            lines.append(f"{column} <- as.Date(to_na({column}))")
        else:
            lines.append(f"{column} <- as.character(to_na({column}))")
    lines.append("for (v in names(variable_labels)) if (v %in% names(data)) ")
    lines[-1] += 'attr(data[[v]], "label") <- variable_labels[[v]]'
    return lines


def _r_long(tables: StudyTables) -> list[str]:
    labelled = [
        (name, code, label)
        for name, variable in tables.variables.items()
        for code, label in variable.labels()
    ]
    return [
        "# The reason a value is missing stays in `missing`; `value` becomes NA.",
        "data$value <- as.character(data$value)",
        "data$missing <- ifelse(data$value %in% as.character(missing_codes), "
        "as.integer(data$value), NA)",
        "data$value <- to_na(data$value)",
        "data$question <- unname(variable_labels[data$variable])",
        "value_labels <- data.frame(",
        "  variable = c(" + ", ".join(_r(name) for name, _c, _l in labelled) + "),",
        "  value = c(" + ", ".join(_r(str(code)) for _n, code, _l in labelled) + "),",
        "  label = c(" + ", ".join(_r(label) for _n, _c, label in labelled) + "),",
        "  stringsAsFactors = FALSE",
        ")",
        'data <- merge(data, value_labels, by = c("variable", "value"), all.x = TRUE, '
        "sort = FALSE)",
    ]


def export_zip(study: Study, *, shape: str, file_format: str) -> bytes:
    """The ZIP of one export: the data file, the codebook (same format) and the R syntax."""
    if shape == "breit":
        header: Sequence[str] = wide_header(study)
        rows: Iterable[Sequence[Value]] = wide_rows(study)
    else:
        header, rows = LONG_HEADER, long_rows(study)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if file_format == "xlsx":
            archive.writestr(f"antworten-{shape}.xlsx", xlsx_bytes([("data", header, rows)]))
            archive.writestr(
                "codebuch.xlsx",
                xlsx_bytes([("codebook", CODEBOOK_HEADER, codebook_rows(study))]),
            )
        else:
            archive.writestr(f"antworten-{shape}.csv", csv_text(header, rows))
            archive.writestr("codebuch.csv", csv_text(CODEBOOK_HEADER, codebook_rows(study)))
        archive.writestr(
            f"antworten-{shape}.R", r_syntax(study, shape=shape, file_format=file_format)
        )
    return out.getvalue()


# --- frequency tables (published to researchers, small cells suppressed) ----------------------


@dataclass(frozen=True)
class FrequencyRow:
    code: int
    label: str
    cell: Cell


@dataclass(frozen=True)
class FrequencyTable:
    wave: str
    variable: str
    question: str
    total: Cell
    rows: list[FrequencyRow]


def frequency_counts(
    study: Study, tables: StudyTables | None = None
) -> dict[tuple[int, str], dict[int, int]]:
    """How many people gave each code, per (wave id, choice variable): one GROUP BY over the
    answers (wave, question, matrix row, code; a multiple choice by its set of chosen codes,
    which has few distinct values), spread over the variables here. An answer row exists only
    for a page the person saved and a question shown to them (answering removes the rest)."""
    variable_of: dict[tuple[int, int | None], str] = {}
    multiple: dict[int, list[tuple[str, int]]] = {}
    for pages in (tables or study_tables(study)).pages.values():
        for page in pages:
            for question in page.questions.all():
                if question.kind not in Question.CHOICE_KINDS:
                    continue
                for variable in question_variables(question):
                    if variable.option is not None:
                        multiple.setdefault(question.pk, []).append(
                            (variable.name, variable.option.value)
                        )
                    else:
                        item = variable.item.pk if variable.item else None
                        variable_of[(question.pk, item)] = variable.name
    grouped = (
        Answer.objects.filter(response__wave__study=study, question__kind__in=Question.CHOICE_KINDS)
        .filter(Q(number__isnull=False) | Q(choices__isnull=False))
        .values_list("response__wave_id", "question_id", "item_id", "number", "choices")
        .annotate(people=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[int, str], dict[int, int]] = {}

    def add(wave: int, name: str, code: int, people: int) -> None:
        cell = counts.setdefault((wave, name), {})
        cell[code] = cell.get(code, 0) + people

    for wave, question, item, number, chosen, people in grouped:
        if question in multiple:
            codes = {int(code) for code in chosen or []}
            if not codes:
                continue
            for name, value in multiple[question]:
                add(wave, name, 1 if value in codes else 0, people)
        elif number is not None and (question, item) in variable_of:
            add(wave, variable_of[(question, item)], int(number), people)
    return counts


def frequency_tables(study: Study) -> list[FrequencyTable]:
    """Per wave and choice variable: how many people chose each value (`frequency_counts`,
    counted in SQL). Cells counting fewer than 5 people are suppressed (with the next
    smallest, as the total is shown); a total under 5 is suppressed too."""
    tables = study_tables(study)
    counts = frequency_counts(study, tables)
    waves = Wave.objects.filter(study=study).order_by("invite_on", "pk").values_list("pk", "name")
    result = []
    for wave, wave_name in waves:
        for name, variable in tables.variables.items():
            found = counts.get((wave, name))
            if not found:
                continue
            labels = variable.labels()
            cells_shown = suppress_table([found.get(code, 0) for code, _l in labels], applies=True)
            result.append(
                FrequencyTable(
                    wave=wave_name,
                    variable=name,
                    question=variable.text("de"),
                    total=suppress_one(sum(found.values()), applies=True),
                    rows=[
                        FrequencyRow(code, label, cell)
                        for (code, label), cell in zip(labels, cells_shown, strict=True)
                    ],
                )
            )
    return result
