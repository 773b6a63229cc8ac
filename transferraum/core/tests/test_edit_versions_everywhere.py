"""No form that edits a shared object can opt out of edit versions (core.versions).

The rules, checked over every form class and every URL of the project, present and future:

1. A ModelForm of a `Versioned` model is a `VersionedForm`.
2. A plain form whose fields are mostly fields of a `Versioned` model (at least two, and at
   least half of the form's own) is a `VersionedForm`, a step form of a lifecycle (the step
   takes the row lock and refuses a step the status no longer allows), or named in
   NOT_EDITING with the reason.
3. Every `VersionedForm` names a `Versioned` model, and every `Versioned` model has one.
4. Every page that edits (its URL name ends in "edit", its path has "bearbeiten", or it is
   named in EDIT_PAGES) is in EDIT_PAGES with the model it edits, which is `Versioned`, or
   with the reason why nobody else edits the same thing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.core.models import Versioned
from transferraum.core.versions import VersionedForm
from transferraum.opportunities.models import Opportunity
from transferraum.projects.models import Feedback, Meeting, Milestone, Project, Round
from transferraum.recommendations.models import Recommendation
from transferraum.research.models import Question
from transferraum.ventures.models import Venture

# Plain forms that look like an editor of a versioned model but are not.
NOT_EDITING: dict[str, str] = {
    "transferraum.actors.forms.OrganisationCreateForm": "creates an organisation",
    "transferraum.recommendations.forms.MilestoneForm": "creates an implementation milestone",
    "transferraum.research.forms.QuestionForm": "adds a question to a survey",
    "transferraum.ventures.forms.GateForm": (
        "passes a venture's gate: the step locks the row and refuses from any other stage"
    ),
    "transferraum.ventures.forms.OutcomeForm": "records an application's outcome once",
}

# Every page that edits: the versioned model, or why no one else edits the same thing.
EDIT_PAGES: dict[str, type[models.Model] | str] = {
    "actors:edit": Organisation,
    "actors:profile-edit": "a person's own profile: only that person edits it",
    "challenges:edit": Challenge,
    "challenges:review": Challenge,  # the coordinators' assignment
    "projects:round-edit": Round,
    "projects:project-edit": Project,
    "projects:workspace-milestone-edit": Milestone,
    "projects:workspace-meeting-edit": Meeting,
    "projects:workspace-feedback": Feedback,
    "projects:workspace-deliverables": Project,
    "recommendations:edit": Recommendation,
    "research:question-edit": Question,
    "research:page-edit": (
        "a page's two titles and condition: the researchers of one study share a survey, but "
        "a page (unlike a question) has no edit version because its field `version` names the "
        "survey version; the lead may rename it to add one"
    ),
    "ventures:edit": Venture,
    "opportunities:edit": Opportunity,
    "opportunities:contact-edit": (
        "a town's contact on its welcome page (a name, an address, a phone number): the town's "
        "staff replace an entry as a whole, and a later save is the truth"
    ),
    "recommendations:milestone-edit": (
        "sets one number (progress, done) in place: the latest value is the truth, no text "
        "is lost, and every change is in the recommendation's history"
    ),
}


def _import_forms() -> None:
    """Import every app's forms (module or package), so that every form class exists."""
    for config in apps.get_app_configs():
        if not config.name.startswith("transferraum."):
            continue
        for name in ("forms", "admin"):
            try:
                module = importlib.import_module(f"{config.name}.{name}")
            except ModuleNotFoundError:
                continue
            for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
                importlib.import_module(f"{module.__name__}.{info.name}")


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _project_forms() -> list[type[forms.BaseForm]]:
    _import_forms()
    found = {
        cls
        for cls in _subclasses(forms.BaseForm)
        if cls.__module__.startswith("transferraum.")
        and ".tests." not in cls.__module__  # forms made up by tests
        and hasattr(cls, "base_fields")
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _versioned_models() -> list[type[Versioned]]:
    return [model for model in apps.get_models() if issubclass(model, Versioned)]


def _model_of(cls: type[forms.BaseForm]) -> type[models.Model] | None:
    meta = getattr(cls, "_meta", None)
    model = getattr(meta, "model", None)
    return model or getattr(cls, "versioned_model", None)


def _step_forms() -> set[type]:
    """The forms of lifecycle steps, from every app's STEP_FORMS."""
    steps: set[type] = set()
    for cls in _project_forms():
        module = importlib.import_module(cls.__module__)
        steps |= set(getattr(module, "STEP_FORMS", {}).values())
    return {cls for cls in _project_forms() if any(issubclass(cls, step) for step in steps)}


def test_every_model_form_of_a_versioned_model_carries_the_version():
    missing = [
        _name(cls)
        for cls in _project_forms()
        if issubclass(cls, forms.BaseModelForm)
        and (model := _model_of(cls)) is not None
        and issubclass(model, Versioned)
        and not issubclass(cls, VersionedForm)
    ]

    assert missing == [], "Mix core.versions.VersionedForm into these ModelForms"


def test_every_plain_form_that_looks_like_an_editor_carries_the_version():
    steps = _step_forms()
    suspicious = []
    for cls in _project_forms():
        if issubclass(cls, VersionedForm | forms.BaseModelForm) or cls in steps:
            continue
        if _name(cls) in NOT_EDITING:
            continue
        names = set(cls.base_fields)
        for model in _versioned_models():
            editable = {
                field.name
                for field in model._meta.get_fields()
                if field.concrete and getattr(field, "editable", False)
            }
            shared = names & editable
            if len(shared) >= 2 and len(shared) * 2 >= len(names):
                suspicious.append((_name(cls), model.__name__, sorted(shared)))

    assert suspicious == [], (
        "These forms edit fields of a versioned model: make them VersionedForm (with "
        "versioned_model and initial_from), or name them in NOT_EDITING with the reason"
    )


def test_every_versioned_form_names_a_versioned_model_and_every_such_model_has_a_form():
    versioned_forms = [cls for cls in _project_forms() if issubclass(cls, VersionedForm)]
    models_of_forms = {_model_of(cls) for cls in versioned_forms}

    assert [
        _name(cls)
        for cls in versioned_forms
        if not (isinstance(_model_of(cls), type) and issubclass(_model_of(cls), Versioned))  # type: ignore[arg-type]
    ] == []
    assert [model.__name__ for model in _versioned_models() if model not in models_of_forms] == []


def _url_names(
    patterns: list[URLPattern | URLResolver], namespace: str = "", route: str = ""
) -> Iterator[tuple[str, str]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from _url_names(
                pattern.url_patterns, inner.strip(":"), route + str(pattern.pattern)
            )
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, route + str(pattern.pattern)


def test_every_edit_page_edits_a_versioned_model_or_says_why_not():
    pages = {
        name
        for name, route in _url_names(get_resolver().url_patterns)
        if not name.startswith("admin:") and (name.endswith("edit") or "bearbeiten" in route)
    }

    assert sorted(pages - set(EDIT_PAGES)) == [], "Add these pages to EDIT_PAGES"
    assert (
        sorted(
            name
            for name, model in EDIT_PAGES.items()
            if not isinstance(model, str) and not issubclass(model, Versioned)
        )
        == []
    )
    known = dict(_url_names(get_resolver().url_patterns))
    assert sorted(set(EDIT_PAGES) - set(known)) == [], "EDIT_PAGES names a page that is gone"


@pytest.mark.parametrize("name", sorted(NOT_EDITING))
def test_every_exemption_names_a_form_that_exists(name):
    assert name in {_name(cls) for cls in _project_forms()}
