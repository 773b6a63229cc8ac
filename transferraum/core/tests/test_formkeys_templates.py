"""No form can opt out of one-time form keys (core.formkeys): every POST form in every template
of the project carries `{% form_key %}`, and htmx posts come from such forms."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

FORM = re.compile(r"<form\b[^>]*>", re.IGNORECASE | re.DOTALL)
POST = re.compile(r"""method\s*=\s*["']?(?:post\b|\{\{)""", re.IGNORECASE)
HX_POST = re.compile(r"<(?!form\b)(\w+)\b[^>]*\bhx-post=", re.IGNORECASE | re.DOTALL)
LOAD = re.compile(r"\{%\s*load\s[^%]*\bformkeys\b[^%]*%\}")

# Templates with hx-post on an element outside any form of their own file, and why that is safe.
HX_POST_OUTSIDE_FORM = {
    # Page buttons: the component is included inside the form that carries the key.
    "components/pagination.html",
}


def project_templates() -> dict[str, Path]:
    """Every template of the project (not of installed packages), by its name."""
    base = Path(settings.BASE_DIR).resolve()
    roots = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]]
    roots += [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base)
        and ".venv" not in Path(config.path).parts
    ]
    found: dict[str, Path] = {}
    for root in roots:
        for path in root.rglob("*.html"):
            found[str(path.relative_to(root))] = path
    return found


def post_forms_without_key(text: str) -> list[str]:
    """The opening tags of POST forms whose body lacks `{% form_key %}`."""
    missing = []
    for match in FORM.finditer(text):
        if not POST.search(match.group(0)):
            continue
        end = text.find("</form>", match.end())
        body = text[match.end() : end if end >= 0 else len(text)]
        if "{% form_key %}" not in body:
            missing.append(match.group(0))
    return missing


def hx_posts_outside_forms(text: str) -> list[str]:
    """Elements other than forms with hx-post that stand outside every form of the file."""
    spans = []
    for match in FORM.finditer(text):
        end = text.find("</form>", match.end())
        spans.append((match.start(), end if end >= 0 else len(text)))
    return [
        match.group(0)[:80]
        for match in HX_POST.finditer(text)
        if not any(start < match.start() < end for start, end in spans)
    ]


def test_the_scan_finds_the_project_templates():
    names = project_templates()
    assert "base.html" in names
    assert "challenges/form.html" in names
    assert "projects/workspace_form.html" in names
    assert not any("site-packages" in str(path) for path in names.values())


def test_the_scan_recognises_a_form_without_key():
    assert post_forms_without_key('<form method="post">{% csrf_token %}</form>')
    assert post_forms_without_key("<form\n  method='POST' class=x>{% csrf_token %}</form>")
    assert not post_forms_without_key('<form method="post">{% csrf_token %}{% form_key %}</form>')
    assert not post_forms_without_key('<form method="get"></form>')
    assert hx_posts_outside_forms('<button hx-post="/x/">x</button>')
    assert not hx_posts_outside_forms('<form method="post"><button hx-post="/x/">x</button></form>')


def test_every_post_form_carries_a_form_key():
    missing = {
        name: tags
        for name, path in sorted(project_templates().items())
        if (tags := post_forms_without_key(path.read_text()))
    }
    assert not missing, (
        "Write {% form_key %} right after {% csrf_token %} in these forms "
        "(and {% load formkeys %} at the top), see core/formkeys.py: " + repr(missing)
    )


def test_every_template_with_a_form_key_loads_the_tag():
    unloaded = [
        name
        for name, path in sorted(project_templates().items())
        if "{% form_key %}" in (text := path.read_text()) and not LOAD.search(text)
    ]
    assert not unloaded


def test_htmx_posts_come_from_forms_that_carry_the_key():
    outside = {
        name: tags
        for name, path in sorted(project_templates().items())
        if name not in HX_POST_OUTSIDE_FORM and (tags := hx_posts_outside_forms(path.read_text()))
    }
    assert not outside, (
        "An hx-post outside a <form> sends no form key: put it in a form with {% form_key %}: "
        + repr(outside)
    )
