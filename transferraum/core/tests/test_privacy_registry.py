"""The privacy registry is complete: every model that looks personal is declared."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from transferraum.core.privacy import (
    Erase,
    NotPersonal,
    PersonalData,
    declared,
    looks_personal,
    processing_record,
    registered,
    undeclared_models,
)


def test_every_model_with_personal_data_is_declared():
    missing = undeclared_models()
    assert missing == [], (
        "These models look like they hold personal data and are not in the privacy registry. "
        "Declare each in <app>/privacy.py with PersonalData (export, erasure, retention) or "
        "NotPersonal with a reason: " + "; ".join(missing)
    )


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        ("contact", models.EmailField(), True),
        ("phone_number", models.CharField(max_length=20), True),
        ("picture", models.ImageField(), True),
        ("home_address", models.TextField(), True),
        ("amount", models.IntegerField(), False),
    ],
)
def test_a_new_model_that_looks_personal_is_noticed(name, field, expected):
    """A model a later app adds is caught by its fields alone (an unmanaged probe here)."""
    meta = type("Meta", (), {"app_label": "core", "managed": False})
    probe = type(
        f"Probe{name.title().replace('_', '')}",
        (models.Model,),
        {"__module__": "transferraum.core.models", name: field, "Meta": meta},
    )
    try:
        assert bool(looks_personal(probe)) is expected
        assert declared(probe) is None
    finally:
        apps.all_models["core"].pop(probe._meta.model_name, None)
        apps.clear_cache()


def test_a_link_to_a_person_looks_personal():
    user = apps.get_model("accounts", "User")
    assert "actor" in looks_personal(apps.get_model("core", "Activity"))
    assert "(the person)" in looks_personal(user)


def test_declarations_name_real_fields():
    """Every field a declaration names exists, so a renamed field fails here, not at erasure."""
    for declaration in registered():
        model = declaration.model_class
        for name in (
            *declaration.export_fields,
            *declaration.files,
            *declaration.anonymise,
            *declaration.mentions,
        ):
            model._meta.get_field(name)
        if declaration.retention is not None:
            model._meta.get_field(declaration.retention.field)
        if declaration.erase == Erase.ANONYMISE:
            assert declaration.person_fields or declaration.anonymise, declaration.model


def test_not_personal_declarations_give_a_reason():
    from transferraum.core import privacy

    for declaration in privacy._NOT_PERSONAL.values():
        assert isinstance(declaration, NotPersonal)
        assert declaration.reason.strip()
        apps.get_model(declaration.model)


def test_declaring_a_model_twice_is_refused():
    from transferraum.core.privacy import privacy_register

    with pytest.raises(ValueError, match="twice"):
        privacy_register(NotPersonal("core.Activity", "again"))


def test_the_record_has_an_entry_per_declaration_in_both_languages():
    from django.utils import translation

    def record() -> list[tuple[str, str, str]]:
        return [(e.name, str(e.purpose), e.retention) for e in processing_record()]

    with translation.override("de"):
        german = record()
    with translation.override("en"):
        english = record()
    assert len(german) == len(english) == len(registered())
    notifications_de = next(entry for entry in german if entry[0] == "Benachrichtigungen")
    notifications_en = next(entry for entry in english if entry[0] == "notifications")
    assert notifications_de[1:] == (
        "Benachrichtigung über Ereignisse auf der Plattform, wie gewünscht",
        "Gelöscht 365 Tage nach „erstellt am“",
    )
    assert notifications_en[1:] == (
        "Telling people what happened in the platform, as they chose",
        "Deleted 365 days after “created at”",
    )
    assert all(isinstance(d, PersonalData) for d in registered())
