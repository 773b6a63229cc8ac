from __future__ import annotations

from pathlib import Path

from benchmarks.search.run import END, START, Result, _p95, render, write_section


def test_p95_is_the_value_below_which_nineteen_of_twenty_lie() -> None:
    assert _p95([float(n) for n in range(1, 21)]) == 19.0
    assert _p95([5.0]) == 5.0


def test_the_section_names_the_slowest_query_and_the_target() -> None:
    section = render(
        [Result("GIS", 12, 3.0, 4.5), Result("Zeitz", 1001, 9.0, 31.0)],
        documents=100_000,
        rounds=40,
        vendor="postgresql",
        commit="abc1234",
        day="2026-12-07",
    )
    assert "commit abc1234" in section
    assert "**31.0 ms**" in section
    assert "❌" in section
    assert "| Zeitz | more than 1,000 | 9.0 | 31.0 |" in section


def test_writing_replaces_only_the_search_section(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    out.write_text(
        f"# Benchmarks\n\n<!-- web:start -->\nweb\n<!-- web:end -->\n\n{START}\nold\n{END}\n"
    )
    write_section(out, "new")
    text = out.read_text()
    assert "web\n" in text
    assert f"{START}\nnew\n{END}" in text
    assert "old" not in text
