import pytest

from benchmarks.allocation.run import Run, _gap


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
