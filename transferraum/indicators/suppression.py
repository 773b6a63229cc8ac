"""Small cells: a published figure that counts fewer than `THRESHOLD` people is not shown, so
nobody is recognisable in a table for the public (the usual rule of official statistics).

Pure functions on numbers. A table whose total is shown would give a single suppressed cell
away (total minus the others), so the next smallest cell is suppressed as well (secondary
suppression).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5


@dataclass(frozen=True)
class Cell:
    value: float | int | None
    suppressed: bool = False

    @property
    def shown(self) -> float | int | None:
        return None if self.suppressed else self.value


def is_small(value: float | int | None) -> bool:
    return value is not None and 0 < value < THRESHOLD


def suppress_one(value: float | int | None, *, applies: bool) -> Cell:
    """One figure on its own."""
    return Cell(value, suppressed=applies and is_small(value))


def suppress_table(values: Sequence[float | int | None], *, applies: bool) -> list[Cell]:
    """The cells of one breakdown (whose total is published too)."""
    cells = [Cell(value, suppressed=applies and is_small(value)) for value in values]
    hidden = [i for i, cell in enumerate(cells) if cell.suppressed]
    if len(hidden) == 1:
        candidates = [
            i
            for i, cell in enumerate(cells)
            if not cell.suppressed and cell.value  # not 0
        ]
        if candidates:
            smallest = min(candidates, key=lambda i: (cells[i].value or 0, i))
            cells[smallest] = Cell(cells[smallest].value, suppressed=True)
    return cells
