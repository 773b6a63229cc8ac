"""Every PDF stylesheet builds on the one base (core/static/core/pdf-base.css): it imports the
base first and repeats none of its font faces or page set-up."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

DOCUMENTS = ("indicators/report-pdf.css", "recommendations/dossier-pdf.css")


def _read(path: str) -> str:
    found = finders.find(path)
    assert found, path
    with open(found, encoding="utf-8") as file:
        return file.read()


def test_the_base_holds_the_font_faces_and_the_page():
    base = _read("core/pdf-base.css")
    assert base.count("@font-face") == 4
    assert "size: A4" in base and "counter(pages)" in base


@pytest.mark.parametrize("path", DOCUMENTS)
def test_a_document_imports_the_base_and_repeats_none_of_it(path):
    css = _read(path)
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.S).strip()
    assert without_comments.startswith('@import url("../core/pdf-base.css");')
    for repeated in ("@font-face", "size: A4", "counter(pages)", "font-size: 10.5pt"):
        assert repeated not in css, f"{path} repeats {repeated!r} of the base"
