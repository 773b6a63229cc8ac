"""Bar charts drawn on the server as SVG: the geometry is computed here (pure, tested), the
template draws it. Each chart stands beside a table with the same numbers, which is the
accessible form; the SVG carries a title and a summary for screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LABEL_WIDTH = 150
BAR_AREA = 260
VALUE_WIDTH = 60
ROW_HEIGHT = 26
BAR_HEIGHT = 16
PADDING = 6


@dataclass(frozen=True)
class Bar:
    label: str
    display: str  # the value as shown ("12", "37.5", "< 5")
    y: int  # top of the row
    width: float  # of the bar; 0 for a hidden or zero value
    text_y: int
    suppressed: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bar_x: int
    bar_height: int
    value_x: float  # where the value is written (after the longest bar)
    bars: list[Bar]


def bar_chart(rows: Sequence[tuple[str, float | int | None, str]]) -> Chart:
    """Horizontal bars for (label, value or None when suppressed, display) rows, scaled to the
    largest value shown."""
    largest = max((value for _label, value, _display in rows if value), default=0)
    bars = []
    for index, (label, value, display) in enumerate(rows):
        top = PADDING + index * ROW_HEIGHT
        width = (value / largest) * BAR_AREA if value and largest else 0
        bars.append(
            Bar(
                label=label,
                display=display,
                y=top + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                width=round(width, 1),
                text_y=top + ROW_HEIGHT // 2 + 5,
                suppressed=value is None,
            )
        )
    return Chart(
        width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        height=PADDING * 2 + max(len(rows), 1) * ROW_HEIGHT,
        label_width=LABEL_WIDTH - 8,
        bar_x=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        value_x=LABEL_WIDTH + BAR_AREA + 6,
        bars=bars,
    )
