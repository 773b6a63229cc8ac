import pytest

from benchmarks.allocation.run import Run, _gap, render, render_product


@pytest.mark.parametrize(
    ("gap", "optimal", "text"),
    [
        (0.0, True, "0.0 %, proven"),
        (0.004, False, "0.4 %"),
        (1.24, False, "124.0 %"),  # a bound far above the answer is a percentage, not a ratio
        (None, False, "—"),
    ],
)
def test_gap_is_written_as_a_percentage(gap, optimal, text):
    run = Run("full", 20_000, "ours-rank-maximal", "ok", gap=gap, optimal=optimal)
    assert _gap(run) == text


def test_the_product_line_stands_in_the_section_before_the_targets():
    measured = {"students": 5000, "seconds": 12.5, "engine": 10.0, "status": "done"}
    line = render_product({**measured, "optimal": True}, 5000)
    section = render([], [], seed=1, time_limit=60, product=line)

    assert "**12.5 s**" in line and "5,000 students" in line
    assert section.index("### Through the product") < section.index("### Targets")
    assert "failed" in render_product(None, 5000)
    assert "CPU time of the process 9.5 s" in render_product(
        {**measured, "optimal": True, "cpu": 9.5}, 5000
    )
