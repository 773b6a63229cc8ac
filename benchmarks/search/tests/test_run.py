from __future__ import annotations

from benchmarks.search.run import Result, render


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
