"""Django's admin keeps the edit versions (`core.versions`): two admins editing the same row get
the conflict message, not a silent overwrite (`core.admin.VersionedAdmin`)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from transferraum.core.admin import VersionedAdmin
from transferraum.core.models import Versioned
from transferraum.projects.models import Project
from transferraum.projects.tests.factories import ProjectFactory


def test_every_admin_of_a_versioned_model_checks_the_version():
    unchecked = [
        type(model_admin).__name__
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, Versioned) and not isinstance(model_admin, VersionedAdmin)
    ]
    assert unchecked == [], (
        "These admins save Versioned models without the version check; base them on "
        "core.admin.VersionedAdmin: " + ", ".join(unchecked)
    )


class _FormValues(HTMLParser):
    """What a browser would send from the page's change form, as it stands."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        name = found.get("name", "")
        if tag == "input" and name and found.get("type") not in {"submit", "button", "file"}:
            choice = found.get("type") in {"checkbox", "radio"}
            if choice and "checked" not in found:
                return
            self.data.setdefault(name, []).append(found.get("value", "on" if choice else ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in found:
            self.data.setdefault(self._select, []).append(found.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.data.setdefault(name, []).append("")

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # the browser drops the newline that follows <textarea>
            self.data[self._textarea][-1] = self.data[self._textarea][-1].removeprefix("\n")
            self._textarea = None


def _change_form(client: Client, url: str) -> dict[str, list[str]]:
    page = client.get(url)
    assert page.status_code == 200
    reader = _FormValues()
    reader.feed(page.content.decode())
    data = {k: v for k, v in reader.data.items() if k != "csrfmiddlewaretoken"}
    data.pop("_selected_action", None)
    return data


@pytest.fixture
def two_admins(admin_user):
    first, second = Client(), Client()
    first.force_login(admin_user)
    second.force_login(admin_user)
    return first, second


@pytest.mark.django_db
def test_two_admins_saving_the_same_row_the_second_gets_the_conflict(two_admins):
    project = ProjectFactory(title="Marktplatz Eilenburg")
    url = reverse("admin:projects_project_change", args=[project.pk])
    first, second = two_admins
    first_form = _change_form(first, url)
    second_form = _change_form(second, url)
    assert first_form["version"] == [str(project.version)]

    saved = first.post(url, {**first_form, "title": "Marktplatz Eilenburg (neu)", "_save": "1"})
    assert saved.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.version) == ("Marktplatz Eilenburg (neu)", 2)

    refused = second.post(url, {**second_form, "title": "Markt in Eilenburg", "_save": "1"})
    assert refused.status_code == 200
    assert "Jemand anderes hat hier inzwischen gespeichert" in refused.content.decode()
    project.refresh_from_db()
    assert project.title == "Marktplatz Eilenburg (neu)"

    # the form shown again carries the new version: saving it now is a deliberate choice
    again = refused.context["adminform"].form
    assert again["version"].value() == "2"
    assert again["title"].value() == "Markt in Eilenburg"
    retried = second.post(url, {**second_form, "version": "2", "title": "Markt in Eilenburg"})
    assert retried.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.version) == ("Markt in Eilenburg", 3)


@pytest.mark.django_db
def test_an_admin_save_counts_as_a_version_for_the_platforms_forms(two_admins):
    """A platform form loaded before an admin's save conflicts, as with any other save."""
    project = ProjectFactory()
    url = reverse("admin:projects_project_change", args=[project.pk])
    first, _second = two_admins
    form = _change_form(first, url)

    assert first.post(url, {**form, "_save": "1"}).status_code == 302
    assert Project.objects.get(pk=project.pk).version == project.version + 1


def _organisation():
    from transferraum.actors.tests.factories import OrganisationFactory

    return OrganisationFactory()


def _challenge():
    from transferraum.challenges.tests.factories import ChallengeFactory

    return ChallengeFactory()


def _round():
    from transferraum.projects.tests.factories import RoundFactory

    return RoundFactory()


def _recommendation():
    from transferraum.recommendations.tests.factories import RecommendationFactory

    return RecommendationFactory()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make", [_organisation, _challenge, _round, ProjectFactory, _recommendation]
)
def test_each_versioned_change_form_carries_its_version(admin_client, make):
    obj = make()
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    assert _change_form(admin_client, url)["version"] == [str(obj.version)]
