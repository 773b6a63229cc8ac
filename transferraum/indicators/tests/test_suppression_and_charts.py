"""Small cells and the chart's geometry: pure functions."""

from transferraum.indicators.charts import BAR_AREA, bar_chart
from transferraum.indicators.suppression import suppress_one, suppress_table


def test_figures_of_fewer_than_five_people_are_suppressed():
    assert [suppress_one(v, applies=True).suppressed for v in (0, 1, 4, 5, None)] == [
        False,
        True,
        True,
        False,
        False,
    ]
    assert not suppress_one(3, applies=False).suppressed  # not a count of people


def test_a_single_small_cell_takes_the_next_smallest_with_it():
    cells = suppress_table([12, 3, 7, 0], applies=True)
    assert [c.suppressed for c in cells] == [False, True, True, False]
    assert [c.shown for c in cells] == [12, None, None, 0]


def test_two_small_cells_need_no_second_one():
    cells = suppress_table([2, 3, 9], applies=True)
    assert [c.suppressed for c in cells] == [True, True, False]


def test_nothing_is_suppressed_where_no_people_are_counted():
    assert not any(c.suppressed for c in suppress_table([1, 2], applies=False))


def test_bars_scale_to_the_largest_value_and_hidden_ones_have_none():
    chart = bar_chart([("Eilenburg", 10, "10"), ("Zeitz", 5, "5"), ("Delitzsch", None, "< 5")])
    assert [bar.width for bar in chart.bars] == [BAR_AREA, BAR_AREA / 2, 0]
    assert chart.bars[2].suppressed
    assert chart.bars[0].y < chart.bars[1].y < chart.bars[2].y
    assert chart.height >= chart.bars[2].y
