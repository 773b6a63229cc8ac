"""German is the default language: every text of the interface must have its translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PO = ROOT / "locale" / "de" / "LC_MESSAGES" / "django.po"


def _entries(po: Path, flag: str) -> list[str]:
    """The catalogue's entries that `msgattrib flag` selects, without the header."""
    output = subprocess.run(
        ["msgattrib", flag, "--no-wrap", str(po)], capture_output=True, text=True, check=True
    ).stdout
    return [
        block
        for block in output.strip().split("\n\n")
        if block and "Project-Id-Version" not in block
    ]


@pytest.mark.skipif(not shutil.which("msgattrib"), reason="gettext is not installed")
def test_the_german_catalogue_covers_every_source_text(tmp_path):
    # makemessages on a copy: merges the current sources into the committed catalogue without
    # touching the working tree; anything new shows up untranslated, anything changed as fuzzy.
    for name in ("config", "transferraum", "templates", "locale"):
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    merged = tmp_path / "locale" / "de" / "LC_MESSAGES" / "django.po"

    untranslated = _entries(merged, "--untranslated")
    fuzzy = _entries(merged, "--only-fuzzy")

    assert not untranslated, "untranslated (run makemessages -l de):\n\n" + "\n\n".join(
        untranslated
    )
    assert not fuzzy, "fuzzy or changed:\n\n" + "\n\n".join(fuzzy)
