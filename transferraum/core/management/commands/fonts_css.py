"""`manage.py fonts_css`: write static/css/fonts.css from what `make vendor` cut, so that the
declared faces and their unicode-range cannot drift from FONT_WEIGHTS and FONT_UNICODES in the
Makefile (the Makefile passes both)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string

# Fira Sans's file names (FiraSans-<name>.woff2) and the CSS weight of each.
WEIGHTS = {
    "Thin": 100,
    "ExtraLight": 200,
    "Light": 300,
    "Regular": 400,
    "Medium": 500,
    "SemiBold": 600,
    "Bold": 700,
    "ExtraBold": 800,
    "Black": 900,
}


# Local faces shaped like Fira Sans, for the moment before a face has arrived: Arial (Windows,
# macOS, iOS), DejaVu Sans (Linux). size-adjust = Fira's average width / the fallback's (the
# OS/2 weighting of lowercase letters and space: Fira Sans 0.4594 regular and 0.4599 semibold,
# Arial 904/2048 and bold 983/2048, DejaVu Sans 0.5070 and bold 0.5728); ascent and descent are
# Fira's (0.935 and 0.265 of the em) divided by size-adjust.
@dataclass(frozen=True)
class Fallback:
    family: str
    local: tuple[str, str]
    weights: str
    size_adjust: str
    ascent: str
    descent: str


FALLBACKS = (
    Fallback("Fira Sans Arial", ("Arial", "ArialMT"), "100 500", "104.07%", "89.85%", "25.46%"),
    Fallback(
        "Fira Sans Arial", ("Arial Bold", "Arial-BoldMT"), "600 900", "95.82%", "97.58%", "27.66%"
    ),
    Fallback(
        "Fira Sans DejaVu", ("DejaVu Sans", "DejaVuSans"), "100 500", "90.6%", "103.2%", "29.25%"
    ),
    Fallback(
        "Fira Sans DejaVu",
        ("DejaVu Sans Bold", "DejaVuSans-Bold"),
        "600 900",
        "80.29%",
        "116.45%",
        "33.01%",
    ),
)
UNICODE_RANGE = re.compile(r"U\+[0-9A-F]{1,6}(-[0-9A-F]{1,6})?", re.IGNORECASE)
TEMPLATE = "core/fonts.css"


@dataclass(frozen=True)
class Face:
    name: str
    weight: int


def fonts_css(weights: list[str], unicodes: str) -> str:
    """The style sheet declaring the subset faces `weights` (file names, as in FONT_WEIGHTS) for
    the characters `unicodes` (comma-separated, as in FONT_UNICODES and pyftsubset), with the
    metric-matched local fallbacks. Raises ValueError for an unknown weight or range."""
    unknown = [name for name in weights if name not in WEIGHTS]
    if unknown or not weights:
        raise ValueError(f"unknown or no weights: {' '.join(unknown)} (known: {' '.join(WEIGHTS)})")
    ranges = [part.strip() for part in unicodes.split(",") if part.strip()]
    wrong = [part for part in ranges if not UNICODE_RANGE.fullmatch(part)]
    if wrong or not ranges:
        raise ValueError(f"not a unicode range: {', '.join(wrong) or '(empty)'}")
    faces = sorted((Face(name, WEIGHTS[name]) for name in weights), key=lambda face: face.weight)
    return render_to_string(
        TEMPLATE,
        {"faces": faces, "unicode_range": ", ".join(ranges), "fallbacks": FALLBACKS},
    )


class Command(BaseCommand):
    help = "Write static/css/fonts.css for the subset Fira Sans faces (run by `make vendor`)."
    requires_system_checks: list[str] = []  # a build step: it needs neither models nor database

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--weights", nargs="+", required=True, help="e.g. Regular Bold")
        parser.add_argument("--unicodes", required=True, help="e.g. U+0020-007E,U+20AC")
        parser.add_argument("--output", type=Path, default=Path("static/css/fonts.css"))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            css = fonts_css(options["weights"], options["unicodes"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        options["output"].write_text(css, encoding="utf-8")
