"""Markdown written by people, rendered safely: no script, no event handlers, no foreign frames."""

from __future__ import annotations

import threading

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# Building a `Markdown` registers about a hundred processors: a card list rendering a summary
# per card spent more time there than in converting. One converter per thread (a converter
# keeps state while it works), reset before each text.
_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    converter: markdown_lib.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
        _local.converter = converter
    return converter


def render_markdown(text: str) -> SafeString:
    """Markdown to HTML with only harmless tags; links get rel="noopener nofollow"."""
    html = _converter().reset().convert(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 removed everything not on the allow-list
