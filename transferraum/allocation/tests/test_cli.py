"""The command line: a valid run and each kind of malformed input."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from transferraum.allocation.cli import main
from transferraum.allocation.management.commands.allocate import Command

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

VALID: dict[str, Any] = {
    "students": [
        {"id": "s1", "preferences": ["p2", "p1"], "programme": "Geographie",
         "competences": ["GIS"], "work_with": ["s2"]},
        {"id": "s2", "preferences": ["p2", "p1"], "programme": "Informatik"},
        {"id": "s3", "preferences": ["p1", "p2"], "programme": "Geographie"},
        {"id": "s4", "preferences": ["p3"]},
    ],
    "projects": [
        {"id": "p1", "min_size": 2, "max_size": 3, "supervisors": ["l1"],
         "required_competences": ["GIS"], "wanted_programmes": []},
        {"id": "p2", "min_size": 0, "max_size": 2, "supervisors": ["l1"]},
        {"id": "p3", "min_size": 3, "max_size": 4},
    ],
    "supervisors": [{"id": "l1", "capacity": 12}],
    "pins": [{"student": "s3", "project": "p1"}],
    "exclusions": [{"student": "s2", "project": "p1"}],
    "options": {"objective": "rank-maximal", "rank_costs": None, "max_programme_share": None,
                "work_with_weight": 0, "time_limit": 60, "seed": 0},
}  # fmt: skip


def _run(tmp_path: Path, data: Any, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "instance.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["allocate", str(path), *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_valid_instance_gives_a_result_that_matches_the_schema(tmp_path: Path) -> None:
    schema = json.loads((SCHEMA_DIR / "instance.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(VALID, schema)
    code, out, err = _run(tmp_path, VALID, "--objective", "min-cost", "--time-limit", "10")
    assert code == 0, err
    result = json.loads(out)
    schema = json.loads((SCHEMA_DIR / "result.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(result, schema)
    assert result["assignment"]["s3"] == "p1"
    assert result["meta"]["objective_name"] == "min-cost"
    assert result["meta"]["solvers"]["highspy"]
    assert result["unassigned"][0]["student"] == "s4"


def _broken(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    target: Any = data
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (_broken("students.0.preferences", ["p2", "p9"]), "'p9'"),
        (_broken("students.0.preferences", ["p2", "p2"]), "student 's1': ranks project 'p2' twice"),
        (_broken("students.0.work_with", ["nobody"]), "'nobody'"),
        (_broken("students.1.id", "s1"), "student 's1'"),
        (_broken("projects.0.min_size", 5), "project 'p1': min_size 5 is greater than max_size 3"),
        (_broken("projects.0.max_size", -1), "project 'p1': max_size"),
        (_broken("projects.0.supervisors", ["l9"]), "'l9'"),
        (_broken("supervisors.0.capacity", -3), "supervisor 'l1': capacity"),
        (_broken("pins", [{"student": "s9", "project": "p1"}]), "'s9'"),
        (
            _broken("pins", [{"student": "s4", "project": "p1"}]),
            "pin 's4' -> 'p1': the student did not rank",
        ),
        (
            _broken("pins", [{"student": "s2", "project": "p1"}]),
            "pin 's2' -> 'p1': the student is excluded",
        ),
        (_broken("pins", [{"student": "s4", "project": "p3"}]), "project 'p3'"),
        (
            _broken("projects.1.max_size", 0) | {"pins": [{"student": "s1", "project": "p2"}]},
            "project 'p2': 1 pins but only 0 places",
        ),
        (_broken("supervisors.0.capacity", 1), "supervisor 'l1'"),
        (_broken("exclusions", [{"student": "s1", "project": "p7"}]), "'p7'"),
        (_broken("options.objective", "fastest"), "options.objective"),
        (_broken("options.rank_costs", [1]), "options.rank_costs"),
        (_broken("students", "everyone"), "students"),
        ("{not json", "not valid JSON"),
    ],
)
def test_malformed_input_names_the_entry_and_exits_2(tmp_path: Path, data: Any, named: str) -> None:
    code, out, err = _run(tmp_path, data)
    assert code == 2
    assert out == ""
    assert named in err


def test_missing_file_exits_2(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["allocate", str(tmp_path / "nope.json")], stderr=err) == 2
    assert "cannot read" in err.getvalue()


def test_manage_py_allocate_runs_the_same_tool(tmp_path: Path) -> None:
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    out = io.StringIO()
    call_command(Command(), str(path), "--seed", "3", stdout=out)
    assert json.loads(out.getvalue())["meta"]["seed"] == 3
    path.write_text(json.dumps(_broken("projects.0.min_size", 9)), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command(Command(), str(path), stdout=io.StringIO(), stderr=io.StringIO())
