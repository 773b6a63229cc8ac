"""The exports of a study read back: wide and long, CSV and XLSX, the codebook, the R syntax,
the missing-value codes; the frequency tables with small cells suppressed; who may export."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, place
from transferraum.research import exports
from transferraum.research.models import Invitation, Page, Response
from transferraum.research.pseudonyms import pseudonym
from transferraum.research.services import answering, studies
from transferraum.research.tests.factories import study_make, survey_make, wave_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def form(**fields):
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            data.appendlist(f"q-{name}", str(item))
    return data


@pytest.fixture
def study(researcher):
    return study_make(researcher, erase=False)


@pytest.fixture
def survey(researcher, study):
    return survey_make(researcher, study)


@pytest.fixture
def round_with_students(student_geography, student_informatics):
    round = RoundFactory()
    project = ProjectFactory(round=round)
    place(student_geography, project)
    place(student_informatics, project)
    return round


@pytest.fixture
def wave(researcher, study, survey, round_with_students):
    return studies.wave_open(
        actor=researcher, wave=wave_make(researcher, study, survey, round=round_with_students)
    )


def answer(wave, person, *pages):
    """`person` consents and answers `pages` (one form each) in order."""
    invitation = Invitation.objects.get(wave=wave, person=person)
    studies.consent_give(
        person=person, study=wave.study, consent_version=studies.newest_consent_version(wave.study)
    )
    response = answering.response_start(invitation=invitation)
    for position, data in pages:
        page = Page.objects.get(version=wave.survey_version, position=position)
        response = answering.response_page_save(
            invitation=invitation, response=response, page=page, data=data
        )
    return response


@pytest.fixture
def answered(wave, student_geography, student_informatics):
    """Geography feels bound (5), skips the optional days (-8), answers page 2; informatics
    does not (2), so page 2 is not asked (-9)."""
    answer(
        wave,
        student_geography,
        (1, form(bindung=5)),
        (2, form(warum="=SUMME(A1)", orte=[1, 2])),
    )
    answer(wave, student_informatics, (1, form(bindung=2, tage=12)))
    return wave


def unzip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def csv_dicts(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_dicts(content: bytes) -> list[dict[str, object]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def by_pseudonym(rows, study, person):
    return next(row for row in rows if row["pseudonym"] == pseudonym(study, person))


EXPECTED = {
    # geography: days skipped (-8), page 2 answered
    "geo": {"bindung": 5, "tage": -8, "warum": "=SUMME(A1)", "orte_1": 1, "orte_2": 1},
    # informatics: not bound, so page 2 is not asked (-9)
    "inf": {"bindung": 2, "tage": 12, "warum": -9, "orte_1": -9, "orte_2": -9},
}


def test_the_wide_csv_reads_back_one_row_per_pseudonym_and_wave(
    client, researcher, study, answered, student_geography, student_informatics
):
    client.force_login(researcher)
    response = client.get(reverse("research:export-zip", args=[study.pk, "breit-csv"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    files = unzip(response.content)
    assert set(files) == {"antworten-breit.csv", "codebuch.csv", "antworten-breit.R"}
    rows = csv_dicts(files["antworten-breit.csv"])
    assert len(rows) == 2
    assert list(rows[0])[:5] == ["pseudonym", "wave", "survey", "version", "status"]
    for person, key in ((student_geography, "geo"), (student_informatics, "inf")):
        row = by_pseudonym(rows, study, person)
        expected = {
            name: ("'" + value if name == "warum" and key == "geo" else str(value))
            for name, value in EXPECTED[key].items()
        }
        assert {name: row[name] for name in expected} == expected
        assert row["wave"] == "Vorher" and row["status"] == "completed"
    decoded = files["antworten-breit.csv"].decode("utf-8-sig")
    assert student_geography.email not in decoded and student_geography.name not in decoded


def test_the_wide_xlsx_keeps_types_and_stores_texts_never_as_formulas(
    client, researcher, study, answered, student_geography, student_informatics
):
    client.force_login(researcher)
    response = client.get(reverse("research:export-zip", args=[study.pk, "breit-xlsx"]))
    files = unzip(response.content)
    assert set(files) == {"antworten-breit.xlsx", "codebuch.xlsx", "antworten-breit.R"}
    rows = xlsx_dicts(files["antworten-breit.xlsx"])
    for person, key in ((student_geography, "geo"), (student_informatics, "inf")):
        row = by_pseudonym(rows, study, person)
        assert {name: row[name] for name in EXPECTED[key]} == EXPECTED[key]
    codebook = {row["variable"]: row for row in xlsx_dicts(files["codebuch.xlsx"])}
    assert set(codebook) == set(EXPECTED["geo"])


def test_the_long_tables_hold_the_same_cells(
    client, researcher, study, answered, student_geography, student_informatics
):
    client.force_login(researcher)
    found = {}
    for kind, read in (("lang-csv", csv_dicts), ("lang-xlsx", xlsx_dicts)):
        files = unzip(client.get(reverse("research:export-zip", args=[study.pk, kind])).content)
        extension = kind.split("-")[1]
        rows = read(files[f"antworten-lang.{extension}"])
        assert list(rows[0]) == list(exports.LONG_HEADER)
        found[kind] = rows
    for person, key in ((student_geography, "geo"), (student_informatics, "inf")):
        mine = pseudonym(study, person)
        csv_cells = {r["variable"]: r["value"] for r in found["lang-csv"] if r["pseudonym"] == mine}
        xlsx_cells = {
            r["variable"]: r["value"] for r in found["lang-xlsx"] if r["pseudonym"] == mine
        }
        assert xlsx_cells == EXPECTED[key]
        assert csv_cells == {
            name: ("'" + v if isinstance(v, str) else str(v)) for name, v in EXPECTED[key].items()
        }


def test_the_codebook_names_types_labels_missing_codes_and_conditions(
    client, researcher, study, answered
):
    client.force_login(researcher)
    files = unzip(client.get(reverse("research:export-zip", args=[study.pk, "lang-csv"])).content)
    codebook = {row["variable"]: row for row in csv_dicts(files["codebuch.csv"])}
    assert list(codebook) == ["bindung", "tage", "warum", "orte_1", "orte_2"]
    assert codebook["bindung"]["values"].startswith("1=stimme gar nicht zu")
    assert codebook["bindung"]["question_en"] == "I feel attached to the region."
    assert codebook["orte_1"]["question_de"] == "Wo? – Eilenburg"
    assert codebook["orte_1"]["type"] == "multiple_option"
    assert codebook["orte_1"]["values"] == "0=nicht gewählt; 1=gewählt"  # the page's language
    assert codebook["warum"]["asked_if"] == "bindung ≥ 4"
    assert codebook["tage"]["asked_if"] == ""
    for code in ("-9", "-8", "-7", "-6"):
        assert f"= {code}" in codebook["tage"]["missing"]
    assert codebook["tage"]["missing"][:1].isalpha()  # never read as a formula


def test_the_r_syntax_names_every_variable_and_label(client, researcher, study, answered):
    client.force_login(researcher)
    for shape in ("breit", "lang"):
        files = unzip(
            client.get(reverse("research:export-zip", args=[study.pk, f"{shape}-csv"])).content
        )
        syntax = files[f"antworten-{shape}.R"].decode()
        assert f'read.csv("antworten-{shape}.csv"' in syntax
        assert "missing_codes <- c(-9, -8, -7, -6)" in syntax
        for row in csv_dicts(files["codebuch.csv"]):
            assert f'"{row["variable"]}"' in syntax
            assert f'"{row["question_de"]}"' in syntax
            for pair in filter(None, row["values"].split("; ")):
                assert f'"{pair.split("=", 1)[1]}"' in syntax
    wide = unzip(client.get(reverse("research:export-zip", args=[study.pk, "breit-xlsx"])).content)
    syntax = wide["antworten-breit.R"].decode()
    assert 'readxl::read_excel("antworten-breit.xlsx"' in syntax
    assert 'data[["bindung"]] <- factor(to_na(data[["bindung"]]), levels = c(1, 2, 3, 4, 5)' in (
        syntax
    )
    assert 'data[["tage"]] <- as.numeric(to_na(data[["tage"]]))' in syntax


def test_an_unfinished_response_is_not_reached_or_withdrawn(
    study, wave, student_geography, student_informatics
):
    # geography stops after page 1; informatics withdraws after page 1 (answers kept)
    answer(wave, student_geography, (1, form(bindung=4)))
    answer(wave, student_informatics, (1, form(bindung=5, tage=3)))
    assert Response.objects.filter(status="started").count() == 2
    studies.consent_withdraw(person=student_informatics, study=study)
    header = exports.wide_header(study)
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in exports.wide_rows(study)}
    geo = rows[pseudonym(study, student_geography)]
    inf = rows[pseudonym(study, student_informatics)]
    assert (geo["bindung"], geo["tage"], geo["warum"], geo["orte_1"]) == (4, -8, -6, -6)
    assert (inf["bindung"], inf["tage"], inf["warum"], inf["orte_2"]) == (5, 3, -7, -7)


@pytest.mark.parametrize("kind", ["breit-csv", "breit-xlsx", "lang-csv", "lang-xlsx"])
def test_only_researchers_of_the_study_export(client, study, answered, coordinator, kind):
    from transferraum.accounts.tests.factories import UserFactory

    url = reverse("research:export-zip", args=[study.pk, kind])
    client.force_login(coordinator)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role="researcher"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_an_unknown_export_is_not_found(client, researcher, study):
    client.force_login(researcher)
    for kind in ("breit-pdf", "quer-csv", "breit"):
        assert client.get(reverse("research:export-zip", args=[study.pk, kind])).status_code == 404


# --- frequency tables -------------------------------------------------------------------------


def test_small_cells_of_the_frequency_tables_are_suppressed(
    client, researcher, study, survey, answered
):
    tables = {table.variable: table for table in exports.frequency_tables(study)}
    bindung = tables["bindung"]
    # two people answered: every count is below 5, the total too
    assert bindung.total.suppressed and bindung.total.value == 2
    shown = {row.code: row.cell for row in bindung.rows}
    assert shown[5].suppressed and shown[2].suppressed
    assert shown[1].value == 0 and not shown[1].suppressed
    assert "orte_1" in tables and "tage" not in tables  # numbers are no frequency table
    client.force_login(researcher)
    page = client.get(reverse("research:frequencies", args=[study.pk]))
    assert page.status_code == 200
    assert "&lt; 5" in page.text and 'data-frequency="bindung"' in page.text


def test_cells_of_five_or_more_people_are_shown(researcher, study, survey):
    round = RoundFactory()
    project = ProjectFactory(round=round)
    from transferraum.accounts.tests.factories import UserFactory

    people = [UserFactory(role="student") for _ in range(10)]
    for person in people:
        place(person, project)
    wave = studies.wave_open(
        actor=researcher, wave=wave_make(researcher, study, survey, round=round)
    )
    for number, person in enumerate(people):
        answer(wave, person, (1, form(bindung=1 if number < 5 else 3)))
    table = next(t for t in exports.frequency_tables(study) if t.variable == "bindung")
    cells = {row.code: row.cell.shown for row in table.rows}
    assert cells == {1: 5, 2: 0, 3: 5, 4: 0, 5: 0} and table.total.shown == 10


def test_frequencies_are_counted_in_sql_and_match_a_hand_count(
    researcher, study, survey, django_assert_max_num_queries
):
    """Seven people: bindung 1,1,1,1,1,4,5 (the two feeling bound answer page 2 and choose
    places: {1}, {1, 2}). By hand: bindung 1 → 5, 4 → 1, 5 → 1 (total 7); orte_1 chosen by 2,
    orte_2 chosen by 1, not chosen by 1 (total 2)."""
    round = RoundFactory()
    project = ProjectFactory(round=round)
    from transferraum.accounts.tests.factories import UserFactory

    people = [UserFactory(role="student") for _ in range(7)]
    for person in people:
        place(person, project)
    wave = studies.wave_open(
        actor=researcher, wave=wave_make(researcher, study, survey, round=round)
    )
    for person in people[:5]:
        answer(wave, person, (1, form(bindung=1)))
    answer(wave, people[5], (1, form(bindung=4)), (2, form(orte=[1])))
    answer(wave, people[6], (1, form(bindung=5)), (2, form(orte=[1, 2])))
    counts = exports.frequency_counts(study)
    assert counts[(wave.pk, "bindung")] == {1: 5, 4: 1, 5: 1}
    assert counts[(wave.pk, "orte_1")] == {1: 2}
    assert counts[(wave.pk, "orte_2")] == {0: 1, 1: 1}
    with django_assert_max_num_queries(6):  # the questionnaire, the GROUP BY, the waves
        tables = {table.variable: table for table in exports.frequency_tables(study)}
    bindung = {row.code: row.cell for row in tables["bindung"].rows}
    assert bindung[1].shown == 5 and tables["bindung"].total.shown == 7
    # 4 and 5 are small; 2 and 3 are 0 (not small): both small cells hidden
    assert bindung[4].suppressed and bindung[5].suppressed and bindung[2].shown == 0
    assert tables["orte_2"].total.suppressed


def test_the_frequency_query_count_does_not_grow_with_the_responses(
    researcher, study, survey, answered, student_geography, django_assert_num_queries
):
    exports.frequency_tables(study)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        exports.frequency_tables(study)
    round = RoundFactory()
    project = ProjectFactory(round=round)
    from transferraum.accounts.tests.factories import UserFactory

    people = [UserFactory(role="student") for _ in range(6)]
    for person in people:
        place(person, project)
    wave = studies.wave_open(
        actor=researcher, wave=wave_make(researcher, study, survey, round=round)
    )
    for number, person in enumerate(people):
        answer(wave, person, (1, form(bindung=1 + number % 5)))
    with django_assert_num_queries(len(few.captured_queries)):
        exports.frequency_tables(study)


def test_matrix_rows_are_variables_and_other_surveys_leave_cells_empty(
    researcher, study, survey, answered, student_geography, round_with_students
):
    import datetime as dt

    from transferraum.research.models import Option
    from transferraum.research.services import surveys

    other = surveys.survey_create(actor=researcher, study=study, title_de="Wege", title_en="Ways")
    page = other.versions.get().pages.get()
    matrix = surveys.question_add(
        actor=researcher,
        page=page,
        code="weg",
        kind="matrix",
        text_de="Wie oft?",
        text_en="How often?",
    )
    for label in ("nie", "oft"):
        surveys.option_add(actor=researcher, question=matrix, label_de=label, label_en=label)
    for label in ("Bus", "Rad"):
        surveys.option_add(
            actor=researcher, question=matrix, label_de=label, label_en=label, role=Option.Role.ITEM
        )
    surveys.question_add(
        actor=researcher, page=page, code="tag", kind="date", text_de="Tag", text_en="Day"
    )
    second = studies.wave_open(
        actor=researcher, wave=wave_make(researcher, study, other, round=round_with_students)
    )
    invitation = Invitation.objects.get(wave=second, person=student_geography)
    response = answering.response_start(invitation=invitation)
    answering.response_page_save(
        invitation=invitation,
        response=response,
        page=page,
        data=form(**{"weg-1": 2, "weg-2": 1, "tag": "2026-05-01"}),
    )
    header = exports.wide_header(study)
    assert {"weg_1", "weg_2", "tag"} <= set(header)
    rows = [dict(zip(header, row, strict=True)) for row in exports.wide_rows(study)]
    mine = [r for r in rows if r["pseudonym"] == pseudonym(study, student_geography)]
    assert len(mine) == 2  # one row per wave
    ways = next(r for r in mine if r["survey"] == "Wege")
    assert (ways["weg_1"], ways["weg_2"], ways["tag"]) == (2, 1, dt.date(2026, 5, 1))
    assert ways["bindung"] is None  # not in this wave's questionnaire
    bound = next(r for r in mine if r["survey"] == "Bindung")
    assert bound["weg_1"] is None and bound["bindung"] == 5
    codebook = {row[2]: row for row in exports.codebook_rows(study)}
    assert codebook["weg_1"][3] == "Wie oft? – Bus" and codebook["weg_1"][6] == "1=nie; 2=oft"
    syntax = exports.r_syntax(study, shape="breit", file_format="csv")
    assert 'data[["tag"]] <- as.Date(to_na(data[["tag"]]))' in syntax
    assert 'data[["weg_2"]] <- factor(' in syntax
