"""static/css/fonts.css is written from the Makefile's FONT_WEIGHTS and FONT_UNICODES, so the
declared faces match the subsets `make vendor` cuts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from transferraum.core.management.commands.fonts_css import fonts_css

ROOT = Path(settings.BASE_DIR)


def makefile_value(name: str) -> str:
    match = re.search(rf"^{name} := (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert match, name
    return match.group(1).strip()


def test_every_weight_gets_a_face_with_the_subset_range():
    css = fonts_css(["Bold", "Regular"], "U+0020-007E,U+20AC")

    faces = re.findall(
        r"FiraSans-(\w+)\.woff2.*?font-weight: (\d+);.*?unicode-range: ([^;]+);", css, re.S
    )
    assert faces == [
        ("Regular", "400", "U+0020-007E, U+20AC"),
        ("Bold", "700", "U+0020-007E, U+20AC"),
    ]
    assert css.count("font-display: swap;") == 2
    # the metric-matched fallbacks stay
    assert "size-adjust: 104.07%;" in css and "ascent-override: 116.45%;" in css


@pytest.mark.parametrize(
    ("weights", "unicodes"),
    [
        (["Heavy"], "U+0020-007E"),
        ([], "U+0020-007E"),
        (["Regular"], "0020-007E"),
        (["Regular"], ""),
    ],
)
def test_an_unknown_weight_or_range_is_refused(weights, unicodes, tmp_path):
    output = tmp_path / "fonts.css"
    with pytest.raises(CommandError):
        call_command("fonts_css", "--weights", *weights, "--unicodes", unicodes, "--output", output)
    assert not output.exists()


def test_the_makefile_lists_make_the_style_sheet_and_base_html_preloads_each_face(tmp_path):
    weights = makefile_value("FONT_WEIGHTS").split()
    output = tmp_path / "fonts.css"

    call_command(
        "fonts_css",
        "--weights",
        *weights,
        "--unicodes",
        makefile_value("FONT_UNICODES"),
        "--output",
        str(output),
    )

    css = output.read_text()
    base = (ROOT / "templates" / "base.html").read_text()
    for weight in weights:
        subset = f"vendor/kern/fonts/fira-sans-subset/FiraSans-{weight}.woff2"
        assert subset in css
        assert f"{{% static '{subset}' %}}" in base
