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
    return render_to_string(TEMPLATE, {"faces": faces, "unicode_range": ", ".join(ranges)})


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
