from django import template
from django.utils.safestring import SafeString

from transferraum.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """{{ organisation.description|markdown }}: safe HTML from what a person wrote."""
    return render_markdown(text)
