"""Breadcrumbs: the trail from the home page through the lists to the page itself."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse


def render(source: str, **context) -> str:
    return Template("{% load navigation %}" + source).render(Context(context))


def crumbs(html: str) -> list[tuple[str, str]]:
    trail = re.search(r'<nav class="tr-breadcrumbs".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a class="kern-link" href="([^"]+)">([^<]+)</a>', trail)


@pytest.mark.django_db
def test_the_trail_starts_at_home_and_ends_with_the_page_itself():
    html = render(
        '{% breadcrumbs "Projects" "projects:rounds" "Winter" "/projekte/runden/7/" title %}',
        title="Leerstand",
    )
    assert crumbs(html) == [
        (reverse("regions:home"), "Startseite"),
        (reverse("projects:rounds"), "Projects"),
        ("/projekte/runden/7/", "Winter"),
    ]
    assert '<span aria-current="page">Leerstand</span>' in html
    assert 'aria-label="Sie sind hier"' in html
    assert "<ol" in html


def test_a_trail_without_the_page_itself_is_refused():
    with pytest.raises(TemplateSyntaxError):
        render('{% breadcrumbs "Projects" "projects:rounds" %}')


@pytest.mark.django_db
def test_detail_pages_show_where_they_sit(client, town_eilenburg):
    html = client.get(town_eilenburg.get_absolute_url()).content.decode()
    assert crumbs(html)[-1] == (reverse("network:directory"), "Verzeichnis")
    assert f'<span aria-current="page">{town_eilenburg.name}</span>' in html
