"""The labelled Likert scales a new Likert question starts with (code, German, English)."""

from __future__ import annotations

LIKERT5 = (
    (1, "stimme gar nicht zu", "strongly disagree"),
    (2, "stimme eher nicht zu", "disagree"),
    (3, "teils, teils", "neither agree nor disagree"),
    (4, "stimme eher zu", "agree"),
    (5, "stimme voll zu", "strongly agree"),
)

LIKERT7 = (
    (1, "stimme überhaupt nicht zu", "strongly disagree"),
    (2, "stimme nicht zu", "disagree"),
    (3, "stimme eher nicht zu", "somewhat disagree"),
    (4, "teils, teils", "neither agree nor disagree"),
    (5, "stimme eher zu", "somewhat agree"),
    (6, "stimme zu", "agree"),
    (7, "stimme voll und ganz zu", "strongly agree"),
)

SCALES = {"likert5": LIKERT5, "likert7": LIKERT7}
