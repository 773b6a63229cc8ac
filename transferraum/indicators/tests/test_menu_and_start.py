"""The indicators join the menus and the start page through core's mechanisms."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from transferraum.core.menu import menu_for
from transferraum.core.start import start_page_for

pytestmark = pytest.mark.django_db


def urls(user):
    return [link.url for link in menu_for(user, "/")]


def test_everyone_finds_the_public_figures_and_the_staff_the_dashboard(
    researcher, coordinator, student_geography
):
    public, dashboard = reverse("indicators:public"), reverse("indicators:dashboard")
    assert public in urls(AnonymousUser()) and dashboard not in urls(AnonymousUser())
    assert dashboard not in urls(student_geography)
    assert dashboard in urls(researcher) and dashboard in urls(coordinator)


def test_the_records_page_marks_the_dashboard_in_the_menu(researcher):
    links = menu_for(researcher, reverse("indicators:records", args=["students"]))
    assert [link.url for link in links if link.current] == [reverse("indicators:dashboard")]


def test_a_researcher_with_nothing_waiting_is_offered_the_indicators(researcher, coordinator):
    ideas = [item.url for item in start_page_for(researcher).ideas]
    assert reverse("indicators:dashboard") in ideas
    assert reverse("indicators:dashboard") not in [
        item.url for item in start_page_for(coordinator).ideas
    ]
